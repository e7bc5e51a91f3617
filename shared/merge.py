"""Merging another hall's database into this one, for a district office: meetings are
matched by their uid, so merging the same file twice adds nothing; numbers stay per
meeting and a lookup code already taken here gets a new one."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from shared import events
from shared.db import Store, open_store
from shared.events import EventKind
from shared.i18n import UserError
from shared.reference import insert_body, insert_name, insert_official
from shared.registrations import unused_code

Row = dict[str, Any]


def _without_id(row: Row) -> Row:
    return {k: v for k, v in row.items() if k != "id"}


def _id_by_name(store: Store, table: str, name: str) -> int | None:
    row = store.one(f"SELECT id FROM {table} WHERE name = ?", (name,)) if name else None
    return int(row["id"]) if row else None


def merge(store: Store, other_path: Path) -> dict[str, int]:
    """Copy the meetings of `other_path` that this database lacks, with their
    registrations, questions, program and events. Returns counts of what was added."""
    if other_path.resolve() == Path(store.conn.execute("PRAGMA database_list").fetchone()[2]):
        raise UserError("A database cannot be merged into itself.")
    if not other_path.exists():
        raise UserError("Cannot read {path}: {reason}", path=str(other_path), reason="not found")
    other = open_store(other_path, "merge")
    added = {"meetings": 0, "registrations": 0, "questions": 0, "codes_changed": 0}
    try:
        with store.write():
            _reference_lists(store, other)
            for meeting in other.all("SELECT * FROM meetings ORDER BY id"):
                if store.one("SELECT 1 FROM meetings WHERE uid = ?", (meeting["uid"],)):
                    continue
                _meeting(store, other, meeting, added)
            events.record(store, EventKind.MERGE, None, other_path.name, **added)
    finally:
        other.close()
    return added


def _reference_lists(store: Store, other: Store) -> None:
    for body in other.all("SELECT name, level FROM bodies ORDER BY id"):
        insert_body(store, body["name"], body["level"])
    for official in other.all("SELECT name, position, body_name FROM officials ORDER BY id"):
        insert_official(
            store, official["name"], official["position"], official["body_name"], new_body=True
        )
    for table in ("villages", "fields"):
        for row in other.all(f"SELECT name FROM {table} ORDER BY id"):
            insert_name(store, table, row["name"])


def _meeting(store: Store, other: Store, meeting: Row, added: dict[str, int]) -> None:
    meeting_id = store.insert("meetings", _without_id(meeting))
    registrations: dict[int, int] = {}
    for row in other.all(
        "SELECT * FROM registrations WHERE meeting_id = ? ORDER BY number", (meeting["id"],)
    ):
        copy = {**_without_id(row), "meeting_id": meeting_id}
        if store.one("SELECT 1 FROM registrations WHERE code = ?", (row["code"],)):
            copy["code"] = unused_code(store)
            added["codes_changed"] += 1
        registrations[row["id"]] = store.insert("registrations", copy)
        added["registrations"] += 1
    questions: dict[int, int] = {}
    pointers: dict[int, tuple[int | None, int | None]] = {}
    for row in other.all(
        "SELECT * FROM questions WHERE meeting_id = ? ORDER BY number", (meeting["id"],)
    ):
        copy = {
            **_without_id(row),
            "meeting_id": meeting_id,
            "registration_id": registrations.get(row["registration_id"]),
            "official_id": _id_by_name(store, "officials", row["official_name"]),
            "body_id": _id_by_name(store, "bodies", row["body_name"]),
            "grouped_into": None,  # ids of the other file: set below, once all are in
            "linked_opinion": None,
        }
        questions[row["id"]] = store.insert("questions", copy)
        added["questions"] += 1
        pointers[row["id"]] = (row["grouped_into"], row["linked_opinion"])
    for old_id, (grouped, linked) in pointers.items():
        if grouped or linked:
            store.update(
                "questions",
                questions[old_id],
                {
                    "grouped_into": questions.get(grouped) if grouped else None,
                    "linked_opinion": questions.get(linked) if linked else None,
                },
            )
    for row in other.all(
        "SELECT position, title FROM agenda_steps WHERE meeting_id = ?", (meeting["id"],)
    ):
        store.insert("agenda_steps", {**row, "meeting_id": meeting_id})
    maps = {"registration": registrations, "question": questions}
    events = other.all(
        "SELECT * FROM events WHERE meeting_id = ? AND kind <> ? ORDER BY id",
        (meeting["id"], EventKind.UNDO.value),
    )
    for event in events:
        data = json.loads(event["data"])
        data.pop("_undo", None)  # its row ids are the other file's: not undoable here
        store.insert(
            "events",
            {
                **_without_id(event),
                "meeting_id": meeting_id,
                "data": json.dumps(data, ensure_ascii=False, sort_keys=True),
                "subject": _subject(event["subject"], maps, meeting_id),
            },
        )
    added["meetings"] += 1


def _subject(subject: str, maps: dict[str, dict[int, int]], meeting_id: int) -> str:
    found = re.fullmatch(r"(registration|question|meeting):(\d+)", subject)
    if not found:
        return subject
    kind, old = found.group(1), int(found.group(2))
    new = meeting_id if kind == "meeting" else maps[kind].get(old, old)
    return f"{kind}:{new}"
