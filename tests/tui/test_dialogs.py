"""Typed work is never lost: every dialog of every station closes only by saving or by an
explicit "discard?", at the smallest and the usual screen size, read off the screen."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Checkbox, Input, Select, TextArea

from kiosk.screens import RegistrationScreen, WelcomeScreen
from office.followup.app import make_followup_app
from printing.connections import Dummy
from session_console.console.app import make_console_app
from session_console.console.dialogs import FormDialog
from shared import questions, speaking
from shared.config import Settings
from shared.db import Store
from shared.i18n import tr
from tests.tui.screen import screen_text
from tests.tui.test_kiosk import kiosk
from tests.waiting import until
from tui import ConfirmDialog
from tui.textual_private import select_options

SIZES = [(100, 30), (140, 45)]
ASKED = "Bỏ những gì đã nhập trong hộp thoại này?"

# Each console key that opens a dialog, with what must be true first.
CONSOLE_DIALOGS = ["g", "m", "i", "t", "q", "o", "c"]
FOLLOWUP_DIALOGS = ["a", "x", "t", "n", "s"]


def snapshot(store: Store) -> list[Any]:
    return [
        store.all(f"SELECT * FROM {table}")  # noqa: S608 - fixed names
        for table in ("registrations", "questions", "events", "meetings")
    ]


async def type_into_first(app: Any, pilot: Pilot[None]) -> str:
    """Change the first field of the dialog on top; returns what it now holds."""
    dialog = app.screen
    assert isinstance(dialog, FormDialog)
    widget = dialog._inputs()[0]
    if isinstance(widget, Input):
        widget.value += "12"
        return widget.value
    if isinstance(widget, TextArea):
        widget.insert(" thêm")
        return widget.text
    if isinstance(widget, Checkbox):
        widget.value = not widget.value
        return str(widget.value)
    assert isinstance(widget, Select)
    options = [value for _, value in select_options(widget) if value != widget.value]
    widget.value = next(v for v in options if v is not Select.NULL)
    await pilot.pause()
    return str(widget.value)


async def check_dirty_rule(app: Any, pilot: Pilot[None], store: Store, key: str) -> None:
    await pilot.press(key)
    await pilot.pause()
    assert isinstance(app.screen, FormDialog), key
    # nothing typed: Escape closes at once
    await pilot.press("escape")
    await pilot.pause()
    assert not isinstance(app.screen, FormDialog | ConfirmDialog), key
    before = snapshot(store)
    await pilot.press(key)
    await pilot.pause()
    typed = await type_into_first(app, pilot)
    for leave in ("escape", "cancel"):
        if leave == "escape":
            await pilot.press("escape")
        else:
            await pilot.click("#dialog-cancel")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog), (key, leave)
        assert ASKED in screen_text(app)
        await pilot.press("enter")  # the focus is on "Keep editing"
        await pilot.pause()
        assert isinstance(app.screen, FormDialog), (key, leave)
        assert typed in str(app.screen._raw().values()), (key, leave)
    await pilot.press("escape")
    await pilot.pause()
    await pilot.click("#confirm-yes")
    await pilot.pause()
    assert not isinstance(app.screen, FormDialog | ConfirmDialog), key
    assert snapshot(store) == before, key


@pytest.mark.parametrize("size", SIZES, ids=["100x30", "140x45"])
async def test_console_dialogs_never_drop_typed_work(
    store: Store,
    queue4: int,
    settings: Settings,
    printer: Dummy,
    size: tuple[int, int],
) -> None:
    speaking.call(store, queue4)
    questions.add_question(store, queue4, number=1, summary="Đường ngập")
    app = make_console_app(settings, connect_printer=lambda: printer)
    async with app.run_test(size=size) as pilot:
        for key in CONSOLE_DIALOGS:
            if key == "o":
                app.query_one("#questions").focus()
            await check_dirty_rule(app, pilot, store, key)
            app.query_one("#queue").focus()


@pytest.mark.parametrize("size", SIZES, ids=["100x30", "140x45"])
async def test_followup_dialogs_never_drop_typed_work(
    store: Store,
    queue4: int,
    settings: Settings,
    size: tuple[int, int],
) -> None:
    question = questions.add_question(store, queue4, summary="Đường ngập")
    questions.set_outcome(store, question["id"], "pending", body="Công an xã")
    app = make_followup_app(settings, today=dt.date(2026, 2, 11))
    async with app.run_test(size=size) as pilot:
        for key in FOLLOWUP_DIALOGS:
            await check_dirty_rule(app, pilot, store, key)


@pytest.mark.parametrize("size", SIZES, ids=["100x30", "140x45"])
async def test_enter_in_the_last_field_saves(
    store: Store,
    queue4: int,
    settings: Settings,
    printer: Dummy,
    size: tuple[int, int],
) -> None:
    """Enter moves down the fields, top to bottom as drawn, and saves from the last."""
    app = make_console_app(settings, connect_printer=lambda: printer)
    async with app.run_test(size=size) as pilot:
        await pilot.press("t")
        dialog = app.screen
        assert isinstance(dialog, FormDialog)
        order = [w.id for w in dialog._inputs()]
        drawn = sorted(order, key=lambda i: dialog.query_one(f"#{i}").region.y)
        assert order == drawn
        focus_order = [w.id for w in dialog.focus_chain if w.id in order]
        assert focus_order == order
        await pilot.press(*"Lê Văn Tám", "enter")
        assert app.focused is not None and app.focused.id == "f-raised_village"
        dialog.query_one("#f-summary", Input).value = "Xin sửa cống"
        dialog.query_one("#f-official", Input).focus()
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, FormDialog)
        [saved] = questions.list_questions(store, queue4)
        assert (saved["raised_by"], saved["summary"]) == ("Lê Văn Tám", "Xin sửa cống")


def _outcome_dialog(app: Any) -> Callable[[], FormDialog]:
    def get() -> FormDialog:
        assert isinstance(app.screen, FormDialog)
        return app.screen

    return get


@pytest.mark.parametrize("size", SIZES, ids=["100x30", "140x45"])
async def test_the_kiosk_form_asks_before_it_forgets(
    store: Store, meeting: int, settings: Settings, printer: Dummy, size: tuple[int, int]
) -> None:
    app = kiosk(settings, printer)
    async with app.run_test(size=size) as pilot:
        await pilot.press("enter")
        assert isinstance(app.screen, RegistrationScreen)
        await pilot.press("escape")  # nothing typed: a stray Escape does nothing
        assert isinstance(app.screen, RegistrationScreen)
        await pilot.press(*"Lê An")
        for leave in ("escape", "cancel"):
            if leave == "escape":
                await pilot.press("escape")
            else:
                await pilot.click("#cancel")
            await pilot.pause()
            assert isinstance(app.screen, ConfirmDialog), leave
            assert "Hủy các thông tin Ông/Bà đã nhập?" in screen_text(app)
            await pilot.press("enter")  # "Keep editing" has the focus
            await pilot.pause()
            assert isinstance(app.screen, RegistrationScreen)
            assert app.screen.query_one("#input-name", Input).value == "Lê An"
        await pilot.click("#cancel")
        await pilot.pause()
        await pilot.click("#confirm-yes")
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
        assert store.all("SELECT * FROM registrations") == []


@pytest.mark.parametrize("size", SIZES, ids=["100x30", "140x45"])
async def test_the_kiosk_field_list_keeps_the_summary(
    store: Store, meeting: int, settings: Settings, printer: Dummy, size: tuple[int, int]
) -> None:
    """Enter on the field list chooses and stays: the next Tab goes to the summary; a
    letter typed on the list starts the summary instead of being dropped."""
    app = kiosk(settings, printer)
    async with app.run_test(size=size) as pilot:
        await pilot.press("enter")
        app.screen.query_one("#input-field").focus()
        await pilot.press("enter", "down", "enter")
        assert app.focused is not None and app.focused.id == "input-field"
        await pilot.press("tab")
        assert app.focused is not None and app.focused.id == "input-summary"
        await pilot.press(*"Cong", "shift+tab")
        await pilot.press(*"ran")
        summary = app.screen.query_one("#input-summary", Input).value
        assert summary == "Congran"
        assert "Congran" in screen_text(app)


@pytest.mark.parametrize("size", SIZES, ids=["100x30", "140x45"])
async def test_the_outcome_dialog_shows_what_the_outcome_needs(
    store: Store,
    queue4: int,
    settings: Settings,
    printer: Dummy,
    size: tuple[int, int],
) -> None:
    questions.add_question(store, queue4, number=1, summary="Đường ngập")
    app = make_console_app(settings, connect_printer=lambda: printer)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        app.query_one("#questions").focus()
        await pilot.press("o")
        dialog = app.screen
        assert isinstance(dialog, FormDialog)
        expected = {
            "answered": ["f-outcome", "f-answer"],
            "pending": ["f-outcome", "f-body", "f-deadline"],
            "transferred": ["f-outcome", "f-body", "f-level", "f-document", "f-deadline"],
            "written": ["f-outcome", "f-deadline"],
            "withdrawn": ["f-outcome"],
        }
        for outcome, shown in expected.items():
            dialog.query_one("#f-outcome", Select).value = outcome
            for _ in range(50):  # a loaded machine handles the change a few frames later
                await pilot.pause()
                if [w.id for w in dialog._inputs()] == shown:
                    break
            assert [w.id for w in dialog._inputs()] == shown, outcome
            await pilot.pause()
            text = screen_text(app)
            assert "Select" not in text and "calendar" not in text
            if outcome == "pending":  # the meeting is on 10/02/2026: 30 days, to a Thursday
                assert "Đề xuất: 12/03/2026 (30 ngày)" in text
            if outcome == "transferred":
                assert "(10 ngày làm việc)" in text


@pytest.mark.parametrize("size", [(100, 30), (140, 45)], ids=["100x30", "140x45"])
async def test_the_console_offers_listed_names_by_any_word(
    store: Store, queue4: int, settings: Settings, printer: Dummy, size: tuple[int, int]
) -> None:
    """The walk-in's village: "minh" offers "Tổ dân phố Minh Khai" under the field, never a
    mix of typed and listed letters; Enter takes it as listed and stays on the field."""
    app = make_console_app(settings, connect_printer=lambda: printer)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.press("i")
        dialog = app.screen
        assert isinstance(dialog, FormDialog)
        dialog.query_one("#f-village").focus()
        await pilot.press(*"minh")
        await pilot.pause()
        text = screen_text(app)
        assert "▶ Tổ dân phố Minh Khai" in text
        assert tr("Enter or →: take the marked name · ↓ ↑: another", "vi") in text
        await pilot.press("enter")
        await pilot.pause()
        village = dialog.query_one("#f-village", Input)
        assert village.value == "Tổ dân phố Minh Khai" and app.focused is village
        village.value = ""
        await pilot.press(*"thon d")
        await pilot.pause()
        text = screen_text(app)
        assert "▶ Thôn Đoài" in text and "  Thôn Đông" in text
        assert "thon doài" not in text.lower()  # what was typed is shown as typed


async def test_a_key_typed_into_a_prefilled_field_adds_to_it(
    store: Store, queue4: int, settings: Settings, printer: Dummy
) -> None:
    """The question dialog opens on the citizen's own summary: what the secretary types
    goes after it, never over it."""
    app = make_console_app(settings, connect_printer=lambda: printer)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("q")
        dialog = app.screen
        assert isinstance(dialog, FormDialog)
        summary = dialog.query_one("#f-summary", Input)
        before = summary.value
        assert before and app.focused is summary
        await pilot.press("space", "X")
        # a capital is held a moment (it could start a scanner's burst), then goes on
        await until(pilot, lambda: summary.value != before + " ", "the held capital")
        assert summary.value == before + " X"
