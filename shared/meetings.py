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
from shared.i18n import N_, Label, UserError
from shared.specs import MEETING_KINDS
from shared.text import clean

Row = dict[str, Any]
LEVELS = ("commune", "district", "province", "party")
_TEXT_FIELDS = {
    "title": (N_("Title"), 300),
    "place": (N_("Place"), 300),
    "issuing_body": (N_("Issuing body"), 200),
    "parent_body": (N_("Parent body"), 200),
    "chair": (N_("Chair"), 200),
    "co_chair": (N_("Co-chair"), 200),
    "secretary": (N_("Secretary"), 200),
    "chair_position": (N_("Chair's position"), 200),
}
# What the record of a held meeting says, which may still be corrected once it is closed
# (the clerk writes the minutes afterwards): when it ended and who took part; and what
# the documents issued after it need: who signs, who receives them, the chair's
# conclusions per field.
RECORD_FIELDS = frozenset(
    {"end_time", "participants", "chair_position", "recipients", "field_conclusions"}
)
PARTICIPANT_LIMIT = 200
_TIME = re.compile(r"([01]?\d|2[0-3])[:hH]([0-5]\d)")


def parse_date(text: str) -> str:
    """ISO (2026-01-05) or the Vietnamese way (05/01/2026); returns ISO."""
    text = text.strip()
    for form in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y"):
        try:
            return dt.datetime.strptime(text, form).date().isoformat()
        except ValueError:
            continue
    raise UserError("Not a date: {text}. Use 2026-01-05 or 05/01/2026.", text=text)


def parse_time(text: str) -> str:
    """08:00, 8:00 or 8h00; returns HH:MM."""
    found = _TIME.fullmatch(text.strip())
    if not found:
        raise UserError("Not a time: {text}. Use 08:00.", text=text)
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
        elif key == "participants":
            row[key] = "\n".join(parse_participants(value))
        elif key == "recipients":
            row[key] = "\n".join(parse_recipients(value))
        elif key == "level":
            if value not in LEVELS:
                raise UserError(
                    "Unknown level: {level} (choose: {choices}).",
                    level=value,
                    choices=", ".join(LEVELS),
                )
            row[key] = value
        elif key == "kind":
            if value not in MEETING_KINDS:
                raise UserError(
                    "Unknown kind of meeting: {kind} (choose: {choices}).",
                    kind=value,
                    choices=", ".join(MEETING_KINDS),
                )
            row[key] = value
        elif key == "speaking_seconds":
            try:
                seconds = int(value)
            except (TypeError, ValueError):
                raise UserError(
                    "Speaking time must be 10 to 3600 seconds (got {seconds}).", seconds=value
                ) from None
            if not 10 <= seconds <= 3600:
                raise UserError(
                    "Speaking time must be 10 to 3600 seconds (got {seconds}).", seconds=seconds
                )
            row[key] = seconds
        elif key == "display_names":
            row[key] = int(bool(value))
        elif key == "field_conclusions":
            row[key] = json.dumps(
                {
                    clean(k, N_("Field"), max_len=100, required=True): clean(
                        v, N_("Chair's conclusion"), max_len=20_000
                    )
                    for k, v in value.items()
                },
                ensure_ascii=False,
                sort_keys=True,
            )
        elif key == "deadlines":
            row[key] = json.dumps({k: str(r) for k, r in value.items()}, sort_keys=True)
        else:
            raise UserError("No such setting: {key}.", key=key)
    return row


# What a meeting cannot be created without, in words.
REQUIRED_DETAILS = {
    "title": N_("the title"),
    "date": N_("the date"),
    "start_time": N_("the start time"),
}


def create_meeting(store: Store, **details: Any) -> int:
    """Create a planned meeting; `title`, `date` and `start_time` are required."""
    details.setdefault("deadlines", DEFAULT_RULES)
    for required, words in REQUIRED_DETAILS.items():
        if not details.get(required):
            raise UserError("A meeting needs {field}.", field=Label(words))
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
        raise UserError("There is no meeting {meeting}.", meeting=meeting_id)
    return row


def editable_meeting(store: Store, meeting_id: int) -> Row:
    """The meeting, if it may still change: nothing changes once it is closed."""
    meeting = get_meeting(store, meeting_id)
    if meeting["status"] == "closed":
        raise UserError(
            "Meeting {meeting} is closed; it can no longer be changed.", meeting=meeting_id
        )
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
        raise UserError("No meeting is open; name one with --meeting.")
    if len(open_ones) > 1:
        ids = ", ".join(str(m["id"]) for m in open_ones)
        raise UserError("Several meetings are open ({ids}); name one with --meeting.", ids=ids)
    return open_ones[0]


def meeting_rules(meeting: Row) -> dict[str, Rule]:
    stored = json.loads(meeting["deadlines"] or "{}")
    rules = dict(DEFAULT_RULES)
    for name, text in stored.items():
        if name in rules:
            rules[name] = Rule.parse(text, DEFAULT_RULES[name].source)
    return rules


def parse_participants(value: str | list[str]) -> list[str]:
    """Participants as "name, position" lines: from a list, or text with one a line or
    separated by ";"."""
    parts = value if isinstance(value, list) else re.split(r"[;\n]", value)
    return [
        clean(part, N_("Participant"), max_len=PARTICIPANT_LIMIT) for part in parts if part.strip()
    ]


def parse_recipients(value: str | list[str]) -> list[str]:
    """The notice's recipients (Nơi nhận), one a line or separated by ";", each as printed
    after its dash ("Ban Dân vận Tỉnh ủy (để báo cáo)")."""
    parts = value if isinstance(value, list) else re.split(r"[;\n]", value)
    return [
        clean(part.strip().lstrip("-").strip(), N_("Recipient"), max_len=PARTICIPANT_LIMIT)
        for part in parts
        if part.strip().lstrip("-").strip()
    ]


def participants(meeting: Row) -> list[str]:
    return [line for line in (meeting.get("participants") or "").split("\n") if line]


def update_meeting(store: Store, meeting_id: int, **changes: Any) -> Row:
    """Change a meeting's details; once it is closed, only the record's end time and
    participants (logged like any change)."""
    row = _checked(changes)
    with store.write():
        if set(row) <= RECORD_FIELDS:
            get_meeting(store, meeting_id)
        else:
            editable_meeting(store, meeting_id)
        if row:
            store.update("meetings", meeting_id, row)
        events.record(store, EventKind.MEETING_UPDATED, meeting_id, f"meeting:{meeting_id}", **row)
    return get_meeting(store, meeting_id)


def set_status(store: Store, meeting_id: int, status: str, end_time: str | None = None) -> Row:
    """planned -> open -> closed; a closed meeting may be reopened, which is logged too.

    Opening also opens registration; closing closes it and records the end time: the
    one given (HH:MM), else the clock's.
    """
    if status not in ("open", "closed"):
        raise UserError("Unknown status: {status}.", status=status)
    with store.write():
        meeting = get_meeting(store, meeting_id)
        if meeting["status"] == status:
            already = {
                "open": N_("Meeting {meeting} is already open."),
                "closed": N_("Meeting {meeting} is already closed."),
            }
            raise UserError(already[status], meeting=meeting_id)
        if status == "closed" and meeting["status"] != "open":
            raise UserError("Meeting {meeting} is not open.", meeting=meeting_id)
        changes: Row = {"status": status, "registration_open": int(status == "open")}
        if status == "closed":
            changes["end_time"] = (
                parse_time(end_time) if end_time else dt.datetime.now().strftime("%H:%M")
            )
            busy = store.one(
                "SELECT number FROM registrations WHERE meeting_id = ?"
                " AND status IN ('called', 'speaking')",
                (meeting_id,),
            )
            if busy:
                raise UserError(
                    "Number {number} is still at the lectern; finish before closing the meeting.",
                    number=busy["number"],
                )
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


def set_published(store: Store, meeting_id: int, published: bool = True) -> Row:
    """Mark the meeting's results public (or withdraw them): the web face shows
    /ket-qua/<uid> only for a published meeting, so nothing leaks before the office
    decides. Allowed on a closed meeting: publishing comes after it."""
    with store.write():
        meeting = get_meeting(store, meeting_id)
        if meeting["status"] == "planned" and published:
            raise UserError(
                "Meeting {meeting} has not been held; there is nothing to publish.",
                meeting=meeting_id,
            )
        when = now_iso() if published else ""
        store.update("meetings", meeting_id, {"published_at": when})
        kind = EventKind.MEETING_PUBLISHED if published else EventKind.MEETING_UNPUBLISHED
        events.record(store, kind, meeting_id, f"meeting:{meeting_id}", published_at=when)
    return get_meeting(store, meeting_id)


def set_field_conclusion(store: Store, meeting_id: int, field: str, text: str) -> Row:
    """The chair's conclusion on one field (the notice's "Kết luận theo lĩnh vực"), as the
    secretary records it; empty text removes it, so the notice drafts from the items."""
    current = json.loads(get_meeting(store, meeting_id)["field_conclusions"] or "{}")
    current.pop(field, None)
    if text.strip():
        current[field] = text
    return update_meeting(store, meeting_id, field_conclusions=current)
