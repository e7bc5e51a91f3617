"""The print queue in the database: a job is stored before it is sent, sent by a worker
that retries with back-off, and kept with its outcome so it can be reprinted.

A printer that is off, unplugged, out of paper or hanging costs a failed job that the
secretary can see and retry, never a registration.

A job's status means exactly one thing:

    queued   waiting to be sent
    sending  claimed by a sender that holds a lease on it, renewed every heartbeat
    done     confirmed: the printer took every byte and said it is online with paper
             (or the PNG preview, the regular file, the in-memory dummy is written)
    sent     handed over, not confirmed: the printer took the bytes but did not answer
             status, or it went to a CUPS queue or a device file
    failed   this attempt did not get through (retried after a back-off while attempts
             remain); also a job whose sender's lease ran out (it died or hung)

Only `done` may be shown as printed; `sent` is shown as "sent, not confirmed".
"""

from __future__ import annotations

import dataclasses
import json
import threading
import time
import typing
import uuid
from pathlib import Path
from typing import Any, TypeVar

from printing.connections import Connection, PrinterUrl
from printing.layouts import Slip, SlipItem, Ticket, slip, test_page, ticket
from printing.sheet import Paper
from shared import events
from shared.db import Store, now_iso, open_store
from shared.events import EventKind
from shared.i18n import UserError

Row = dict[str, Any]
MAX_ATTEMPTS = 5
BACKOFF_SECONDS = (2, 5, 15, 30)  # the waits before attempts 2 to 5


# The shape of the document a job stores. Rows stored before versions are version 0, with
# the fields of version 1. Bump it when a change to Ticket, Slip or SlipItem needs more
# than a default (a renamed field, a changed meaning) and add that step to `_upgrade`.
# 2: tickets carry the meeting's kind (older ones print as a commune's).
# 3: a ticket's field lines are (key, value) pairs chosen by the spec.
DOCUMENT_VERSION = 3


def enqueue(
    store: Store,
    document: Ticket | Slip | None,
    *,
    meeting_id: int | None = None,
    registration_id: int | None = None,
    lang: str = "vi",
) -> int:
    """Store a job for this station's printer; None is the test page."""
    kind = "ticket" if isinstance(document, Ticket) else "slip" if document else "test"
    data: Row = dataclasses.asdict(document) if document else {"lang": lang}
    data["version"] = DOCUMENT_VERSION
    row = {
        "kind": kind,
        "meeting_id": meeting_id,
        "registration_id": registration_id,
        "document": json.dumps(data, ensure_ascii=False, sort_keys=True),
        "station": store.station,
        "created_at": now_iso(),
    }
    with store.write():
        job_id = store.insert("print_jobs", row)
        events.record(
            store,
            EventKind.PRINT_QUEUED,
            meeting_id,
            f"print_job:{job_id}",
            kind=kind,
            registration=registration_id,
        )
    return job_id


def render(job: Row, width: int) -> Paper:
    """The paper a job prints, drawn again from its stored document, whichever version of
    hallkit stored it."""
    data = json.loads(job["document"])
    if job["kind"] in ("ticket", "slip") and not data:
        raise UserError(
            "Print job {job} cannot be reprinted: its personal data was anonymised.", job=job["id"]
        )  # retention emptied it
    data = _upgrade(data)
    if job["kind"] == "ticket":
        return ticket(_fit(Ticket, data), width)
    if job["kind"] == "slip":
        items = tuple(_fit(SlipItem, item) for item in data.pop("items", ()))
        return slip(_fit(Slip, {**data, "items": items}), width)
    return test_page(width, data.get("lang", "vi"))


def _upgrade(data: Row) -> Row:
    """A stored document in the current version's shape (fields may still be missing or
    extra: `_fit` settles those)."""
    version = data.pop("version", 0)
    if version < 3 and "village" in data:  # village and field had fields of their own
        data["details"] = [(key, data.pop(key, "")) for key in ("village", "field")]
    return data


Document = TypeVar("Document")


def _fit(cls: type[Document], data: Row) -> Document:
    """The dataclass from stored fields: a field it no longer has is dropped, a field the
    document predates takes its default, or the blank of its type."""
    hints = typing.get_type_hints(cls)
    values: Row = {}
    for spec in dataclasses.fields(cls):  # type: ignore[arg-type]
        if spec.name in data:
            values[spec.name] = data[spec.name]
        elif spec.default is dataclasses.MISSING and spec.default_factory is dataclasses.MISSING:
            hint = hints[spec.name]
            values[spec.name] = (typing.get_origin(hint) or hint)()
    return cls(**values)


def get_job(store: Store, job_id: int) -> Row:
    row = store.one("SELECT * FROM print_jobs WHERE id = ?", (job_id,))
    if row is None:
        raise UserError("There is no print job {job}.", job=job_id)
    return row


HEARTBEAT_SECONDS = 5.0  # a sender renews its lease this often
LEASE_FACTOR = 3  # a lease lasts three heartbeats: one late beat does not lose it
LEASE_EXPIRED = "the sending process stopped (its lease ran out): sent again if attempts remain"


def _moment(now: float | None) -> float:
    return time.time() if now is None else now


def recover(store: Store, now: float | None = None) -> int:
    """Jobs whose sender stopped renewing its lease (it died or hung) become `failed` with
    the reason, from any station: visible in `print jobs --failed`, and sent again by their
    own station like any failed attempt while attempts remain (a ticket printed twice
    beats a ticket lost). A live sender renews its lease, so its job is never taken.
    Costs one indexed read when nothing expired, so a station can call it often."""
    moment = _moment(now)
    expired = store.all(
        "SELECT id, meeting_id, claim, attempts FROM print_jobs"
        " WHERE status = 'sending' AND lease_until < ?",
        (moment,),
    )
    count = 0
    with store.write():
        for job in expired:
            taken = store.conn.execute(
                "UPDATE print_jobs SET status = 'failed', last_error = ?, next_try = ?"
                " WHERE id = ? AND status = 'sending' AND claim = ? AND lease_until < ?",
                (LEASE_EXPIRED, moment, job["id"], job["claim"], moment),
            ).rowcount
            if taken:
                events.record(
                    store,
                    EventKind.PRINT_RECOVERED,
                    job["meeting_id"],
                    f"print_job:{job['id']}",
                    attempts=job["attempts"],
                    claim=job["claim"],
                )
            count += taken
    return count


_DUE = "(status = 'queued' OR (status = 'failed' AND attempts < ? AND next_try <= ?))"


def claim(
    store: Store,
    now: float | None = None,
    job_id: int | None = None,
    heartbeat: float = HEARTBEAT_SECONDS,
) -> Row | None:
    """The next due job of this station (or that one job), leased for sending: the lease
    runs out after LEASE_FACTOR heartbeats unless the sender renews it. Each claim is one
    attempt, logged, with its own token."""
    moment = _moment(now)
    only = " AND id = ?" if job_id is not None else ""
    params: tuple[Any, ...] = (store.station, MAX_ATTEMPTS, moment)
    with store.write():
        job = store.one(
            f"SELECT * FROM print_jobs WHERE station = ? AND {_DUE}{only} ORDER BY id LIMIT 1",
            (*params, job_id) if job_id is not None else params,
        )
        if job is None:
            return None
        changes = {
            "status": "sending",
            "attempts": job["attempts"] + 1,
            "claimed_at": moment,
            "claim": uuid.uuid4().hex,
            "lease_until": moment + LEASE_FACTOR * heartbeat,
        }
        store.update("print_jobs", job["id"], changes)
        events.record(
            store,
            EventKind.PRINT_SENDING,
            job["meeting_id"],
            f"print_job:{job['id']}",
            attempts=changes["attempts"],
            claim=changes["claim"],
        )
    return {**job, **changes}


def renew(
    store: Store, job: Row, now: float | None = None, heartbeat: float = HEARTBEAT_SECONDS
) -> bool:
    """Extend this attempt's lease; False if it is no longer this attempt's (recovered)."""
    moment = _moment(now)
    with store.write():
        return bool(
            store.conn.execute(
                "UPDATE print_jobs SET lease_until = MAX(lease_until, ?)"
                " WHERE id = ? AND claim = ? AND status = 'sending'",
                (moment + LEASE_FACTOR * heartbeat, job["id"], job["claim"]),
            ).rowcount
        )


def finish(
    store: Store,
    job: Row,
    printer: str,
    error: str = "",
    now: float | None = None,
    confirmed: bool = True,
) -> Row:
    """Record an attempt's outcome: `done` (confirmed), `sent` (handed over, not
    confirmed) or `failed` (retried later, up to MAX_ATTEMPTS). An attempt whose job was
    meanwhile claimed again (its lease had run out) changes nothing but the log."""
    moment = _moment(now)
    delay = BACKOFF_SECONDS[min(job["attempts"], len(BACKOFF_SECONDS)) - 1]
    status = "failed" if error else "done" if confirmed else "sent"
    changes: Row = {
        "status": status,
        "printer": printer,
        "last_error": error[:500],
        "next_try": moment + delay if error else 0,
        "printed_at": now_iso() if status == "done" else "",
        "lease_until": 0,
    }
    sets = ", ".join(f"{key} = ?" for key in changes)
    with store.write():
        current = store.conn.execute(
            f"UPDATE print_jobs SET {sets} WHERE id = ? AND claim = ?"
            " AND status IN ('sending', 'failed')",
            (*changes.values(), job["id"], job["claim"]),
        ).rowcount
        events.record(
            store,
            EventKind(f"print.{status}"),
            job["meeting_id"],
            f"print_job:{job['id']}",
            attempts=job["attempts"],
            claim=job["claim"],
            error=error[:200],
            **({} if current else {"superseded": True}),
        )
    return {**job, **changes} if current else get_job(store, job["id"])


def describe(error: Exception) -> str:
    """A printer failure in a line support staff can act on."""
    if isinstance(error, UserError):
        return error.message("en")
    if isinstance(error, TimeoutError):
        return f"no answer from the printer in time ({str(error) or 'timeout'})"
    if isinstance(error, OSError) and error.strerror:
        return f"{type(error).__name__}: {error.strerror}"
    return f"{type(error).__name__}: {error}"


def send_limit(url: PrinterUrl) -> float:
    """The longest one attempt may take before it is given up on, whatever the printer's
    library does: connect, send, drain and two status questions, each within the timeout,
    plus the transfer time of a large raster ticket at a serial printer's baud rate."""
    transfer = 100_000 * 10 / url.baud * 1.5 if url.scheme == "serial" else 0.0
    return 5 * url.timeout + transfer + 5


def paper_name(job: Row) -> str:
    """What the paper is called where a name shows (the preview's PNG): a ticket or slip
    after its number, which is what the citizen and the secretary know, with its meeting
    because each meeting counts from 1 (`ticket-012-meeting-3`); the test page after its
    job."""
    data = json.loads(job["document"] or "{}")
    number = data.get("number")
    if job["kind"] in ("ticket", "slip") and isinstance(number, int):
        meeting = f"-meeting-{job['meeting_id']}" if job["meeting_id"] else ""
        return f"{job['kind']}-{number:03d}{meeting}"
    return f"{job['kind']}-{job['id']}"


def _deliver(job: Row, connection: Connection) -> tuple[str, bool]:
    """Render, open, send, confirm and close: (where it went, confirmed)."""
    paper = render(job, connection.url.width)
    connection.open()
    try:
        where = connection.send(paper, paper_name(job))
        return where, connection.confirm()
    finally:
        connection.close()


def send(
    store: Store,
    job: Row,
    connection: Connection,
    now: float | None = None,
    heartbeat: float = HEARTBEAT_SECONDS,
) -> Row:
    """Send one claimed job; any failure of the printer is recorded, never raised. The
    printer is driven in a thread of its own while this one renews the job's lease every
    heartbeat; an attempt longer than `send_limit` is given up on and recorded failed."""
    url = connection.url
    outcome: list[tuple[str, bool] | Exception] = []

    def run() -> None:
        try:
            outcome.append(_deliver(job, connection))
        except Exception as error:  # every printer failure ends here, recorded on the job
            outcome.append(error)

    worker = threading.Thread(target=run, name=f"print-job-{job['id']}", daemon=True)
    limit = time.monotonic() + send_limit(url)
    worker.start()
    while True:
        worker.join(max(0.0, min(heartbeat, limit - time.monotonic())))
        if not worker.is_alive() or time.monotonic() >= limit:
            break
        try:
            renew(store, job, now, heartbeat)
        except UserError:  # the database is busy: the lease has two more beats to go
            pass
    if not outcome:  # the worker is abandoned; a daemon thread, it cannot hold the exit
        seconds = send_limit(url)
        error = TimeoutError(f"the attempt took longer than {seconds:g} s")
        return finish(store, job, url.scheme, describe(error), now)
    result = outcome[0]
    if isinstance(result, Exception):
        return finish(store, job, url.scheme, describe(result), now)
    where, confirmed = result
    printer = f"{url.scheme}:{where}" if where else url.scheme
    return finish(store, job, printer, now=now, confirmed=confirmed)


def send_due(
    store: Store,
    connection: Connection,
    now: float | None = None,
    heartbeat: float = HEARTBEAT_SECONDS,
) -> list[Row]:
    """Send every job of this station that is due now; returns them with their outcome.
    Expired leases of any station are recovered before each claim."""
    sent: list[Row] = []
    while True:
        recover(store, now)
        job = claim(store, now, heartbeat=heartbeat)
        if job is None:
            return sent
        sent.append(send(store, job, connection, now, heartbeat))


def send_one(
    store: Store, job_id: int, connection: Connection, heartbeat: float = HEARTBEAT_SECONDS
) -> list[Row]:
    """Send just this job (a command-line print), leaving the station's backlog alone."""
    recover(store)
    job = claim(store, job_id=job_id, heartbeat=heartbeat)
    return [send(store, job, connection, heartbeat=heartbeat)] if job else []


def has_due(store: Store, now: float | None = None) -> bool:
    """Whether this station has a job to send now, after recovering expired leases: two
    indexed reads, so a station can ask often without opening a connection for nothing."""
    moment = _moment(now)
    recover(store, moment)
    return (
        store.one(
            f"SELECT 1 FROM print_jobs WHERE station = ? AND {_DUE} LIMIT 1",
            (store.station, MAX_ATTEMPTS, moment),
        )
        is not None
    )


def send_pending(
    db_path: Path, station: str, connection: Connection, heartbeat: float = HEARTBEAT_SECONDS
) -> list[Row]:
    """`send_due` on a connection of its own: what a station's print thread runs, since
    sqlite3 connections cannot cross threads."""
    store = open_store(db_path, station, check=False)
    try:
        return send_due(store, connection, heartbeat=heartbeat)
    finally:
        store.close()


def retry(store: Store, job_id: int) -> Row:
    """Put a job back in the queue now, whatever happened to it before (a reprint)."""
    with store.write():
        job = get_job(store, job_id)
        store.update(
            "print_jobs",
            job_id,
            {"status": "queued", "attempts": 0, "next_try": 0, "station": store.station},
        )
        events.record(store, EventKind.PRINT_RETRY, job["meeting_id"], f"print_job:{job_id}")
    return get_job(store, job_id)


def list_jobs(store: Store, failed_only: bool = False, now: float | None = None) -> list[Row]:
    """Every job, newest first, after recovering expired leases (so a job whose sender
    died shows as failed, not as sending); `failed_only` keeps the failed ones."""
    recover(store, now)
    sql = "SELECT * FROM print_jobs"
    if failed_only:
        sql += " WHERE status = 'failed'"
    return store.all(sql + " ORDER BY id DESC")
