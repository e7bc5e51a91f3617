"""Console figures with 2,000 registrations and 5,000 questions in the meeting: action to
repaint (call next, set an outcome), kiosk commit in another process to the console's
row, and the console's memory.

Run by hand: .venv/bin/python bench/console_station.py [--samples 30]
"""

from __future__ import annotations

import argparse
import asyncio
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from textual.app import App

from session_console.console.app import ConsoleApp, make_console_app
from session_console.widgets import LiveTable
from shared import meetings, questions
from shared.config import Settings
from shared.db import open_store
from shared.demo import ensure_reference_lists
from shared.registrations import register

REGISTRATIONS, QUESTIONS = 2000, 5000
KIOSK = """
import sys, time
from pathlib import Path
from shared.db import open_store
from shared.registrations import register
store = open_store(Path(sys.argv[1]), "kiosk-bench")
for line in sys.stdin:
    register(store, int(sys.argv[2]), consent=True, name=f"Người Mới {line.strip()}")
    print(time.time(), flush=True)
"""


def build(db: Path) -> int:
    store = open_store(db, "bench")
    ensure_reference_lists(store)
    meeting = meetings.create_meeting(store, title="Bench", date="2026-11-21", start_time="08:00")
    meetings.set_status(store, meeting, "open")
    for index in range(REGISTRATIONS):
        register(
            store,
            meeting,
            consent=True,
            name=f"Nguyễn Văn {index}",
            village="Thôn Đông",
            summary="Đề nghị sửa đường",
            field="Giao thông",
        )
    for index in range(QUESTIONS):
        questions.add_question(store, meeting, number=index % REGISTRATIONS + 1)
    store.close()
    return meeting


def p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=20, method="inclusive")[18]


async def painted(app: App[Any], action: Callable[[], object]) -> tuple[float, float]:
    """Seconds from an action (what its key runs) to the next repaint of the screen, and
    the processor time this process spent on it: on a machine shared with other work the
    first waits for the processor, the second does not."""
    done = asyncio.Event()
    began, cpu = time.perf_counter(), time.process_time()
    action()
    app.call_after_refresh(done.set)
    await asyncio.wait_for(done.wait(), 10)
    return time.perf_counter() - began, time.process_time() - cpu


async def measure(db: Path, meeting: int, samples: int) -> dict[str, list[float]]:
    app: ConsoleApp = make_console_app(Settings(db_path=db, station="bench"), meeting)
    found: dict[str, list[float]] = {
        key: [] for key in ("call", "call_cpu", "outcome", "outcome_cpu", "kiosk", "load")
    }
    started = time.perf_counter()
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.pause()
        found["load"].append(time.perf_counter() - started)
        store = app.store
        for _ in range(samples):
            wall, cpu = await painted(app, app.action_call_next)
            found["call"].append(wall)
            found["call_cpu"].append(cpu)
            lectern = next(r for r in app.rows.values() if r["status"] == "called")
            asked = questions.add_question(store, meeting, number=lectern["number"])
            app.refresh_all()
            await pilot.pause()
            answer = partial(
                questions.set_outcome, store, asked["id"], "answered", answer="Đã trả lời"
            )
            wall, cpu = await painted(app, partial(app.run_core, answer))
            found["outcome"].append(wall)
            found["outcome_cpu"].append(cpu)
            app.action_no_show()
            await pilot.pause()
        kiosk = subprocess.Popen(
            [sys.executable, "-c", KIOSK, str(db), str(meeting)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert kiosk.stdin and kiosk.stdout
        table = app.query_one("#queue", LiveTable)
        for index in range(samples):
            rows = table.row_count
            kiosk.stdin.write(f"{index}\n")
            kiosk.stdin.flush()
            committed = float(kiosk.stdout.readline())
            while table.row_count == rows:
                await asyncio.sleep(0.002)
            found["kiosk"].append(time.time() - committed)
        kiosk.stdin.close()
        kiosk.wait()
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--samples", type=int, default=30)
    samples = parser.parse_args().samples
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "hallkit.db"
        built = time.perf_counter()
        meeting = build(db)
        print(
            f"{REGISTRATIONS} registrations and {QUESTIONS} questions built in "
            f"{time.perf_counter() - built:.1f} s"
        )
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        found = asyncio.run(measure(db, meeting, samples))
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"console start with the full table: {found['load'][0] * 1000:.0f} ms")
    for key, label in (
        ("call", "call next -> repaint"),
        ("call_cpu", "  processor time of it"),
        ("outcome", "set outcome -> repaint"),
        ("outcome_cpu", "  processor time of it"),
        ("kiosk", "kiosk commit (other process) -> console row"),
    ):
        values = found[key]
        print(
            f"  {label:44} p50 {statistics.median(values) * 1000:6.1f} ms"
            f"   p95 {p95(values) * 1000:6.1f} ms"
        )
    print(f"  peak memory of this process: {peak:.0f} MB (before the console: {before:.0f} MB)")


if __name__ == "__main__":
    main()
