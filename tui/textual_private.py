"""Every private name of Textual and textual-serve that hallkit uses, and nowhere else.

Textual's public API cannot do a few things the stations need: hand a key on only once
the previous one is handled (the kiosk's type-ahead), read keys without bracketed paste
(the kiosk's driver), say "no matches" in Vietnamese, lay out the footer's keys, serve
a station behind a token. Each private name they take is listed in PRIVATE with where
and why; tests/unit/test_textual_private.py checks that every one still exists in the
installed Textual and textual-serve, and that no other module of the tree (tests
included) uses a private name of theirs. So an upgrade that renames one fails there, in
one place, instead of as a kiosk that loses keys.

textual-serve is optional (the `web` extra): it is imported only when a server is built.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from typing import Any

from rich.align import Align
from rich.text import Text
from textual._parser import ParseEOF, ParseTimeout, Peek1, Read1, TokenCallback
from textual._xterm_parser import BRACKETED_PASTE_END, BRACKETED_PASTE_START, XTermParser
from textual.app import App
from textual.command import CommandList, CommandPalette
from textual.driver import Driver
from textual.keys import _character_to_key
from textual.message import Message
from textual.message_pump import MessagePump
from textual.screen import Screen
from textual.strip import Strip
from textual.widgets import Footer, Input, Select
from textual.widgets._footer import FooterKey
from textual.widgets._select import SelectCurrent, SelectOverlay
from textual.widgets.option_list import Option

__all__ = [
    "BRACKETED_PASTE_END",
    "BRACKETED_PASTE_START",
    "PRIVATE",
    "FooterKey",
    "PaletteSayingNoMatches",
    "ParseEOF",
    "ParseTimeout",
    "Peek1",
    "Private",
    "Read1",
    "SelectCurrent",
    "SelectOverlay",
    "TokenCallback",
    "XTermParser",
    "bindings_ready",
    "character_to_key",
    "forget_clipboard",
    "in_hand",
    "propagation_stopped",
    "queued",
    "rendered_strips",
    "restart_blink",
    "select_options",
    "serve_server_class",
    "without_bracketed_paste",
]


@dataclass(frozen=True)
class Private:
    owner: str
    """The module (`textual._parser`) or class (`textual.widgets:Input`) that has it."""
    name: str
    why: str


PRIVATE: tuple[Private, ...] = (
    # kiosk/terminal.py: Textual's parser with the bracketed-paste markers dropped.
    *(
        Private("textual._parser", name, "kiosk/terminal.py: the parser's protocol")
        for name in ("ParseEOF", "ParseTimeout", "Peek1", "Read1", "TokenCallback")
    ),
    *(
        Private("textual._xterm_parser", name, "kiosk/terminal.py: the parser and its markers")
        for name in ("XTermParser", "BRACKETED_PASTE_START", "BRACKETED_PASTE_END")
    ),
    Private(
        "textual.drivers.linux_driver",
        "XTermParser",
        "the name the driver builds its parser from (without_bracketed_paste swaps it)",
    ),
    Private(
        "textual.drivers.linux_driver:LinuxDriver",
        "_enable_bracketed_paste",
        "a kiosk never turns the terminal's paste mode on",
    ),
    # kiosk/typeahead.py and the console's _settle: is a widget still busy with a key?
    Private("textual.message_pump:MessagePump", "_next_callbacks", "work queued after refresh"),
    Private("textual.message_pump:MessagePump", "_pending_message", "the message in hand"),
    Private("textual.message_pump:MessagePump", "_message_queue", "the messages waiting"),
    Private("textual._queue:Queue", "values", "what _message_queue holds"),
    Private("textual.message:Message", "_stop_propagation", "a key some widget has taken"),
    # the rest of the stations
    Private("textual.app:App", "_clipboard", "kiosk/app.py: a reset forgets what was copied"),
    Private("textual.widgets._footer", "FooterKey", "tui/footer.py: one key of the footer"),
    Private("textual.widgets:Footer", "_bindings_ready", "tui/footer.py: compose once ready"),
    Private("textual.widgets:Input", "_restart_blink", "tui/telex.py: a composed letter"),
    Private("textual.widgets._select", "SelectOverlay", "kiosk/widgets/field_list.py"),
    Private("textual.widgets._select", "SelectCurrent", "kiosk/screens/form.py: drawn yet?"),
    *(
        Private("textual.command:CommandPalette", name, "session_console/station.py: no matches")
        for name in (
            "_start_no_matches_countdown",
            "_stop_no_matches_countdown",
            "_no_matches_timer",
            "_list_visible",
            "_NO_MATCHES",
            "_NO_MATCHES_COUNTDOWN",
        )
    ),
    Private("textual_serve.server:Server", "_make_app", "kiosk/serve.py: the guarded server"),
    # tests only
    Private("textual.screen:Screen", "_compositor", "tests: the lines a screen draws"),
    Private("textual.widgets:Select", "_options", "tests: a Select's choices"),
    Private("textual.keys", "_character_to_key", "tests: a key as the terminal makes it"),
)


# --- is a widget still busy with a key? ---


def in_hand(pump: MessagePump) -> bool:
    """Whether `pump` is handling a message or has callbacks waiting for the next refresh."""
    return bool(pump._next_callbacks) or pump._pending_message is not None


def queued(pump: MessagePump) -> list[Message]:
    """The messages waiting in `pump`'s queue, oldest first."""
    return list(pump._message_queue.values)


def propagation_stopped(message: Message) -> bool:
    """Whether a handler has stopped `message` (a key some widget took)."""
    return message._stop_propagation


# --- the stations ---


def forget_clipboard(app: App[Any]) -> None:
    """Empties the app's own clipboard (what Ctrl+C copied in a field)."""
    app._clipboard = ""


def bindings_ready(footer: Footer) -> bool:
    return footer._bindings_ready


def restart_blink(field: Input) -> None:
    """The cursor shown steady again after an edit, as Input does after a key."""
    field._restart_blink()


def character_to_key(character: str) -> str:
    """The key name the terminal driver gives `character` ("-" is "minus")."""
    return _character_to_key(character)


class PaletteSayingNoMatches(CommandPalette):
    """Textual's command palette, whose "no matches" line says `no_matches_text()` (its own
    is English, and it is built inside a private method)."""

    def no_matches_text(self) -> str:
        return "No matches found"

    def _start_no_matches_countdown(self, search_value: str) -> None:
        self._stop_no_matches_countdown()

        def show_no_matches() -> None:
            if not search_value:  # discovery: every action is listed
                self._list_visible = False
                return
            said = Text(self.no_matches_text(), style="not bold")
            self.query_one(CommandList).add_option(
                Option(Align.center(said), disabled=True, id=self._NO_MATCHES)
            )
            self._list_visible = True

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show_no_matches)


def without_bracketed_paste(driver: type[Driver], parser: type[XTermParser]) -> type[Driver]:
    """`driver`, never turning the terminal's bracketed paste on and reading keys with
    `parser`. Textual's drivers build their parser from the name `XTermParser` in their
    own module (Textual 8.2): the input thread points that name at `parser` before it
    starts reading (the process runs one app, so nothing else reads through it)."""

    class NoPasteDriver(driver):  # type: ignore[valid-type,misc]
        def _enable_bracketed_paste(self) -> None:
            """No paste mode: a pasted text arrives as typed keys."""

        def run_input_thread(self) -> None:
            module: Any = sys.modules[driver.__module__]
            if getattr(module, "XTermParser", None) is XTermParser:
                module.XTermParser = parser
            super().run_input_thread()

    NoPasteDriver.__name__ = NoPasteDriver.__qualname__ = f"NoPaste{driver.__name__}"
    return NoPasteDriver


def serve_server_class() -> type[Any]:
    """textual-serve's Server, whose aiohttp application comes from `build_app()` (ours to
    override; the default is textual-serve's own)."""
    from textual_serve.server import Server

    class BuildingServer(Server):
        async def build_app(self) -> Any:
            return await Server._make_app(self)

        async def _make_app(self) -> Any:
            return await self.build_app()

    return BuildingServer


# --- for tests ---


def rendered_strips(screen: Screen[Any]) -> list[Strip]:
    """The lines `screen` draws, top to bottom, as the terminal would show them."""
    return list(screen._compositor.render_strips())


def select_options(select: Select[Any]) -> list[tuple[Any, Any]]:
    """A Select's (label, value) choices, its blank line included."""
    return list(select._options)
