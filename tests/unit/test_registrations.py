import unicodedata
from typing import Any

import pytest

from shared import meetings
from shared.db import Store
from shared.i18n import UserError
from shared.registrations import (
    by_code,
    likely_duplicates,
    payload,
    register,
    verify_payload,
)
from tests.conftest import snapshot


def sign_up(store: Store, meeting: int, **details: Any) -> dict[str, Any]:
    details.setdefault("name", "Nguyễn Văn Đức")
    details.setdefault("consent", True)
    return register(store, meeting, **details)


def test_numbers_are_sequential_per_meeting(store: Store, meeting: int) -> None:
    other = meetings.create_meeting(store, title="Khác", date="2026-03-01", start_time="08:00")
    meetings.set_status(store, other, "open")
    numbers = [sign_up(store, meeting)["number"] for _ in range(3)]
    assert numbers == [1, 2, 3]
    assert sign_up(store, other)["number"] == 1


def test_full_registration_is_stored_clean(store: Store, meeting: int) -> None:
    row = sign_up(
        store,
        meeting,
        name=unicodedata.normalize("NFD", "  Trần   Thị Hoà "),
        village="Thôn Đông",
        org="Hội Nông dân",
        field="đat đai",
        summary="Cấp sổ đỏ",
        phone="+84912345678",
        kind="Phản ánh",
        people=3,
    )
    assert row["name"] == "Trần Thị Hoà" and unicodedata.is_normalized("NFC", row["name"])
    assert row["field"] == "Đất đai"  # spelled as in the list
    assert row["phone"] == "0912345678"
    assert row["kind"] == "phan_anh" and row["people"] == 3
    assert row["consent_scope"].endswith(",phone") and row["consent_version"]
    assert row["source"] == "kiosk" and row["station"] == "test-station"
    assert by_code(store, row["code"].lower())["id"] == row["id"]


BAD_INPUT = {
    "empty name": {"name": ""},
    "whitespace name": {"name": "   \t "},
    "huge summary": {"summary": "x" * 10_000},
    "control character": {"name": "Lê\x07Văn"},
    "escape bytes": {"name": "Lê\x1b[2JVăn"},
    "zero-width": {"name": "Lê\u200dVăn"},
    "bidi override": {"name": "Lê\u202eVăn"},
    "foreign phone": {"phone": "+1 202 555 0199"},
    "unknown field": {"field": "Thiên văn"},
    "no consent": {"consent": False},
    "bad kind": {"kind": "đề xuất"},
    "zero people": {"people": 0},
}


@pytest.mark.parametrize("change", BAD_INPUT.values(), ids=BAD_INPUT.keys())
def test_bad_input_is_refused_and_changes_nothing(
    store: Store, meeting: int, change: dict[str, Any]
) -> None:
    before = snapshot(store)
    with pytest.raises(UserError) as refused:
        sign_up(store, meeting, **change)
    assert refused.value.message("vi") and refused.value.message("en")
    assert snapshot(store) == before


def test_unknown_meeting_is_refused(store: Store) -> None:
    with pytest.raises(UserError, match="There\\ is\\ no\\ meeting"):
        sign_up(store, 42)


def test_kiosk_respects_closed_registration_but_the_secretary_may_add(
    store: Store, meeting: int
) -> None:
    meetings.set_registration(store, meeting, False)
    with pytest.raises(UserError, match="Registration\\ to\\ speak\\ is\\ closed\\."):
        sign_up(store, meeting)
    assert sign_up(store, meeting, source="secretary")["number"] == 1
    meetings.set_status(store, meeting, "closed")
    with pytest.raises(UserError, match="is\\ closed;\\ it\\ can\\ no\\ longer\\ be\\ changed\\."):
        sign_up(store, meeting, source="secretary")


def test_signed_payload_verifies_against_its_meeting(store: Store, meeting: int) -> None:
    row = sign_up(store, meeting)
    text = payload(store, row)
    assert verify_payload(store, text, meeting)["id"] == row["id"]
    other = meetings.create_meeting(store, title="Khác", date="2026-03-01", start_time="08:00")
    with pytest.raises(
        UserError, match="This\\ ticket\\ belongs\\ to\\ another\\ meeting\\ \\(meeting"
    ):
        verify_payload(store, text, other)
    forged = text[:7] + ("A" if text[7] != "A" else "B") + text[8:]
    with pytest.raises(
        UserError,
        match="INVALID\\ ticket:\\ the\\ signature\\ does\\ not\\ match\\ \\(forged\\ or\\ altered\\)\\.",
    ):
        verify_payload(store, forged, meeting)


def test_likely_duplicate_is_found_by_folded_name_and_village(store: Store, meeting: int) -> None:
    first = sign_up(store, meeting, name="Nguyễn Văn Đức", village="Thôn Đông")
    sign_up(store, meeting, name="Nguyễn Văn Đức", village="Thôn Đoài")
    found = likely_duplicates(store, meeting, "NGUYEN VAN DUC", "thon dong")
    assert [r["id"] for r in found] == [first["id"]]
