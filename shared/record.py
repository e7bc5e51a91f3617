"""Everything the documents say about one meeting, gathered once, in a stable order.

Phone numbers are masked here, so no document can print one.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from typing import Any

from shared.agenda import steps
from shared.db import Store
from shared.deadlines import Rule
from shared.meetings import get_meeting, meeting_rules
from shared.overview import Totals, totals
from shared.questions import list_questions, pending_list
from shared.reference import by_folded_name
from shared.registrations import speakers_in_order
from shared.text import mask_phone

Row = dict[str, Any]


@dataclass
class Speaker:
    number: int
    name: str
    village: str
    org: str
    kind: str
    summary: str
    phone: str
    questions: list[Row] = field(default_factory=list)
    spoke: bool = True
    """False for a citizen who only handed in a written question."""
    people: int = 1
    """How many share the opinion, as registered."""


@dataclass
class MeetingRecord:
    meeting: Row
    speakers: list[Speaker]
    standalone: list[Row]
    pending: list[Row]
    """The follow-up list as it stands now (extensions, transfers, answers)."""
    totals: Totals
    program: list[str]
    notice_due: dt.date
    notice_rule: Rule
    decided: list[Row] = field(default_factory=list)
    """The same items as the meeting decided them, before any follow-up: what the minutes,
    the notice and the handout print (a document records its day)."""
    as_of: dt.date | None = None
    """The day of the last change recorded for the meeting: the follow-up list's status
    is as of that day (the same data give the same file, whenever exported)."""
    chair_position: str = ""
    """The chair's position for the signature block: the meeting's setting, else the
    officials list's; "" when neither knows it."""

    @property
    def draft(self) -> bool:
        return self.meeting["status"] != "closed"

    @property
    def date(self) -> dt.date:
        return dt.date.fromisoformat(self.meeting["date"])


def gather(store: Store, meeting_id: int) -> MeetingRecord:
    """The meeting, who spoke (or raised a question) with their questions, the written
    questions, the pending list, the totals, the program and the notice's due date."""
    meeting = get_meeting(store, meeting_id)
    by_registration: dict[int, list[Row]] = {}
    standalone: list[Row] = []
    before = decided_values(store, meeting_id)
    for question in as_decided(list_questions(store, meeting_id), before):
        if question["registration_id"] is None:
            standalone.append(question)
        else:
            by_registration.setdefault(question["registration_id"], []).append(question)
    speakers = [
        Speaker(
            r["number"],
            r["name"],
            r["village"],
            r["org"],
            r["kind"],
            r["summary"],
            mask_phone(r["phone"]),
            by_registration.get(r["id"], []),
            r["status"] == "done",
            r["people"],
        )
        for r in speakers_in_order(store, meeting_id)
    ]
    pending = pending_list(store, meeting_id)
    bodies = {
        row["id"]: row["body_name"] for row in store.all("SELECT id, body_name FROM officials")
    }
    for item in pending:
        item["answering_body"] = bodies.get(item["official_id"], "")
    decided = sorted(
        as_decided([dict(item) for item in pending], before),
        key=lambda item: (item["body_name"], item["deadline"], item["number"]),
    )
    rule = meeting_rules(meeting)["conclusion_notice"]
    due = store.calendar.deadline(dt.date.fromisoformat(meeting["date"]), rule)
    program = [s["title"] for s in steps(store, meeting_id)]
    return MeetingRecord(
        meeting,
        speakers,
        standalone,
        pending,
        totals(store, meeting_id),
        program,
        due,
        rule,
        decided,
        last_change(store, meeting_id) or dt.date.fromisoformat(meeting["date"]),
        chair_position(store, meeting),
    )


def last_change(store: Store, meeting_id: int) -> dt.date | None:
    found = store.one("SELECT max(at) AS at FROM events WHERE meeting_id = ?", (meeting_id,))
    return dt.date.fromisoformat(found["at"][:10]) if found and found["at"] else None


def decided_values(store: Store, meeting_id: int) -> dict[int, Row]:
    """{question id: {column: value}} for each column follow-up changed: its value before
    the first follow-up event that changed it, i.e. as the meeting decided it."""
    found: dict[int, Row] = {}
    for event in store.all(
        "SELECT subject, data FROM events WHERE meeting_id = ? AND kind LIKE 'followup.%'"
        " ORDER BY id",
        (meeting_id,),
    ):
        before = json.loads(event["data"]).get("before") or {}
        question = int(str(event["subject"]).removeprefix("question:"))
        for column, value in before.items():
            found.setdefault(question, {}).setdefault(column, value)
    return found


def as_decided(rows: list[Row], before: dict[int, Row]) -> list[Row]:
    for row in rows:
        row.update(before.get(row["id"], {}))
    return rows


def chair_position(store: Store, meeting: Row) -> str:
    """The meeting's chair position setting, else the officials list's entry for the
    chair (by name, ignoring case and diacritics), else ""."""
    if meeting.get("chair_position"):
        return str(meeting["chair_position"])
    official = by_folded_name(store, "officials", meeting["chair"]) if meeting["chair"] else None
    return str(official["position"]) if official else ""
