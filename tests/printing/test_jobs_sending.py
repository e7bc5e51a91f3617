"""The print queue's papers and sending, exactly: a slip and a test page drawn again from
the stored job as they were drawn at first; a stored document of an older shape; the
claim of one given job; the lease renewed and given up on the test's clock; an attempt's
outcome as returned and as logged; `send_one` and `send_pending`. What the full mutation
run of printing/jobs.py left alive (bench/mutation.md)."""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from printing import jobs, layouts
from printing.connections import Dummy, PrinterUrl, parse_url
from printing.documents import slip_for, ticket_for
from printing.layouts import Slip, SlipItem, Ticket, slip, ticket
from shared import questions
from shared.db import Store, open_store
from shared.i18n import UserError
from tests.waiting import pace

WIDTH = 576


def _events(store: Store, job_id: int) -> list[dict[str, Any]]:
    """The job's log with the columns `events.history` leaves out (its meeting)."""
    rows = store.all(
        "SELECT kind, meeting_id, data FROM events WHERE subject = ? ORDER BY id",
        (f"print_job:{job_id}",),
    )
    return [{**row, "data": json.loads(row["data"])} for row in rows]


def _pixels(paper: Any) -> bytes:
    return bytes(paper.image.tobytes())


class Held(Dummy):
    """A printer that notes the thread it is driven on, and may fail, or wait until told."""

    def __init__(self, fail: Exception | None = None) -> None:
        super().__init__(parse_url("dummy:"))
        self.fail = fail
        self.threads: list[threading.Thread] = []
        self.release = threading.Event()
        self.release.set()

    def write(self, data: bytes) -> None:
        self.threads.append(threading.current_thread())
        self.release.wait(30)
        if self.fail is not None:
            raise self.fail
        super().write(data)


class Slow(Dummy):
    """A printer that takes `seconds` to print, and notes what the job's row said of its
    lease then (read on a connection of its own, as another station would)."""

    def __init__(self, db_path: Path, seconds: float) -> None:
        super().__init__(parse_url("dummy:"))
        self.db_path, self.seconds = db_path, seconds
        self.seen: list[tuple[float, float]] = []  # (lease_until, the wall clock then)

    def write(self, data: bytes) -> None:
        pace(self.seconds)  # the rhythm of a slow printer
        other = open_store(self.db_path, "watcher", check=False)
        try:
            row = other.one("SELECT lease_until FROM print_jobs WHERE status = 'sending'")
        finally:
            other.close()
        assert row is not None
        self.seen.append((row["lease_until"], time.time()))
        super().write(data)


# --- the paper drawn again from the stored job ---


def test_a_slip_and_a_test_page_are_drawn_again_as_at_first(
    store: Store, citizen: dict[str, Any]
) -> None:
    questions.add_question(store, citizen["meeting_id"], number=citizen["number"], summary="Đường")
    document = slip_for(store, citizen["id"], "vi")
    assert document.items  # a slip with its question
    job_id = jobs.enqueue(store, document, meeting_id=citizen["meeting_id"])
    job = jobs.get_job(store, job_id)
    assert job["kind"] == "slip"
    assert _pixels(jobs.render(job, WIDTH)) == _pixels(slip(document, WIDTH))
    assert _pixels(jobs.render(job, 384)) == _pixels(slip(document, 384))
    stored = json.loads(job["document"])
    without_items = {k: v for k, v in stored.items() if k not in ("items", "version")}
    bare = jobs.render({**job, "document": json.dumps(without_items)}, WIDTH)
    assert _pixels(bare) == _pixels(slip(Slip(**without_items), WIDTH))

    for lang in ("en", "vi"):
        page = jobs.get_job(store, jobs.enqueue(store, None, lang=lang))
        assert _pixels(jobs.render(page, WIDTH)) == _pixels(layouts.test_page(WIDTH, lang))
    unversioned = {"id": 9, "kind": "test", "document": "{}"}  # stored before languages
    assert _pixels(jobs.render(unversioned, WIDTH)) == _pixels(layouts.test_page(WIDTH, "vi"))

    anonymised = {**job, "document": "{}"}
    with pytest.raises(UserError) as refused:
        jobs.render(anonymised, WIDTH)
    assert "personal data was anonymised" in refused.value.message("en")


def test_the_stored_document_keeps_vietnamese_letters_and_sorted_keys(
    store: Store, citizen: dict[str, Any]
) -> None:
    document = ticket_for(store, citizen["id"], "vi")
    job = jobs.get_job(store, jobs.enqueue(store, document, meeting_id=citizen["meeting_id"]))
    assert "Nguyễn Thị Thu Hà" in job["document"]  # readable in the file, not \u escapes
    keys = list(json.loads(job["document"]))
    assert keys == sorted(keys)
    assert job["created_at"] and job["station"] == store.station
    [queued] = _events(store, job["id"])
    assert (queued["kind"], queued["meeting_id"]) == ("print.queued", citizen["meeting_id"])


def test_an_older_document_is_upgraded_and_fitted_field_by_field() -> None:
    # version 0 (no version key): village and field had fields of their own
    assert jobs._upgrade({"name": "An", "village": "Thôn Đông"}) == {
        "name": "An",
        "details": [("village", "Thôn Đông"), ("field", "")],
    }
    assert jobs._upgrade({"version": 1, "village": "Thôn Hạ", "field": "Y tế"}) == {
        "details": [("village", "Thôn Hạ"), ("field", "Y tế")]
    }
    # a field the document predates: its default if it has one, else the blank of its type
    fitted = jobs._fit(Ticket, {"meeting_title": "Hội nghị", "number": 3, "gone": 1})
    assert fitted == Ticket(
        meeting_title="Hội nghị",
        meeting_date="",
        meeting_place="",
        number=3,
        name="",
        code="",
        payload="",
        ahead=0,
    )
    assert (fitted.lang, fitted.kind, fitted.details) == ("vi", "commune", ())
    assert jobs._fit(SlipItem, {"summary": "Đường"}) == SlipItem("Đường", "")
    assert jobs._fit(Slip, {"number": 1}).items == ()
    old = {"meeting_title": "Hội nghị", "number": 3, "name": "An", "village": "Thôn Đông"}
    drawn = jobs.render({"id": 1, "kind": "ticket", "document": json.dumps(old)}, WIDTH)
    upgraded = jobs._fit(Ticket, jobs._upgrade(dict(old)))
    assert _pixels(drawn) == _pixels(ticket(upgraded, WIDTH))


# --- claiming, renewing, recovering on the test's clock ---


def test_a_given_job_is_claimed_even_behind_an_older_one(
    store: Store, citizen: dict[str, Any]
) -> None:
    document = ticket_for(store, citizen["id"], "vi")
    first = jobs.enqueue(store, document, meeting_id=citizen["meeting_id"])
    second = jobs.enqueue(store, document, meeting_id=citizen["meeting_id"])
    job = jobs.claim(store, now=1000.0, job_id=second, heartbeat=2.0)
    assert job is not None and job["id"] == second
    assert (job["status"], job["attempts"], job["claimed_at"], job["lease_until"]) == (
        "sending",
        1,
        1000.0,
        1006.0,
    )
    assert jobs.get_job(store, first)["status"] == "queued"
    [_, sending] = _events(store, second)
    assert (sending["kind"], sending["meeting_id"]) == ("print.sending", citizen["meeting_id"])
    assert sending["data"] == {"attempts": 1, "claim": job["claim"]}
    assert jobs.claim(store, now=1000.0, job_id=second) is None  # already being sent

    assert jobs.renew(store, job, now=1010.0, heartbeat=2.0)
    assert jobs.get_job(store, second)["lease_until"] == 1016.0
    assert jobs.renew(store, job, now=1001.0, heartbeat=2.0)  # never shortened
    assert jobs.get_job(store, second)["lease_until"] == 1016.0

    assert jobs.recover(store, now=1016.0) == 0  # not yet run out
    assert jobs.recover(store, now=1016.5) == 1
    recovered = _events(store, second)[-1]
    assert (recovered["kind"], recovered["meeting_id"]) == (
        "print.recovered",
        citizen["meeting_id"],
    )
    assert recovered["data"] == {"attempts": 1, "claim": job["claim"]}
    assert not jobs.renew(store, job, now=1017.0)  # no longer this attempt's


def test_an_outcome_is_returned_stored_and_logged_exactly(
    store: Store, citizen: dict[str, Any]
) -> None:
    document = ticket_for(store, citizen["id"], "vi")
    job_id = jobs.enqueue(store, document, meeting_id=citizen["meeting_id"])
    job = jobs.claim(store, now=1000.0)
    assert job is not None
    error = "x" * 600
    failed = jobs.finish(store, job, "tcp", error=error, now=1000.0)
    stored = jobs.get_job(store, job_id)
    for row in (failed, stored):
        assert (row["status"], row["last_error"], row["next_try"], row["lease_until"]) == (
            "failed",
            "x" * 500,
            1002.0,
            0,
        )
        assert row["printed_at"] == ""
    logged = _events(store, job_id)[-1]
    assert (logged["kind"], logged["meeting_id"]) == ("print.failed", citizen["meeting_id"])
    assert logged["data"] == {"attempts": 1, "claim": job["claim"], "error": "x" * 200}

    again = jobs.claim(store, now=1002.0)
    assert again is not None
    sent = jobs.finish(store, again, "cups", now=1002.0, confirmed=False)
    done_row = jobs.get_job(store, job_id)
    for row in (sent, done_row):
        assert (row["status"], row["next_try"], row["printed_at"], row["lease_until"]) == (
            "sent",
            0,
            "",
            0,
        )
    late = jobs.finish(store, again, "cups", error="late", now=1003.0)  # superseded meanwhile
    assert late == jobs.get_job(store, job_id) and late["status"] == "sent"
    superseded = _events(store, job_id)[-1]
    assert superseded["data"] == {
        "attempts": 2,
        "claim": again["claim"],
        "error": "late",
        "superseded": True,
    }

    retried = jobs.retry(store, job_id)
    third = jobs.claim(store, now=1004.0)
    assert third is not None and retried["status"] == "queued"
    done = jobs.finish(store, third, "dummy", now=1004.0)
    assert done["status"] == "done" and done["printed_at"]
    assert jobs.get_job(store, job_id)["printed_at"] == done["printed_at"]
    assert "superseded" not in _events(store, job_id)[-1]["data"]
    retry_logged = _events(store, job_id)[-3]
    assert (retry_logged["kind"], retry_logged["meeting_id"]) == (
        "print.retry",
        citizen["meeting_id"],
    )


# --- sending ---


def test_a_job_is_driven_on_a_daemon_thread_named_after_it(
    store: Store, citizen: dict[str, Any]
) -> None:
    job_id = jobs.enqueue(store, ticket_for(store, citizen["id"], "vi"))
    printer = Held()
    [done] = jobs.send_due(store, printer, now=1000.0)
    assert done["status"] == "done" and len(printer.jobs) == 1
    [thread] = printer.threads
    assert (thread.name, thread.daemon) == (f"print-job-{job_id}", True)


def test_a_failure_is_retried_on_the_tests_clock(store: Store, citizen: dict[str, Any]) -> None:
    job_id = jobs.enqueue(store, ticket_for(store, citizen["id"], "vi"))
    [failed] = jobs.send_due(store, Held(fail=OSError(5, "Input/output error")), now=1000.0)
    assert (failed["status"], failed["next_try"]) == ("failed", 1002.0)
    assert jobs.get_job(store, job_id)["last_error"] == "OSError: Input/output error"


def test_send_due_recovers_on_the_tests_clock_not_the_wall_clock(
    store: Store, citizen: dict[str, Any]
) -> None:
    document = ticket_for(store, citizen["id"], "vi")
    busy = jobs.enqueue(store, document)
    jobs.claim(store, now=1000.0, job_id=busy)  # another sender, alive at 1000 s
    waiting = jobs.enqueue(store, document)
    [sent] = jobs.send_due(store, Held(), now=1001.0)
    assert sent["id"] == waiting
    assert jobs.get_job(store, busy)["status"] == "sending"  # its lease runs to 1015 s


def test_send_one_sends_that_job_alone_and_nothing_when_it_is_not_due(
    store: Store, citizen: dict[str, Any]
) -> None:
    document = ticket_for(store, citizen["id"], "vi")
    first = jobs.enqueue(store, document)
    second = jobs.enqueue(store, document)
    printer = Held()
    [sent] = jobs.send_one(store, second, printer, heartbeat=1.0)
    assert (sent["id"], sent["status"], sent["printer"]) == (second, "done", "dummy")
    assert len(printer.jobs) == 1 and jobs.get_job(store, first)["status"] == "queued"
    assert jobs.send_one(store, second, printer) == []  # done: not due
    assert len(printer.jobs) == 1

    stuck = jobs.claim(store, now=1000.0, job_id=first)  # its sender died long ago
    assert stuck is not None
    [again] = jobs.send_one(store, first, printer)  # recovered first, then sent
    assert (again["id"], again["status"], again["attempts"]) == (first, "done", 2)


def test_send_pending_sends_this_stations_jobs_on_its_own_connection(
    db_path: Path, store: Store, citizen: dict[str, Any]
) -> None:
    document = ticket_for(store, citizen["id"], "vi")
    own = [jobs.enqueue(store, document), jobs.enqueue(store, document)]
    store.conn.execute("UPDATE print_jobs SET station = 'elsewhere' WHERE id = ?", (own[1],))
    store.conn.commit()
    printer = Held()
    sent = jobs.send_pending(db_path, store.station, printer, heartbeat=1.0)
    assert [(row["id"], row["status"]) for row in sent] == [(own[0], "done")]
    assert len(printer.jobs) == 1
    assert jobs.get_job(store, own[1])["status"] == "queued"


def test_an_attempt_past_its_limit_is_given_up_on_the_tests_clock(
    store: Store, citizen: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    def short_limit(url: PrinterUrl) -> float:
        assert isinstance(url, PrinterUrl)
        return 0.3

    monkeypatch.setattr(jobs, "send_limit", short_limit)
    job_id = jobs.enqueue(store, ticket_for(store, citizen["id"], "vi"))
    hanging = Held()
    hanging.release.clear()
    try:
        [given_up] = jobs.send_due(store, hanging, now=1000.0, heartbeat=0.1)
    finally:
        hanging.release.set()
    assert (given_up["status"], given_up["next_try"]) == ("failed", 1002.0)
    assert given_up["last_error"] == (
        "no answer from the printer in time (the attempt took longer than 0.3 s)"
    )
    assert jobs.get_job(store, job_id)["status"] == "failed"


def test_the_lease_is_renewed_on_the_tests_clock(
    db_path: Path, store: Store, citizen: dict[str, Any]
) -> None:
    jobs.enqueue(store, ticket_for(store, citizen["id"], "vi"))
    printer = Slow(db_path, 0.3)
    [done] = jobs.send_due(store, printer, now=1000.0, heartbeat=0.05)
    assert done["status"] == "done"
    [(lease, _)] = printer.seen
    assert lease == pytest.approx(1000.15)  # renewed at 1000 s, never at the wall clock's


@pytest.mark.parametrize("how", ["send_one", "send_pending"])
def test_a_station_sender_renews_at_its_own_heartbeat(
    how: str,
    db_path: Path,
    store: Store,
    citizen: dict[str, Any],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A printer slower than the lease: the sender renews it at the heartbeat it was
    given (at the default 5 s it would not renew at all in these 2 s), and the lease is
    three of those heartbeats long, not three of the default 5 s (a sender that died
    would hold its job 15 s)."""
    renewed: list[float] = []
    renew = jobs.renew

    def counted(store: Store, job: Any, now: Any = None, heartbeat: float = 5.0) -> bool:
        renewed.append(heartbeat)
        return renew(store, job, now, heartbeat)

    monkeypatch.setattr(jobs, "renew", counted)
    job_id = jobs.enqueue(store, ticket_for(store, citizen["id"], "vi"))
    printer = Slow(db_path, 2.0)
    if how == "send_one":
        [done] = jobs.send_one(store, job_id, printer, heartbeat=0.5)
    else:
        [done] = jobs.send_pending(db_path, store.station, printer, heartbeat=0.5)
    assert done["status"] == "done"
    assert renewed and set(renewed) == {0.5}  # renewed while printing, at its heartbeat
    [(lease, then)] = printer.seen
    assert lease <= then + 3 * 0.5, "the lease is longer than three heartbeats"
