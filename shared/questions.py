"""Questions raised at the meeting, who answers them, and what became of them."""

from __future__ import annotations

import datetime as dt
from typing import Any

from shared import events
from shared.db import Store, now_iso
from shared.events import EventKind
from shared.i18n import N_, Label, UserError
from shared.meetings import editable_meeting, get_meeting, meeting_rules, parse_date
from shared.reference import (
    UnknownBody,
    add_body,
    by_folded_name,
    check_field,
    find_body,
    find_official,
)
from shared.registrations import by_number, parse_kind
from shared.specs import FOLLOWED_UP, OUTCOMES, QUESTION_SUMMARY_LIMIT
from shared.text import clean, fold

Row = dict[str, Any]
SOURCES = ("spoken", "written", "pre_collected")


def find_question(store: Store, question_id: int) -> Row | None:
    return store.one("SELECT * FROM questions WHERE id = ?", (question_id,))


def get_question(store: Store, question_id: int) -> Row:
    row = find_question(store, question_id)
    if row is None:
        raise UserError("There is no question {question}.", question=question_id)
    return row


def _chair_official(store: Store, meeting: Row) -> Row | None:
    return by_folded_name(store, "officials", meeting["chair"]) if meeting["chair"] else None


def add_question(
    store: Store,
    meeting_id: int,
    *,
    summary: str = "",
    number: int | None = None,
    source: str | None = None,
    field: str = "",
    kind: str = "",
    official: str = "",
    raised_by: str = "",
    raised_village: str = "",
) -> Row:
    """Log a question, from a registered speaker (`number`) or standalone (written or
    collected before the meeting). The summary and field default to the registration's,
    the answering official to the chair."""
    if source is not None and source not in SOURCES:
        raise UserError("Unknown source: {source}.", source=source)
    registration = by_number(store, meeting_id, number) if number is not None else None
    source = source or ("spoken" if registration else "written")
    summary = clean(
        summary or (registration or {}).get("summary"),
        N_("Summary"),
        max_len=QUESTION_SUMMARY_LIMIT,
        required=True,
    )
    field = check_field(
        store, clean(field or (registration or {}).get("field"), N_("Field"), max_len=100)
    )
    kind = parse_kind(kind or (registration or {}).get("kind") or "kien_nghi")
    meeting = get_meeting(store, meeting_id)
    answerer = find_official(store, official) if official else _chair_official(store, meeting)
    at = now_iso()
    row: Row = {
        "meeting_id": meeting_id,
        "registration_id": registration["id"] if registration else None,
        "source": source,
        "raised_by": clean(raised_by, N_("Full name"), max_len=200),
        "raised_village": clean(raised_village, N_("Village / residential group"), max_len=100),
        "summary": summary,
        "field": field,
        "kind": kind,
        "official_id": answerer["id"] if answerer else None,
        "official_name": answerer["name"] if answerer else "",
        "official_position": answerer["position"] if answerer else "",
        "created_at": at,
        "updated_at": at,
    }
    question_id = add_row(store, row, registration=number, source=source, field=field)
    return get_question(store, question_id)


def add_row(store: Store, row: Row, **said: Any) -> int:
    """Store a checked question row with its number, and its event (the number first,
    then `said`), in one transaction of an editable meeting."""
    with store.write():
        editable_meeting(store, row["meeting_id"])
        question_id = insert_question(store, row)
        events.record(
            store,
            EventKind.QUESTION_ADDED,
            row["meeting_id"],
            f"question:{question_id}",
            number=row["number"],
            **said,
        )
    return question_id


def insert_question(store: Store, row: Row) -> int:
    """Insert inside the caller's transaction, taking the meeting's next question number."""
    row["number"] = store.conn.execute(
        "SELECT COALESCE(MAX(number), 0) + 1 FROM questions WHERE meeting_id = ?",
        (row["meeting_id"],),
    ).fetchone()[0]
    return store.insert("questions", row)


def assign(store: Store, question_id: int, official: str) -> Row:
    answerer = find_official(store, official)
    with store.write():
        question = get_question(store, question_id)
        editable_meeting(store, question["meeting_id"])
        changes = {
            "official_id": answerer["id"],
            "official_name": answerer["name"],
            "official_position": answerer["position"],
            "updated_at": now_iso(),
        }
        store.update("questions", question_id, changes)
        old = {column: question[column] for column in changes}
        events.record(
            store,
            EventKind.QUESTION_ASSIGNED,
            question["meeting_id"],
            f"question:{question_id}",
            official_id=answerer["id"],
            official=answerer["name"],
            _undo={"questions": {question_id: old}},
        )
    return get_question(store, question_id)


def propose_deadline(
    store: Store, meeting: Row, outcome: str, rule_name: str = ""
) -> tuple[str, str, str]:
    """The deadline the meeting's rule gives an outcome, or the rule named (one of the
    meeting's time limits, e.g. citizen_notice): (ISO date, rule name, basis)."""
    rules = meeting_rules(meeting)
    rule_name = rule_name or OUTCOMES[outcome].deadline_rule
    if rule_name not in rules:
        raise UserError(
            "Unknown deadline rule: {rule} (choose: {choices}).",
            rule=rule_name,
            choices=", ".join(rules),
        )
    rule = rules[rule_name]
    start = dt.date.fromisoformat(meeting["date"])
    return store.calendar.deadline(start, rule).isoformat(), rule_name, str(rule)


# How high a body's level is, in the words the bodies list uses and as meeting levels.
RANKS = {  # folded, so "Tỉnh", "tinh" and "tỉnh" are one level
    "xa": 1,
    "phuong": 1,
    "thi tran": 1,
    "dac khu": 1,
    "commune": 1,
    "huyen": 2,
    "quan": 2,
    "district": 2,
    "tinh": 3,
    "province": 3,
    "trung uong": 4,
}


def above_meeting(store: Store, meeting: Row, body_id: int | None) -> None:
    """Refuse a task for a body above the meeting's authority: a commune assigns tasks
    only to bodies under it; a provincial body receives a transfer, not a task."""
    body = store.one("SELECT * FROM bodies WHERE id = ?", (body_id,)) if body_id else None
    level = RANKS.get(str(meeting["level"]), 0)
    if body and level and RANKS.get(fold(body["level"]), 0) > level:
        raise UserError(
            "{body} is a body of a higher level ({level}): the meeting cannot assign it a task. "
            "Record the item as transferred, with the transfer document.",
            body=body["name"],
            level=body["level"],
        )


def _required(value: str, label: str, max_len: int = 300) -> str:
    return clean(value, label, max_len=max_len, required=True)


def set_outcome(
    store: Store,
    question_id: int,
    outcome: str,
    *,
    answer: str = "",
    body: str = "",
    deadline: str = "",
    level: str = "",
    document: str = "",
    rule: str = "",
    new_body: str = "",
) -> Row:
    """Record (or change, until the meeting closes) what became of a question.

    answered needs the answer; pending a responsible body (the deadline defaults to the
    meeting's rule); transferred the body, its level and the transfer document number.
    The deadline is a date, or a rule of the meeting's (`rule`), or else the outcome's
    own rule. A body not yet in the list is `UnknownBody`, unless the person confirmed
    it is a new one (`new_body`, its name again): then it is added in the same transaction.
    """
    if outcome not in OUTCOMES:
        raise UserError(
            "Unknown outcome: {outcome} (choose: {choices}).",
            outcome=outcome,
            choices=", ".join(OUTCOMES),
        )
    question = get_question(store, question_id)
    meeting = get_meeting(store, question["meeting_id"])
    changes: Row = {
        "outcome": outcome,
        "answer": clean(answer, N_("Answer"), max_len=4000),
        "body_id": None,
        "body_name": "",
        "transfer_level": "",
        "transfer_doc": "",
        "deadline": "",
        "deadline_rule": "",
        "deadline_basis": "",
        "followup_status": "open" if outcome in FOLLOWED_UP else "closed",
        "updated_at": now_iso(),
    }
    spec = OUTCOMES[outcome]
    if "answer" in spec.needs:
        changes["answer"] = _required(answer, N_("Answer"), 4000)
    unknown: UnknownBody | None = None
    if "body" in spec.needs or body:
        try:
            found = find_body(store, _required(body, N_("Responsible body")))
            changes.update(body_id=found["id"], body_name=found["name"])
        except UnknownBody as error:
            unknown = error
    if not spec.transfer and changes["body_name"]:
        above_meeting(store, meeting, changes["body_id"])
    if "level" in spec.needs:
        changes["transfer_level"] = _required(level, N_("Level"), 50)
    if "document" in spec.needs:
        changes["transfer_doc"] = _required(document, N_("Transfer document number"), 100)
    if (deadline.strip() or rule) and not spec.deadline_rule:
        raise UserError(
            'The outcome "{outcome}" has no deadline; leave the deadline and its rule out.',
            outcome=Label(spec.label),
        )
    if deadline.strip() and rule:
        raise UserError("Give either a deadline or a rule to count it by, not both.")
    if spec.deadline_rule:
        proposed, rule_name, basis = propose_deadline(store, meeting, outcome, rule)
        changes.update(deadline=proposed, deadline_rule=rule_name, deadline_basis=basis)
        if deadline and parse_date(deadline) != proposed:
            changes.update(deadline=parse_date(deadline), deadline_basis="manual")
            if changes["deadline"] < meeting["date"]:
                raise UserError(
                    "The deadline {deadline} is before the meeting.", deadline=changes["deadline"]
                )
    # asked last, so a yes to "add the body?" is not followed by another refusal
    adding = clean(body, N_("Responsible body"), max_len=200) if unknown else ""
    if unknown and fold(new_body) != fold(unknown.name):
        raise unknown
    with store.write():
        editable_meeting(store, question["meeting_id"])
        current = get_question(store, question_id)
        if adding:
            added, _ = add_body(store, adding, changes["transfer_level"])
            changes.update(body_id=added["id"], body_name=added["name"])
        store.update("questions", question_id, changes)
        old = {column: current[column] for column in changes}
        logged = {k: v for k, v in changes.items() if k not in ("updated_at", "answer")}
        events.record(
            store,
            EventKind.QUESTION_OUTCOME,
            question["meeting_id"],
            f"question:{question_id}",
            before=current["outcome"],
            body_added=adding,
            _undo={"questions": {question_id: old}},
            **logged,
        )
    return get_question(store, question_id)


def pending_list(store: Store, meeting_id: int) -> list[Row]:
    """The meeting's questions left pending or transferred, with who raised them (the
    registered citizen, else the name written down), by body, deadline and number."""
    return store.all(
        "SELECT q.*, COALESCE(r.name, q.raised_by) AS citizen,"
        " COALESCE(r.village, q.raised_village) AS village, r.number AS ticket"
        " FROM questions q LEFT JOIN registrations r ON r.id = q.registration_id"
        f" WHERE q.meeting_id = ? AND q.outcome IN ({', '.join('?' * len(FOLLOWED_UP))})"
        " ORDER BY q.body_name, q.deadline, q.number",
        (meeting_id, *FOLLOWED_UP),
    )


def citizens_with_questions(store: Store, meeting_id: int) -> list[Row]:
    """Registrations of the meeting that raised at least one question, by number."""
    get_meeting(store, meeting_id)  # an unknown meeting is a clear error, not an empty list
    return store.all(
        "SELECT DISTINCT r.* FROM registrations r JOIN questions q"
        " ON q.registration_id = r.id WHERE r.meeting_id = ? ORDER BY r.number",
        (meeting_id,),
    )


def list_questions(store: Store, meeting_id: int) -> list[Row]:
    return store.all("SELECT * FROM questions WHERE meeting_id = ? ORDER BY number", (meeting_id,))


def questions_of(store: Store, registration_id: int) -> list[Row]:
    """One speaker's questions, in the order they were raised."""
    return store.all(
        "SELECT * FROM questions WHERE registration_id = ? ORDER BY number", (registration_id,)
    )


def items(
    store: Store,
    *,
    open_only: bool = False,
    overdue: bool = False,
    today: dt.date | None = None,
) -> list[Row]:
    """Items followed up after their meeting, across meetings, earliest deadline first."""
    sql = (
        "SELECT q.*, m.title AS meeting_title, m.date AS meeting_date,"
        " r.number AS ticket, COALESCE(r.name, q.raised_by) AS citizen,"
        " COALESCE(r.village, q.raised_village) AS village"
        " FROM questions q JOIN meetings m ON m.id = q.meeting_id"
        " LEFT JOIN registrations r ON r.id = q.registration_id"
        f" WHERE q.outcome IN ({', '.join('?' * len(FOLLOWED_UP))})"
    )
    params: list[Any] = list(FOLLOWED_UP)
    if open_only or overdue:
        sql += " AND q.followup_status = 'open'"
    if overdue:
        sql += " AND q.deadline < ?"
        params.append((today or dt.date.today()).isoformat())
    return store.all(sql + " ORDER BY q.deadline, m.date, q.number", tuple(params))


def standalone_questions(store: Store, meeting_id: int) -> list[Row]:
    """Questions with no speaker of the queue behind them (written, collected before the
    meeting), in the order they were logged: what the console lists beside a speaker's."""
    return store.all(
        "SELECT * FROM questions WHERE meeting_id = ? AND registration_id IS NULL ORDER BY number",
        (meeting_id,),
    )
