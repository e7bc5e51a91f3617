"""Opinions coming back: each gathered opinion matched against the items of earlier
meetings, open or closed ("đã nêu tại hội nghị ngày 10/02/2026 (ý kiến số 12) — chưa giải
quyết, quá hạn 20 ngày"), so the chair knows what is raised for the second or third time.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any, NamedTuple

from shared.db import Store
from shared.i18n import tr, trn
from shared.meetings import get_meeting
from shared.similar import RECUR_SCORE, Index, Text
from shared.specs import FOLLOWED_UP
from shared.text import show_date

Row = dict[str, Any]


class Earlier(NamedTuple):
    """An item of an earlier meeting that an opinion repeats, and what became of it. (A
    named tuple: recurrence makes thousands at once.)"""

    question_id: int
    number: int
    meeting_id: int
    meeting_date: str
    score: float
    outcome: str
    followup_status: str
    deadline: str
    answered_on: str

    def state(self, today: dt.date) -> str:
        """ "overdue", "open", "answered", "closed" or "none" (no outcome recorded)."""
        if self.outcome in FOLLOWED_UP and self.followup_status == "open":
            return "overdue" if self.deadline and self.deadline < today.isoformat() else "open"
        if self.answered_on or self.outcome == "answered":
            return "answered"
        return "closed" if self.outcome else "none"

    def overdue_days(self, today: dt.date) -> int:
        return (today - dt.date.fromisoformat(self.deadline)).days if self.deadline else 0

    def told(self, lang: str, today: dt.date) -> str:
        """In words, as the list, the briefing and the chair show it."""
        state = self.state(today)
        if state == "overdue":
            what = trn(
                "not settled, {n} day overdue",
                "not settled, {n} days overdue",
                self.overdue_days(today),
                lang,
            )
        elif state == "open":
            what = tr("not settled, due {date}", lang, date=show_date(self.deadline))
        elif state == "answered":
            what = tr(
                "answered on {date}", lang, date=show_date(self.answered_on or self.meeting_date)
            )
        elif state == "closed":
            what = tr("follow-up closed", lang)
        else:
            what = tr("no outcome recorded", lang)
        return tr(
            "raised at the meeting of {date} (opinion no. {number}) — {state}",
            lang,
            date=show_date(self.meeting_date),
            number=self.number,
            state=what,
        )


_EARLIER = (
    " FROM questions q JOIN meetings m ON m.id = q.meeting_id"
    " WHERE m.date < ? AND q.outcome <> 'withdrawn' AND q.grouped_into IS NULL"
)
_DETAILS = (
    "SELECT q.id, q.number, q.summary, q.field, q.outcome, q.followup_status, q.deadline,"
    " q.answered_on, q.meeting_id, m.date AS meeting_date"
)


def earlier_items(store: Store, meeting: Row) -> list[Row]:
    """Every item of the meetings held before this one (withdrawn ones aside), a group
    counted once."""
    return store.all(_DETAILS + _EARLIER, (meeting["date"],))


def _earlier(row: Row, value: float) -> Earlier:
    return Earlier(
        row["id"],
        row["number"],
        row["meeting_id"],
        row["meeting_date"],
        round(value, 1),
        row["outcome"],
        row["followup_status"],
        row["deadline"],
        row["answered_on"],
    )


def _repeats(
    opinions: Sequence[Row], earlier: Sequence[tuple[int, str, str]], threshold: float
) -> dict[int, list[tuple[int, float]]]:
    """For each opinion (by id) the (earlier item's id, score) pairs it repeats."""
    asked = Text.many([(row["id"], row["summary"], row["field"]) for row in opinions])
    index = Index(Text.many(earlier), also=asked)
    found = {}
    for text in asked:
        pairs = [(other.key, value) for other, value in index.matches(text, threshold)]
        if pairs:
            found[text.key] = pairs
    return found


def _latest_first(repeats: list[Earlier]) -> list[Earlier]:
    return sorted(repeats, key=lambda e: (e.meeting_date, e.number), reverse=True)


def match(
    opinions: Sequence[Row], earlier: Sequence[Row], threshold: float = RECUR_SCORE
) -> dict[int, list[Earlier]]:
    """For each opinion (by id) the earlier items it repeats, the latest meeting first."""
    items = {row["id"]: row for row in earlier}
    texts = [(row["id"], row["summary"], row["field"]) for row in earlier]
    return {
        key: _latest_first([_earlier(items[other], value) for other, value in pairs])
        for key, pairs in _repeats(opinions, texts, threshold).items()
    }


def of_meeting(store: Store, meeting_id: int, opinions: Sequence[Row]) -> dict[int, list[Earlier]]:
    """`match` against the items of the meetings held before `meeting_id` (read as plain
    rows: 20,000 of them as dictionaries take longer than the matching)."""
    if not opinions:
        return {}
    day = (get_meeting(store, meeting_id)["date"],)
    rows = {row[0]: row for row in store.conn.execute(_DETAILS + _EARLIER, day).fetchall()}
    found = _repeats(opinions, [(r[0], r[2], r[3]) for r in rows.values()], RECUR_SCORE)
    return {
        key: _latest_first([_from_row(rows[other], value) for other, value in pairs])
        for key, pairs in found.items()
    }


def _from_row(row: tuple[Any, ...], value: float) -> Earlier:
    """`_earlier` from a plain row of `_DETAILS`, by position."""
    key, number, _, _, outcome, status, deadline, answered_on, meeting_id, day = row
    return Earlier(
        key, number, meeting_id, day, round(value, 1), outcome, status, deadline, answered_on
    )


class RaisedBefore:
    """What earlier meetings heard of each opinion, worked out once per opinion: a station
    (the console's offers, the chair) asks again on every refresh, and the earlier
    meetings' items do not change during this one."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._found: dict[int, list[Earlier]] = {}

    def of(self, opinion: Row) -> list[Earlier]:
        key = int(opinion["id"])
        if key not in self._found:
            found = of_meeting(self.store, int(opinion["meeting_id"]), [opinion])
            self._found[key] = found.get(key, [])
        return self._found[key]
