"""After the meeting: every open item followed until it is answered and the citizen told.

An item is a question whose outcome was pending, transferred or a written reply. Each
update is one core call and one event on `question:ID`, so an item's history is its
events.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from shared import events
from shared.db import Store, now_iso
from shared.events import EventKind
from shared.i18n import N_, UserError
from shared.meetings import parse_date
from shared.questions import get_question, items
from shared.reference import UnknownBody, add_body, find_body
from shared.specs import FOLLOWED_UP
from shared.text import clean, fold

Row = dict[str, Any]

# Where an open item stands, in words: the stored `progress` is never shown as it is.
PROGRESS: dict[str, str] = {
    "": N_("new"),
    "in_progress": N_("in progress"),
    "answered": N_("answered"),
    "extended": N_("deadline extended"),
    "transferred": N_("forwarded"),
}
SATISFACTION_LABELS: dict[str, str] = {
    "satisfied": N_("Satisfied"),
    "not_satisfied": N_("Not satisfied"),
    "not_asked": N_("Not asked"),
}
SATISFACTION = tuple(SATISFACTION_LABELS)


def progress_label(progress: str | None) -> str:
    """msgid of an item's stage ("" is an item nobody has touched yet)."""
    return PROGRESS.get(progress or "", N_("new"))


def _open_item(store: Store, question_id: int) -> Row:
    item = get_question(store, question_id)
    if item["outcome"] not in FOLLOWED_UP:
        raise UserError("Question #{question} is not an item to follow up.", question=question_id)
    return item


def _update(
    store: Store,
    question_id: int,
    kind: EventKind,
    changes: Row | Callable[[], Row],
    *,
    must_be_open: bool = True,
) -> Row:
    """`changes` made in one transaction with their event; a callable is called inside it,
    once the item is known to be open (so what it writes is undone with a refusal)."""
    with store.write():
        item = _open_item(store, question_id)
        if must_be_open and item["followup_status"] != "open":
            raise UserError("Item #{question} is closed.", question=question_id)
        if callable(changes):
            changes = changes()
        changes["updated_at"] = now_iso()
        old = {column: item[column] for column in changes}
        store.update("questions", question_id, changes)
        events.record(
            store,
            kind,
            item["meeting_id"],
            f"question:{question_id}",
            **{k: v for k, v in changes.items() if k != "updated_at"},
            before={k: v for k, v in old.items() if k != "updated_at"},
        )
    return get_question(store, question_id)


def start(store: Store, question_id: int) -> Row:
    return _update(store, question_id, EventKind.FOLLOWUP_IN_PROGRESS, {"progress": "in_progress"})


def answer(store: Store, question_id: int, *, on: str, document: str, summary: str) -> Row:
    """The body answered (date, document number, the answer in brief): the item closes."""
    return _update(
        store,
        question_id,
        EventKind.FOLLOWUP_ANSWERED,
        {
            "progress": "answered",
            "answered_on": parse_date(on),
            "answer_doc": clean(document, N_("Transfer document number"), max_len=100),
            "answer_summary": clean(summary, N_("Answer"), max_len=4000, required=True),
            "followup_status": "closed",
        },
    )


def extend(store: Store, question_id: int, *, deadline: str, reason: str) -> Row:
    item = _open_item(store, question_id)
    new = parse_date(deadline)
    if new <= item["deadline"]:
        raise UserError(
            "The new deadline {deadline} must be after the current one, {current}.",
            deadline=new,
            current=item["deadline"],
        )
    return _update(
        store,
        question_id,
        EventKind.FOLLOWUP_EXTENDED,
        {
            "progress": "extended",
            "deadline": new,
            "deadline_basis": "extended",
            "extension_reason": clean(reason, N_("Reason"), max_len=500, required=True),
        },
    )


def transfer(store: Store, question_id: int, *, body: str, new_body: str = "") -> Row:
    """Passed on to another body. A body not in the list is `UnknownBody`, unless the
    person confirmed it is a new one (`new_body`, its name again): then it joins the list
    in the same transaction."""
    try:
        found: Row | None = find_body(store, body)
    except UnknownBody as unknown:
        if fold(new_body) != fold(unknown.name):
            raise
        found = None

    def changes() -> Row:
        row = found or add_body(store, body)[0]
        return {"progress": "transferred", "body_id": row["id"], "body_name": row["name"]}

    return _update(store, question_id, EventKind.FOLLOWUP_TRANSFERRED, changes)


def inform(store: Store, question_id: int, *, on: str, how: str) -> Row:
    """The citizen was told the result (date, and how: letter, phone, in person)."""
    return _update(
        store,
        question_id,
        EventKind.FOLLOWUP_INFORMED,
        {
            "informed_on": parse_date(on),
            "informed_how": clean(how, N_("How the citizen was told"), max_len=200, required=True),
        },
        must_be_open=False,
    )


def rate(store: Store, question_id: int, satisfaction: str) -> Row:
    if satisfaction not in SATISFACTION:
        raise UserError(
            "Unknown satisfaction: {value} (choose: {choices}).",
            value=satisfaction,
            choices=", ".join(SATISFACTION),
        )
    return _update(
        store,
        question_id,
        EventKind.FOLLOWUP_SATISFACTION,
        {"satisfaction": satisfaction},
        must_be_open=False,
    )


def history(store: Store, question_id: int) -> list[Row]:
    """Every event of the item, oldest first, without the undo bookkeeping."""
    _open_item(store, question_id)
    return events.history(store, f"question:{question_id}")


def open_items(
    store: Store,
    *,
    today: dt.date | None = None,
    meeting_id: int | None = None,
    body: str = "",
    field: str = "",
    progress: str = "",
    overdue: bool = False,
    due_within: int | None = None,
) -> list[Row]:
    """Open items across meetings with the filters of the follow-up screen; each row says
    whether it is overdue on `today`."""
    day = today or dt.date.today()
    limit = store.calendar.add_working_days(day, due_within).isoformat() if due_within else ""
    found = []
    for item in items(store, open_only=True):
        item["overdue"] = bool(item["deadline"]) and item["deadline"] < day.isoformat()
        if meeting_id is not None and item["meeting_id"] != meeting_id:
            continue
        if body and item["body_name"] != find_body(store, body)["name"]:
            continue
        if field and item["field"].casefold() != field.casefold():
            continue
        if progress and item["progress"] != progress:
            continue
        if overdue and not item["overdue"]:
            continue
        if limit and not (item["deadline"] and item["deadline"] <= limit):
            continue
        found.append(item)
    return found


def lookup(store: Store, code: str) -> Row:
    """What a citizen's lookup code shows: their own items' status, body, deadline and
    answer, and nothing about anyone else (not even their own name)."""
    from shared.registrations import by_code

    registration = by_code(store, code)
    meeting = store.one(
        "SELECT title, date FROM meetings WHERE id = ?", (registration["meeting_id"],)
    )
    assert meeting is not None
    found = store.all(
        "SELECT number, summary, outcome, body_name, deadline, progress, followup_status,"
        " answer, answer_summary, answered_on FROM questions WHERE registration_id = ?"
        " ORDER BY number",
        (registration["id"],),
    )
    return {
        "number": registration["number"],
        "meeting": meeting["title"],
        "meeting_date": meeting["date"],
        "status": registration["status"],
        "items": found,
    }
