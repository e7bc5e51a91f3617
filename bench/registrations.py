"""Registration throughput under parallel kiosks, and the cost of a change-signal poll.

Run by hand: .venv/bin/python bench/registrations.py [--processes 4 --per-process 500]
Exits non-zero if any registration failed or the numbers are not exactly 1..N.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import platform
import sqlite3
import statistics
import sys
import tempfile
import time
import traceback
from multiprocessing.queues import Queue
from multiprocessing.synchronize import Barrier
from pathlib import Path
from threading import BrokenBarrierError

from shared.db import ChangeSignal, open_store
from shared.meetings import create_meeting, set_status
from shared.registrations import register

POLLS = 100_000
PERSON = {"name": "Nguyễn Văn An", "village": "Thôn Đông"}
Result = tuple[list[float], int, str]


def worker(
    path: str, meeting_id: int, count: int, index: int, barrier: Barrier, out: Queue[Result]
) -> None:
    """Open an own store, wait for the others, then register `count` times."""
    latencies: list[float] = []
    errors = 0
    first_error = ""
    try:
        store = open_store(Path(path), station=f"bench-{index}")
    except Exception:
        barrier.abort()
        out.put(([], count, traceback.format_exc()))
        return
    try:
        barrier.wait()
    except BrokenBarrierError:
        out.put(([], count, f"process {index}: barrier broken by another process\n"))
        return
    for _ in range(count):
        started = time.perf_counter()
        try:
            register(store, meeting_id, consent=True, source="kiosk", **PERSON)
        except Exception:
            errors += 1
            first_error = first_error or traceback.format_exc()
        latencies.append(time.perf_counter() - started)
    store.close()
    out.put((latencies, errors, first_error))


def fresh_meeting(path: Path) -> int:
    store = open_store(path, station="bench-setup")
    meeting_id = create_meeting(store, title="Benchmark", date="2026-11-21", start_time="08:00")
    set_status(store, meeting_id, "open")
    store.close()
    return meeting_id


def scenario(label: str, folder: Path, processes: int, per_process: int) -> bool:
    """Run one scenario on a fresh database; print its figures and return whether it was clean."""
    path = folder / f"{label}.db"
    meeting_id = fresh_meeting(path)
    ctx = mp.get_context("spawn")
    barrier = ctx.Barrier(processes + 1)
    out: Queue[Result] = ctx.Queue()
    procs = [
        ctx.Process(target=worker, args=(str(path), meeting_id, per_process, i, barrier, out))
        for i in range(processes)
    ]
    for proc in procs:
        proc.start()
    try:
        barrier.wait()
    except BrokenBarrierError:
        pass  # a worker could not open its store; it reports that through the queue
    started = time.perf_counter()
    results = [out.get() for _ in procs]
    wall = time.perf_counter() - started
    for proc in procs:
        proc.join()
    latencies = [lat for result in results for lat in result[0]]
    errors = sum(result[1] for result in results)
    crashed = sum(1 for proc in procs if proc.exitcode != 0)

    store = open_store(path, station="bench-check")
    sql = "SELECT number FROM registrations WHERE meeting_id = ? ORDER BY number"
    numbers = [row[0] for row in store.conn.execute(sql, (meeting_id,))]
    store.close()
    expected = processes * per_process
    numbers_ok = numbers == list(range(1, expected + 1))
    ms = [lat * 1000 for lat in latencies] or [0.0]
    cuts = statistics.quantiles(ms * (2 if len(ms) == 1 else 1), n=100, method="inclusive")
    print(f"\n[{label}] {processes} process(es) x {per_process} registrations")
    print(f"  total rows      : {len(numbers)} (expected {expected})")
    print(f"  errors          : {errors}" + (f" (+{crashed} crashed processes)" if crashed else ""))
    print(f"  numbers 1..N ok : {'yes' if numbers_ok else 'no'}")
    print(f"  wall time       : {wall:.2f} s")
    print(f"  throughput      : {len(numbers) / wall:.1f} registrations/s")
    print(f"  latency p50     : {cuts[49]:.2f} ms")
    print(f"  latency p95     : {cuts[94]:.2f} ms")
    print(f"  latency p99/max : {cuts[98]:.2f} / {max(ms):.2f} ms")
    for message in sorted({result[2] for result in results if result[2]}):
        print("  first error in a process:\n" + message, file=sys.stderr)
    return errors == 0 and crashed == 0 and numbers_ok


def poll_cost(folder: Path) -> float:
    """Microseconds per `ChangeSignal.changed()` call."""
    store = open_store(folder / "poll.db", station="bench-poll")
    signal = ChangeSignal(store)
    started = time.perf_counter()
    for _ in range(POLLS):
        signal.changed()
    elapsed = time.perf_counter() - started
    store.close()
    return elapsed / POLLS * 1e6


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--processes", type=int, default=4)
    parser.add_argument("--per-process", type=int, default=500)
    args = parser.parse_args()
    print(
        f"machine: cpu_count={os.cpu_count()} python={platform.python_version()}"
        f" sqlite={sqlite3.sqlite_version} os={platform.platform()}"
    )
    total = args.processes * args.per_process
    with tempfile.TemporaryDirectory(prefix="hallkit-bench-") as tmp:
        folder = Path(tmp)
        ok_a = scenario("A-parallel", folder, args.processes, args.per_process)
        ok_b = scenario("B-single", folder, 1, total)
        micros = poll_cost(folder)
    print(f"\n[poll] ChangeSignal.changed() x {POLLS:,}: {micros:.2f} µs per call")
    return 0 if ok_a and ok_b else 1


if __name__ == "__main__":
    sys.exit(main())
