"""What the console, the chair's view and the hall display share: one meeting, read from
the shared file, and re-read whenever another process commits."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from textual.app import App
from textual.css.query import NoMatches
from textual.screen import Screen

from shared import meetings
from shared.config import Settings
from shared.db import ChangeSignal, Store, open_store

POLL_SECONDS = 0.25


class StationApp(App[None]):
    TITLE = "hallkit"

    def __init__(self, settings: Settings, meeting_id: int | None = None) -> None:
        super().__init__()
        self.settings = settings
        self.lang = settings.language
        self.requested_meeting = meeting_id
        self.meeting: dict[str, Any] = {}

    def on_mount(self) -> None:
        self.store: Store = open_store(self.settings.db_path, self.settings.station)
        self.meeting = meetings.current_meeting(self.store, self.requested_meeting)
        self.signal = ChangeSignal(self.store)
        self.refresh_all()
        self.set_interval(POLL_SECONDS, self.poll)
        self.set_interval(0.5, self._tick)

    def on_unmount(self) -> None:
        self.store.close()

    @property
    def main(self) -> Screen[Any]:
        """The station's own screen, under any dialog: timers and polls update it even
        while a dialog is open."""
        return self.screen_stack[0]

    @property
    def meeting_id(self) -> int:
        return int(self.meeting["id"])

    def poll(self) -> None:
        """A few microseconds when nothing changed; the whole station when something did."""
        if self.signal.changed():
            with self._unless_closing():
                self.refresh_all()

    def _tick(self) -> None:
        with self._unless_closing():
            self.tick()

    @contextmanager
    def _unless_closing(self) -> Iterator[None]:
        """A timer may fire while the app closes and its widgets are already gone."""
        try:
            yield
        except (NoMatches, IndexError):
            if self.is_running and self.screen_stack and self.main.children:
                raise

    def refresh_all(self) -> None:
        """Re-read and show everything; called after each of this station's own actions."""
        self.meeting = meetings.get_meeting(self.store, self.meeting_id)

    def tick(self) -> None:
        """Twice a second: the timer."""
