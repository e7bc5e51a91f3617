"""The kiosk in a real terminal (a pty): keys typed as a citizen types them."""

from __future__ import annotations

import contextlib
import os
import pty
import re
import select
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from shared.db import open_store
from shared.demo import demo

ANSI = re.compile(r"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[PX^_][^\x1b]*\x1b\\|.)")


class Terminal:
    """A process on a pty, and what it has drawn so far (escape sequences removed)."""

    def __init__(self, command: list[str], env: dict[str, str]) -> None:
        self.parent, child = pty.openpty()
        self.process = subprocess.Popen(
            command, stdin=child, stdout=child, stderr=child, env=env, start_new_session=True
        )
        os.close(child)
        self.raw = b""
        self.mark = 0

    def screen_text(self) -> str:
        return ANSI.sub("", self.raw.decode("utf-8", "replace"))

    def wait_for(self, text: str, timeout: float = 30) -> None:
        """Until `text` is drawn after the last mark; a generous deadline, not a sleep."""
        deadline = time.monotonic() + timeout
        while text not in self.screen_text()[self.mark :]:
            left = deadline - time.monotonic()
            if left <= 0 or self.process.poll() is not None:
                tail = self.screen_text()[self.mark :][-600:]
                raise AssertionError(f"{text!r} never drawn; last drawn: {tail!r}")
            ready, _, _ = select.select([self.parent], [], [], min(left, 0.2))
            if ready:
                try:
                    self.raw += os.read(self.parent, 65536)
                except OSError:  # the child closed the pty
                    pass
        self.mark = len(self.screen_text())

    def type(self, keys: str, gap: float = 0.0) -> None:
        """Write `keys` one at a time, `gap` seconds apart (the pace of a hand)."""
        for key in keys:
            os.write(self.parent, key.encode())
            if gap:
                time.sleep(gap)

    def close(self) -> None:
        with contextlib.suppress(ProcessLookupError):  # it may have ended by itself
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(10)
        os.close(self.parent)


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
