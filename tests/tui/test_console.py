"""The secretary's console, the chair's view and the hall display, driven by keys
against a real database; a second real process plays the kiosk."""

from __future__ import annotations

import re
import subprocess
import sys
import time
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Input, Select, Static

from printing.connections import Dummy
from session_console.chair.app import make_chair_app
from session_console.console.app import ConsoleApp, make_console_app
from session_console.console.dialogs import FormDialog
from session_console.display.app import make_display_app
from session_console.widgets import LiveTable
from shared import meetings, questions, speaking
from shared.config import Settings
from shared.db import Store
from shared.overview import totals
from shared.registrations import payload, register
from tests.tui.screen import screen_text
from tests.waiting import after_ticks, until
from tui import ConfirmDialog
from tui.textual_private import character_to_key


def console(settings: Settings, printer: Dummy) -> ConsoleApp:
    return make_console_app(settings, connect_printer=lambda: printer)


def status_of(store: Store, number: int) -> str:
    row = store.one("SELECT status FROM registrations WHERE number = ?", (number,))
    assert row is not None
    return str(row["status"])


def selected(app: ConsoleApp) -> dict[str, Any]:
    row = app.selected()
    assert row is not None, "no row selected"
    return row


def toasts(app: Any) -> str:
    return " ".join(str(toast.render()) for toast in app.screen.query("Toast"))


async def select_number(app: ConsoleApp, pilot: Pilot[None], number: int) -> None:
    row = next(r for r in app.rows.values() if r["number"] == number)
    app.query_one("#queue", LiveTable).select(str(row["id"]))
    await pilot.pause()


async def test_a_whole_speaking_cycle(
    store: Store, queue4: int, settings: Settings, printer: Dummy
) -> None:
    app = console(settings, printer)
    async with app.run_test(size=(130, 40), notifications=True) as pilot:
        await pilot.press("n")
        assert status_of(store, 1) == "called"
        await pilot.press("s")
        assert status_of(store, 1) == "speaking"
        await pilot.press("p")
        lectern = speaking.at_lectern(store, queue4)
        assert lectern is not None and lectern["speech_paused"] is not None
        speaker = str(app.query_one("#speaker").render())
        assert "TẠM DỪNG" in speaker and "Hoàng Văn Bình" in speaker and "/ 05:00" in speaker
        await pilot.press("p", "e")
        assert status_of(store, 1) == "done"
        await pilot.press("n")
        assert status_of(store, 2) == "called"
        assert "Câu hỏi của số 002" in str(app.query_one("#questions-title").render())


async def test_no_show_recall_and_undo(
    store: Store, queue4: int, settings: Settings, printer: Dummy
) -> None:
    app = console(settings, printer)
    async with app.run_test(size=(130, 40), notifications=True) as pilot:
        await pilot.press("n", "a")
        assert status_of(store, 1) == "no_show"
        await pilot.press("n")
        assert status_of(store, 2) == "called"
        await pilot.press("u")  # undo the call of 002
        assert status_of(store, 2) == "waiting"
        await select_number(app, pilot, 1)
        await pilot.press("r")
        assert [r["number"] for r in speaking.queue(store, queue4)][:2] == [1, 2]
        await pilot.press("w", "right", "enter")  # withdraw the selected 001, confirmed
        assert status_of(store, 1) == "withdrawn"
        await pilot.press("r")  # recall a withdrawn number: refused, loudly
        await pilot.pause()
        assert "Không thể gọi lại số 1" in toasts(app)


async def test_reorder(store: Store, queue4: int, settings: Settings, printer: Dummy) -> None:
    app = console(settings, printer)
    async with app.run_test(size=(130, 40), notifications=True) as pilot:
        await select_number(app, pilot, 4)
        await pilot.press("left_square_bracket")
        waiting = [r["number"] for r in speaking.queue(store, queue4)]
        assert waiting == [1, 2, 4, 3]
        await pilot.press("m")
        assert isinstance(app.screen, FormDialog)
        app.screen.query_one("#f-number", Input).value = "1"
        await pilot.click("#dialog-ok")
        assert [r["number"] for r in speaking.queue(store, queue4)] == [4, 1, 2, 3]
        table = app.query_one("#queue", LiveTable)
        assert [str(table.get_row_at(i)[0]) for i in range(4)] == ["004", "001", "002", "003"]


async def fill(app: ConsoleApp, pilot: Pilot[None], **values: str) -> None:
    for name, value in values.items():
        widget = app.screen.query_one(f"#f-{name}")
        if isinstance(widget, Select):
            widget.value = value
        elif isinstance(widget, Input):
            widget.value = value
    await pilot.pause()  # the outcome chosen shows its own fields
    await pilot.click("#dialog-ok")


async def test_every_outcome_with_its_checks(
    store: Store, queue4: int, settings: Settings, printer: Dummy
) -> None:
    app = console(settings, printer)
    async with app.run_test(size=(130, 40), notifications=True) as pilot:
        await pilot.press("n", "s", "q")
        assert isinstance(app.screen, FormDialog)
        assert app.screen.query_one("#f-summary", Input).value == "Ý kiến của Hoàng Văn Bình"
        await fill(app, pilot, official="le minh duc")
        [question] = questions.list_questions(store, queue4)
        assert question["official_name"] == "Lê Minh Đức"
        app.query_one("#questions", LiveTable).focus()
        checks = [
            ({"outcome": "answered"}, "Nội dung trả lời không được để trống."),
            ({"outcome": "answered", "answer": "Đã có kế hoạch"}, None),
            ({"outcome": "pending", "answer": "", "body": ""}, "không được để trống"),
            ({"outcome": "pending", "body": "phong kinh te"}, None),
            ({"outcome": "transferred", "body": "Công an xã", "level": ""}, "Cấp không được"),
            (
                {
                    "outcome": "transferred",
                    "body": "Công an xã",
                    "level": "tỉnh",
                    "document": "12/CV",
                },
                None,
            ),
            ({"outcome": "written", "body": ""}, None),
            ({"outcome": "withdrawn"}, None),
        ]
        for values, error in checks:
            await pilot.press("o")
            assert isinstance(app.screen, FormDialog)
            await fill(app, pilot, **values)
            if error:
                assert error in str(app.screen.query_one("#dialog-error").render())
                await pilot.press("escape")
                if isinstance(app.screen, ConfirmDialog):  # something was typed: asked first
                    await pilot.click("#confirm-yes")
                assert not isinstance(app.screen, FormDialog)
            else:
                assert not isinstance(app.screen, FormDialog)
                assert questions.get_question(store, question["id"])["outcome"] == values["outcome"]
        outcomes = store.conn.execute(
            "SELECT json_extract(data, '$.outcome') FROM events WHERE kind = 'question.outcome'"
        ).fetchall()
        assert [o for (o,) in outcomes] == [
            "answered",
            "pending",
            "transferred",
            "written",
            "withdrawn",
        ]


async def test_scanning_tickets(
    store: Store, queue4: int, settings: Settings, printer: Dummy
) -> None:
    other = meetings.create_meeting(store, title="Khác", date="2026-03-01", start_time="08:00")
    meetings.set_status(store, other, "open")
    stranger = register(store, other, consent=True, name="Người Xã Khác")
    mine = store.one("SELECT * FROM registrations WHERE meeting_id = ? AND number = 3", (queue4,))
    assert mine is not None
    genuine, elsewhere = payload(store, mine), payload(store, stranger)
    forged = genuine[:-1] + ("A" if genuine[-1] != "A" else "B")
    app = make_console_app(settings, queue4, connect_printer=lambda: printer)
    async with app.run_test(size=(130, 40), notifications=True) as pilot:
        # A scanner's burst arrives whole: pilot.press would make each key only once the
        # one before was handled, so a slow first frame split the burst in two (the first
        # capital went to the scan field as a person's key, the rest was searched).
        typed(app, genuine + "\r", at=time.monotonic(), gap=0.002)
        await pilot.pause()
        assert selected(app)["number"] == 3
        for bad, message in ((forged, "KHÔNG HỢP LỆ"), (elsewhere, "hội nghị khác")):
            typed(app, bad + "\r", at=time.monotonic(), gap=0.002)
            await pilot.pause()
            assert message in toasts(app)
        await pilot.press("slash", *"nguyen van duc", "enter")
        assert selected(app)["name"] == "Nguyễn Văn Đức"


async def test_a_kiosk_in_another_process_appears_on_its_own(
    store: Store, queue4: int, settings: Settings, printer: Dummy
) -> None:
    app = console(settings, printer)
    async with app.run_test(size=(130, 40), notifications=True) as pilot:
        subprocess.run(
            [
                sys.executable,
                "-m",
                "shared.cli",
                "--db",
                str(settings.db_path),
                "register",
                "--name",
                "Đinh Thị Mới",
                "--consent",
                "--source",
                "kiosk",
            ],
            check=True,
            capture_output=True,
        )
        table = app.query_one("#queue", LiveTable)

        def names() -> list[str]:
            return [str(table.get_row_at(i)[1]) for i in range(table.row_count)]

        await until(pilot, lambda: "Đinh Thị Mới" in names(), "the kiosk's registration")


async def test_a_restarted_console_shows_the_same_state(
    store: Store, queue4: int, settings: Settings, printer: Dummy
) -> None:
    app = console(settings, printer)
    async with app.run_test(size=(130, 40), notifications=True) as pilot:
        await pilot.press("n", "s")
        speaker = app.query_one("#speaker")
        await until(pilot, lambda: "00:00 /" not in str(speaker.render()), "a second spoken")
        await pilot.press("p")
        before = str(speaker.render())
    again = console(settings, printer)
    async with again.run_test(size=(130, 40), notifications=True) as pilot:
        await pilot.pause()
        assert str(again.query_one("#speaker").render()) == before
        assert "TẠM DỪNG" in before and re.search(r"00:0[1-9] / 05:00", before)


async def test_the_chair_sees_totals_and_pending(
    store: Store, queue4: int, settings: Settings
) -> None:
    speaking.call(store, queue4)
    speaking.start(store, queue4)
    asked = questions.add_question(store, queue4, number=1)
    questions.set_outcome(store, asked["id"], "pending", body="Phòng Kinh tế")
    app = make_chair_app(settings)
    async with app.run_test(size=(130, 40), notifications=True) as pilot:
        await pilot.pause()
        counted = totals(store, queue4)
        shown = screen_text(app)
        assert re.search(rf"Đăng ký +{counted.registered}\b", shown)
        assert re.search(r"Tiếp thu, trả lời sau +1\b", shown)
        assert (
            counted.registered
            == store.conn.execute(
                "SELECT count(*) FROM registrations WHERE meeting_id = ?", (queue4,)
            ).fetchone()[0]
        )
        pending = app.query_one("#pending", LiveTable)
        assert pending.row_count == 1 and str(pending.get_row_at(0)[2]) == "Phòng Kinh tế"
        assert "Lê Thị Hoa" in str(app.query_one("#next", Static).render())
        speaking.stop(store, queue4)  # written by this process: the chair polls its own file
        app.refresh_all()
        assert "Chưa gọi ai" in str(app.query_one("#speaker").render())


async def test_the_hall_display_shows_numbers_not_names(
    store: Store, queue4: int, settings: Settings
) -> None:
    speaking.call(store, queue4)
    app = make_display_app(settings)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen_text = " ".join(str(w.render()) for w in app.screen.query(Static))
        assert "Hoàng" not in screen_text and "TIẾP THEO:  002   003   004" in screen_text
        meetings.update_meeting(store, queue4, display_names=True)
        app.refresh_all()
        assert str(app.query_one("#now-name", Static).render()) == "Hoàng Văn Bình"


async def test_the_console_keeps_living_under_a_dialog(
    store: Store, queue4: int, settings: Settings, printer: Dummy
) -> None:
    app = console(settings, printer)
    async with app.run_test(size=(130, 40), notifications=True) as pilot:
        await pilot.press("n", "s", "i")  # timer running, walk-in dialog open
        assert isinstance(app.screen, FormDialog)
        register(store, queue4, consent=True, name="Trong Lúc Mở Hộp Thoại")
        app.refresh_all()  # what the poll does when another station commits
        await after_ticks(pilot, app, 2)  # the timer ticks under the dialog
        assert isinstance(app.screen, FormDialog) and app.is_running
        table = app.main.query_one("#queue", LiveTable)
        assert table.row_count == 5


async def test_markup_in_citizens_text_is_shown_as_text(
    store: Store, meeting: int, settings: Settings, printer: Dummy
) -> None:
    odd = "Lê [/b] An [red]"
    register(store, meeting, consent=True, name=odd, summary="[/i] đường [b]hỏng")
    meetings.update_meeting(store, meeting, display_names=True)
    speaking.call(store, meeting)
    speaking.start(store, meeting)

    def shown(app: Any) -> str:
        return " ".join(str(w.render()) for w in app.screen.query(Static))

    for app in (console(settings, printer), make_chair_app(settings), make_display_app(settings)):
        async with app.run_test(size=(130, 40), notifications=True) as pilot:

            def named(app: Any = app) -> bool:
                return odd in shown(app)

            await until(pilot, named, type(app).__name__)


def typed(app: ConsoleApp, text: str, at: float, gap: float) -> None:
    """Keys as the terminal delivers them, `gap` seconds apart from `at`: all queued
    before any is handled, so no change of focus made for one can catch the next."""
    from textual import events

    for index, character in enumerate(text):
        key = "enter" if character == "\r" else character_to_key(character)
        event = events.Key(key, character)
        event.time = at + index * gap
        app.post_message(event)


async def test_a_scanners_burst_is_taken_whole_whatever_has_focus(
    store: Store, queue4: int, settings: Settings, printer: Dummy
) -> None:
    """18 of 20 bursts lost their dash when the first key moved the focus and the rest
    went on to the table. Every burst is one scan, and the table's keys stay untouched."""
    rows = store.all("SELECT * FROM registrations WHERE meeting_id = ? ORDER BY number", (queue4,))
    app = make_console_app(settings, queue4, connect_printer=lambda: printer)
    async with app.run_test(size=(140, 45), notifications=True) as pilot:
        before = [r["status"] for r in speaking.queue(store, queue4)]
        for _ in range(5):
            for row in rows:
                typed(app, payload(store, row) + "\r", at=time.monotonic(), gap=0.002)
                await pilot.pause()
                assert selected(app)["number"] == row["number"]
                assert app.query_one("#scan", Input).value == ""
        assert [r["status"] for r in speaking.queue(store, queue4)] == before
        assert "Không tìm thấy" not in toasts(app)


async def test_keys_typed_at_a_persons_pace_go_to_the_scan_field(
    store: Store, queue4: int, settings: Settings, printer: Dummy
) -> None:
    """A person who types capitals outside a field finds them in the scan field, nothing
    lost, and Enter there searches as before."""
    app = make_console_app(settings, queue4, connect_printer=lambda: printer)
    async with app.run_test(size=(140, 45), notifications=True) as pilot:
        typed(app, "NGUYEN", at=time.monotonic() - 10, gap=0.3)  # 0.3 s a key
        scan = app.query_one("#scan", Input)
        # after the last key a pause, not a scan's Enter: the keys go to the scan field
        await until(pilot, lambda: scan.value == "NGUYEN" and app.focused is scan, "NGUYEN")
        await pilot.press(*" VAN DUC", "enter")
        assert selected(app)["name"] == "Nguyễn Văn Đức"


async def test_a_burst_split_by_a_stalled_station_is_still_one_scan(
    store: Store, queue4: int, settings: Settings, printer: Dummy
) -> None:
    """A loaded machine stalls the station between a burst's first key and the rest, so
    they come a person's pause apart: the first goes to the find field as typed, and the
    rest, with it, still reads as the ticket ("D" was left in the find field and the rest
    refused, once, on a loaded machine)."""
    row = store.one("SELECT * FROM registrations WHERE meeting_id = ? ORDER BY number", (queue4,))
    assert row is not None
    app = make_console_app(settings, queue4, connect_printer=lambda: printer)
    async with app.run_test(size=(140, 45), notifications=True) as pilot:
        await pilot.press("down")  # another speaker selected: the scan must move it
        await pilot.press("slash", *"hoa", "escape")  # a find typed and left: it stays
        await pilot.press("slash", *"ng")
        await pilot.press("tab")  # off the field, "ng" kept (a person came back to the queue)
        text = payload(store, row) + "\r"
        now = time.monotonic()
        typed(app, text[0], at=now, gap=0)
        typed(app, text[1:], at=now + 0.6, gap=0.002)  # after the hand-over pause
        await until(pilot, lambda: "Phiếu số" in toasts(app) or "Không" in toasts(app))
        await pilot.pause()
        assert f"Phiếu số {row['number']:03d}" in toasts(app)
        assert selected(app)["number"] == row["number"]
        assert app.main.query_one("#scan", Input).value == "ng"  # the burst's start taken out
        assert app.focused is app.main.query_one("#queue")  # the next key is a key
