"""The command palette of a station: its own actions, named in its language and found
without diacritics ("goi tiep" finds "Gọi tiếp"), instead of Textual's English
built-ins (Theme, Screenshot, Maximize).

The palette opens with its first entry marked, so Ctrl+P then Enter runs it: help comes
first, the station's own actions next and quit last (it asks first when anything is at
stake)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from functools import partial

from rich.text import Text
from textual.command import DiscoveryHit, Hit, Provider
from textual.types import IgnoreReturnCallbackType

from shared.i18n import tr
from shared.text import fold, matches
from tui.keys_help import station_actions

Command = tuple[str, str, IgnoreReturnCallbackType]


class StationCommands(Provider):
    def _commands(self) -> list[Command]:
        lang = getattr(self.app, "lang", "vi")
        actions = station_actions(self.screen.active_bindings, self.app)
        actions.sort(key=lambda found: {"help": -1, "quit": 1}.get(found.action, 0))
        return [
            (
                found.description,
                tr("Key: {key}", lang, key=" / ".join(found.keys)),
                partial(self.app.run_action, found.action),
            )
            for found in actions
            if found.enabled and found.action != "command_palette"
        ]

    async def discover(self) -> AsyncIterator[DiscoveryHit]:
        for title, help_text, run in self._commands():
            yield DiscoveryHit(Text(title), run, text=title, help=help_text)

    async def search(self, query: str) -> AsyncIterator[Hit]:
        for title, help_text, run in self._commands():
            if query.strip() and matches(query, title):
                score = 1.0 if fold(title).startswith(fold(query)) else 0.5
                yield Hit(score, Text(title), run, text=title, help=help_text)
