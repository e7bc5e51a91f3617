"""Kiosk figures: process start to first frame, submit to confirmation screen while the
ticket is still printing, and the keys a citizen presses to register.

Run by hand: .venv/bin/python bench/kiosk_station.py [--runs 5]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import pty
import select
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from textual import events
from textual.message import Message

from kiosk.app import make_kiosk_app
from kiosk.screens import TicketScreen
from printing.connections import Dummy, parse_url
from printing.sheet import Paper
from shared.config import Settings
from shared.db import open_store
from shared.demo import demo

NAME = "Nguyễn Văn An"
# Welcome -> form: name, Enter; village skipped (Enter); organisation (Enter); field list
# opened, first field taken (Enter, Down, Enter), on to the summary (Enter); summary
# (Enter); phone (Enter) lands on Continue (Enter); consent "Tôi đồng ý" (Enter).
KEYS = [
    "enter",
    *NAME,
    "enter",
    "enter",
    "enter",
    "enter",
    "down",
    "enter",
    "enter",
    "enter",
    "enter",
    "enter",
]
CONSENT = ["enter"]
TELEX_EXTRA = 3  # ễ = e+e+x, ă = a+w: "Nguyeenx Vawn An" is three keys more than NAME


class SlowPrinter(Dummy):
    """A printer that takes two seconds a ticket, like a real one at 38,400 baud."""

    def send(self, paper: Paper, name: str) -> str:
        time.sleep(2)
        return super().send(paper, name)


def first_frame(db: Path) -> float:
    """Seconds from starting `hallkit kiosk` in a terminal to its first frame."""
    parent, child = pty.openpty()
    os.set_blocking(parent, False)
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "100", "LINES": "30"}
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "shared.cli", "--db", str(db), "kiosk"],
        stdin=child,
        stdout=child,
        stderr=child,
        env=env,
        start_new_session=True,
    )
    seen = b""
    try:
        while time.perf_counter() - started < 20:
            ready, _, _ = select.select([parent], [], [], 0.05)
            if ready:
                seen += os.read(parent, 65536)
                if b"Enter" in seen and b"Ctrl+T" in seen:
                    return time.perf_counter() - started
        raise RuntimeError("no frame within 20 s")
    finally:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        os.close(parent)
        os.close(child)


async def submit_to_ticket(db: Path) -> float:
    """Seconds from the consent key reaching the kiosk to the confirmation screen painted,
    with the ticket still printing (pilot.press adds its own idle waits, not counted)."""
    app = make_kiosk_app(
        Settings(db_path=db, station="bench"),
        connect_printer=lambda: SlowPrinter(parse_url("dummy:")),
    )
    marks: dict[str, float] = {}

    def watch(message: Message) -> None:
        if isinstance(message, events.Key) and "armed" in marks and "key" not in marks:
            marks["key"] = time.perf_counter()
        if isinstance(message, events.ScreenResume) and isinstance(app.screen, TicketScreen):
            app.call_after_refresh(lambda: marks.setdefault("painted", time.perf_counter()))

    async with app.run_test(size=(100, 30), message_hook=watch) as pilot:
        await pilot.pause(2)  # the kiosk has stood at Welcome a while before anyone comes
        await pilot.press(*[" " if k == " " else k for k in KEYS])
        marks["armed"] = 1
        await pilot.press(*CONSENT)
        await pilot.pause(0.2)
        assert isinstance(app.screen, TicketScreen), app.screen
        assert any(not w.is_finished for w in app.workers), "the print should still run"
        await app.workers.wait_for_complete()
    return marks["painted"] - marks["key"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as folder:
        dbs = [Path(folder) / f"hallkit-{run}.db" for run in range(runs)]
        for db in dbs:  # one each, so the same name never meets itself as a duplicate
            store = open_store(db)
            demo(store)
            store.close()
        frames = [first_frame(db) for db in dbs]
        submits = [asyncio.run(submit_to_ticket(db)) for db in dbs]
    print(f"kiosk, {runs} runs")
    print(
        f"  start to first frame   median {statistics.median(frames) * 1000:5.0f} ms"
        f"   max {max(frames) * 1000:5.0f} ms"
    )
    print(
        f"  submit to confirmation median {statistics.median(submits) * 1000:5.0f} ms"
        f"   max {max(submits) * 1000:5.0f} ms   (ticket still printing)"
    )
    presses = len(KEYS) + len(CONSENT)
    print(
        f'  keys to register "{NAME}" with a field: {presses}'
        f" ({len(NAME)} for the name; {presses + TELEX_EXTRA} typing the name in Telex)"
    )


if __name__ == "__main__":
    main()
