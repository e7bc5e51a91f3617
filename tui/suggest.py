"""Completion from a list that ignores case and diacritics: "thon dong" finds "Thôn Đông",
for the kiosk's village and the console's officials and bodies."""

from __future__ import annotations

from collections.abc import Iterable

from textual.suggester import Suggester

from shared.text import fold


class FoldedSuggester(Suggester):
    """Accepting the suggestion (→) replaces what was typed with the proper spelling."""

    def __init__(self, choices: Iterable[str]) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self.choices = [(fold(choice), choice) for choice in choices]

    async def get_suggestion(self, value: str) -> str | None:
        wanted = fold(value)
        return next(
            (choice for folded, choice in self.choices if wanted and folded.startswith(wanted)),
            None,
        )
