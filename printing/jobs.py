"""The print queue in the database: a job is stored before it is sent, sent by a worker
that retries with back-off, and kept with its outcome so it can be reprinted.

A printer that is off, unplugged, out of paper or hanging costs a failed job that the
secretary can see and retry, never a registration.
"""

from __future__ import annotations

import dataclasses
import json
import time
import typing
from pathlib import Path
from typing import Any, TypeVar

from printing.connections import Connection
from printing.layouts import Slip, SlipItem, Ticket, slip, test_page, ticket
from printing.sheet import Paper
from shared import events
from shared.db import Store, now_iso, open_store
from shared.events import EventKind
from shared.i18n import UserError

Row = dict[str, Any]
MAX_ATTEMPTS = 5
BACKOFF_SECONDS = (2, 5, 15, 30, 60)


# The shape of the document a job stores. Rows stored before versions are version 0, with
# the fields of version 1. Bump it when a change to Ticket, Slip or SlipItem needs more
# than a default (a renamed field, a changed meaning) and add that step to `_upgrade`.
DOCUMENT_VERSION = 1


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
    data = _upgrade(json.loads(job["document"]))
    if job["kind"] in ("ticket", "slip") and not data:
        raise UserError(
            "Print job {job} cannot be reprinted: its personal data was anonymised.", job=job["id"]
        )  # retention emptied it
    if job["kind"] == "ticket":
        return ticket(_fit(Ticket, data), width)
    if job["kind"] == "slip":
        items = tuple(_fit(SlipItem, item) for item in data.pop("items", ()))
        return slip(_fit(Slip, {**data, "items": items}), width)
    return test_page(width, data.get("lang", "vi"))


def _upgrade(data: Row) -> Row:
    """A stored document in the current version's shape (fields may still be missing or
    extra: `_fit` settles those)."""
    data.pop("version", 0)  # versions 0 and 1 share their fields: nothing to convert yet
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


STALE_CLAIM_SECONDS = 120


def recover(store: Store, now: float | None = None) -> int:
    """Jobs this station claimed long ago and never finished (it died mid-send) go back
    to the queue: a ticket printed twice beats a ticket lost. A recent claim may be
    another live process of the same station sending right now, so it is left alone."""
    moment = time.time() if now is None else now
    with store.write():
        count = store.conn.execute(
            "UPDATE print_jobs SET status = 'queued' WHERE station = ? AND status = 'sending'"
            " AND claimed_at < ?",
            (store.station, moment - STALE_CLAIM_SECONDS),
        ).rowcount
        if count:
            events.record(
                store, EventKind.PRINT_RECOVERED, None, f"station:{store.station}", jobs=count
            )
    return int(count)


def claim(store: Store, now: float | None = None, job_id: int | None = None) -> Row | None:
    """The next due job of this station (or that one job), marked as being sent."""
    moment = time.time() if now is None else now
    only = " AND id = ?" if job_id is not None else ""
    params: tuple[Any, ...] = (store.station, MAX_ATTEMPTS, moment)
    with store.write():
        job = store.one(
            "SELECT * FROM print_jobs WHERE station = ? AND ("
            " status = 'queued' OR (status = 'failed' AND attempts < ? AND next_try <= ?))"
            f"{only} ORDER BY id LIMIT 1",
            (*params, job_id) if job_id is not None else params,
        )
        if job is None:
            return None
        job["attempts"] += 1
        job["status"] = "sending"
        store.update(
            "print_jobs",
            job["id"],
            {"status": "sending", "attempts": job["attempts"], "claimed_at": moment},
        )
    return job


def finish(store: Store, job: Row, printer: str, error: str = "", now: float | None = None) -> Row:
    """Record a job's outcome; a failure is retried later, up to MAX_ATTEMPTS."""
    moment = time.time() if now is None else now
    delay = BACKOFF_SECONDS[min(job["attempts"], len(BACKOFF_SECONDS)) - 1]
    changes: Row = {
        "status": "failed" if error else "done",
        "printer": printer,
        "last_error": error[:500],
        "next_try": moment + delay if error else 0,
        "printed_at": "" if error else now_iso(),
    }
    with store.write():
        store.update("print_jobs", job["id"], changes)
        kind = EventKind.PRINT_FAILED if error else EventKind.PRINT_DONE
        events.record(
            store,
            kind,
            job["meeting_id"],
            f"print_job:{job['id']}",
            attempts=job["attempts"],
            error=error[:200],
        )
    return {**job, **changes}


def describe(error: Exception) -> str:
    """A printer failure in a line support staff can act on."""
    if isinstance(error, UserError):
        return error.message("en")
    if isinstance(error, TimeoutError):
        return f"no answer from the printer in time ({error or 'timeout'})"
    if isinstance(error, OSError) and error.strerror:
        return f"{type(error).__name__}: {error.strerror}"
    return f"{type(error).__name__}: {error}"


def send(store: Store, job: Row, connection: Connection, now: float | None = None) -> Row:
    """Send one claimed job; any failure of the printer is recorded, never raised."""
    url = connection.url
    try:
        paper = render(job, url.width)
        connection.open()
        try:
            where = connection.send(paper, f"{job['kind']}-{job['id']}")
        finally:
            connection.close()
    except Exception as error:  # every printer failure ends here, recorded on the job
        return finish(store, job, url.scheme, describe(error), now)
    return finish(store, job, f"{url.scheme}:{where}" if where else url.scheme, now=now)


def send_due(store: Store, connection: Connection, now: float | None = None) -> list[Row]:
    """Send every job of this station that is due now; returns them with their outcome."""
    sent = []
    while (job := claim(store, now)) is not None:
        sent.append(send(store, job, connection, now))
    return sent


def send_one(store: Store, job_id: int, connection: Connection) -> list[Row]:
    """Send just this job (a command-line print), leaving the station's backlog alone."""
    job = claim(store, job_id=job_id)
    return [send(store, job, connection)] if job else []


def has_due(store: Store, now: float | None = None) -> bool:
    """Whether this station has a job to send now: one indexed query, so a station can ask
    often without opening a connection for nothing."""
    moment = time.time() if now is None else now
    return (
        store.one(
            "SELECT 1 FROM print_jobs WHERE station = ? AND (status = 'queued'"
            " OR (status = 'failed' AND attempts < ? AND next_try <= ?)) LIMIT 1",
            (store.station, MAX_ATTEMPTS, moment),
        )
        is not None
    )


def send_pending(db_path: Path, station: str, connection: Connection) -> list[Row]:
    """`send_due` on a connection of its own: what a station's print thread runs, since
    sqlite3 connections cannot cross threads."""
    store = open_store(db_path, station, check=False)
    try:
        return send_due(store, connection)
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


def list_jobs(store: Store, failed_only: bool = False) -> list[Row]:
    sql = "SELECT * FROM print_jobs"
    if failed_only:
        sql += " WHERE status = 'failed'"
    return store.all(sql + " ORDER BY id DESC")
