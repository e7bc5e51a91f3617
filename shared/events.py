"""The event log: every change the core makes is one appended event, written in the same
transaction as the change. Events that carry `_undo` can be put back, latest first.

The stored kind strings are part of existing databases and merged files: a kind may be
added, never renamed.
"""

from __future__ import annotations

import json
from enum import StrEnum
from typing import Any

from shared.db import Store, now_iso
from shared.i18n import UserError

Row = dict[str, Any]


class EventKind(StrEnum):
    """Every kind of event the core writes."""

    MEETING_CREATED = "meeting.created"
    MEETING_UPDATED = "meeting.updated"
    MEETING_OPEN = "meeting.open"
    MEETING_CLOSED = "meeting.closed"
    MEETING_CONCLUSION = "meeting.conclusion"
    MEETING_PUBLISHED = "meeting.published"
    MEETING_UNPUBLISHED = "meeting.unpublished"
    REGISTRATION_OPENED = "registration.opened"
    REGISTRATION_CLOSED = "registration.closed"
    REGISTRATION_CREATED = "registration.created"
    AGENDA_SET = "agenda.set"
    AGENDA_STEP = "agenda.step"
    QUEUE_CALL = "queue.call"
    QUEUE_START = "queue.start"
    QUEUE_STOP = "queue.stop"
    QUEUE_NO_SHOW = "queue.no_show"
    QUEUE_RECALL = "queue.recall"
    QUEUE_WITHDRAW = "queue.withdraw"
    QUEUE_PAUSE = "queue.pause"
    QUEUE_RESUME = "queue.resume"
    QUEUE_MOVE = "queue.move"
    QUESTION_ADDED = "question.added"
    QUESTION_ASSIGNED = "question.assigned"
    QUESTION_OUTCOME = "question.outcome"
    FOLLOWUP_IN_PROGRESS = "followup.in_progress"
    FOLLOWUP_ANSWERED = "followup.answered"
    FOLLOWUP_EXTENDED = "followup.extended"
    FOLLOWUP_TRANSFERRED = "followup.transferred"
    FOLLOWUP_INFORMED = "followup.informed"
    FOLLOWUP_SATISFACTION = "followup.satisfaction"
    UNDO = "undo"
    PRINT_QUEUED = "print.queued"
    PRINT_SENDING = "print.sending"
    PRINT_DONE = "print.done"
    PRINT_SENT = "print.sent"
    PRINT_FAILED = "print.failed"
    PRINT_RETRY = "print.retry"
    PRINT_RECOVERED = "print.recovered"
    CALENDAR_SET = "calendar.set"
    CALENDAR_REMOVED = "calendar.removed"
    IMPORT_OFFICIALS = "import.officials"
    IMPORT_VILLAGES = "import.villages"
    IMPORT_FIELDS = "import.fields"
    IMPORT_OPINIONS = "import.opinions"
    IMPORT_BODIES = "import.bodies"
    MERGE = "merge"
    RETENTION_PURGE = "retention.purge"
    DEMO_REFERENCE_LISTS = "demo.reference_lists"


def record(
    store: Store, kind: EventKind, meeting_id: int | None, subject: str, /, **data: Any
) -> None:
    """Append one event; call inside `store.write()` so it commits with the change it records.

    An event with `_undo` ({table: {row id: {column: old value}}}) can be undone.
    """
    kind = EventKind(kind)  # a kind outside the enum is refused, not stored
    store.conn.execute(
        "INSERT INTO events (at, station, meeting_id, kind, subject, data)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        (
            now_iso(),
            store.station,
            meeting_id,
            kind.value,
            subject,
            json.dumps(data, ensure_ascii=False, sort_keys=True),
        ),
    )


def history(store: Store, subject: str) -> list[Row]:
    """Every event about `subject` ("question:12"), oldest first, its data decoded and
    without the undo bookkeeping."""
    rows = store.all(
        "SELECT id, at, station, kind, data FROM events WHERE subject = ? ORDER BY id",
        (subject,),
    )
    for row in rows:
        data = json.loads(row["data"])
        data.pop("_undo", None)
        row["data"] = data
    return rows


def undo_last(store: Store, meeting_id: int) -> Row:
    """Put back the latest change to the queue or to an outcome not yet undone; repeated,
    it walks further back. Returns the event undone.

    The meeting must still be open to change (as `meetings.editable_meeting` says; read
    here directly because meetings writes its own events through this module).
    """
    with store.write():
        meeting = store.one("SELECT status FROM meetings WHERE id = ?", (meeting_id,))
        if meeting is None:
            raise UserError("There is no meeting {meeting}.", meeting=meeting_id)
        if meeting["status"] == "closed":
            raise UserError(
                "Meeting {meeting} is closed; it can no longer be changed.", meeting=meeting_id
            )
        event = store.one(
            "SELECT id, kind, data FROM events WHERE meeting_id = ?"
            " AND json_extract(data, '$._undo') IS NOT NULL AND id NOT IN ("
            "  SELECT json_extract(data, '$.event') FROM events"
            "  WHERE kind = ? AND meeting_id = ?)"
            " ORDER BY id DESC LIMIT 1",
            (meeting_id, EventKind.UNDO.value, meeting_id),
        )
        if event is None:
            raise UserError("Nothing left to undo.")
        for table, rows in json.loads(event["data"])["_undo"].items():
            for row_id, old in rows.items():
                owner = store.one(f"SELECT meeting_id FROM {table} WHERE id = ?", (int(row_id),))
                if owner is None or owner["meeting_id"] != meeting_id:
                    raise UserError("Nothing left to undo.")  # never touch another meeting's rows
                store.update(table, int(row_id), old)
        record(
            store,
            EventKind.UNDO,
            meeting_id,
            f"event:{event['id']}",
            event=event["id"],
            undone=event["kind"],
        )
    return event
