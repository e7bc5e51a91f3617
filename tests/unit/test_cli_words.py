"""The CLI's listings speak the interface language: Vietnamese headers and words, dates as
dd/mm/yyyy and times in the hall's local time (dd/mm/yyyy HH:MM), never a column name,
a stored code or an ISO UTC stamp."""

from __future__ import annotations

import datetime as dt
import re
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from shared.db import Store
from shared.registrations import register
from tests.unit.test_cli import run

ISO = re.compile(r"\d{4}-\d\d-\d\d")
ZONE = "Asia/Ho_Chi_Minh"


@pytest.fixture
def hall_clock(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The hall's clock (UTC+7) while the test machine's is UTC."""
    monkeypatch.setenv("TZ", ZONE)
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def _local(iso: str) -> str:
    return dt.datetime.fromisoformat(iso).astimezone().strftime("%d/%m/%Y %H:%M")


def test_print_jobs_and_ticket_in_vietnamese(
    store: Store, meeting: int, db_path: Path, tmp_path: Path, hall_clock: None
) -> None:
    register(store, meeting, consent=True, name="Đỗ Thị Lan")
    printer = f"preview:{tmp_path}/preview"
    printed = run("print", "ticket", "1", "--printer", printer, db=db_path).output
    assert "(phiếu số)" in printed and "(ticket)" not in printed
    listed = run("print", "jobs", db=db_path).output
    header = listed.splitlines()[0].split()
    assert header == ["#", "Loại", "Trạng", "thái", "Số", "lần", "gửi", "Thời", "gian", "Lỗi"]
    job = store.one("SELECT printed_at FROM print_jobs")
    assert job is not None
    assert _local(job["printed_at"]) in listed and not ISO.search(listed), listed
    assert "phiếu số" in listed and "đã in" in listed
    english = run("--lang", "en", "print", "jobs", db=db_path).output
    assert english.split()[:3] == ["#", "Kind", "Status"] and "ticket" in english


def test_meeting_show_and_list_in_vietnamese(
    store: Store, meeting: int, db_path: Path, hall_clock: None
) -> None:
    shown = run("meeting", "show", str(meeting), db=db_path).output
    created = store.one("SELECT created_at FROM meetings WHERE id = ?", (meeting,))
    assert created is not None
    for line in (
        "Ngày                                  10/02/2026",
        "Giờ bắt đầu                           08:00",
        "Trạng thái                            đang diễn ra",
        "Thời gian phát biểu                   5 phút",
        f"Tạo lúc                               {_local(created['created_at'])}",
    ):
        assert line in shown, shown
    assert "speaking_seconds" not in shown and "created_at" not in shown
    assert not ISO.search(shown), shown
    listed = run("meeting", "list", db=db_path).output
    assert listed.split()[:2] == ["#", "Ngày"] and "10/02/2026" in listed
    assert not ISO.search(listed)


@pytest.mark.parametrize(
    ("kind", "header"),
    [
        ("officials", ["Họ", "tên", "Chức", "vụ", "Cơ", "quan"]),
        ("bodies", ["Cơ", "quan", "Cấp"]),
        ("villages", ["Thôn"]),
        ("fields", ["Lĩnh", "vực"]),
    ],
)
def test_reference_lists_in_vietnamese(
    meeting: int, db_path: Path, kind: str, header: list[str]
) -> None:
    listed = run("reference", kind, db=db_path).output
    assert listed.splitlines()[0].split() == header
    assert "body_id" not in listed


def test_items_and_lookup_show_dates_as_people_write_them(
    store: Store, meeting: int, db_path: Path
) -> None:
    from shared import questions

    row = register(store, meeting, consent=True, name="Đỗ Văn Nam")
    asked = questions.add_question(store, meeting, number=row["number"], summary="Đường")
    questions.set_outcome(store, asked["id"], "pending", body="Phòng Kinh tế")
    items = run("items", db=db_path).output
    assert "12/03/2026" in items and not ISO.search(items), items  # 30 days after 10/02
    looked = run("lookup", row["code"], db=db_path).output
    assert "10/02/2026" in looked and "12/03/2026" in looked and not ISO.search(looked)
