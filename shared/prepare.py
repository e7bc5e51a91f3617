"""Before the meeting: the gathered opinions, grouped by the secretary, each assigned to a
body that prepares its answer by a date; which bodies are late.

A gathered opinion is a question of the meeting whose source is `pre_collected`. A group
is its first opinion (the head) and the others pointing at it (`grouped_into`): nothing
is deleted, so a group keeps every source and can be split again; the head stands for it,
with the sum of its people.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from typing import Any

from shared import events
from shared.db import Store, now_iso
from shared.events import EventKind
from shared.i18n import N_, UserError
from shared.meetings import editable_meeting, get_meeting, meeting_rules, parse_date
from shared.questions import add_row
from shared.reference import check_field, find_body, find_official
from shared.registrations import parse_kind
from shared.similar import Proposal, Text, propose_groups
from shared.specs import QUESTION_SUMMARY_LIMIT
from shared.text import clean, fold

Row = dict[str, Any]
ANSWER_LIMIT = 4000  # the limit of an answer at the meeting (questions.set_outcome)
DUE_RULE = "answers_due"  # working days before the meeting (shared/deadlines.py)


@dataclass(frozen=True)
class Urgency:
    """How pressing an opinion is (mức độ cấp thiết)."""

    key: str
    label: str
    rank: int
    words: tuple[str, ...]
    """Folded words a file may use for it."""


URGENCIES: tuple[Urgency, ...] = (
    Urgency(
        "high",
        N_("urgent"),
        0,
        ("high", "cao", "khan", "khan cap", "cap thiet", "rat cap thiet", "gap"),
    ),
    Urgency("normal", N_("normal"), 1, ("normal", "trung binh", "binh thuong", "vua")),
    Urgency("low", N_("not urgent"), 2, ("low", "thap", "khong cap thiet", "khong gap")),
)
URGENCY = {u.key: u for u in URGENCIES}


def parse_urgency(text: str) -> str:
    """ "high", "Cấp thiết", "cao" -> "high"; empty -> "normal"."""
    folded = fold(text or "")
    if not folded:
        return "normal"
    for urgency in URGENCIES:
        if folded == urgency.key or folded in urgency.words:
            return urgency.key
    raise UserError("Unknown urgency: {urgency}. Use high, normal or low.", urgency=text.strip())


def prepared_meeting(store: Store, given: int | None) -> Row:
    """The meeting named, else the one open meeting, else the one planned meeting."""
    if given is not None:
        return get_meeting(store, given)
    for status in ("open", "planned"):
        found = store.all("SELECT * FROM meetings WHERE status = ? ORDER BY id", (status,))
        if len(found) == 1:
            return found[0]
        if found:
            ids = ", ".join(str(m["id"]) for m in found)
            raise UserError("Several meetings are open ({ids}); name one with --meeting.", ids=ids)
    raise UserError("No meeting is open; name one with --meeting.")


def gathered(store: Store, meeting_id: int) -> list[Row]:
    """Every opinion gathered for the meeting, grouped or not, by number."""
    return store.all(
        "SELECT * FROM questions WHERE meeting_id = ? AND source = 'pre_collected' ORDER BY number",
        (meeting_id,),
    )


def _opinion(store: Store, question_id: int) -> Row:
    row = store.one("SELECT * FROM questions WHERE id = ?", (question_id,))
    if row is None:
        raise UserError("There is no question {question}.", question=question_id)
    if row["source"] != "pre_collected":
        raise UserError(
            "Question {question} was not gathered before the meeting.", question=question_id
        )
    return row


def _head(store: Store, question_id: int) -> Row:
    """The opinion itself if it heads a group or stands alone; refused if grouped."""
    row = _opinion(store, question_id)
    if row["grouped_into"] is not None:
        raise UserError(
            "Question {question} is grouped into question {head}; work on that one.",
            question=question_id,
            head=row["grouped_into"],
        )
    return row


def group(store: Store, question_ids: list[int]) -> Row:
    """Make the opinions one: the first given (or the group it heads) stays the head, the
    others and their own groups join it. Confirmed by the secretary, never proposed alone."""
    if len(set(question_ids)) < 2:
        raise UserError("Name at least two opinions to group.")
    with store.write():
        rows = [_opinion(store, q) for q in dict.fromkeys(question_ids)]
        heads = [
            store.one("SELECT * FROM questions WHERE id = ?", (r["grouped_into"],)) or r
            if r["grouped_into"] is not None
            else r
            for r in rows
        ]
        meeting_id = rows[0]["meeting_id"]
        if any(r["meeting_id"] != meeting_id for r in rows):
            raise UserError("Opinions of different meetings cannot be grouped.")
        editable_meeting(store, meeting_id)
        head = heads[0]
        joining = sorted({h["id"] for h in heads} - {head["id"]})
        old: dict[int, Row] = {}
        for other in joining:
            members = store.all(
                "SELECT id, grouped_into, updated_at FROM questions"
                " WHERE id = ? OR grouped_into = ?",
                (other, other),
            )
            for member in members:
                old[member["id"]] = {
                    "grouped_into": member["grouped_into"],
                    "updated_at": member["updated_at"],
                }
                store.update(
                    "questions", member["id"], {"grouped_into": head["id"], "updated_at": now_iso()}
                )
        events.record(
            store,
            EventKind.PREPARE_GROUPED,
            meeting_id,
            f"question:{head['id']}",
            joined=sorted(old),
            _undo={"questions": old},
        )
    return _opinion(store, head["id"])


def ungroup(store: Store, question_id: int) -> list[int]:
    """Take an opinion out of its group, or split the group it heads: every opinion stands
    alone again with its own sources. Returns the ids set free."""
    with store.write():
        row = _opinion(store, question_id)
        editable_meeting(store, row["meeting_id"])
        if row["grouped_into"] is not None:
            freed = [row]
        else:
            freed = store.all(
                "SELECT id, grouped_into, updated_at FROM questions WHERE grouped_into = ?",
                (question_id,),
            )
        if not freed:
            raise UserError("Question {question} is not in a group.", question=question_id)
        old = {
            f["id"]: {"grouped_into": f["grouped_into"], "updated_at": f["updated_at"]}
            for f in freed
        }
        for member in freed:
            store.update("questions", member["id"], {"grouped_into": None, "updated_at": now_iso()})
        events.record(
            store,
            EventKind.PREPARE_UNGROUPED,
            row["meeting_id"],
            f"question:{question_id}",
            freed=sorted(old),
            _undo={"questions": old},
        )
    return sorted(old)


def default_due(store: Store, meeting: Row) -> str:
    """So many working days before the meeting (the meeting's `answers_due` rule)."""
    rule = meeting_rules(meeting)[DUE_RULE]
    day = dt.date.fromisoformat(meeting["date"])
    calendar = store.calendar
    counted = 0
    while counted < rule.days:
        day -= dt.timedelta(days=1)
        if rule.basis == "calendar" or calendar.is_working_day(day):
            counted += 1
    return day.isoformat()


def assign(
    store: Store,
    question_id: int,
    body: str,
    *,
    official: str = "",
    due: str = "",
    urgency: str = "",
) -> Row:
    """Ask `body` (and an official of it) to prepare the opinion's answer by `due`
    (default: the meeting's `answers_due` rule)."""
    found = find_body(store, clean(body, N_("Responsible body"), max_len=200, required=True))
    answerer = find_official(store, official) if official.strip() else None
    with store.write():
        row = _head(store, question_id)
        meeting = editable_meeting(store, row["meeting_id"])
        changes: Row = {
            "prep_body_id": found["id"],
            "prep_body_name": found["name"],
            "prep_official_name": answerer["name"] if answerer else "",
            "prep_official_position": answerer["position"] if answerer else "",
            "prep_due": parse_date(due) if due.strip() else default_due(store, meeting),
            "updated_at": now_iso(),
        }
        if changes["prep_due"] > meeting["date"]:
            raise UserError(
                "The answer is due {due}, after the meeting ({meeting}).",
                due=changes["prep_due"],
                meeting=meeting["date"],
            )
        if urgency:
            changes["urgency"] = parse_urgency(urgency)
        store.update("questions", question_id, changes)
        events.record(
            store,
            EventKind.PREPARE_ASSIGNED,
            row["meeting_id"],
            f"question:{question_id}",
            _undo={"questions": {question_id: {k: row[k] for k in changes}}},
            **{k: v for k, v in changes.items() if k != "updated_at"},
        )
    return _opinion(store, question_id)


def clean_answer(text: str | None) -> str:
    """The same rules as every text: NFC, no control characters, the answer's limit."""
    return clean(text, N_("Answer"), max_len=ANSWER_LIMIT, required=True)


def record_answer(store: Store, row: Row, text: str, origin: str) -> None:
    """Store a prepared answer inside the caller's transaction."""
    changes = {
        "prep_answer": text,
        "prep_answered_at": now_iso(),
        "prep_answer_from": origin,
        "updated_at": now_iso(),
    }
    store.update("questions", row["id"], changes)
    events.record(
        store,
        EventKind.PREPARE_ANSWERED,
        row["meeting_id"],
        f"question:{row['id']}",
        origin=origin,
        _undo={"questions": {row["id"]: {k: row[k] for k in changes}}},
    )


def answer(store: Store, question_id: int, text: str, origin: str = "") -> Row:
    """The answer a body prepared for an opinion, typed in (replaces an earlier one)."""
    cleaned = clean_answer(text)
    with store.write():
        row = _head(store, question_id)
        editable_meeting(store, row["meeting_id"])
        record_answer(store, row, cleaned, origin or store.station)
    return _opinion(store, question_id)


@dataclass
class Opinion:
    """A gathered opinion as the office reads it: the head of its group with every source."""

    row: Row
    sources: list[Row]
    people: int
    status: str
    """"answered", "late" (due passed, no answer), "waiting" or "unassigned"."""


def answer_status(row: Row, today: dt.date) -> str:
    if row["prep_answer"]:
        return "answered"
    if not row["prep_body_name"]:
        return "unassigned"
    return "late" if row["prep_due"] and row["prep_due"] < today.isoformat() else "waiting"


def opinions(store: Store, meeting_id: int, today: dt.date | None = None) -> list[Opinion]:
    """The meeting's gathered opinions, a group as one, most urgent first, then by number."""
    day = today or dt.date.today()
    rows = gathered(store, meeting_id)
    members: dict[int, list[Row]] = {}
    for row in rows:
        if row["grouped_into"] is not None:
            members.setdefault(row["grouped_into"], []).append(row)
    found = []
    for row in rows:
        if row["grouped_into"] is not None:
            continue
        sources = [row, *members.get(row["id"], [])]
        found.append(
            Opinion(row, sources, sum(s["people"] for s in sources), answer_status(row, day))
        )
    return sorted(found, key=lambda o: (URGENCY[o.row["urgency"]].rank, o.row["number"]))


def proposals(store: Store, meeting_id: int) -> list[tuple[Proposal, list[Row]]]:
    """Opinions (or groups) of the meeting that look like one issue, with their rows:
    proposals only, until the secretary groups them."""
    heads = [r for r in gathered(store, meeting_id) if r["grouped_into"] is None]
    by_id = {r["id"]: r for r in heads}
    texts = Text.many([(r["id"], r["summary"], r["field"]) for r in heads])
    return [(p, [by_id[key] for key in p.keys]) for p in propose_groups(texts)]


def late_bodies(found: list[Opinion]) -> Counter[str]:
    """Bodies with opinions whose answer is overdue, and how many."""
    return Counter(o.row["prep_body_name"] for o in found if o.status == "late")


def add_opinion(
    store: Store,
    meeting_id: int,
    *,
    summary: str,
    village: str = "",
    raised_by: str = "",
    people: int | str = 1,
    field: str = "",
    kind: str = "",
    urgency: str = "",
    origin: str = "",
) -> Row:
    """An opinion typed in at the office (a letter, a phone call), gathered like the
    imported ones: the same rules, one event."""
    text = str(people).strip() or "1"
    if not text.isdecimal() or not 1 <= int(text) <= 10_000:
        raise UserError("Invalid number of people: {people}.", people=text)
    at = now_iso()
    row: Row = {
        "meeting_id": meeting_id,
        "source": "pre_collected",
        "raised_by": clean(raised_by, N_("Full name"), max_len=200),
        "raised_village": clean(village, N_("Village / residential group"), max_len=100),
        "people": int(text),
        "summary": clean(summary, N_("Summary"), max_len=QUESTION_SUMMARY_LIMIT, required=True),
        "field": check_field(store, clean(field, N_("Field"), max_len=100)),
        "kind": parse_kind(kind or "kien_nghi"),
        "urgency": parse_urgency(urgency),
        "origin": clean(origin, N_("Source"), max_len=200),
        "created_at": at,
        "updated_at": at,
    }
    question_id = add_row(store, row, source="pre_collected", field=row["field"])
    return _opinion(store, question_id)
