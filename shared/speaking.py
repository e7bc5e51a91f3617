"""The speaking queue: waiting -> called -> speaking -> done, with no-show, recall,
withdraw and reordering, and the speech timer.

Timer readings are wall-clock timestamps on the row, so a station restarted after a
crash shows the same running (or paused) timer.
"""

from __future__ import annotations

import time
from typing import Any

from shared import events
from shared.db import Store
from shared.events import EventKind
from shared.i18n import Label, UserError
from shared.meetings import editable_meeting, get_meeting
from shared.registrations import by_number
from shared.specs import QUEUE_ACTIONS, QUEUE_STATUSES

Row = dict[str, Any]
AT_LECTERN = ("called", "speaking")
# action -> {from status: to status}
TRANSITIONS: dict[str, dict[str, str]] = {
    "call": {"waiting": "called"},
    "start": {"called": "speaking"},
    "stop": {"speaking": "done"},
    "no_show": {"waiting": "no_show", "called": "no_show"},
    "recall": {"no_show": "waiting"},
    "withdraw": {"waiting": "withdrawn", "called": "withdrawn", "no_show": "withdrawn"},
}


def _clock(now: float | None) -> float:
    return time.time() if now is None else now


def elapsed(row: Row, now: float | None = None) -> float:
    """Seconds spoken so far, pauses excluded."""
    if row["speech_started"] is None:
        return 0.0
    end = row["speech_ended"] or row["speech_paused"] or _clock(now)
    return max(0.0, end - row["speech_started"] - row["speech_paused_total"])


QUEUE_COLUMNS = "id, number, name, village, field, status, position, created_at"


def _queue_sql(columns: str) -> str:
    return (
        f"SELECT {columns} FROM registrations WHERE meeting_id = ? ORDER BY"
        " CASE status WHEN 'speaking' THEN 0 WHEN 'called' THEN 0 WHEN 'waiting' THEN 1"
        " WHEN 'no_show' THEN 2 ELSE 3 END, CASE WHEN status = 'waiting' THEN position END,"
        " number"
    )


def queue(store: Store, meeting_id: int, columns: str = "*") -> list[Row]:
    """At the lectern first, then the waiting queue in order, then everyone else by number.

    `columns` narrows the rows for a station that shows thousands of them.
    """
    return store.all(_queue_sql(columns), (meeting_id,))


def queue_tuples(store: Store, meeting_id: int, columns: str) -> list[tuple[Any, ...]]:
    """The queue in the same order, as plain tuples of `columns`: a station that redraws
    thousands of rows on every action compares them with what it shows, without building
    a dict per row."""
    return list(store.conn.execute(_queue_sql(columns), (meeting_id,)).fetchall())


def registration_tuples(
    store: Store, meeting_id: int, columns: str, ids: list[int] | None = None
) -> list[tuple[Any, ...]]:
    """`columns` of the meeting's registrations `ids` (all of them without), in no order:
    what a station reads once of a registration that does not change once made."""
    sql = f"SELECT {columns} FROM registrations WHERE meeting_id = ?"
    if ids is None:
        return list(store.conn.execute(sql, (meeting_id,)).fetchall())
    found: list[tuple[Any, ...]] = []
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ", ".join("?" * len(chunk))
        found += store.conn.execute(f"{sql} AND id IN ({marks})", (meeting_id, *chunk))
    return found


def at_lectern(store: Store, meeting_id: int) -> Row | None:
    return store.one(
        "SELECT * FROM registrations WHERE meeting_id = ? AND status IN ('called', 'speaking')",
        (meeting_id,),
    )


def _open_meeting(store: Store, meeting_id: int) -> Row:
    meeting = get_meeting(store, meeting_id)
    if meeting["status"] != "open":
        raise UserError("Meeting {meeting} is not open.", meeting=meeting_id)
    return meeting


def _apply(store: Store, row: Row, action: str, **changes: Any) -> Row:
    """Move `row` along `action` if its status allows; log it; return the new row."""
    target = TRANSITIONS[action].get(row["status"])
    if target is None:
        raise UserError(
            "Cannot {action} number {number}: it is {status}.",
            number=row["number"],
            status=Label(QUEUE_STATUSES[row["status"]]),
            action=Label(QUEUE_ACTIONS[action]),
        )
    changes["status"] = target
    _change(store, row, EventKind(f"queue.{action}"), changes, before=row["status"], after=target)
    return {**row, **changes}


def _change(store: Store, row: Row, kind: EventKind, changes: Row, **data: Any) -> None:
    """Update one registration and log it with what undo needs to put it back."""
    store.update("registrations", row["id"], changes)
    old = {column: row[column] for column in changes}
    events.record(
        store,
        kind,
        row["meeting_id"],
        f"registration:{row['id']}",
        number=row["number"],
        _undo={"registrations": {row["id"]: old}},
        **data,
    )


def call(store: Store, meeting_id: int, number: int | None = None) -> Row:
    """Call the next waiting speaker, or a given number; one at the lectern at a time."""
    with store.write():
        _open_meeting(store, meeting_id)
        busy = at_lectern(store, meeting_id)
        if busy:
            raise UserError(
                "Number {number} is at the lectern; finish or mark no-show first.",
                number=busy["number"],
            )
        if number is None:
            row = store.one(
                "SELECT * FROM registrations WHERE meeting_id = ? AND status = 'waiting'"
                " ORDER BY position LIMIT 1",
                (meeting_id,),
            )
            if row is None:
                raise UserError("Nobody is waiting.")
        else:
            row = by_number(store, meeting_id, number)
        return _apply(store, row, "call", called_at=time.time())


def _current(store: Store, meeting_id: int) -> Row:
    _open_meeting(store, meeting_id)
    row = at_lectern(store, meeting_id)
    if row is None:
        raise UserError("Nobody has been called.")
    return row


def start(store: Store, meeting_id: int, now: float | None = None) -> Row:
    with store.write():
        row = _current(store, meeting_id)
        return _apply(store, row, "start", speech_started=_clock(now))


def pause(store: Store, meeting_id: int, now: float | None = None) -> Row:
    with store.write():
        row = _current(store, meeting_id)
        if row["status"] != "speaking" or row["speech_paused"] is not None:
            raise UserError(
                "Number {number} is not speaking, so the timer cannot pause.", number=row["number"]
            )
        paused = _clock(now)
        _change(store, row, EventKind.QUEUE_PAUSE, {"speech_paused": paused})
        return {**row, "speech_paused": paused}


def resume(store: Store, meeting_id: int, now: float | None = None) -> Row:
    with store.write():
        row = _current(store, meeting_id)
        if row["speech_paused"] is None:
            raise UserError("The timer of number {number} is not paused.", number=row["number"])
        changes = {
            "speech_paused": None,
            "speech_paused_total": row["speech_paused_total"]
            + (_clock(now))
            - row["speech_paused"],
        }
        _change(store, row, EventKind.QUEUE_RESUME, changes)
        return {**row, **changes}


def stop(store: Store, meeting_id: int, now: float | None = None) -> Row:
    """End the speech; a paused speech ends at the moment it was paused."""
    with store.write():
        row = _current(store, meeting_id)
        ended = row["speech_paused"] or _clock(now)
        done = _apply(store, row, "stop", speech_ended=ended)
        return {**done, "duration": elapsed(done)}


def _by_number_in_open(store: Store, meeting_id: int, number: int) -> Row:
    editable_meeting(store, meeting_id)
    return by_number(store, meeting_id, number)


def no_show(store: Store, meeting_id: int, number: int) -> Row:
    with store.write():
        return _apply(store, _by_number_in_open(store, meeting_id, number), "no_show")


def recall(store: Store, meeting_id: int, number: int) -> Row:
    """Put a no-show back at the head of the waiting queue."""
    with store.write():
        row = _by_number_in_open(store, meeting_id, number)
        first = store.conn.execute(
            "SELECT COALESCE(MIN(position), 1) FROM registrations"
            " WHERE meeting_id = ? AND status = 'waiting'",
            (meeting_id,),
        ).fetchone()[0]
        return _apply(store, row, "recall", position=first - 1)


def withdraw(store: Store, meeting_id: int, number: int) -> Row:
    """The citizen no longer wishes to speak; the number is kept, never reused."""
    with store.write():
        return _apply(store, _by_number_in_open(store, meeting_id, number), "withdraw")


def move(store: Store, meeting_id: int, number: int, place: int) -> Row:
    """Move a waiting speaker to `place` (1 = next) in the waiting queue."""
    with store.write():
        row = _by_number_in_open(store, meeting_id, number)
        if row["status"] != "waiting":
            raise UserError(
                "Cannot {action} number {number}: it is {status}.",
                number=number,
                status=Label(QUEUE_STATUSES[row["status"]]),
                action=Label("move"),
            )
        rows = store.all(
            "SELECT id, position FROM registrations WHERE meeting_id = ? AND status = 'waiting'"
            " ORDER BY position",
            (meeting_id,),
        )
        if not 1 <= place <= len(rows):
            raise UserError(
                "Place {place} is out of range: {count} are waiting.", place=place, count=len(rows)
            )
        old = {r["id"]: {"position": r["position"]} for r in rows}
        waiting = [r["id"] for r in rows]
        waiting.remove(row["id"])
        waiting.insert(place - 1, row["id"])
        # the same places, shared out anew: renumbering from 1 would let a later
        # registration (MAX + 1) take a place that undoing this move gives back
        places = [r["position"] for r in rows]
        for position, registration_id in zip(places, waiting, strict=True):
            store.update("registrations", registration_id, {"position": position})
        events.record(
            store,
            EventKind.QUEUE_MOVE,
            meeting_id,
            f"registration:{row['id']}",
            number=number,
            place=place,
            _undo={"registrations": old},
        )
        return by_number(store, meeting_id, number)
