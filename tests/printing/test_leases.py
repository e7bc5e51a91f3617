"""The print queue's leases: a claim runs out unless its sender renews it, and any process
that runs the queue recovers it, with time injected (`now=`) rather than waited for."""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from sqlite_utils import Database

from printing import jobs
from printing.connections import Dummy, parse_url
from printing.documents import ticket_for
from printing.sheet import Paper
from shared.db import Store, open_store
from shared.schema import migrations


def queue_ticket(store: Store, citizen: dict[str, Any]) -> int:
    document = ticket_for(store, citizen["id"], "vi")
    return jobs.enqueue(
        store, document, meeting_id=citizen["meeting_id"], registration_id=citizen["id"]
    )


def dummy() -> Dummy:
    return Dummy(parse_url("dummy:"))


def events(store: Store, job_id: int) -> list[tuple[str, int]]:
    rows = store.all(
        "SELECT kind, data FROM events WHERE subject = ? AND kind LIKE 'print.%' ORDER BY id",
        (f"print_job:{job_id}",),
    )
    return [(r["kind"], json.loads(r["data"]).get("attempts", 0)) for r in rows]


def test_a_claim_whose_sender_died_is_failed_when_its_lease_runs_out(
    store: Store, meeting: int, citizen: dict[str, Any]
) -> None:
    job_id = queue_ticket(store, citizen)
    claimed = jobs.claim(store, now=1000.0, heartbeat=5)  # then the sender dies
    assert claimed is not None and claimed["lease_until"] == 1000.0 + 3 * 5
    assert jobs.recover(store, now=1014.9) == 0  # the lease still runs: maybe sending
    assert jobs.has_due(store, now=1014.9) is False
    assert jobs.list_jobs(store, failed_only=True, now=1014.9) == []
    [stuck] = jobs.list_jobs(store, failed_only=True, now=1015.1)  # `print jobs --failed`
    assert (stuck["id"], stuck["status"], stuck["attempts"]) == (job_id, "failed", 1)
    assert "lease ran out" in stuck["last_error"]
    assert jobs.has_due(store, now=1015.1) is True  # retried at once, like any failure
    [job] = jobs.send_due(store, dummy(), now=1015.2)
    assert (job["id"], job["status"], job["attempts"]) == (job_id, "done", 2)
    assert events(store, job_id) == [
        ("print.queued", 0),
        ("print.sending", 1),
        ("print.recovered", 1),
        ("print.sending", 2),
        ("print.done", 2),
    ]


def test_a_sender_dying_every_attempt_ends_failed_after_the_last_attempt(
    store: Store, meeting: int, citizen: dict[str, Any]
) -> None:
    job_id = queue_ticket(store, citizen)
    moment = 1000.0
    for _ in range(jobs.MAX_ATTEMPTS):
        jobs.recover(store, now=moment)
        assert jobs.claim(store, now=moment, heartbeat=1) is not None  # and it dies
        moment += 10
    assert jobs.has_due(store, now=moment) is False  # recovered, and out of attempts
    job = jobs.get_job(store, job_id)
    assert (job["status"], job["attempts"]) == ("failed", jobs.MAX_ATTEMPTS)


def test_a_dead_station_s_job_is_failed_by_another_station_and_kept_for_its_own(
    store: Store, db_path: Path, meeting: int, citizen: dict[str, Any]
) -> None:
    job_id = queue_ticket(store, citizen)
    jobs.claim(store, now=1000.0, heartbeat=5)
    other = open_store(db_path, "desk-2")
    try:
        printer = dummy()
        assert jobs.send_due(other, printer, now=2000.0) == []  # not its printer
        assert jobs.get_job(other, job_id)["status"] == "failed"  # but no longer stuck
        assert printer.jobs == []
    finally:
        other.close()


def test_a_live_sender_renews_its_lease_and_keeps_its_job(
    store: Store, db_path: Path, meeting: int, citizen: dict[str, Any]
) -> None:
    """The sender's lease moves forward while the printer is busy; a process recovering
    at any moment before the renewed expiry takes nothing."""
    job_id = queue_ticket(store, citizen)
    release = threading.Event()
    leases: list[float] = []
    taken: list[int] = []

    class BusyPrinter(Dummy):
        def send(self, paper: Paper, name: str) -> str:
            release.wait(10)
            return super().send(paper, name)

    def watch() -> None:
        watcher = open_store(db_path, "watcher", check=False)
        try:
            deadline = time.monotonic() + 10
            while len(set(leases)) < 3 and time.monotonic() < deadline:
                row = jobs.get_job(watcher, job_id)
                if row["status"] == "sending":
                    leases.append(row["lease_until"])
                    taken.append(jobs.recover(watcher, now=row["lease_until"] - 0.001))
                time.sleep(0.01)
        finally:
            watcher.close()
            release.set()

    watching = threading.Thread(target=watch)
    watching.start()
    printer = BusyPrinter(parse_url("dummy:"))
    [job] = jobs.send_due(store, printer, heartbeat=0.05)
    watching.join()
    assert len(set(leases)) >= 3 and sorted(leases) == leases  # renewed, never shortened
    assert set(taken) == {0}
    assert job["status"] == "done" and jobs.get_job(store, job_id)["lease_until"] == 0
    assert len(printer.jobs) == 1


def test_the_late_outcome_of_a_superseded_attempt_changes_nothing(
    store: Store, meeting: int, citizen: dict[str, Any]
) -> None:
    job_id = queue_ticket(store, citizen)
    first = jobs.claim(store, now=1000.0, heartbeat=1)
    assert first is not None and jobs.recover(store, now=1010.0) == 1
    second = jobs.claim(store, now=1010.0, heartbeat=1)
    assert second is not None and second["claim"] != first["claim"]
    late = jobs.finish(store, first, "tcp", now=1011.0)  # the first sender was only slow
    assert (late["status"], late["claim"]) == ("sending", second["claim"])
    jobs.finish(store, second, "tcp", now=1011.0, confirmed=False)
    assert jobs.get_job(store, job_id)["status"] == "sent"


def test_the_late_outcome_of_a_recovered_attempt_is_recorded(
    store: Store, meeting: int, citizen: dict[str, Any]
) -> None:
    """Recovered but not claimed again: what the slow sender learnt is the truth."""
    job_id = queue_ticket(store, citizen)
    first = jobs.claim(store, now=1000.0, heartbeat=1)
    assert first is not None and jobs.recover(store, now=1010.0) == 1
    assert jobs.finish(store, first, "tcp", now=1011.0)["status"] == "done"
    assert jobs.get_job(store, job_id)["status"] == "done"


def test_an_attempt_that_never_returns_is_given_up_on(
    store: Store, meeting: int, citizen: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Whatever a printer library does (a blocked write no timeout reaches), the attempt
    ends failed after `send_limit`, and the job is retryable."""
    job_id = queue_ticket(store, citizen)
    never = threading.Event()

    class StuckPrinter(Dummy):
        def send(self, paper: Paper, name: str) -> str:
            never.wait(30)
            return ""

    monkeypatch.setattr(jobs, "send_limit", lambda url: 0.3)
    started = time.monotonic()
    [job] = jobs.send_due(store, StuckPrinter(parse_url("dummy:")), heartbeat=0.05)
    never.set()
    assert job["status"] == "failed" and "longer than 0.3 s" in job["last_error"]
    assert time.monotonic() - started < 5
    assert jobs.get_job(store, job_id)["lease_until"] == 0


def test_the_migration_keeps_jobs_and_gives_old_claims_their_grace(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    db = Database(path)
    migrations.apply(db, stop_before="m006_print_leases")
    db.table("print_jobs").insert_all(
        [
            {"kind": "test", "document": "{}", "status": status, "claimed_at": 500.0,
             "created_at": "2026-01-01T08:00:00", "station": "k"}
            for status in ("sending", "done")
        ]
    )  # fmt: skip
    db.close()
    store = open_store(path, "k")
    try:
        rows = store.all("SELECT id, status, lease_until FROM print_jobs ORDER BY id")
        assert rows == [
            {"id": 1, "status": "sending", "lease_until": 620.0},
            {"id": 2, "status": "done", "lease_until": 0},
        ]
        store.update("print_jobs", 2, {"status": "sent"})  # the new status is allowed
        assert jobs.recover(store, now=621.0) == 1
    finally:
        store.close()
