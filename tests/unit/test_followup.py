"""Follow-up after the meeting: updates and history, overdue, reports, lookup, purge, merge."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from shared import followup, meetings, questions, speaking
from shared.db import Store, open_store
from shared.demo import ensure_reference_lists
from shared.i18n import UserError
from shared.merge import merge
from shared.registrations import register
from shared.reports import build, parse_period
from shared.retention import ANONYMOUS, purge

D = dt.date


@pytest.fixture
def pending(store: Store, meeting: int) -> list[int]:
    """Three items of the meeting on 2026-02-10: two pending, one transferred."""
    made = []
    for name, phone, outcome, extra in (
        ("Hoàng Văn Bình", "0912345678", "pending", {"body": "Phòng Kinh tế"}),
        ("Lê Thị Hoa", "0987654321", "pending", {"body": "Công an xã"}),
        (
            "Trần Quốc Toản",
            "",
            "transferred",
            {"body": "Sở Nông nghiệp và Môi trường", "level": "tỉnh", "document": "9/CV"},
        ),
    ):
        row = register(
            store,
            meeting,
            consent=True,
            name=name,
            phone=phone,
            village="Thôn Đông",
            summary=f"Ý kiến của {name}",
            field="Đất đai",
        )
        asked = questions.add_question(store, meeting, number=row["number"])
        questions.set_outcome(store, asked["id"], outcome, **extra)
        made.append(asked["id"])
    return made


def test_deadlines_across_tet_and_the_swapped_day(
    store: Store, meeting: int, pending: list[int]
) -> None:
    first = questions.get_question(store, pending[0])
    third = questions.get_question(store, pending[2])
    assert first["deadline"] == "2026-03-12"  # 30 calendar days from 2026-02-10
    assert third["deadline"] == "2026-03-03"  # 10 working days, Tết skipped
    assert store.calendar.add_working_days(D(2025, 12, 31), 1) == D(2026, 1, 5)  # 02/01 swapped


def test_updates_and_their_history(store: Store, pending: list[int]) -> None:
    item = pending[0]
    followup.start(store, item)
    followup.extend(store, item, deadline="2026-03-31", reason="Chờ đo đạc lại")
    with pytest.raises(UserError, match="The\\ new\\ deadline"):
        followup.extend(store, item, deadline="2026-03-01", reason="x")
    followup.answer(store, item, on="25/03/2026", document="45/UBND", summary="Đã cấp sổ")
    followup.inform(store, item, on="26/03/2026", how="Gửi văn bản")
    followup.rate(store, item, "satisfied")
    with pytest.raises(UserError, match="is\\ closed\\."):
        followup.start(store, item)
    row = questions.get_question(store, item)
    assert (row["followup_status"], row["progress"], row["deadline"], row["satisfaction"]) == (
        "closed",
        "answered",
        "2026-03-31",
        "satisfied",
    )
    # closed: off the follow-up list, whatever the filters (none here), the others still on
    listed = [i["id"] for i in followup.open_items(store, today=D(2026, 3, 26))]
    assert sorted(listed) == sorted(pending[1:])
    kinds = [event["kind"] for event in followup.history(store, item)]
    assert kinds[-5:] == [
        "followup.in_progress",
        "followup.extended",
        "followup.answered",
        "followup.informed",
        "followup.satisfaction",
    ]


def test_overdue_and_due_soon_against_a_fixed_today(store: Store, pending: list[int]) -> None:
    today = D(2026, 3, 5)  # after 2026-03-03, before 2026-03-12
    overdue = followup.open_items(store, today=today, overdue=True)
    assert [i["id"] for i in overdue] == [pending[2]]
    soon = followup.open_items(store, today=today, due_within=5)  # 5 working days: 2026-03-12
    assert {i["id"] for i in soon} == set(pending)
    assert [i["id"] for i in followup.open_items(store, today=today, body="cong an xa")] == [
        pending[1]
    ]


def test_report_counts_equal_direct_counts(store: Store, meeting: int, pending: list[int]) -> None:
    followup.answer(store, pending[0], on="2026-03-01", document="1", summary="Xong")
    followup.answer(store, pending[1], on="2026-03-20", document="2", summary="Muộn")
    report = build(store, parse_period("2026-Q1"), today=D(2026, 3, 25))
    direct = store.conn.execute(
        "SELECT count(*) FILTER (WHERE followup_status = 'closed' AND answered_on <= deadline),"
        " count(*) FILTER (WHERE followup_status = 'closed' AND answered_on > deadline),"
        " count(*) FILTER (WHERE followup_status = 'open') FROM questions"
        " WHERE outcome <> 'transferred'"  # a transfer is counted apart, by the citizen told
    ).fetchone()
    assert (report.on_time, report.late, report.still_open) == direct == (1, 1, 0)
    assert (report.told_on_time, report.not_told, report.not_told_overdue) == (0, 1, 1)
    assert report.by_outcome == {"pending": 2, "transferred": 1}
    assert report.questions == store.conn.execute("SELECT count(*) FROM questions").fetchone()[0]
    assert build(store, parse_period("2026-04"), today=D(2026, 4, 30)).questions == 0
    for bad in ("2026-Q3", "26", "2026-13"):
        with pytest.raises(UserError, match="Not\\ a\\ report\\ period:"):
            parse_period(bad)


def test_lookup_shows_only_the_citizens_own_items(
    store: Store, meeting: int, pending: list[int]
) -> None:
    code = store.one("SELECT code FROM registrations WHERE number = 1")
    assert code is not None
    shown = followup.lookup(store, code["code"].lower())
    text = repr(shown)
    assert shown["number"] == 1 and len(shown["items"]) == 1
    assert "Phòng Kinh tế" in text
    for other in ("Lê Thị Hoa", "Trần Quốc Toản", "Công an xã", "0912345678", "0987654321"):
        assert other not in text


def test_purge_leaves_no_personal_data_of_the_purged(
    store: Store, meeting: int, pending: list[int]
) -> None:
    followup.answer(store, pending[0], on="2026-03-01", document="1", summary="Xong")
    before = store.conn.execute("SELECT count(*) FROM registrations").fetchone()[0]
    assert purge(store, "2027-01-01", 6, today=D(2026, 12, 1)) == 1
    everything = _all_text(store)
    assert "Hoàng Văn Bình" not in everything and "0912345678" not in everything
    assert "Lê Thị Hoa" in everything  # her item is still open: kept
    row = store.one("SELECT * FROM registrations WHERE number = 1")
    assert row is not None and (row["name"], row["summary"]) == (
        ANONYMOUS,
        "Ý kiến của Hoàng Văn Bình",
    )
    assert row["consent_version"] and row["consent_at"]  # the consent record stays
    assert store.conn.execute("SELECT count(*) FROM registrations").fetchone()[0] == before
    with pytest.raises(UserError, match="No\\ personal\\ data\\ is\\ due\\ for\\ anonymisation\\."):
        purge(store, "2027-01-01", 6, today=D(2026, 12, 1))
    assert store.one("SELECT 1 FROM events WHERE kind = 'retention.purge'")


def _all_text(store: Store) -> str:
    """Every value of every table (the summary keeps the name here on purpose: excluded)."""
    chunks: list[str] = []
    for (table,) in store.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'"):
        for row in store.conn.execute(f"SELECT * FROM {table}"):
            chunks.extend(str(v) for v in row)
    return "\n".join(c for c in chunks if not c.startswith("Ý kiến của"))


def test_merge_is_idempotent(
    store: Store, meeting: int, pending: list[int], tmp_path: Path
) -> None:
    other_path = tmp_path / "other.db"
    other = open_store(other_path, "xa-khac")
    ensure_reference_lists(other)
    theirs = meetings.create_meeting(
        other, title="Đối thoại xã Khác", date="2026-02-20", start_time="08:00"
    )
    meetings.set_status(other, theirs, "open")
    for name in ("Phạm Văn Một", "Phạm Văn Hai"):
        register(other, theirs, consent=True, name=name)
    speaking.call(other, theirs)
    asked = questions.add_question(other, theirs, number=1, summary="Hỏi về điện")
    questions.set_outcome(other, asked["id"], "pending", body="Phòng Kinh tế")
    other.close()
    first = merge(store, other_path)
    assert (first["meetings"], first["registrations"], first["questions"]) == (1, 2, 1)
    assert merge(store, other_path) == {
        "meetings": 0,
        "registrations": 0,
        "questions": 0,
        "codes_changed": 0,
    }
    merged = store.one("SELECT id FROM meetings WHERE title = 'Đối thoại xã Khác'")
    assert merged is not None
    numbers = store.all(
        "SELECT number FROM registrations WHERE meeting_id = ? ORDER BY 1", (merged["id"],)
    )
    assert [n["number"] for n in numbers] == [1, 2]
    item = store.one("SELECT * FROM questions WHERE meeting_id = ?", (merged["id"],))
    assert item is not None and item["registration_id"] is not None
    assert (
        store.conn.execute("SELECT count(DISTINCT code) = count(*) FROM registrations").fetchone()[
            0
        ]
        == 1
    )


def test_a_transfer_to_a_new_body_adds_it_only_with_the_transfer(
    store: Store, pending: list[int]
) -> None:
    """Unknown without a yes; with one, added in the transfer's own transaction, so a
    refused transfer (a closed item) adds nothing."""
    new = "Ban Quản lý dự án tỉnh"
    count = len(store.all("SELECT id FROM bodies"))
    with pytest.raises(UserError, match="No body"):
        followup.transfer(store, pending[0], body=new)
    followup.answer(store, pending[1], on="01/03/2026", document="5/UBND", summary="Đã xong")
    with pytest.raises(UserError):
        followup.transfer(store, pending[1], body=new, new_body=new)
    assert len(store.all("SELECT id FROM bodies")) == count
    moved = followup.transfer(store, pending[0], body=new, new_body=new.upper())
    assert moved["body_name"] == new and len(store.all("SELECT id FROM bodies")) == count + 1
