"""The form's text fields: what a field cannot take is refused out loud, never dropped."""

from __future__ import annotations

from dataclasses import dataclass

from textual import events
from textual.message import Message

from tui import ListedInput, TelexInput


class FormInput(TelexInput):
    """Textual's Input refuses a key past `max_length` (or outside `restrict`) with a bell
    only, and keeps the first line of a paste: the end of a citizen's sentence went
    without a word. This one posts `Refused` for every key it does not take, counting
    them until something is deleted, and takes from a paste what fits (its lines joined) and refuses the rest."""

    @dataclass
    class Refused(Message):
        """Keys the field did not take since its text last got shorter (0: none now)."""

        field: FormInput
        count: int
        full: bool
        """True: the field is at its limit; False: the characters are not allowed here."""

        @property
        def control(self) -> FormInput:
            return self.field

    refused = 0
    """Characters refused since the text last got shorter."""

    def watch_value(self, old: str, new: str) -> None:
        """Deleting makes room and shows the refusal was read: it is no longer said."""
        if len(new) < len(old) and self.refused:
            self.refused = 0
            self.post_message(self.Refused(self, 0, False))

    def restricted(self) -> None:
        self._refuse(1)

    def _refuse(self, count: int) -> None:
        self.refused += count
        limit = self.max_length or 0
        full = bool(limit) and len(self.value) >= limit
        self.post_message(self.Refused(self, self.refused, full))
        self.app.bell()

    def on_paste(self, event: events.Paste) -> None:
        event.stop()
        event.prevent_default()  # not Input's own, which keeps the first line only
        text = " ".join(event.text.splitlines())
        if not text:
            return
        start, end = sorted(self.selection)
        room = len(text)
        if self.max_length:
            room = max(0, self.max_length - (len(self.value) - (end - start)))
        if room:
            before = self.value
            self.replace(text[:room], start, end)
            if self.value == before:
                return  # refused whole (restrict): restricted() has said so
        if room < len(text):
            self._refuse(len(text) - room)


class ListedFormInput(ListedInput, FormInput):
    """The village field: offers the listed names, and refuses out loud like the others."""
