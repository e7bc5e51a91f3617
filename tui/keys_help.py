"""F1 or ?: every key of the screen underneath, with what it does, in the station's
language. The footer has room for the common keys only; this panel has them all."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from rich.table import Table
from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import ActiveBinding, Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from shared.i18n import tr

KeyRows = list[tuple[str, str]]


@dataclass(frozen=True)
class StationAction:
    action: str
    keys: tuple[str, ...]  # as shown: "F1", "?"
    description: str
    enabled: bool


def station_actions(bindings: Mapping[str, ActiveBinding], app: App[Any]) -> list[StationAction]:
    """The station's own actions, in the order it declares them, each with all its keys:
    what the help panel lists and the command palette runs. Only keys bound on the app:
    a widget's (the table's arrows, a field's "Move cursor left") are the widget's."""
    keys: dict[str, list[str]] = {}
    described: dict[str, tuple[str, bool]] = {}
    for node, binding, enabled, _tooltip in bindings.values():
        if node is not app or binding.system:
            continue
        keys.setdefault(binding.action, []).append(app.get_key_display(binding))
        if binding.description and binding.action not in described:
            described[binding.action] = (binding.description, enabled)
    return [
        StationAction(action, tuple(keys[action]), text, enabled)
        for action, (text, enabled) in described.items()
    ]


LAST = ("help", "command_palette", "quit")


def key_rows(bindings: Mapping[str, ActiveBinding], app: App[Any]) -> KeyRows:
    """(keys, description) for each of the station's actions: "F1 / ?" when an action has
    two keys; the station's own first, then help, the palette and quit."""
    actions = station_actions(bindings, app)
    actions.sort(key=lambda found: found.action in LAST and LAST.index(found.action) + 1)
    return [(" / ".join(found.keys), found.description) for found in actions]


class KeysHelp(ModalScreen[None]):
    DEFAULT_CSS = """
    KeysHelp { align: center middle; }
    KeysHelp #help-box {
        width: 72; max-width: 100%; height: auto; max-height: 100%;
        border: thick $accent; background: $surface; padding: 0 1;
    }
    KeysHelp #help-title { text-style: bold; }
    KeysHelp #help-keys { height: auto; max-height: 24; }
    KeysHelp #help-close { color: $text-muted; }
    """
    BINDINGS = [
        Binding("escape,f1,question_mark,enter", "close", show=False, id="help-close"),
    ]

    def __init__(self, title: str, rows: KeyRows, lang: str) -> None:
        super().__init__()
        self.title_text, self.rows, self.lang = title, rows, lang

    def compose(self) -> ComposeResult:
        with Vertical(id="help-box"):
            yield Static(Text(self.title_text), id="help-title")
            with VerticalScroll(id="help-keys"):
                yield Static(self._table())
            yield Static(Text(tr("Esc, F1 or ? closes this list.", self.lang)), id="help-close")

    def _table(self) -> Table:
        """Two keys to a line when there are many, so the console's 25 fit in 30 rows."""
        pairs = 2 if len(self.rows) > 12 else 1
        table = Table.grid(padding=(0, 2))
        for _ in range(pairs):
            table.add_column(style="bold", no_wrap=True)
            table.add_column(no_wrap=True)
        half = -(-len(self.rows) // pairs)
        for line in range(half):
            cells: list[Text] = []
            for column in range(pairs):
                index = column * half + line
                key, text = self.rows[index] if index < len(self.rows) else ("", "")
                cells += [Text(key), Text(text)]
            table.add_row(*cells)
        return table

    def action_close(self) -> None:
        self.dismiss(None)
