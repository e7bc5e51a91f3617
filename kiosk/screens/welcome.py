"""The screen a citizen finds at the door: the meeting, and the one key to press."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from rich.markup import escape
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Static

from shared.i18n import tr

if TYPE_CHECKING:
    from kiosk.app import KioskApp


class WelcomeScreen(Screen[None]):
    BINDINGS = [Binding("enter", "app.start", "Start", id="start-registration", show=False)]

    app: KioskApp

    def compose(self) -> ComposeResult:
        with Vertical(id="welcome-box"):
            yield Static(id="meeting-title")
            yield Static(id="meeting-when")
            yield Static(id="call-to-action")
            yield Static(id="press-enter")
        yield Static(id="hint-bar")

    def on_mount(self) -> None:
        self.watch(self.app, "lang", self.show)
        self.watch(self.app, "meeting", self.show)

    def show(self, _: Any = None) -> None:
        lang, meeting = self.app.lang, self.app.meeting
        title = self.query_one("#meeting-title", Static)
        when = self.query_one("#meeting-when", Static)
        action = self.query_one("#call-to-action", Static)
        press = self.query_one("#press-enter", Static)
        self.query_one("#hint-bar", Static).update(tr("Ctrl+T: Tiếng Việt", lang))
        if meeting is None:
            title.update(tr("No meeting is taking registrations now.", lang))
            when.update("")
            action.update("")
            press.update("")
            return
        date = dt.date.fromisoformat(meeting["date"]).strftime("%d/%m/%Y")
        title.update(escape(meeting["title"]))
        place = escape(meeting["place"])
        when.update(
            tr("{date}, {time} · {place}", lang, date=date, time=meeting["start_time"], place=place)
        )
        is_open = self.app.registration_open
        action.update(
            tr("REGISTER TO SPEAK", lang)
            if is_open
            else tr(
                "Registration to speak is closed.\nYou can still hand a written question to the secretary.",
                lang,
            )
        )
        press.update(tr("Press Enter to start", lang) if is_open else "")
        self.set_class(not is_open, "-closed")
