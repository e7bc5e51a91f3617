"""A short message to the citizen (consent refused, already registered, closed), then back
to Welcome on a key or after a while."""

from __future__ import annotations

from rich.markup import escape
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Middle
from textual.screen import Screen
from textual.widgets import Static


class NoticeScreen(Screen[None]):
    BINDINGS = [Binding("enter", "app.reset", "OK", id="notice-ok", show=False)]
    IDLE_SECONDS = 20
    IDLE_WARNING = False  # nothing typed to lose

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        with Middle(), Center():
            yield Static(escape(self.text), id="notice-text")
