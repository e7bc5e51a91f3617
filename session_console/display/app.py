"""The hall display: the number now speaking, the next numbers, the timer, in big type.
Numbers only unless the meeting allows names; never phone numbers."""

from __future__ import annotations

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
from shared.i18n import tr
from tui import BigText


class DisplayApp(StationApp):
    CSS_PATH = "display.tcss"
    BINDINGS = bindings("vi", [])

    def compose(self) -> ComposeResult:
        with Vertical(id="hall"):
            yield Static(tr("NOW SPEAKING", self.lang), id="now-label")
            with Center():
                yield BigText(id="now")
            yield Static(id="now-name")
            with Center():
                yield BigText(id="timer")
            yield Static(id="next")

    def refresh_all(self) -> None:
        super().refresh_all()
        rows = speaking.queue(self.store, self.meeting_id)
        self.current = next((r for r in rows if r["status"] in speaking.AT_LECTERN), None)
        self.main.query_one("#now", BigText).show(
            f"{self.current['number']:03d}" if self.current else "---"
        )
        name = self.current["name"] if self.current and self.meeting["display_names"] else ""
        self.main.query_one("#now-name", Static).update(escape(name))
        upcoming = [f"{r['number']:03d}" for r in rows if r["status"] == "waiting"][:5]
        self.main.query_one("#next", Static).update(
            tr("NEXT", self.lang) + ":  " + "   ".join(upcoming) if upcoming else ""
        )
        self.tick()

    def tick(self) -> None:
        """The timer, from the stored timestamps."""
        timer = self.main.query_one("#timer", BigText)
        row = self.current
        if row is None or not row["speech_started"]:
            timer.show("")
            return
        timer.show(clock(speaking.elapsed(row)))
        _, level = timer_state(row, self.meeting["speaking_seconds"])
        timer.set_classes(level)


def make_display_app(settings: Settings, meeting_id: int | None = None) -> DisplayApp:
    return localized(DisplayApp, settings.language, ())(settings, meeting_id)
