"""The console in a real terminal (a pty) taking a USB barcode scanner's bursts: a whole
payload and Enter written at once, as a keyboard-wedge scanner types it."""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from shared.db import open_store
from shared.demo import demo
from shared.registrations import payload, register
from tests.tui.terminal import Terminal

BURSTS = 100


@pytest.fixture
def console_terminal(db_path: Path) -> Iterator[tuple[Terminal, int]]:
    store = open_store(db_path)
    meeting = demo(store)[0]
    store.close()
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "140", "LINES": "45"}
    command = [sys.executable, "-m", "shared.cli", "--lang", "en", "--db", str(db_path)]
    terminal = Terminal([*command, "console"], env)
    try:
        terminal.wait_for("Call next")
        yield terminal, meeting
    finally:
        terminal.close()


def test_a_hundred_scanner_bursts_are_each_taken_whole(
    console_terminal: tuple[Terminal, int], db_path: Path
) -> None:
    terminal, meeting = console_terminal
    store = open_store(db_path)
    rows = store.all("SELECT * FROM registrations WHERE meeting_id = ? ORDER BY number", (meeting,))
    stop = threading.Event()

    def another_kiosk() -> None:  # the queue keeps changing under the scans
        kiosk = open_store(db_path, "kiosk-2")
        count = 0
        while not stop.wait(0.2):
            count += 1
            register(kiosk, meeting, consent=True, name=f"Người Đến Sau {count}")
        kiosk.close()

    writer = threading.Thread(target=another_kiosk)
    writer.start()
    try:
        for index in range(BURSTS):
            row = rows[index % len(rows)]
            terminal.type(payload(store, row) + "\r")  # one write: the whole burst
            # the selection moves to the scanned ticket: its questions are the ones shown
            screen = terminal.wait_until_shown(f"Questions of number {row['number']:03d}", 20)
            assert "Nothing matches" not in screen and "INVALID" not in screen
    finally:
        stop.set()
        writer.join()
        store.close()
    assert "Nothing matches" not in terminal.screen_text()
    assert "Người Đến Sau 1 " in terminal.shown() or "Người Đến Sau" in terminal.screen_text()
