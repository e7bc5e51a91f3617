"""Completion from a list that ignores case and diacritics: "thon dong" finds "Thôn Đông"."""

from __future__ import annotations

from collections.abc import Iterable

from textual.suggester import Suggester

from shared.text import fold


class FoldedSuggester(Suggester):
    def __init__(self, choices: Iterable[str]) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self.choices = [(fold(choice), choice) for choice in choices]

    async def get_suggestion(self, value: str) -> str | None:
        wanted = fold(value)
        if not wanted:
            return None
        for folded, choice in self.choices:
            if folded.startswith(wanted):
                return choice  # accepting it replaces what was typed with the proper spelling
        return None
