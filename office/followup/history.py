"""An item's history, read-only: what happened in words, local time, station and what
changed. Nothing here can be edited or saved, so there is no OK or Cancel: Esc (or Enter)
closes it, the arrows scroll it."""

from __future__ import annotations

from rich.markup import escape
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from shared.i18n import tr
from shared.item_history import Entry, lines


class HistoryView(ModalScreen[None]):
    DEFAULT_CSS = """
    HistoryView { align: center middle; }
    HistoryView #history-box {
        width: 100; max-width: 100%; height: auto; max-height: 100%;
        border: thick $primary; background: $surface; padding: 0 1;
    }
    HistoryView #history-title { text-style: bold; padding: 0 0 1 0; }
    HistoryView #history-lines { height: auto; max-height: 80vh; }
    HistoryView .history-entry { margin-bottom: 1; }
    HistoryView #history-close { color: $text-muted; text-align: right; }
    """
    BINDINGS = [
        Binding("escape", "close", "Close", id="history-close"),
        Binding("enter", "close", "Close", show=False, id="history-close-enter"),
    ]

    def __init__(self, title: str, entries: list[Entry], lang: str) -> None:
        super().__init__()
        self.title_text, self.entries, self.lang = title, entries, lang

    def compose(self) -> ComposeResult:
        with Vertical(id="history-box"):
            yield Static(escape(self.title_text), id="history-title")
            with VerticalScroll(id="history-lines"):
                for entry in self.entries:
                    text = "\n".join(lines(entry, self.lang))
                    yield Static(escape(text), classes="history-entry")
                if not self.entries:
                    yield Static(escape(tr("Nothing recorded yet.", self.lang)))
            yield Static(escape(tr("Esc: close", self.lang)), id="history-close")

    def on_mount(self) -> None:
        self.query_one("#history-lines", VerticalScroll).focus()

    def action_close(self) -> None:
        self.dismiss(None)
