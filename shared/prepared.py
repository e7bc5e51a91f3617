"""On the day: the opinions gathered before the meeting meet the questions spoken at it.

When the secretary logs a spoken (or written) question, the gathered opinions of the
meeting that say the same thing are offered, those of the same field first; one key links
the question to one of them. A linked question, or a gathered one, starts its outcome
from the answer and the body prepared before the meeting, and the chair reads that answer
while the question is on the floor.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from shared import events
from shared.db import Store, now_iso
from shared.events import EventKind
from shared.i18n import UserError
from shared.meetings import editable_meeting
from shared.similar import Index, Text

Row = dict[str, Any]
OFFER_SCORE = 30.0
"""At or above this score a gathered opinion is offered for a spoken question: lower than
grouping's, since it is only offered and a person chooses (bench/offer.py)."""
OFFERED = 5
"""At most this many offers, the best first."""


@dataclass(frozen=True)
class Offer:
    """A gathered opinion offered for a question, with its score."""

    row: Row
    score: float
    same_field: bool


class Offers:
    """The gathered opinions of one meeting, indexed once and again only when what the
    index reads changes (an opinion added, grouped or split: one indexed query tells):
    logging a question at the console costs a lookup, not a rebuild. A body's answer
    coming in changes no index; the offers read their rows fresh."""

    def __init__(self, store: Store, meeting_id: int) -> None:
        self.store, self.meeting_id = store, meeting_id
        self._version: tuple[Any, ...] = ()
        self._index = Index([])

    def _current(self) -> Index:
        version = tuple(
            self.store.conn.execute(
                "SELECT COUNT(*), MAX(id), COUNT(grouped_into), TOTAL(grouped_into)"
                " FROM questions WHERE meeting_id = ? AND source = 'pre_collected'",
                (self.meeting_id,),
            ).fetchone()
        )
        if version != self._version:
            rows = self.store.all(
                "SELECT id, summary, field FROM questions WHERE meeting_id = ?"
                " AND source = 'pre_collected' AND grouped_into IS NULL ORDER BY number",
                (self.meeting_id,),
            )
            self._index = Index([Text.of(r["id"], r["summary"], r["field"]) for r in rows])
            self._version = version
        return self._index

    def warm(self) -> None:
        """Build the index now (a station starting), not at the first question."""
        self._current()

    def find(self, summary: str, field: str = "", limit: int = OFFERED) -> list[Offer]:
        """The gathered opinions saying what `summary` says: those of `field` first, then
        by score."""
        index = self._current()
        asked = Text.of(0, summary, field)
        if not asked.words:
            return []
        own = index.total(asked)
        scored = []
        for position in index.candidates(asked):
            other = index.texts[position]
            value = index.score(asked, other, OFFER_SCORE, own + index.totals[position])
            if value >= OFFER_SCORE:
                same = bool(asked.field) and other.field == asked.field
                scored.append((not same, -value, other.key))
        best = sorted(scored)[:limit]
        if not best:
            return []
        keys = [key for _, _, key in best]
        rows = {
            row["id"]: row
            for row in self.store.all(
                f"SELECT * FROM questions WHERE id IN ({', '.join('?' * len(keys))})",
                tuple(keys),
            )
        }
        return [
            Offer(rows[key], round(-value, 1), not other_field)
            for other_field, value, key in best
            if key in rows
        ]


def offers(store: Store, meeting_id: int, summary: str, field: str = "") -> list[Offer]:
    """`Offers.find` once, for a command or a test (a station keeps an `Offers`)."""
    return Offers(store, meeting_id).find(summary, field)


def _head(store: Store, opinion_id: int) -> Row:
    row = store.one("SELECT * FROM questions WHERE id = ?", (opinion_id,))
    if row is None:
        raise UserError("There is no question {question}.", question=opinion_id)
    if row["source"] != "pre_collected":
        raise UserError(
            "Question {question} was not gathered before the meeting.", question=opinion_id
        )
    if row["grouped_into"] is not None:
        return _head(store, int(row["grouped_into"]))
    return row


def link(store: Store, question_id: int, opinion_id: int | None) -> Row:
    """Link a question logged at the meeting to the gathered opinion it repeats (the head
    of its group), or unlink it (`None`). Undoable."""
    with store.write():
        question = store.one("SELECT * FROM questions WHERE id = ?", (question_id,))
        if question is None:
            raise UserError("There is no question {question}.", question=question_id)
        if question["source"] == "pre_collected":
            raise UserError(
                "Question {question} was gathered before the meeting; link the question"
                " logged at the meeting instead.",
                question=question_id,
            )
        editable_meeting(store, question["meeting_id"])
        target = None
        if opinion_id is not None:
            opinion = _head(store, opinion_id)
            if opinion["meeting_id"] != question["meeting_id"]:
                raise UserError(
                    "Question {question} belongs to another meeting.", question=opinion_id
                )
            target = opinion["id"]
        old = {"linked_opinion": question["linked_opinion"], "updated_at": question["updated_at"]}
        store.update("questions", question_id, {"linked_opinion": target, "updated_at": now_iso()})
        events.record(
            store,
            EventKind.PREPARE_LINKED,
            question["meeting_id"],
            f"question:{question_id}",
            opinion=target,
            _undo={"questions": {question_id: old}},
        )
    row = store.one("SELECT * FROM questions WHERE id = ?", (question_id,))
    assert row is not None
    return row


def prepared_for(store: Store, question: Row) -> Row | None:
    """The gathered opinion whose prepared answer and body `question` starts from: the
    one it is linked to, or itself (its group's head) if it was gathered; None if neither."""
    if question.get("linked_opinion"):
        return _head(store, int(question["linked_opinion"]))
    if question["source"] == "pre_collected":
        return _head(store, int(question["id"]))
    return None


def outcome_start(store: Store, question: Row) -> dict[str, str]:
    """What the outcome dialog starts from: the question's own answer and body, else the
    prepared ones (editable there)."""
    prepared = prepared_for(store, question) or {}
    return {
        "answer": question["answer"] or prepared.get("prep_answer", ""),
        "body": question["body_name"] or prepared.get("prep_body_name", ""),
    }
