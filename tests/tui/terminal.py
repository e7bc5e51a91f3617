"""A station on a real pty: keys written as a terminal delivers them, the screen read back.

Like a real terminal, it reads whatever the station draws as soon as it is drawn, on a
thread of its own, also while the test's person pauses between keys. A pty holds only a
few kilobytes: read only when a test looked, a station drawing a dialog blocked on its
write (Textual's writer queue fills, then its event loop stops) and took the keys typed
meanwhile late and out of order (an Enter's binding behind the letters typed after it)."""

from __future__ import annotations

import contextlib
import os
import pty
import re
import select
import signal
import subprocess
import threading
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
        self.received = 0  # bytes read in all: grows with every draw
        self.drawn = threading.Condition()
        self.closing = False
        self.broken: BaseException | None = None  # what stopped the reader, said by `quiet`
        self.reader = threading.Thread(target=self._read_always, daemon=True)
        self.reader.start()

    def _read_always(self) -> None:
        """What a terminal emulator does: read and draw everything, as it comes."""
        while not self.closing:
            ready, _, _ = select.select([self.parent], [], [], 0.1)
            if not ready:
                continue
            try:
                data = os.read(self.parent, 65536)
            except OSError:  # the child closed the pty
                return
            if not data:
                return
            with self.drawn:
                try:
                    self.raw += data
                    self.stream.feed(data)
                except BaseException as error:  # said by the next wait, not a silent timeout
                    self.broken = error
                    self.drawn.notify_all()
                    return
                self.received += len(data)
                self.drawn.notify_all()

    def forget(self) -> None:
        """Only what is drawn from now on counts for `wait_for`."""
        with self.drawn:
            self.raw, self.mark = b"", 0

    def quiet(self, seconds: float) -> bool:
        """Whether the station draws nothing more for `seconds` from now."""
        with self.drawn:
            before = self.received
            drew = self.drawn.wait_for(lambda: self.received != before or self.broken, seconds)
        if self.broken is not None:
            raise AssertionError("the terminal stopped reading") from self.broken
        return not drew

    def screen_text(self) -> str:
        with self.drawn:  # a copy under the lock; the decoding outside it
            raw = self.raw
        return ANSI.sub("", raw.decode("utf-8", "replace"))

    def cursor_and_display(self) -> tuple[int, list[str]]:
        """The cursor's row and the screen's lines, read together."""
        with self.drawn:
            return self.screen.cursor.y, list(self.screen.display)

    def wait_for(self, text: str, timeout: float = 30) -> None:
        """Until `text` is drawn after the last mark; a generous deadline, not a sleep."""
        deadline = time.monotonic() + timeout
        while text not in (drawn := self.screen_text())[self.mark :]:
            left = deadline - time.monotonic()
            if left <= 0 or self.process.poll() is not None:
                tail = drawn[self.mark :][-600:]
                raise AssertionError(f"{text!r} never drawn; last drawn: {tail!r}")
            self._read(min(left, 0.2))
        self.mark = len(drawn)  # what was searched, not what came in since

    def shown(self) -> str:
        with self.drawn:
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
        """Until something more is drawn, or `timeout` passed."""
        self.quiet(timeout)

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
        self.closing = True
        self.reader.join(5)
        os.close(self.parent)
