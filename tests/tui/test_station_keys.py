"""Every key of a station can be found: the footer shows whole keys that fit (F1 first),
F1 or ? lists them all, and the command palette runs them by their Vietnamese names,
typed with or without diacritics."""

from __future__ import annotations

from typing import Any

import pytest
from textual.command import CommandPalette
from textual.pilot import Pilot

from office.followup.app import KEYS as FOLLOWUP_KEYS
from office.followup.app import make_followup_app
from printing.connections import Dummy
from session_console.chair.app import make_chair_app
from session_console.console.app import ConsoleApp, make_console_app
from session_console.console.keys import KEYS
from shared.config import Settings
from shared.db import Store
from shared.i18n import tr
from tests.tui.screen import screen_text
from tests.waiting import until
from tui import KeysHelp
from tui.footer import fitting, key_width

SIZES = [(100, 30), (140, 45), (200, 50)]


def console(settings: Settings, printer: Dummy) -> ConsoleApp:
    return make_console_app(settings, connect_printer=lambda: printer)


async def footer_line(app: Any, pilot: Pilot[None]) -> str:
    """The last line once the footer has drawn its keys (it composes after the first frame)."""
    await until(pilot, lambda: screen_text(app).splitlines()[-1].strip(), "the footer's keys")
    return screen_text(app).splitlines()[-1]


@pytest.mark.parametrize("size", SIZES)
async def test_the_footer_shows_whole_keys_f1_first(
    store: Store, queue4: int, settings: Settings, printer: Dummy, size: tuple[int, int]
) -> None:
    app = console(settings, printer)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        line = await footer_line(app, pilot)
        assert line.strip().startswith("F1 " + tr("Help", "vi"))
        whole = {
            f"{app.get_key_display(binding)} {binding.description}"
            for _node, binding, _enabled, _tip in app.screen.active_bindings.values()
        }
        items = [item.strip() for item in line.split("  ") if item.strip()]
        assert items[0] == "F1 " + tr("Help", "vi")
        cut = [item for item in items[1:] if item not in whole]
        assert not cut, line  # every key shown whole, none squeezed
        assert "n " + tr("Call next", "vi") in items and "o " + tr("Outcome", "vi") in items
        # which keys fit at 100 and 140 columns: the snapshots show the footer itself
        # (tests/tui/test_snapshots.py), instead of a count that moved with every label


def test_the_footer_keeps_the_most_used_keys_in_their_declared_order() -> None:
    keys = [("a", "a", "Alpha"), ("b", "b", "Bravo"), ("c", "c", "Charlie")]
    room = key_width("a", "Alpha") + key_width("c", "Charlie")
    assert fitting(keys, ["c", "a", "b"], room) == [keys[0], keys[2]]
    assert fitting(keys, [], room + key_width("b", "Bravo")) == keys
    assert fitting(keys, ["c"], key_width("c", "Charlie") - 1) == [keys[0]]  # what fits


@pytest.mark.parametrize("size", [(100, 30), (140, 45)])
@pytest.mark.parametrize("key", ["f1", "question_mark"])
async def test_help_lists_every_key_of_the_console(
    store: Store, queue4: int, settings: Settings, printer: Dummy, size: tuple[int, int], key: str
) -> None:
    app = console(settings, printer)
    async with app.run_test(size=size) as pilot:
        await pilot.press(key)
        await pilot.pause()
        assert isinstance(app.screen, KeysHelp)
        text = screen_text(app)
        assert tr("Keys", "vi") in text
        for _key, _action, _id, label in KEYS:
            assert tr(label, "vi") in text, label
        for word in ("F1 / ?", tr("Commands", "vi"), tr("Quit", "vi")):
            assert word in text
        assert "Cursor up" not in text  # the table's own keys, in English, are not the station's
        assert tr("Esc, F1 or ? closes this list.", "vi") in text  # the box is not cut
        await pilot.press("escape")
        assert not isinstance(app.screen, KeysHelp)


async def test_a_question_mark_typed_in_the_find_field_stays_text(
    store: Store, queue4: int, settings: Settings, printer: Dummy
) -> None:
    app = console(settings, printer)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("slash", "a", "question_mark")
        await pilot.pause()
        assert not isinstance(app.screen, KeysHelp)
        assert app.query_one("#scan").value == "a?"  # type: ignore[attr-defined]


async def test_the_palette_runs_an_action_found_without_diacritics(
    store: Store, queue4: int, settings: Settings, printer: Dummy
) -> None:
    app = console(settings, printer)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"goi tiep")
        await until(pilot, lambda: tr("Call next", "vi") in screen_text(app), "the action found")
        text = screen_text(app)
        assert tr("Call next", "vi") in text and "Theme" not in text
        await pilot.press("enter")
        await pilot.pause()
        row = store.one("SELECT number FROM registrations WHERE status = 'called'")
        assert row is not None and row["number"] == 1


async def test_the_palette_lists_the_stations_actions_in_its_language(
    store: Store, queue4: int, settings: Settings, printer: Dummy
) -> None:
    app = console(settings, printer)
    async with app.run_test(size=(140, 45)) as pilot:
        await pilot.press("ctrl+p")
        await until(pilot, lambda: tr("Call next", "vi") in screen_text(app), "the list")
        text = screen_text(app)
        for builtin in ("Theme", "Screenshot", "Maximize", "Search for commands"):
            assert builtin not in text
        await pilot.press("escape", "slash", "ctrl+p")  # from the find field: not its keys
        await pilot.press(*"cursor")
        nothing = tr("Nothing matches.", "vi")
        await until(pilot, lambda: nothing in screen_text(app), "the search done")
        assert "Move cursor" not in screen_text(app)
        assert tr("Type what to do (diacritics optional)…", "vi") in text


async def test_the_followup_list_and_the_chair_have_help_too(
    store: Store, queue4: int, settings: Settings
) -> None:
    followup = make_followup_app(settings)
    async with followup.run_test(size=(100, 30)) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        text = screen_text(followup)
        for _key, _action, _id, label in FOLLOWUP_KEYS:
            assert tr(label, "vi") in text, label
    chair = make_chair_app(settings)
    async with chair.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert (await footer_line(chair, pilot)).strip() == "F1 " + tr("Help", "vi")
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(chair.screen, KeysHelp)
