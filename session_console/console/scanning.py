"""A keyboard-wedge scanner's burst, told from a person's keys whatever is open.

A scanner types its payload and Enter faster than a person, and the terminal delivers the
burst before any change of focus takes effect. So every key that could start a payload
(a capital or a digit: no key of the console is bound to either) is held here, whatever
has the focus: the console's queue, the find field with letters in it, a dialog, the
command palette, the help panel. What follows decides:

- Enter within the burst, and what was held reads as a ticket: it is a scan. Nothing of it
  reaches the focused field; the ticket is verified and selected.
- a burst that starts like a citizen's ID card (12 digits and a bar) is held whole, text
  field or not, and never handed on: it is the card's, whether it ends in Enter or is cut
  off (the ID number must never show in a field or anywhere else).
- a pause (a person's pace), another key, or a burst that is not a ticket: the held keys
  go on, in order, to where they were going; outside a text field, to the scan field.

So a person's text is never changed by a scan, and a scan never lands in a text field.
"""

from __future__ import annotations

import re
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from textual import events
from textual.app import App
from textual.widgets import Input, Select, TextArea

from shared.i18n import UserError
from shared.idcard import looks_like_card
from shared.tokens import parse

# A scanner types a key every few milliseconds; a person, every 100 ms or more (a person's
# quick capitals taken as a burst lose nothing: they go on to where they were typed).
SCAN_GAP_SECONDS = 0.15  # generous: a loaded machine reads one burst in pieces
# Keys a person typed stop being held after this pause: into a text field, soon (they
# show as typed); outside one, to the scan field, once the person has stopped.
RELEASE_SECONDS = 0.3
HAND_OVER_SECONDS = 0.5


# What a scanner types of a ticket, bare or inside a link (always in capitals).
TICKET_CHARACTER = re.compile(r"[A-Z0-9:/.\-_~%?=&#]")


def is_ticket(text: str) -> bool:
    """Whether `text` has a ticket's shape (bare or inside a link); genuine or not is
    the core's to say."""
    try:
        parse(text)
    except UserError:
        return False
    return True


def _printable(event: events.Key) -> str:
    character = event.character or ""
    return character if len(character) == 1 and character.isprintable() else ""


@dataclass
class Bursts:
    """The held keys of a possible burst, for one station.

    `scanned` gets a ticket's text (or, outside any text field, a quick capitalised
    name and Enter); `deliver` sends a key on as the terminal sent it; `to_scan_field`
    puts text a person typed outside a field into the scan field. `on_main` says
    whether the station's own screen is the one showing.
    """

    app: App[Any]
    scanned: Callable[[str], object]
    deliver: Callable[[events.Key], Awaitable[None]]
    to_scan_field: Callable[[str], None]
    on_main: Callable[[], bool]
    held: list[events.Key] = field(default_factory=list)
    at: float = 0.0  # when the terminal delivered the last key held
    handled: float = 0.0  # when it was handled: a busy station handles keys late
    typing: bool = False  # the keys were going to a text field (or a dialog's list)

    async def take(self, event: events.Key) -> bool:
        """True when the key is kept here (part of a possible burst)."""
        character = _printable(event)
        if self.held:
            if event.time - self.at > SCAN_GAP_SECONDS:
                await self.release()  # a person's pace: this key starts afresh
            elif event.key == "enter":
                text = self._text()
                if is_ticket(text) or looks_like_card(text) or not self.typing:
                    self.held = []
                    self.scanned(text)
                    return True
                await self.release()
                return False
            elif character:
                self._hold(event)
                card = looks_like_card(self._text())
                if self.typing and not TICKET_CHARACTER.fullmatch(character) and not card:
                    await self.release()  # a person typing quickly: no lag in the field
                return True
            else:
                await self.release()
                return False
        if character and (character.isupper() or character.isdigit()):
            focused = self.app.focused
            self.typing = isinstance(focused, Input | TextArea | Select) or not self.on_main()
            self._hold(event)
            self.app.set_timer(self._quiet, self.release_if_quiet)
            return True
        return False

    def _text(self) -> str:
        return "".join(_printable(key) for key in self.held)

    def _hold(self, event: events.Key) -> None:
        self.held.append(event)
        self.at = event.time
        self.handled = time.monotonic()

    @property
    def _quiet(self) -> float:
        return RELEASE_SECONDS if self.typing else HAND_OVER_SECONDS

    async def release_if_quiet(self) -> None:
        """Keys that stopped without an Enter were a person's: nothing typed is lost."""
        if not self.held:
            return
        if time.monotonic() - self.handled >= self._quiet:
            await self.release()
        else:  # more keys came: wait for them to stop
            self.app.set_timer(self._quiet, self.release_if_quiet)

    async def release(self) -> None:
        """The held keys go on: into the field they were typed in, else the scan field;
        a card's, cut off, go nowhere but to be refused."""
        text = self._text()
        held, self.held = self.held, []
        if looks_like_card(text):
            self.scanned(text)
        elif self.typing:
            for key in held:
                await self.deliver(events.Key(key.key, key.character))
        else:
            self.to_scan_field(text)
