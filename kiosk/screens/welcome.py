"""The screen a citizen finds at the door: the meeting, and the one key to press."""

from __future__ import annotations

import datetime as dt
from typing import Any

from rich.markup import escape
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Static

from kiosk.validation import registration_open
from shared.i18n import tr


class WelcomeScreen(Screen[None]):
    BINDINGS = [Binding("enter", "app.start", "Start", id="start-registration", show=False)]

    def __init__(self) -> None:
        super().__init__()
        self.lang = ""
        self.meeting: dict[str, Any] | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="welcome-box"):
            yield Static(id="meeting-title")
            yield Static(id="meeting-when")
            yield Static(id="call-to-action")
            yield Static(id="press-enter")
        yield Static(id="hint-bar")

    def on_mount(self) -> None:
        self.watch(self.app, "lang", self.show_lang)
        self.watch(self.app, "meeting", self.show_meeting)

    def show_lang(self, lang: str) -> None:
        self.lang = lang
        self.show()

    def show_meeting(self, meeting: dict[str, Any] | None) -> None:
        self.meeting = meeting
        self.show()

    def show(self) -> None:
        lang, meeting = self.lang, self.meeting
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
        is_open = registration_open(meeting)
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
