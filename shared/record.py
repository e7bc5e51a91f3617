"""Everything the documents say about one meeting, gathered once, in a stable order.

Phone numbers are masked here, so no document can print one.
"""

from __future__ import annotations

import datetime as dt
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


@dataclass
class MeetingRecord:
    meeting: Row
    speakers: list[Speaker]
    standalone: list[Row]
    pending: list[Row]
    totals: Totals
    program: list[str]
    notice_due: dt.date
    notice_rule: Rule
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
    for question in list_questions(store, meeting_id):
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
        )
        for r in speakers_in_order(store, meeting_id)
    ]
    pending = pending_list(store, meeting_id)
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
        chair_position(store, meeting),
    )


def chair_position(store: Store, meeting: Row) -> str:
    """The meeting's chair position setting, else the officials list's entry for the
    chair (by name, ignoring case and diacritics), else ""."""
    if meeting.get("chair_position"):
        return str(meeting["chair_position"])
    official = by_folded_name(store, "officials", meeting["chair"]) if meeting["chair"] else None
    return str(official["position"]) if official else ""
