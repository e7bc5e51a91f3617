"""The form's list of fields ("Lĩnh vực"), worked with Enter, ↓ ↑ and letters like the rest
of the form."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from textual import events, on
from textual.binding import Binding
from textual.message import Message
from textual.widgets import Select

from shared.text import fold
from tui.textual_private import SelectOverlay  # its message says a line was chosen

CATCH_ALL = ("khac", "other")
"""The last word of the catch-all entry ("Other", "Other matters"), diacritics folded."""


def catch_all_last(fields: Iterable[str]) -> list[str]:
    """The list in its order, with the catch-all entry moved to the end: "Khác" between
    "Giáo dục" and "Môi trường" reads as if the list ended there."""
    names = list(fields)

    def catch_all(name: str) -> bool:
        words = fold(name).split()
        return bool(words) and words[-1] in CATCH_ALL

    return [n for n in names if not catch_all(n)] + [n for n in names if catch_all(n)]


class FieldList(Select[str]):
    """Enter on the closed list goes on to the next field once the citizen has answered it
    (chosen a field, or its first line for none), as Enter does in every other field;
    before that, Enter opens it. ↓ ↑ (and space) open it to choose or to change. Textual's
    Select opens again on Enter after a choice: a citizen pressing Enter to go on looped,
    and the summary typed next went to the list's type-to-search and changed the field.

    Letters never search the list: typed on it, closed or open, they start the summary
    and the choice stays as it was."""

    BINDINGS = [Binding("enter", "enter", show=False, id="field-list-enter")]

    @dataclass
    class Typed(Message):
        """A letter typed on the list, for the summary."""

        character: str

    @dataclass
    class Done(Message):
        """Enter on an answered list: on to the next field."""

    def __init__(self, fields: Iterable[str], **options: Any) -> None:
        names = catch_all_last(fields)
        super().__init__([(f, f) for f in names], type_to_search=False, **options)
        self.answered = False

    def action_enter(self) -> None:
        if self.answered or not self.is_blank():
            self.post_message(self.Done())
        else:
            self.action_show_overlay()

    @on(SelectOverlay.UpdateSelection)
    def _chosen(self) -> None:
        """Any line chosen, the prompt line too (no field): the list is answered. Select's
        own handler runs next and sets the value."""
        self.answered = True

    def on_key(self, event: events.Key) -> None:
        character = event.character or ""
        if character.isprintable() and character.strip():
            event.stop()
            event.prevent_default()
            self.expanded = False
            self.post_message(self.Typed(character))
