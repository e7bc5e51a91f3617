"""Every station's main screens as pictures, at the two sizes a hall uses most (100×30 and
140×45), compared with the reviewed SVGs in __snapshots__/test_snapshots/.

A change of layout, wording or colour is a diff to look at, not a count of keys that
breaks on every harmless change. After a deliberate change:

    .venv/bin/pytest tests/tui/test_snapshots.py --snapshot-update

then look at the new SVGs (git diff, or open them in a browser) before committing them.
On a failure, snapshot_report.html shows the old and the new picture side by side.

The hall is frozen (tests/tui/frozen.py): 21/11/2026 08:30 in Vietnam's time zone, the
demo meeting, codes from a seed. The tests wait for what they show, never for the clock.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from textual.command import CommandList
from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from kiosk.app import make_kiosk_app
from kiosk.screens import ConsentScreen, RegistrationScreen, TicketScreen
from office.followup.app import make_followup_app
from printing.connections import Dummy, parse_url
from session_console.chair.app import make_chair_app
from session_console.console.app import make_console_app
from session_console.display.app import make_display_app, scales
from shared import questions, speaking
from shared.config import Settings
from shared.db import open_store
from shared.demo import demo
from tests.tui.frozen import START, Clock
from tests.tui.frozen import clock as clock  # noqa: F401 - the fixture
from tests.tui.test_kiosk import fill_form
from tests.waiting import until

SIZES = [(100, 30), (140, 45)]
SIZE_IDS = ["100x30", "140x45"]
Compare = Callable[..., bool]
Before = Callable[[Pilot[Any]], Awaitable[None]]


@dataclass
class Hall:
    settings: Settings
    meeting: int
    clock: Clock


@pytest.fixture
def hall(clock: Clock, tmp_path: Path) -> Iterator[Hall]:
    """The demo meeting at 08:30: three speakers heard, the fourth called at 08:31 and
    speaking for 1 min 23 s, her question logged."""
    db = tmp_path / "hall.db"
    store = open_store(db, "secretary")
    meeting, _made = demo(store, START.date())
    clock.advance(60)
    speaking.call(store, meeting)
    speaking.start(store, meeting)
    clock.advance(40)
    questions.add_question(store, meeting, number=4)  # what `o` opens
    clock.advance(43)
    store.close()
    settings = Settings(db_path=db, station="secretary", printer=f"preview:{tmp_path}/preview")
    yield Hall(settings, meeting, clock)


def printer() -> Dummy:
    return Dummy(parse_url("dummy:"))


def steady(app: Any) -> None:
    """Cursors that do not blink: a picture taken mid-blink would differ run to run."""
    for widget in app.screen.query("Input, TextArea"):
        if isinstance(widget, Input | TextArea):
            widget.cursor_blink = False


def footer_drawn(app: Any) -> bool:
    footers = app.screen.query("FittingFooter")
    return not footers or all(footer.children for footer in footers)


def listed(app: Any) -> bool:
    """The command palette has listed its commands (it fills its list in a worker)."""
    return all(found.option_count for found in app.screen.query(CommandList))


def ready(*then: str, drawn: Callable[[Any], object] = lambda app: True) -> Before:
    """Waits for the station to draw (its footer composes after the first frame), presses
    `then`, waits for what they open to be on top and `drawn`, stops the cursors blinking."""

    async def before(pilot: Pilot[Any]) -> None:
        app = pilot.app
        await until(pilot, lambda: footer_drawn(app) and drawn(app), "the station drawn")
        if then:
            await pilot.press(*then)
            await until(pilot, lambda: len(app.screen_stack) > 1, f"what {then} opens")
        await until(pilot, lambda: footer_drawn(app) and listed(app), "what opened drawn")
        steady(app)

    return before


# --- the secretary's console ---

CONSOLE = {
    "speaker": (),
    "help": ("f1",),
    "palette": ("ctrl+p",),
    "call-number": ("g",),
    "move-to": ("m",),
    "walk-in": ("i",),
    "written": ("t",),
    "question": ("q",),
    "outcome": ("o",),
    "conclusion": ("c",),
    "withdraw": ("down", "w"),  # number 005, waiting
    "registration": ("l",),
    "quit": ("ctrl+q",),
}


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
@pytest.mark.parametrize("screen", list(CONSOLE))
def test_console(snap_compare: Compare, hall: Hall, screen: str, size: tuple[int, int]) -> None:
    """The console with the fourth speaker at the lectern, and each of its dialogs."""
    app = make_console_app(hall.settings, connect_printer=printer)
    assert snap_compare(app, terminal_size=size, run_before=ready(*CONSOLE[screen]))


# --- the entrance kiosk ---


async def kiosk_form(pilot: Pilot[Any]) -> None:
    await until(pilot, lambda: footer_drawn(pilot.app))
    await fill_form(pilot, phone="0912 345 678")
    await until(pilot, lambda: isinstance(pilot.app.screen, RegistrationScreen))
    steady(pilot.app)


async def kiosk_consent(pilot: Pilot[Any]) -> None:
    await kiosk_form(pilot)
    await pilot.press("enter")  # Continue
    await until(pilot, lambda: isinstance(pilot.app.screen, ConsentScreen), "the consent")


async def kiosk_ticket(pilot: Pilot[Any]) -> None:
    await kiosk_consent(pilot)
    await pilot.press("enter")  # "Tôi đồng ý"
    await until(pilot, lambda: isinstance(pilot.app.screen, TicketScreen), "the ticket")
    await pilot.app.workers.wait_for_complete()
    await until(
        pilot, lambda: "Đã in phiếu" in str(pilot.app.screen.query_one("#print-state").render())
    )


KIOSK = {"welcome": ready(), "form": kiosk_form, "consent": kiosk_consent, "ticket": kiosk_ticket}


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
@pytest.mark.parametrize("screen", list(KIOSK))
def test_kiosk(snap_compare: Compare, hall: Hall, screen: str, size: tuple[int, int]) -> None:
    """A citizen's registration: Welcome, the filled form, the consent, the ticket."""
    settings = Settings(
        db_path=hall.settings.db_path, station="kiosk-1", printer=hall.settings.printer
    )
    app = make_kiosk_app(settings, connect_printer=printer)
    assert snap_compare(app, terminal_size=size, run_before=KIOSK[screen])


# --- the chair, the hall display, the follow-up list ---


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
def test_chair(snap_compare: Compare, hall: Hall, size: tuple[int, int]) -> None:
    app = make_chair_app(hall.settings, today=START.date())
    assert snap_compare(app, terminal_size=size, run_before=ready())


def display_state(hall: Hall, state: str) -> None:
    store = open_store(hall.settings.db_path, "secretary")
    if state == "waiting":
        speaking.stop(store, hall.meeting)
    elif state == "called":
        speaking.stop(store, hall.meeting)
        speaking.call(store, hall.meeting)
    elif state == "paused":
        speaking.pause(store, hall.meeting)
    store.close()


DISPLAY = ["waiting", "called", "speaking", "paused"]


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
@pytest.mark.parametrize("state", DISPLAY)
def test_display(snap_compare: Compare, hall: Hall, state: str, size: tuple[int, int]) -> None:
    """The hall display: nobody at the lectern, a number called, speaking, paused."""
    display_state(hall, state)
    app = make_display_app(hall.settings)
    # The display sizes its digits on its half-second tick: wait for it.
    before = ready(drawn=lambda app: app.drawn_at == scales(*size))
    assert snap_compare(app, terminal_size=size, run_before=before)


FOLLOWUP = {"list": (), "history": ("h",), "help": ("f1",)}


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
@pytest.mark.parametrize("screen", list(FOLLOWUP))
def test_followup(snap_compare: Compare, hall: Hall, screen: str, size: tuple[int, int]) -> None:
    """The office's follow-up list of pending items, an item's history, its keys."""
    app = make_followup_app(hall.settings, today=START.date())
    assert snap_compare(app, terminal_size=size, run_before=ready(*FOLLOWUP[screen]))
