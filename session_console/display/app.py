"""The hall display: the number now speaking, the next numbers, the timer, in big type.
Numbers only unless the meeting allows names; never phone numbers."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.containers import Center, Vertical
from textual.widgets import Static

from session_console.strings import clock, t
from session_console.widgets import BigText
from shared import meetings, speaking
from shared.config import Settings
from shared.db import ChangeSignal, Store, open_store


class DisplayApp(App[None]):
    CSS_PATH = "display.tcss"
    TITLE = "hallkit"

    def __init__(self, settings: Settings, meeting_id: int | None = None) -> None:
        super().__init__()
        self.settings = settings
        self.lang = settings.language
        self.requested_meeting = meeting_id

    def compose(self) -> ComposeResult:
        with Vertical(id="hall"):
            yield Static(t("now_speaking", self.lang), id="now-label")
            with Center():
                yield BigText(id="now")
            yield Static(id="now-name")
            with Center():
                yield BigText(id="timer")
            yield Static(id="next")

    def on_mount(self) -> None:
        self.store: Store = open_store(self.settings.db_path, self.settings.station)
        self.meeting = meetings.current_meeting(self.store, self.requested_meeting)
        self.signal = ChangeSignal(self.store)
        self.refresh_all()
        self.set_interval(0.25, self.poll)
        self.set_interval(0.5, self.show_timer)

    def on_unmount(self) -> None:
        self.store.close()

    def poll(self) -> None:
        if self.signal.changed():
            self.refresh_all()

    def refresh_all(self) -> None:
        self.meeting = meetings.get_meeting(self.store, self.meeting["id"])
        rows = speaking.queue(self.store, self.meeting["id"])
        self.current = next((r for r in rows if r["status"] in speaking.AT_LECTERN), None)
        self.query_one("#now", BigText).show(
            f"{self.current['number']:03d}" if self.current else "---"
        )
        name = self.current["name"] if self.current and self.meeting["display_names"] else ""
        self.query_one("#now-name", Static).update(name)
        upcoming = [f"{r['number']:03d}" for r in rows if r["status"] == "waiting"][:5]
        self.query_one("#next", Static).update(
            f"{t('next_up', self.lang)}:  " + "   ".join(upcoming) if upcoming else ""
        )
        self.show_timer()

    def show_timer(self) -> None:
        timer = self.query_one("#timer", BigText)
        row = self.current
        if row is None or not row["speech_started"]:
            timer.show("")
            return
        spoken = speaking.elapsed(row)
        timer.show(clock(spoken))
        limit = self.meeting["speaking_seconds"]
        timer.set_class(spoken > limit, "-over")
        timer.set_class(limit - 30 <= spoken <= limit, "-warn")


def make_display_app(settings: Settings, meeting_id: int | None = None) -> DisplayApp:
    return DisplayApp(settings, meeting_id)
