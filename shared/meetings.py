"""Meetings: their details, their status, and the choice of the current one."""

from __future__ import annotations

import datetime as dt
import json
import re
import secrets
from collections.abc import Mapping
from typing import Any

from shared import events
from shared.db import Store, now_iso
from shared.deadlines import DEFAULT_RULES, Rule
from shared.events import EventKind
from shared.i18n import UserError
from shared.text import clean

Row = dict[str, Any]
LEVELS = ("commune", "district", "province", "party")
_TEXT_FIELDS = {
    "title": ("label_title", 300),
    "place": ("label_place", 300),
    "issuing_body": ("label_issuing_body", 200),
    "parent_body": ("label_parent_body", 200),
    "chair": ("label_chair", 200),
    "co_chair": ("label_co_chair", 200),
    "secretary": ("label_secretary", 200),
}
_TIME = re.compile(r"([01]?\d|2[0-3])[:hH]([0-5]\d)")


def parse_date(text: str) -> str:
    """ISO (2026-01-05) or the Vietnamese way (05/01/2026); returns ISO."""
    text = text.strip()
    for form in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y"):
        try:
            return dt.datetime.strptime(text, form).date().isoformat()
        except ValueError:
            continue
    raise UserError("date_invalid", text=text)


def parse_time(text: str) -> str:
    """08:00, 8:00 or 8h00; returns HH:MM."""
    found = _TIME.fullmatch(text.strip())
    if not found:
        raise UserError("time_invalid", text=text)
    return f"{int(found.group(1)):02d}:{found.group(2)}"


def _checked(changes: Mapping[str, Any]) -> Row:
    row: Row = {}
    for key, value in changes.items():
        if key in _TEXT_FIELDS:
            label, max_len = _TEXT_FIELDS[key]
            row[key] = clean(value, label, max_len=max_len, required=key == "title")
        elif key == "date":
            row[key] = parse_date(value)
        elif key == "start_time":
            row[key] = parse_time(value)
        elif key == "end_time":
            row[key] = parse_time(value) if value else ""
        elif key == "level":
            if value not in LEVELS:
                raise UserError("level_invalid", level=value, choices=", ".join(LEVELS))
            row[key] = value
        elif key == "speaking_seconds":
            try:
                seconds = int(value)
            except (TypeError, ValueError):
                raise UserError("speaking_time_invalid", seconds=value) from None
            if not 10 <= seconds <= 3600:
                raise UserError("speaking_time_invalid", seconds=seconds)
            row[key] = seconds
        elif key == "display_names":
            row[key] = int(bool(value))
        elif key == "deadlines":
            row[key] = json.dumps({k: str(r) for k, r in value.items()}, sort_keys=True)
        else:
            raise UserError("meeting_key_unknown", key=key)
    return row


def create_meeting(store: Store, **details: Any) -> int:
    """Create a planned meeting; `title`, `date` and `start_time` are required."""
    details.setdefault("deadlines", DEFAULT_RULES)
    for required in ("title", "date", "start_time"):
        if not details.get(required):
            raise UserError("meeting_field_missing", field=required)
    row = _checked(details)
    row.update(uid=secrets.token_hex(8), created_at=now_iso(), status="planned")
    with store.write():
        meeting_id = store.insert("meetings", row)
        events.record(
            store,
            EventKind.MEETING_CREATED,
            meeting_id,
            f"meeting:{meeting_id}",
            title=row["title"],
        )
    return meeting_id


def get_meeting(store: Store, meeting_id: int) -> Row:
    row = store.one("SELECT * FROM meetings WHERE id = ?", (meeting_id,))
    if row is None:
        raise UserError("meeting_unknown", meeting=meeting_id)
    return row


def editable_meeting(store: Store, meeting_id: int) -> Row:
    """The meeting, if it may still change: nothing changes once it is closed."""
    meeting = get_meeting(store, meeting_id)
    if meeting["status"] == "closed":
        raise UserError("meeting_closed", meeting=meeting_id)
    return meeting


def list_meetings(store: Store) -> list[Row]:
    return store.all("SELECT * FROM meetings ORDER BY date DESC, start_time DESC, id DESC")


def open_meetings(store: Store) -> list[Row]:
    return store.all("SELECT * FROM meetings WHERE status = 'open' ORDER BY id")


def latest_meeting(store: Store) -> Row | None:
    """The meeting held last (by date, then the one created last): whose bodies and chair
    head a report that spans several meetings."""
    return store.one("SELECT * FROM meetings ORDER BY date DESC, id DESC LIMIT 1")


def current_meeting(store: Store, meeting_id: int | None = None) -> Row:
    """The meeting named, or else the one open meeting (an error if none or several)."""
    if meeting_id is not None:
        return get_meeting(store, meeting_id)
    open_ones = open_meetings(store)
    if not open_ones:
        raise UserError("no_open_meeting")
    if len(open_ones) > 1:
        ids = ", ".join(str(m["id"]) for m in open_ones)
        raise UserError("several_open_meetings", ids=ids)
    return open_ones[0]


def meeting_rules(meeting: Row) -> dict[str, Rule]:
    stored = json.loads(meeting["deadlines"] or "{}")
    rules = dict(DEFAULT_RULES)
    for name, text in stored.items():
        if name in rules:
            rules[name] = Rule.parse(text, DEFAULT_RULES[name].source)
    return rules


def update_meeting(store: Store, meeting_id: int, **changes: Any) -> Row:
    row = _checked(changes)
    with store.write():
        editable_meeting(store, meeting_id)
        if row:
            store.update("meetings", meeting_id, row)
        events.record(store, EventKind.MEETING_UPDATED, meeting_id, f"meeting:{meeting_id}", **row)
    return get_meeting(store, meeting_id)


def set_status(store: Store, meeting_id: int, status: str) -> Row:
    """planned -> open -> closed; a closed meeting may be reopened, which is logged too.

    Opening also opens registration; closing closes it and records the end time.
    """
    if status not in ("open", "closed"):
        raise UserError("status_invalid", status=status)
    with store.write():
        meeting = get_meeting(store, meeting_id)
        if meeting["status"] == status:
            raise UserError(f"meeting_already_{status}", meeting=meeting_id)
        if status == "closed" and meeting["status"] != "open":
            raise UserError("meeting_not_open", meeting=meeting_id)
        changes: Row = {"status": status, "registration_open": int(status == "open")}
        if status == "closed":
            changes["end_time"] = dt.datetime.now().strftime("%H:%M")
            busy = store.one(
                "SELECT number FROM registrations WHERE meeting_id = ?"
                " AND status IN ('called', 'speaking')",
                (meeting_id,),
            )
            if busy:
                raise UserError("meeting_has_speaker", number=busy["number"])
        store.update("meetings", meeting_id, changes)
        kind = EventKind.MEETING_OPEN if status == "open" else EventKind.MEETING_CLOSED
        events.record(store, kind, meeting_id, f"meeting:{meeting_id}", **changes)
    return get_meeting(store, meeting_id)


def set_registration(store: Store, meeting_id: int, is_open: bool) -> Row:
    with store.write():
        editable_meeting(store, meeting_id)
        store.update("meetings", meeting_id, {"registration_open": int(is_open)})
        opened = EventKind.REGISTRATION_OPENED if is_open else EventKind.REGISTRATION_CLOSED
        events.record(store, opened, meeting_id, f"meeting:{meeting_id}")
    return get_meeting(store, meeting_id)
