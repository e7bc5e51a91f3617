"""The kiosk's terminal driver: no bracketed paste, so no key sequence can mute the keyboard.

Textual's xterm parser takes `ESC [ 2 0 0 ~` as the start of a paste whether or not the
terminal's paste mode is on, and every key until `ESC [ 2 0 1 ~` as pasted text. Typed by
hand (Esc, then "[200~" at 50 ms a key) it swallowed Enter and Ctrl+O until the kiosk was
restarted. A kiosk needs no paste: the driver does not turn the terminal's paste mode on
(a paste arrives as typed keys) and its parser drops both paste markers.
"""

from __future__ import annotations

from collections.abc import Generator

from textual import constants
from textual.driver import Driver

from tui.textual_private import (
    BRACKETED_PASTE_END,
    BRACKETED_PASTE_START,
    ParseEOF,
    ParseTimeout,
    Peek1,
    Read1,
    TokenCallback,
    XTermParser,
    without_bracketed_paste,
)

MARKERS = (BRACKETED_PASTE_START, BRACKETED_PASTE_END)


class NoPasteParser(XTermParser):
    """Textual's parser, fed through a filter that drops the paste markers.

    The filter holds back what could still become a marker (ESC, "ESC [", "ESC [ 2" ...)
    and hands it on as soon as it cannot, or when Textual's escape delay runs out, at
    which point the held keys are read as keys at once. So the inner parser never sees a
    whole marker, however fast or slowly the keys come.
    """

    def parse(self, token_callback: TokenCallback) -> Generator[Read1 | Peek1, str, None]:
        inner = super().parse(token_callback)
        awaiting = next(inner)
        held = ""

        def hand_on(text: str, finish: bool) -> None:
            """Give `text` to Textual's parser; `finish` reads a pending sequence now."""
            nonlocal awaiting
            for key in text:
                awaiting = inner.send(key)
            if finish and awaiting.timeout is not None:
                awaiting = inner.throw(ParseTimeout())

        while True:
            try:
                character = yield (self.read1(constants.ESCAPE_DELAY) if held else awaiting)
            except ParseTimeout:
                if held:
                    hand_on(held, finish=True)  # nothing more came: held keys are keys
                    held = ""
                else:
                    awaiting = inner.throw(ParseTimeout())
                continue
            except ParseEOF:
                hand_on(held, finish=False)
                try:
                    inner.throw(ParseEOF())
                except StopIteration:
                    pass
                return
            candidate = held + character
            if candidate in MARKERS:
                held = ""  # dropped: what follows a paste start is typed keys
            elif any(marker.startswith(candidate) for marker in MARKERS):
                held = candidate
            elif character == "\x1b":
                # A new ESC ends what came before (as in Textual's parser) and may
                # start a marker: hold it.
                hand_on(held, finish=True)
                held = character
            else:
                hand_on(candidate, finish=False)
                held = ""


def without_paste(driver: type[Driver]) -> type[Driver]:
    """`driver`, never turning bracketed paste on and reading keys with NoPasteParser."""
    return without_bracketed_paste(driver, NoPasteParser)
