"""The hall display: the number at the lectern, the next numbers, the timer, in big type.
Numbers only unless the meeting allows names; never phone numbers.

The hall must tell at a glance whether a number is only called (come up), speaking (the
timer runs) or paused (the timer is frozen): each state has its own words and colours."""

from __future__ import annotations

from typing import Any

from rich.markup import escape
from textual.app import ComposeResult
from textual.containers import Center, Vertical
from textual.widgets import Static

from session_console.clock import clock
from session_console.console.keys import bindings, localized
from session_console.station import StationApp
from session_console.widgets.speaker import timer_state
from shared import speaking
from shared.config import Settings
from shared.glyphs import GLYPH_ROWS, big_width
from shared.i18n import N_, tr
from tui import BigText

# Lines the display takes beside the two big texts: the heading, the name and the next
# numbers, each with a line above and below, and the line over the timer.
OTHER_LINES = 10
MARGIN = 4  # cells kept free on each side of the widest text

# The line above the big number, per state; {number} is the ticket called.
HEADINGS = {
    "idle": N_("NOBODY AT THE LECTERN"),
    "called": N_("CALLING NUMBER {number} TO THE LECTERN"),
    "speaking": N_("NOW SPEAKING"),
    "paused": N_("PAUSED"),
}


def scales(width: int, height: int) -> tuple[int, int]:
    """How many times bigger than 7 rows the number and the timer can be drawn on a
    screen of this size: both grow together, then the number (read from the back of the
    hall) takes what room is left; it is never smaller than the timer. The timer's room
    is kept even when it is not running, so nothing jumps when a speech starts."""
    fitting = [
        (number, timer)
        for number in range(1, 10)
        for timer in range(1, number + 1)
        if GLYPH_ROWS * (number + timer) + OTHER_LINES <= height
        and big_width("000", number) + MARGIN <= width
        and big_width("00:00", timer) + MARGIN <= width
    ]
    return max(fitting, key=lambda pair: (pair[1], pair[0]), default=(1, 1))


def lectern_state(row: dict[str, Any] | None) -> str:
    """idle, called, speaking or paused: what the hall is waiting for."""
    if row is None:
        return "idle"
    if row["status"] == "called":
        return "called"
    return "paused" if row["speech_paused"] else "speaking"


class DisplayApp(StationApp):
    CSS_PATH = "display.tcss"
    BINDINGS = bindings("vi", [])
    drawn_at: tuple[int, int] = (1, 1)
    """The scales the number and timer were last drawn at."""

    def compose(self) -> ComposeResult:
        with Vertical(id="hall"):
            yield Static(id="now-label")
            with Center():
                yield BigText(id="now")
            yield Static(id="now-name")
            with Center():
                yield BigText(id="timer")
            yield Static(id="next")

    @property
    def scales(self) -> tuple[int, int]:
        return scales(self.size.width, self.size.height)

    def refresh_all(self) -> None:
        super().refresh_all()
        rows = speaking.queue(self.store, self.meeting_id)
        self.current = next((r for r in rows if r["status"] in speaking.AT_LECTERN), None)
        state = lectern_state(self.current)
        number = f"{self.current['number']:03d}" if self.current else "---"
        self.main.query_one("#hall", Vertical).set_classes(f"-{state}")
        self.main.query_one("#now-label", Static).update(
            tr(HEADINGS[state], self.lang, number=number)
        )
        self.drawn_at = self.scales
        self.main.query_one("#now", BigText).show(number, self.scales[0])
        name = self.current["name"] if self.current and self.meeting["display_names"] else ""
        self.main.query_one("#now-name", Static).update(escape(name))
        upcoming = [f"{r['number']:03d}" for r in rows if r["status"] == "waiting"][:5]
        self.main.query_one("#next", Static).update(
            tr("NEXT", self.lang) + ":  " + "   ".join(upcoming) if upcoming else ""
        )
        self.tick()

    def tick(self) -> None:
        """The timer, from the stored timestamps: it stands still while paused. A screen
        made bigger or smaller (a window resized, a projector plugged in) is seen here."""
        if self.scales != self.drawn_at:
            self.drawn_at = self.scales
            self.refresh_all()
            return
        timer = self.main.query_one("#timer", BigText)
        row = self.current
        if row is None or not row["speech_started"]:
            timer.show("", self.scales[1])
            return
        timer.show(clock(speaking.elapsed(row)), self.scales[1])
        _, level = timer_state(row, self.meeting["speaking_seconds"])
        timer.set_classes(level)


def make_display_app(settings: Settings, meeting_id: int | None = None) -> DisplayApp:
    return localized(DisplayApp, settings.language, ())(settings, meeting_id)
