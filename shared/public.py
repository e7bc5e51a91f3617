"""What the public web face (`hallkit web`) may show, and nothing more: a citizen's own
items by their signed token or typed code, a published meeting's results, and the hall
display's state. Every function here only reads.

A token that is forged, altered, signed by another installation or for another meeting
gives `None` exactly like an unknown one, after the same work (the signature is checked
before the code is looked up), so neither the answer nor its timing tells them apart.
"""

from __future__ import annotations

from typing import Any

from shared import speaking, tokens
from shared.db import Store
from shared.followup import lookup
from shared.i18n import UserError
from shared.overview import Totals
from shared.retention import ANONYMOUS
from shared.speaking import elapsed
from shared.specs import OUTCOMES

Row = dict[str, Any]
# Stands in for a payload that is not a token at all, so its HMACs cost the same.
_DECOY_CODE = "2" * tokens.CODE_LENGTH
NEXT_SHOWN = 5


def mask_name(name: str) -> str:
    """ "Nguyễn Văn An" -> "Nguyễn V. A.": the family name, then initials."""
    words = name.split()
    if not words:
        return ""
    if len(words) == 1:
        return f"{words[0][0]}."
    return " ".join([words[0], *(f"{w[0]}." for w in words[1:])])


def citizen_by_token(store: Store, token: str) -> Row | None:
    """The citizen's own page for a signed token from their ticket's QR code, or None.

    The signature is checked before anything about the code is looked up: against every
    meeting of this installation, all of them, each in constant time. So a forged token
    for a code that exists and one for a code that does not run the very same queries
    and the same HMACs; only a genuine signature leads to the registration."""
    try:
        code, signature = tokens.parse(token)
    except UserError:
        code, signature = _DECOY_CODE, ""
    secret = _secret(store)
    genuine = ""
    for meeting in store.all("SELECT uid FROM meetings ORDER BY id"):
        uid = str(meeting["uid"])
        if tokens.signature_matches(secret, uid, code, signature) and not genuine:
            genuine = uid
    if not genuine:
        return None
    row = store.one(
        "SELECT r.code, r.name FROM registrations r JOIN meetings m ON m.id = r.meeting_id"
        " WHERE r.code = ? AND m.uid = ?",
        (code, genuine),
    )
    if row is None:
        return None
    # A purged name is a placeholder, not a name to mask ("(đã ẩ. d.").
    name = "" if row["name"] == ANONYMOUS else mask_name(row["name"])
    return {**lookup(store, row["code"]), "name": name}


def _secret(store: Store) -> str:
    """The installation's secret; a database without one (damaged, or not hallkit's)
    signs nothing, and a random stand-in makes every token fail alike."""
    try:
        return store.secret
    except (TypeError, IndexError):
        return tokens.new_secret()


def citizen_by_code(store: Store, typed: str) -> Row | None:
    """The same page for a code typed by hand ("k7qm-2d"), without the name: a typed
    code is short enough to guess, a signed token is not."""
    try:
        return {**lookup(store, typed), "name": ""}
    except UserError:
        return None


# A village is shown beside an opinion only if this many people of it spoke, by default.
VILLAGE_MIN_SPEAKERS = 3


def published_results(
    store: Store, uid: str, village_min: int = VILLAGE_MIN_SPEAKERS
) -> Row | None:
    """A published meeting's opinions by field, never the citizen's name; None for an
    unknown or unpublished meeting. Denunciations (tố cáo) are never published, not even
    counted (the law keeps the denouncer secret); withdrawn opinions are not results. A
    village is shown only where at least `village_min` people of it spoke, so that no
    one in a small hamlet is singled out."""
    meeting = store.one(
        "SELECT id, uid, title, date, place, issuing_body, published_at FROM meetings"
        " WHERE uid = ? AND published_at <> ''",
        (uid,),
    )
    if meeting is None:
        return None
    rows = store.all(
        "SELECT q.number, q.field, COALESCE(NULLIF(q.raised_village, ''), r.village, '')"
        " AS village, q.summary, q.outcome, q.answer, q.answer_summary, q.answered_on,"
        " q.body_name, q.deadline, q.progress, q.followup_status"
        " FROM questions q LEFT JOIN registrations r ON r.id = q.registration_id"
        " WHERE q.meeting_id = ? AND q.kind <> 'to_cao' AND q.outcome <> 'withdrawn'"
        " AND COALESCE(r.status, '') <> 'withdrawn'"
        " ORDER BY q.field, q.number",
        (meeting["id"],),
    )
    # People who spoke, per village: a registration once, a written question each.
    speakers = {
        row["village"]: row["people"]
        for row in store.all(
            "SELECT COALESCE(NULLIF(q.raised_village, ''), r.village, '') AS village,"
            " count(DISTINCT COALESCE('r' || q.registration_id, 'q' || q.id)) AS people"
            " FROM questions q LEFT JOIN registrations r ON r.id = q.registration_id"
            " WHERE q.meeting_id = ? GROUP BY 1",
            (meeting["id"],),
        )
    }
    by_field: dict[str, list[Row]] = {}
    by_outcome = dict.fromkeys(["", *OUTCOMES], 0)
    for row in rows:
        if speakers.get(row["village"], 0) < village_min:
            row["village"] = ""
        by_field.setdefault(row["field"], []).append(row)
        by_outcome[row["outcome"]] += 1
    return {
        **meeting,
        "by_field": by_field,
        "breakdown": [
            (label, count)
            for label, count in Totals(0, 0, by_outcome, {}).breakdown()
            if label != OUTCOMES["withdrawn"].label
        ],
    }


# The display's state when nothing is open; hall_state fills in the rest.
EMPTY_HALL: Row = {
    "meeting": "",
    "number": None,
    "state": "",
    "name": "",
    "elapsed": 0,
    "running": False,
    "limit": 0,
    "next": [],
}


def hall_state(store: Store, now: float | None = None) -> Row:
    """What the projector shows for the one open meeting: the number at the lectern and
    whether it is called, speaking or paused, the timer, the next numbers; the name only
    if the meeting allows names on the display. Plain JSON-ready values."""
    meetings = store.all(
        "SELECT id, title, display_names, speaking_seconds FROM meetings WHERE status = 'open'"
    )
    state: Row = {**EMPTY_HALL, "next": []}
    if len(meetings) > 1:
        # Two meetings open at once (one forgotten, or two halls): the one with someone
        # at the lectern, if only one has.
        marks = ",".join("?" * len(speaking.AT_LECTERN))
        meetings = [
            m
            for m in meetings
            if store.one(
                f"SELECT 1 FROM registrations WHERE meeting_id = ? AND status IN ({marks})",
                (m["id"], *speaking.AT_LECTERN),
            )
        ]
    if len(meetings) != 1:
        return state
    meeting = meetings[0]
    rows = speaking.queue(
        store,
        meeting["id"],
        "number, name, status, speech_started, speech_paused, speech_paused_total, speech_ended",
    )
    current = next((r for r in rows if r["status"] in speaking.AT_LECTERN), None)
    state["meeting"] = meeting["title"]
    state["limit"] = meeting["speaking_seconds"]
    state["next"] = [r["number"] for r in rows if r["status"] == "waiting"][:NEXT_SHOWN]
    if current is not None:
        paused = current["speech_paused"] is not None
        state["number"] = current["number"]
        state["state"] = "paused" if paused else current["status"]
        state["name"] = current["name"] if meeting["display_names"] else ""
        state["elapsed"] = int(elapsed(current, now))
        state["running"] = current["status"] == "speaking" and not paused
    return state
