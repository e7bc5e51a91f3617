"""The event log: every change the core makes is one appended event, written in the same
transaction as the change. Events that carry `_undo` can be put back, latest first.

The stored kind strings are part of existing databases and merged files: a kind may be
added, never renamed.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from enum import StrEnum
from types import MappingProxyType
from typing import Any

from shared.db import Store, now_iso
from shared.i18n import N_, UserError, tr

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
    PREPARE_GROUPED = "prepare.grouped"
    PREPARE_UNGROUPED = "prepare.ungrouped"
    PREPARE_ASSIGNED = "prepare.assigned"
    PREPARE_ANSWERED = "prepare.answered"
    PREPARE_REQUESTS = "prepare.requests"
    PREPARE_ANSWERS_READ = "prepare.answers_read"
    PREPARE_LINKED = "prepare.linked"


# What each kind of event did, in words, so a person is told which change was put back
# ("Undone: withdrawal of number 012") and never a stored kind string. Placeholders:
# {number} the ticket, {question} the question's number, {step} and {place} from the event.
EVENT_LABELS: Mapping[EventKind, str] = MappingProxyType(
    {
        EventKind.MEETING_CREATED: N_("creation of the meeting"),
        EventKind.MEETING_UPDATED: N_("change to the meeting's details"),
        EventKind.MEETING_OPEN: N_("opening of the meeting"),
        EventKind.MEETING_CLOSED: N_("closing of the meeting"),
        EventKind.MEETING_CONCLUSION: N_("the chair's conclusion"),
        EventKind.MEETING_PUBLISHED: N_("publication of the results"),
        EventKind.MEETING_UNPUBLISHED: N_("withdrawal of the published results"),
        EventKind.REGISTRATION_OPENED: N_("opening of registration"),
        EventKind.REGISTRATION_CLOSED: N_("closing of registration"),
        EventKind.REGISTRATION_CREATED: N_("registration of number {number}"),
        EventKind.AGENDA_SET: N_("the meeting's program"),
        EventKind.AGENDA_STEP: N_("move to step {step} of the program"),
        EventKind.QUEUE_CALL: N_("call of number {number}"),
        EventKind.QUEUE_START: N_("start of the speech of number {number}"),
        EventKind.QUEUE_STOP: N_("end of the speech of number {number}"),
        EventKind.QUEUE_NO_SHOW: N_("number {number} marked absent"),
        EventKind.QUEUE_RECALL: N_("recall of number {number}"),
        EventKind.QUEUE_WITHDRAW: N_("withdrawal of number {number}"),
        EventKind.QUEUE_PAUSE: N_("pause of the timer of number {number}"),
        EventKind.QUEUE_RESUME: N_("resumption of the timer of number {number}"),
        EventKind.QUEUE_MOVE: N_("move of number {number} to place {place}"),
        EventKind.QUESTION_ADDED: N_("question {question} written down"),
        EventKind.QUESTION_ASSIGNED: N_("official answering question {question}"),
        EventKind.QUESTION_OUTCOME: N_("outcome of question {question}"),
        EventKind.FOLLOWUP_IN_PROGRESS: N_("question {question} marked in progress"),
        EventKind.FOLLOWUP_ANSWERED: N_("answer to question {question}"),
        EventKind.FOLLOWUP_EXTENDED: N_("extension of the deadline of question {question}"),
        EventKind.FOLLOWUP_TRANSFERRED: N_("transfer of question {question}"),
        EventKind.FOLLOWUP_INFORMED: N_("citizen informed of question {question}"),
        EventKind.FOLLOWUP_SATISFACTION: N_("citizen's satisfaction with question {question}"),
        EventKind.UNDO: N_("an undo"),
        EventKind.PRINT_QUEUED: N_("a print job queued"),
        EventKind.PRINT_SENDING: N_("a print job being sent"),
        EventKind.PRINT_DONE: N_("a print job printed"),
        EventKind.PRINT_SENT: N_("a print job sent"),
        EventKind.PRINT_FAILED: N_("a print job failed"),
        EventKind.PRINT_RETRY: N_("a print job retried"),
        EventKind.PRINT_RECOVERED: N_("a print job recovered"),
        EventKind.CALENDAR_SET: N_("a day set in the working calendar"),
        EventKind.CALENDAR_REMOVED: N_("a day removed from the working calendar"),
        EventKind.IMPORT_OFFICIALS: N_("import of the officials"),
        EventKind.IMPORT_VILLAGES: N_("import of the villages"),
        EventKind.IMPORT_FIELDS: N_("import of the fields"),
        EventKind.IMPORT_BODIES: N_("import of the bodies"),
        EventKind.IMPORT_OPINIONS: N_("import of the collected opinions"),
        EventKind.MERGE: N_("merge of another station's file"),
        EventKind.RETENTION_PURGE: N_("removal of expired personal data"),
        EventKind.DEMO_REFERENCE_LISTS: N_("the demo reference lists"),
        EventKind.PREPARE_GROUPED: N_("opinions grouped with question {question}"),
        EventKind.PREPARE_UNGROUPED: N_("the group of question {question} split"),
        EventKind.PREPARE_ASSIGNED: N_("body preparing the answer to question {question}"),
        EventKind.PREPARE_ANSWERED: N_("prepared answer to question {question}"),
        EventKind.PREPARE_REQUESTS: N_("requests for answers written"),
        EventKind.PREPARE_ANSWERS_READ: N_("a body's answers read in"),
        EventKind.PREPARE_LINKED: N_("question {question} linked to a gathered opinion"),
    }
)


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


def describe(store: Store, event: Row, lang: str) -> str:
    """What `event` (a row of the log: kind, subject, data) did, in `lang`: its label with
    the ticket or question number it concerns."""
    data = event["data"]
    data = json.loads(data) if isinstance(data, str) else data
    subject, _, key = str(event["subject"]).partition(":")
    number = data.get("number") if subject == "registration" else None
    question = None
    if subject == "question" and key.isdigit():
        found = store.one("SELECT number FROM questions WHERE id = ?", (int(key),))
        question = found["number"] if found else None
    return tr(
        EVENT_LABELS[EventKind(event["kind"])],
        lang,
        number="?" if number is None else f"{number:03d}",
        question="?" if question is None else question,
        step=data.get("step", "?"),
        place=data.get("place", "?"),
    )


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
            "SELECT id, kind, subject, data FROM events WHERE meeting_id = ?"
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
