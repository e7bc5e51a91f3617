"""The outcome dialog adds a body not yet in the list, once the secretary confirmed it:
yes saves both, no goes back to the dialog with everything typed; read off the screen."""

from __future__ import annotations

import re
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Select

from printing.connections import Dummy
from session_console.console.app import ConsoleApp, make_console_app
from session_console.console.dialogs import FormDialog
from session_console.widgets import LiveTable
from shared import questions, speaking
from shared.config import Settings
from shared.db import Store
from tests.tui.screen import screen_text
from tui import ConfirmDialog

NEW = "Sở Tài nguyên và Môi trường tỉnh Hải Dương"
TYPED = {"body": NEW, "level": "tỉnh", "document": "125/UBND-TNMT"}


def box_text(app: Any, selector: str) -> str:
    """The words drawn inside one box of the screen, in one line (a question wraps)."""
    region = app.screen.query_one(selector).region
    lines = screen_text(app).split("\n")[region.y : region.bottom]
    inside = " ".join(line[region.x : region.right] for line in lines)
    return " ".join(re.sub(r"[█▀▄▔▁▎▊]", " ", inside).split())


def ask(store: Store, meeting: int) -> dict[str, Any]:
    """Number 1 speaks and asks; the console shows the question under the speaker."""
    speaking.call(store, meeting)
    return questions.add_question(store, meeting, number=1, summary="Bãi rác gây ô nhiễm")


def bodies(store: Store) -> list[tuple[str, str]]:
    return [(r["name"], r["level"]) for r in store.all("SELECT * FROM bodies ORDER BY id")]


async def open_outcome(app: ConsoleApp, pilot: Pilot[None], outcome: str) -> FormDialog:
    await pilot.pause()
    app.query_one("#questions", LiveTable).focus()
    await pilot.press("o")
    dialog = app.screen
    assert isinstance(dialog, FormDialog)
    dialog.query_one("#f-outcome", Select).value = outcome
    await pilot.pause()  # the outcome's own fields appear
    for name, value in TYPED.items():
        dialog.query_one(f"#f-{name}", Input).value = value
    await pilot.pause()
    return dialog


@pytest.mark.parametrize("size", [(100, 30), (140, 45)], ids=["100x30", "140x45"])
async def test_a_new_body_is_added_after_a_yes(
    store: Store, queue4: int, settings: Settings, printer: Dummy, size: tuple[int, int]
) -> None:
    asked = ask(store, queue4)
    known = bodies(store)
    app = make_console_app(settings, connect_printer=lambda: printer)
    async with app.run_test(size=size) as pilot:
        dialog = await open_outcome(app, pilot, "transferred")
        await pilot.click("#dialog-ok")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        shown = box_text(app, "#confirm-box")
        assert f'"{NEW}" chưa có trong danh sách cơ quan. Thêm vào danh sách?' in shown
        assert "Quay lại biểu mẫu" in shown and "Thêm vào danh sách" in shown

        # no (the focused button): back to the dialog, everything typed still there
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is dialog
        assert NEW in screen_text(app) and "125/UBND-TNMT" in screen_text(app)
        assert {k: dialog._raw()[k] for k in TYPED} == TYPED
        assert bodies(store) == known
        assert questions.get_question(store, asked["id"])["outcome"] == ""

        # yes: the body joins the list (with the level typed) and the outcome is saved
        await pilot.click("#dialog-ok")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.click("#confirm-yes")
        await pilot.pause()
        assert not isinstance(app.screen, FormDialog | ConfirmDialog)
        assert bodies(store) == [*known, (NEW, "tỉnh")]
        saved = questions.get_question(store, asked["id"])
        assert (saved["outcome"], saved["body_name"], saved["transfer_doc"]) == (
            "transferred",
            NEW,
            "125/UBND-TNMT",
        )

        # the same name again, however spelled, is the body now listed: no question about
        # adding it; but a provincial body gets a transfer, never a task (issue 20, item 4)
        await open_outcome(app, pilot, "pending")
        app.screen.query_one("#f-body", Input).value = NEW.lower()
        await pilot.pause()  # the listed name is offered under the field: the box grows
        await pilot.click("#dialog-ok")
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)
        assert "là cơ quan cấp trên (tỉnh)" in screen_text(app)
        assert len(bodies(store)) == len(known) + 1


async def test_a_yes_never_adds_a_body_to_an_outcome_refused_for_another_reason(
    store: Store, queue4: int, settings: Settings, printer: Dummy
) -> None:
    """The body is asked about last: a missing level is said first, and nothing is added."""
    ask(store, queue4)
    known = bodies(store)
    app = make_console_app(settings, connect_printer=lambda: printer)
    async with app.run_test(size=(100, 30)) as pilot:
        dialog = await open_outcome(app, pilot, "transferred")
        dialog.query_one("#f-level", Input).value = ""
        await pilot.click("#dialog-ok")
        await pilot.pause()
        assert app.screen is dialog
        assert "Cấp không được để trống" in screen_text(app)
        assert bodies(store) == known


async def test_the_followup_transfer_adds_a_new_body_after_a_yes(
    store: Store, queue4: int, settings: Settings
) -> None:
    """Two weeks later the office passes an item on to a body not yet in the list: asked,
    no keeps the dialog as typed, yes adds the body and transfers in one step."""
    from office.followup.app import make_followup_app

    asked = ask(store, queue4)
    questions.set_outcome(store, asked["id"], "pending", body="Phòng Kinh tế")
    known = bodies(store)
    app = make_followup_app(settings)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("t")
        dialog = app.screen
        assert isinstance(dialog, FormDialog)
        dialog.query_one("#f-body", Input).value = NEW
        await pilot.pause()
        await pilot.click("#dialog-ok")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert f'"{NEW}" chưa có trong danh sách cơ quan' in box_text(app, "#confirm-box")
        await pilot.press("enter")  # no: back, as typed
        await pilot.pause()
        assert app.screen is dialog and dialog.query_one("#f-body", Input).value == NEW
        assert bodies(store) == known
        await pilot.click("#dialog-ok")
        await pilot.pause()
        await pilot.click("#confirm-yes")
        await pilot.pause()
        assert not isinstance(app.screen, FormDialog | ConfirmDialog)
        assert bodies(store) == [*known, (NEW, "")]
        moved = questions.get_question(store, asked["id"])
        assert (moved["progress"], moved["body_name"]) == ("transferred", NEW)
