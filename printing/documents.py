"""The data a ticket or slip shows, gathered from the database at the moment it is queued."""

from __future__ import annotations

import datetime as dt
from typing import Any

from printing.layouts import Slip, SlipItem, Ticket
from shared.db import Store
from shared.meetings import get_meeting
from shared.questions import citizens_with_questions, questions_of
from shared.registrations import get_registration, payload
from shared.speaking import queue
from shared.specs import REGISTRATION_FIELDS, meeting_kind

# Time a speaker takes on average, on top of the speaking limit: the answer.
ANSWER_SECONDS = 180


def estimate(meeting: dict[str, Any], ahead: int, now: dt.datetime) -> str:
    """When this speaker may be called: after the people ahead, each with the speaking
    limit plus an answer, counted from now or from the meeting's start if later."""
    start = dt.datetime.combine(
        dt.date.fromisoformat(meeting["date"]), dt.time.fromisoformat(meeting["start_time"])
    )
    begin = max(start, now.replace(tzinfo=None))
    slot = dt.timedelta(seconds=meeting["speaking_seconds"] + ANSWER_SECONDS)
    return (begin + ahead * slot).strftime("%H:%M")


def ticket_for(
    store: Store,
    registration_id: int,
    lang: str,
    public_url: str = "",
    now: dt.datetime | None = None,
) -> Ticket:
    """The ticket as it stands now: people waiting ahead, and an estimated call time that
    also allows for whoever is at the lectern."""
    registration = get_registration(store, registration_id)
    meeting = get_meeting(store, registration["meeting_id"])
    rows = queue(store, meeting["id"])
    waiting = [r["id"] for r in rows if r["status"] == "waiting"]
    is_waiting = registration["id"] in waiting
    ahead = waiting.index(registration["id"]) if is_waiting else 0
    busy = int(any(r["status"] in ("called", "speaking") for r in rows))
    when = estimate(meeting, ahead + busy, now or dt.datetime.now()) if is_waiting else ""
    return Ticket(
        meeting_title=meeting["title"],
        meeting_date=meeting["date"],
        meeting_place=meeting["place"],
        number=registration["number"],
        name=registration["name"],
        details=tuple(
            (spec.key, registration[spec.key])
            for spec in REGISTRATION_FIELDS
            if spec.on_ticket and spec.key != "name"
        ),
        code=registration["code"],
        payload=payload(store, registration, public_url),
        ahead=ahead,
        estimated=when,
        lang=lang,
        kind=meeting_kind(meeting),
    )


def slip_for(store: Store, registration_id: int, lang: str, public_url: str = "") -> Slip:
    registration = get_registration(store, registration_id)
    meeting = get_meeting(store, registration["meeting_id"])
    items = questions_of(store, registration_id)
    return Slip(
        meeting_title=meeting["title"],
        meeting_date=meeting["date"],
        number=registration["number"],
        name=registration["name"],
        code=registration["code"],
        payload=payload(store, registration, public_url),
        items=tuple(
            SlipItem(
                i["summary"],
                i["outcome"],
                i["body_name"],
                i["deadline"],
                i["answer"],
                i["transfer_doc"],
            )
            for i in items
        ),
        lang=lang,
    )


def slip_citizens(store: Store, meeting_id: int) -> list[int]:
    """Registrations of the meeting that raised at least one question, by number."""
    return [row["id"] for row in citizens_with_questions(store, meeting_id)]
