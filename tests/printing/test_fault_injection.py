"""Fault injection: a real process runs the print queue against a stand-in network printer
and is killed with SIGKILL at random moments, 50 times. Afterwards, once the leases have
run out (time injected, not waited for), no job is left `sending`, the queue ends every
job `done` or `failed`, and no ticket came out more often than the log shows attempts."""

from __future__ import annotations

import collections
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from printing import jobs
from printing.connections import connect
from printing.documents import ticket_for
from printing.encode import encode
from shared.db import Store
from shared.registrations import register
from tests.printing.standin import StandIn, without_status_requests
from tests.waiting import pace

ROUNDS = 50
HEARTBEAT = 0.05  # a lease of 0.15 s: killed claims run out while the next runner starts
ROOT = Path(__file__).resolve().parents[2]

# One process imports hallkit once, then forks a fresh queue runner per round (a real
# separate process, with no database connection inherited), so a round costs
# milliseconds instead of a Python start-up. It reports each runner's pid, reaps it
# after the kill and says so.
RUNNER = """
import os
import sys
from pathlib import Path

from printing import jobs
from printing.connections import connect
from shared.db import open_store

db_path, station, url, heartbeat = Path(sys.argv[1]), sys.argv[2], sys.argv[3], float(sys.argv[4])
connect(url).url.width  # the capability profile, loaded once
for line in sys.stdin:
    pid = os.fork()
    if pid == 0:
        store = open_store(db_path, station, check=False)
        jobs.send_due(store, connect(url), heartbeat=heartbeat)
        store.close()
        os._exit(0)
    print(pid, flush=True)
    os.waitpid(pid, 0)
    print("reaped", flush=True)
"""


def start_runners(db_path: Path, station: str, url: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", RUNNER, str(db_path), station, url, str(HEARTBEAT)],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


def attempts_logged(store: Store) -> collections.Counter[int]:
    rows = store.all("SELECT subject FROM events WHERE kind = 'print.sending'")
    return collections.Counter(int(r["subject"].split(":")[1]) for r in rows)


def test_kill_9_at_random_moments_while_sending(store: Store, db_path: Path, meeting: int) -> None:
    seed = random.randrange(1 << 30)
    chance = random.Random(seed)
    printer = StandIn("print", chunk_pause=0.004)  # ~15 ms a compact ticket: kills land mid-send
    url = f"{printer.url}?timeout=2&compact=1"
    figures: dict[str, Any] = {"seed": seed, "rounds": ROUNDS}
    mid_send = 0
    started = time.monotonic()
    runners = start_runners(db_path, store.station, url)
    try:
        for round_ in range(ROUNDS):
            for _ in range(2):
                row = register(store, meeting, consent=True, name=f"Công dân {round_:02d}-{_}")
                ticket = ticket_for(store, row["id"], "vi")
                jobs.enqueue(store, ticket, meeting_id=meeting, registration_id=row["id"])
            assert runners.stdin is not None and runners.stdout is not None
            runners.stdin.write("go\n")
            runners.stdin.flush()
            runner = int(runners.stdout.readline())
            pace(chance.uniform(0, 0.1))  # the crash comes at any moment of a send
            os.kill(runner, signal.SIGKILL)
            assert runners.stdout.readline() == "reaped\n"
            sending = store.one("SELECT COUNT(*) AS n FROM print_jobs WHERE status = 'sending'")
            mid_send += bool(sending and sending["n"])
        figures["kill_rounds_seconds"] = round(time.monotonic() - started, 1)
        figures["rounds_killed_mid_send"] = mid_send

        # Recovery: nothing is taken while a lease still runs, everything once it ran out.
        stuck = store.all("SELECT id, lease_until FROM print_jobs WHERE status = 'sending'")
        figures["stuck_after_kills"] = len(stuck)
        if stuck:
            first_expiry = min(r["lease_until"] for r in stuck)
            last_expiry = max(r["lease_until"] for r in stuck)
            assert last_expiry - time.time() <= 3 * HEARTBEAT + 0.01  # no lease beyond 3 beats
            assert jobs.recover(store, now=first_expiry - 0.001) == 0
            assert jobs.recover(store, now=last_expiry + 0.001) == len(stuck)
        assert store.all("SELECT id FROM print_jobs WHERE status IN ('sending')") == []

        # The queue ends every job: retries after their back-offs (time injected).
        drained = time.monotonic()
        printer.chunk_pause = 0.0
        base = time.time() + 10
        for attempt in range(jobs.MAX_ATTEMPTS + 1):
            jobs.send_due(store, connect(url), now=base + 100 * attempt, heartbeat=HEARTBEAT)
        figures["final_drain_seconds"] = round(time.monotonic() - drained, 2)
    finally:
        runners.kill()
        runners.communicate()
        printer.close()

    rows = store.all("SELECT * FROM print_jobs ORDER BY id")
    statuses = collections.Counter(r["status"] for r in rows)
    figures["jobs"] = dict(statuses)
    assert set(statuses) <= {"done", "failed"}  # a printer that confirms: never `sent`
    assert all(r["attempts"] == jobs.MAX_ATTEMPTS for r in rows if r["status"] == "failed")

    # At most one ticket per logged attempt; every `done` was confirmed by the printer.
    connection = connect(url)
    width, profile = connection.url.width, connection.url.profile
    expected = {encode(jobs.render(r, width), profile, compact=True): r["id"] for r in rows}
    assert len(expected) == len(rows)  # every ticket's bytes are its own
    printed: collections.Counter[int] = collections.Counter()
    confirmed: set[int] = set()
    partial = 0
    for received, answered in zip(printer.connections, printer.answered, strict=True):
        job_id = expected.get(without_status_requests(bytes(received)))
        if job_id is None:
            partial += 1
            continue
        printed[job_id] += 1
        if answered == 2:
            confirmed.add(job_id)
    logged = attempts_logged(store)
    connections, attempts = len(printer.connections), sum(logged.values())
    assert connections <= attempts, f"{connections} connections for {attempts} attempts"
    over = {j: (printed[j], logged[j]) for j in printed if printed[j] > logged[j]}
    assert not over, f"(printed, attempts) of tickets printed more than attempted: {over}"
    assert {r["id"] for r in rows if r["status"] == "done"} <= confirmed
    figures |= {
        "connections": connections,
        "partial_tickets": partial,
        "attempts_logged": attempts,
        "tickets_printed_more_than_once": sum(1 for n in printed.values() if n > 1),
        "total_seconds": round(time.monotonic() - started, 1),
    }
    print("fault injection:", json.dumps(figures))
