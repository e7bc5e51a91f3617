"""A station on a real pty: keys written as a terminal delivers them, the screen read back."""

from __future__ import annotations

import contextlib
import os
import pty
import re
import select
import signal
import subprocess
import time
from pathlib import Path

import pyte

from tests.waiting import pace

ANSI = re.compile(r"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[PX^_][^\x1b]*\x1b\\|.)")


class Terminal:
    """A process on a pty, and what it has drawn so far (escape sequences removed)."""

    def __init__(self, command: list[str], env: dict[str, str], cwd: Path | None = None) -> None:
        self.parent, child = pty.openpty()
        # the screen as the terminal shows it now, cell by cell (what `tmux capture-pane` reads)
        self.screen = pyte.Screen(int(env.get("COLUMNS", 80)), int(env.get("LINES", 24)))
        self.stream = pyte.ByteStream(self.screen)
        self.process = subprocess.Popen(
            command,
            stdin=child,
            stdout=child,
            stderr=child,
            env=env,
            cwd=cwd,
            start_new_session=True,
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
            self._read(min(left, 0.2))
        self.mark = len(self.screen_text())

    def shown(self) -> str:
        return "\n".join(self.screen.display)

    def wait_until_shown(self, text: str, timeout: float = 30) -> str:
        """Until the screen, as it stands, shows `text`; returns the screen."""
        deadline = time.monotonic() + timeout
        while text not in self.shown():
            left = deadline - time.monotonic()
            if left <= 0 or self.process.poll() is not None:
                raise AssertionError(f"{text!r} not on the screen:\n{self.shown()}")
            self._read(min(left, 0.2))
        return self.shown()

    def _read(self, timeout: float) -> None:
        ready, _, _ = select.select([self.parent], [], [], timeout)
        if ready:
            try:
                data = os.read(self.parent, 65536)
            except OSError:  # the child closed the pty
                return
            self.raw += data
            self.stream.feed(data)

    def type(self, keys: str, gap: float = 0.0) -> None:
        """Write `keys` one at a time, `gap` seconds apart (the pace of a hand)."""
        for key in keys:
            os.write(self.parent, key.encode())
            if gap:
                pace(gap)

    def close(self) -> None:
        with contextlib.suppress(ProcessLookupError):  # it may have ended by itself
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(10)
        os.close(self.parent)
