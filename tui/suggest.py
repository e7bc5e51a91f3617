"""Completion from a list that ignores case and diacritics: "thon dong" finds "Thôn Đông",
"minh" finds "Tổ dân phố Minh Khai". The kiosk's village and the console's villages,
officials and bodies offer the listed names under the field (ListedInput)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from rich.markup import escape
from textual import on
from textual.binding import Binding
from textual.message import Message
from textual.widgets import Input

from shared.i18n import tr
from shared.text import fold
from tui.telex import TelexInput

OFFER_SHOWN = 4


def word_start_matches(choices: Iterable[str], typed: str) -> list[str]:
    """The listed names in which what was typed starts a word, case and diacritics
    ignored: "minh" finds "Tổ dân phố Minh Khai", "thon d" finds "Thôn Đoài" and "Thôn
    Đông". Names that begin with it come first, then the list's own order."""
    wanted = fold(typed)
    if not wanted:
        return []
    found: list[tuple[int, int, str]] = []
    for order, choice in enumerate(choices):
        at = f" {fold(choice)}".find(f" {wanted}")
        if at >= 0:
            found.append((at > 0, order, choice))
    return [choice for _, _, choice in sorted(found)]


class ListedInput(TelexInput):
    """A text field that offers the listed names matching what is typed, from the start
    of any word, and takes one exactly as listed: Enter or → at the end takes the offered
    name, ↓ and ↑ offer the next and previous. Shown by whoever holds the field, from
    `Offered`; Textual's inline suggestion is not used, as it can only append to what was
    typed ("thon do" + "ài"). Anything else typed is kept as typed."""

    BINDINGS = [
        Binding("down", "offer(1)", show=False, id="listed-next"),
        Binding("up", "offer(-1)", show=False, id="listed-previous"),
    ]

    @dataclass
    class Offered(Message):
        """The names on offer now (none: nothing to show), and which one Enter takes."""

        field: ListedInput
        names: list[str]
        chosen: int

        @property
        def control(self) -> ListedInput:
            return self.field

    def __init__(self, choices: Iterable[str], **options: Any) -> None:
        super().__init__(**options)
        self.choices = list(choices)
        self.offered: list[str] = []
        self.chosen = 0

    @on(Input.Changed)
    def _typed(self, event: Input.Changed) -> None:
        if event.input is not self:
            return
        listed = self.value in self.choices  # as listed already: nothing to offer
        self.offered = [] if listed else word_start_matches(self.choices, self.value)
        self.chosen = 0
        self.post_message(self.Offered(self, self.offered, self.chosen))

    def action_offer(self, step: int) -> None:
        if self.offered:
            self.chosen = (self.chosen + step) % len(self.offered)
            self.post_message(self.Offered(self, self.offered, self.chosen))

    def take_offered(self) -> bool:
        """Put the offered name in the field, exactly as listed; False if none is."""
        if not self.offered:
            return False
        self.value = self.offered[self.chosen]
        self.cursor_position = len(self.value)
        # taken: nothing is on offer from now, not only once Changed comes round, so an
        # Enter already queued behind this one (a quick hand, a burst) goes on
        self.offered, self.chosen = [], 0
        self.post_message(self.Offered(self, [], 0))
        return True

    def action_cursor_right(self, select: bool = False) -> None:
        if select or not self.cursor_at_end or not self.take_offered():
            super().action_cursor_right(select)

    async def action_submit(self) -> None:
        """Enter takes the offered name and stays, so the citizen sees it in the field;
        the next Enter goes on."""
        if not self.take_offered():
            await super().action_submit()

    def on_blur(self) -> None:
        """Leaving a field that says a listed name in other letters ("thon dong") leaves
        it as listed ("Thôn Đông"); nothing else is changed. (Input's own blur handler
        runs as well: Textual calls each class's.)"""
        same = [name for name in self.choices if fold(name) == fold(self.value)]
        if len(same) == 1 and self.value != same[0]:
            self.value = same[0]


def offer_markup(names: list[str], chosen: int, lang: str, shown: int = OFFER_SHOWN) -> str:
    """The names on offer under a field, the one Enter takes marked, and how to take it,
    in words ("" when nothing is on offer)."""
    if not names:
        return ""
    first = max(0, min(chosen - shown + 1, len(names) - shown))
    lines = [
        f"[reverse bold]▶ {escape(name)} [/]" if at == chosen else f"  {escape(name)}"
        for at, name in enumerate(names)
        if first <= at < first + shown
    ]
    more = len(names) - len(lines)
    if more:
        lines.append(escape(tr("… {count} more: type more letters", lang, count=more)))
    lines.append(escape(tr("Enter or →: take the marked name · ↓ ↑: another", lang)))
    return "\n".join(lines)
