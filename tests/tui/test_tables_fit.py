"""Every table is complete on the hall's screens: what is on screen at 100x30 and 140x45
has every important header whole, statuses in full, and long text ellipsised."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from textual.pilot import Pilot

from office.followup.app import make_followup_app
from session_console.chair.app import make_chair_app
from session_console.console.app import make_console_app
from session_console.widgets import LiveTable
from shared import questions, speaking
from shared.config import Settings
from shared.db import Store
from shared.registrations import register
from tests.tui.screen import screen_text

SIZES = [(100, 30), (140, 45)]
LONG_NAME = "Nguyễn Thị Phương Thảo Hoàng Lan Anh"
LONG_SUMMARY = "Đề nghị xã sớm sửa chữa tuyến đường liên thôn bị sạt lở sau mùa mưa bão năm nay"


@pytest.fixture
def hall(store: Store, meeting: int) -> int:
    """A speaker at the lectern whose question is pending at a body, and a long name."""
    for name, village in [
        ("Hoàng Văn Bình", "Tổ dân phố Minh Khai"),
        (LONG_NAME, "Thôn Đoài"),
        ("Trần Quốc Toản", "Thôn Hạ"),
    ]:
        register(store, meeting, consent=True, name=name, village=village, field="An sinh xã hội")
    speaking.call(store, meeting)
    speaking.start(store, meeting)
    asked = questions.add_question(store, meeting, number=1, summary=LONG_SUMMARY)
    questions.set_outcome(store, asked["id"], "pending", body="Phòng Văn hóa - Xã hội")
    return meeting


def header(app: object, table_id: str) -> str:
    """The header line of a table as drawn on screen."""
    table = app.query_one(f"#{table_id}", LiveTable)  # type: ignore[attr-defined]
    lines = screen_text(app).splitlines()
    return lines[table.region.y][table.region.x : table.region.right]


def words(line: str) -> list[str]:
    return [word for word in re.split(r"\s{2,}", line.strip()) if word]


def deadline_shown(text: str) -> bool:
    return re.search(r"\b\d\d/\d\d/20\d\d\b", text) is not None


async def settle(pilot: Pilot[None]) -> None:
    await pilot.pause()
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES)
async def test_the_console_shows_whole_headers_and_statuses(
    hall: int, settings: Settings, size: tuple[int, int]
) -> None:
    app = make_console_app(settings)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        shown = screen_text(app)
        assert words(header(app, "queue"))[:2] == ["Số", "Họ tên"]
        assert {"Trạng thái", "Chờ"} <= set(words(header(app, "queue")))
        assert "đang phát biểu" in shown and "đang chờ" in shown
        assert re.search(r"Nguyễn Thị Phương[^│]*…", shown)  # a long name, ellipsised
        assert words(header(app, "questions")) == [
            "#",
            "Nội dung",
            "Người trả lời",
            "Kết quả",
            "Hạn",
        ]
        assert "tiếp thu, trả lời sau" in shown and deadline_shown(shown)
        assert "Đề nghị xã sớm sửa chữa" in shown


@pytest.mark.parametrize("size", SIZES)
async def test_the_chair_always_shows_deadlines(
    hall: int, settings: Settings, size: tuple[int, int]
) -> None:
    app = make_chair_app(settings)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        assert words(header(app, "pending")) == ["#", "Hạn", "Cơ quan", "Nội dung"]
        assert words(header(app, "overdue"))[:3] in (["#", "Hạn", "Cơ quan"], ["Hạn", "Cơ quan"])
        shown = screen_text(app)
        assert deadline_shown(shown) and "Phòng Văn hóa" in shown
        assert "Đề nghị xã sớm" in shown and "…" in shown  # the summary, shortened


@pytest.mark.parametrize("size", SIZES)
async def test_the_followup_list_shows_deadline_and_overdue_mark(
    hall: int, settings: Settings, size: tuple[int, int]
) -> None:
    app = make_followup_app(settings, today=dt.date(2027, 1, 1))
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        assert {"Hạn", "Cơ quan", "Nội dung"} <= set(words(header(app, "items")))
        shown = screen_text(app)
        assert "QUÁ HẠN" in shown and deadline_shown(shown)
        assert "Phòng Văn hóa" in shown
