"""The kiosk in a real terminal (a pty): keys typed as a citizen types them."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from shared.db import open_store
from shared.demo import demo
from tests.tui.terminal import Terminal


@pytest.fixture
def kiosk_terminal(db_path: Path, tmp_path: Path) -> Iterator[Terminal]:
    store = open_store(db_path)
    demo(store)
    store.close()
    env = {
        **os.environ,
        "TERM": "xterm-256color",
        "COLUMNS": "100",
        "LINES": "30",
        # Textual waits this long (ms) for the rest of an escape sequence: 3 s makes
        # "keys 50 ms apart are one sequence" hold on the slowest test machine.
        "ESCDELAY": "3000",
    }
    command = [sys.executable, "-m", "shared.cli", "--lang", "en", "--db", str(db_path)]
    terminal = Terminal([*command, "kiosk"], env)
    try:
        terminal.wait_for("Press Enter to start")
        yield terminal
    finally:
        terminal.close()


def test_a_typed_paste_start_does_not_lock_the_kiosk(kiosk_terminal: Terminal) -> None:
    """Esc then [200~ is how a terminal opens a bracketed paste; a kiosk takes no paste,
    so Enter and the operator key still work afterwards."""
    kiosk_terminal.type("\x1b[200~", gap=0.05)
    kiosk_terminal.type("\r")  # Enter: Welcome -> the form
    kiosk_terminal.wait_for("Your registration")
    kiosk_terminal.type("\x0f")  # Ctrl+O: the operator's PIN
    kiosk_terminal.wait_for("Operator PIN")


def test_the_operator_key_works_inside_an_unterminated_paste(kiosk_terminal: Terminal) -> None:
    kiosk_terminal.type("\x1b[200~abc\x0f")  # all at once, as a terminal's paste arrives
    kiosk_terminal.wait_for("Operator PIN")


def keys(*chunks: str) -> list[str]:
    """What the kiosk's parser makes of `chunks`, fed as the terminal delivers them."""
    from textual import events

    from kiosk.terminal import NoPasteParser

    parser = NoPasteParser()
    made = [event for chunk in chunks for event in parser.feed(chunk)]
    made += list(parser.feed(""))
    assert not any(isinstance(event, events.Paste) for event in made)
    return [event.key for event in made if isinstance(event, events.Key)]


@pytest.mark.parametrize(
    ("chunks", "expected"),
    [
        (("\x1b[200~ab\r\x0f",), ["a", "b", "enter", "ctrl+o"]),
        (("\x1b", "[", "2", "0", "0", "~", "\r"), ["enter"]),
        (("\x1b[201~\r",), ["enter"]),
        (("\x1b\x1b[200~\r",), ["escape", "enter"]),
        (("\x1b[A", "\x1b[2~", "\x1b[20~"), ["up", "insert", "f9"]),
        (("x\x1b",), ["x", "escape"]),
    ],
)
def test_the_parser_drops_paste_markers_and_keeps_keys(
    chunks: tuple[str, ...], expected: list[str]
) -> None:
    assert keys(*chunks) == expected


def test_a_burst_lands_in_the_fields_it_was_typed_for(kiosk_terminal: Terminal) -> None:
    """A whole form typed in one burst, as a quick hand or a scanner types: Enter opens
    the form, the name, Enter three times (village, organisation, then the field list
    opens), two arrows and Enter choose a field, then the summary. Before the kiosk
    handed keys over one at a time, the name went to Welcome and the arrows to the
    closed list: both were lost without a word."""
    kiosk_terminal.type("\rAn Binh\r\r\r\r\x1b[B\x1b[B\rHello there")
    kiosk_terminal.wait_until_shown("Hello there")
    shown = kiosk_terminal.wait_until_shown("11/300 characters")  # the counter follows the text
    rows = {line.split("▊")[0].strip(): line for line in shown.splitlines() if "▊" in line}
    assert "An Binh" in rows["Full name *"]
    assert "An sinh xã hội" in rows["Field"]  # the second field: the list opens on none
    assert "Hello there" in rows["Summary"]
