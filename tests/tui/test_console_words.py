"""What the console and the hall display say in words: the undo notice names the change,
`w` asks before a speaker is lost, `>` says why it cannot move on, and the hall sees
whether a number is called, speaking or paused. Read from the screen at 100x30 and 140x45."""

from __future__ import annotations

from typing import Any

import pytest
from rich.style import Style

from printing.connections import Dummy
from session_console.console.app import ConsoleApp, make_console_app
from session_console.console.dialogs import FormDialog
from session_console.display.app import make_display_app
from session_console.widgets import LiveTable
from shared import agenda, meetings, questions, speaking
from shared.config import Settings
from shared.db import Store
from shared.glyphs import big_text
from tests.tui.screen import screen_text
from tests.waiting import after_ticks
from tui import ConfirmDialog
from tui.textual_private import rendered_strips

SIZES = [(100, 30), (140, 45)]


def on_screen_toasts(app: Any) -> str:
    """The notifications as drawn: each toast's cells, its wrapped lines joined."""
    strips = rendered_strips(app.screen)
    said = []
    for toast in app.screen.query("Toast"):
        box = toast.region
        lines = (strips[y].crop(box.x, box.right).text for y in range(box.y, box.bottom))
        said.append(" ".join(" ".join(lines).replace("▌", " ").split()))  # its edge
    return " | ".join(said)


def status_of(store: Store, number: int) -> str:
    row = store.one("SELECT status FROM registrations WHERE number = ?", (number,))
    assert row is not None
    return str(row["status"])


async def select_number(app: ConsoleApp, pilot: Any, number: int) -> None:
    row = next(r for r in app.rows.values() if r["number"] == number)
    app.query_one("#queue", LiveTable).select(str(row["id"]))
    await pilot.pause()


def console(settings: Settings, printer: Dummy) -> ConsoleApp:
    return make_console_app(settings, connect_printer=lambda: printer)


@pytest.mark.parametrize("size", SIZES)
async def test_the_undo_notice_names_what_was_undone(
    store: Store, queue4: int, settings: Settings, printer: Dummy, size: tuple[int, int]
) -> None:
    app = console(settings, printer)
    async with app.run_test(size=size, notifications=True) as pilot:
        await pilot.press("n", "u")
        await pilot.pause()
        assert "Đã hoàn tác: gọi số 001" in on_screen_toasts(app)
        assert "queue." not in on_screen_toasts(app) and status_of(store, 1) == "waiting"
        app.clear_notifications()
        asked = questions.add_question(store, queue4, number=2)
        questions.set_outcome(store, asked["id"], "answered", answer="Đã có kế hoạch")
        await pilot.press("u")
        await pilot.pause()
        assert f"Đã hoàn tác: kết quả câu hỏi số {asked['number']}" in on_screen_toasts(app)


@pytest.mark.parametrize("size", SIZES)
async def test_withdraw_asks_first_and_no_keeps_the_speaker(
    store: Store, queue4: int, settings: Settings, printer: Dummy, size: tuple[int, int]
) -> None:
    app = console(settings, printer)
    async with app.run_test(size=size, notifications=True) as pilot:
        await select_number(app, pilot, 2)
        await pilot.press("w")
        assert isinstance(app.screen, ConfirmDialog)
        shown = screen_text(app)
        assert "Rút đăng ký số 002 – Lê Thị Hoa?" in shown
        assert "Giữ lại" in shown and "Rút đăng ký" in shown
        await pilot.press("escape")
        assert not isinstance(app.screen, ConfirmDialog) and status_of(store, 2) == "waiting"
        await pilot.press("w", "enter")  # the safe answer has the focus
        assert not isinstance(app.screen, ConfirmDialog) and status_of(store, 2) == "waiting"
        await pilot.press("w", "right", "enter")
        assert status_of(store, 2) == "withdrawn"
        await pilot.press("w")  # already withdrawn: nothing to ask, the refusal is said
        await pilot.pause()
        assert not isinstance(app.screen, ConfirmDialog)
        assert "Không thể rút đăng ký số 2: số này đã rút." in on_screen_toasts(app)
        app.clear_notifications()
        await pilot.press("u")
        await pilot.pause()
        assert "Đã hoàn tác: rút đăng ký số 002" in on_screen_toasts(app)
        assert status_of(store, 2) == "waiting"


@pytest.mark.parametrize("size", SIZES)
async def test_next_step_says_why_it_cannot_move_on(
    store: Store, queue4: int, settings: Settings, printer: Dummy, size: tuple[int, int]
) -> None:
    app = console(settings, printer)
    async with app.run_test(size=size, notifications=True) as pilot:
        await pilot.press("greater_than_sign")
        await pilot.pause()
        # no command to learn: the console offers to enter the program there and then
        assert isinstance(app.screen, ConfirmDialog)
        assert "Hội nghị chưa có chương trình. Nhập chương trình ngay" in screen_text(app)
        assert "--" not in screen_text(app) and "hallkit meeting" not in screen_text(app)
        await pilot.press("right", "enter")
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)
        await pilot.press(*"Khai mạc", "enter", *"Đối thoại", "tab", "enter")
        await pilot.pause()
        assert [s["title"] for s in agenda.steps(store, queue4)] == ["Khai mạc", "Đối thoại"]
        await pilot.press("greater_than_sign")
        await pilot.pause()
        assert "Chương trình: bước 2/2, Đối thoại." in on_screen_toasts(app)
        assert "Chương trình: Đối thoại" in screen_text(app)  # the top bar
        app.clear_notifications()
        await pilot.press("greater_than_sign")
        await pilot.pause()
        assert "Đây là bước cuối của chương trình: 2. Đối thoại" in on_screen_toasts(app)
        assert meetings.get_meeting(store, queue4)["current_step"] == 2


def heading_style(app: Any) -> Style:
    """The style the hall display draws its heading line with."""
    label = app.query_one("#now-label")
    strip = rendered_strips(app.screen)[label.region.y]
    text = str(label.render()).strip()
    for segment in strip:
        if text[:4] in segment.text:
            return segment.style or Style()
    raise AssertionError(f"{text!r} is not on screen")


@pytest.mark.parametrize("size", SIZES)
async def test_the_hall_tells_called_speaking_and_paused_apart(
    store: Store, queue4: int, settings: Settings, size: tuple[int, int]
) -> None:
    meetings.update_meeting(store, queue4, display_names=True)
    app = make_display_app(settings)
    seen: dict[str, tuple[str, Style]] = {}
    async with app.run_test(size=size) as pilot:

        async def shown(state: str) -> str:
            app.refresh_all()  # what the poll does when the console commits
            await pilot.pause()
            text = screen_text(app)
            seen[state] = (text, heading_style(app))
            assert "TIẾP THEO:" in text  # the whole hall fits
            return text

        idle = await shown("idle")
        assert "CHƯA CÓ NGƯỜI PHÁT BIỂU" in idle and "ĐANG PHÁT BIỂU" not in idle
        speaking.call(store, queue4)
        called = await shown("called")
        assert "MỜI SỐ 001 LÊN PHÁT BIỂU" in called and "Hoàng Văn Bình" in called
        assert "ĐANG PHÁT BIỂU" not in called and "TẠM DỪNG" not in called
        assert big_text("00:00", app.drawn_at[1]).splitlines()[0].strip() not in called
        speaking.start(store, queue4, now=1_000.0)
        talking = await shown("speaking")
        assert "ĐANG PHÁT BIỂU" in talking and "Hoàng Văn Bình" in talking
        assert "MỜI SỐ" not in talking and "TẠM DỪNG" not in talking
        speaking.pause(store, queue4, now=1_075.0)
        paused = await shown("paused")
        assert "TẠM DỪNG" in paused and "ĐANG PHÁT BIỂU" not in paused
        frozen = big_text("01:15", app.drawn_at[1]).splitlines()  # as big as the screen allows
        assert all(line.strip() in paused for line in frozen)  # the timer stopped at 01:15
        await after_ticks(pilot, app)  # a tick later it still reads 01:15
        assert all(line.strip() in screen_text(app) for line in frozen)
    colours = {state: style.bgcolor for state, (_, style) in seen.items()}
    assert len({colours["called"], colours["speaking"], colours["paused"]}) == 3, colours
    assert colours["idle"] not in {colours["called"], colours["speaking"], colours["paused"]}
