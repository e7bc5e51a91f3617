"""What the chair glances at: totals of the meeting, its pending items by body, and the
items of earlier meetings that are overdue."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from shared.db import Store
from shared.questions import items
from shared.specs import NO_OUTCOME, OUTCOMES, OUTCOMES_SPEC

Row = dict[str, Any]


@dataclass(frozen=True)
class Totals:
    """A meeting's counts. `by_outcome` has every outcome of the spec (and "" for a
    question without one yet), so its parts always sum to `questions`."""

    registered: int
    spoken: int
    by_outcome: dict[str, int]
    by_source: dict[str, int]

    @property
    def questions(self) -> int:
        return sum(self.by_outcome.values())

    def breakdown(self) -> list[tuple[str, int]]:
        """(label msgid, count) for each outcome in the spec's order, then questions
        without an outcome if any: what every document and screen prints."""
        rows = [(spec.label, self.by_outcome[spec.key]) for spec in OUTCOMES_SPEC]
        if self.by_outcome[""]:
            rows.append((NO_OUTCOME, self.by_outcome[""]))
        return rows


def totals(store: Store, meeting_id: int) -> Totals:
    """Registered, spoken, and questions by outcome and by source: one query each."""
    registered, spoken = store.conn.execute(
        "SELECT count(*), count(*) FILTER (WHERE status = 'done') FROM registrations"
        " WHERE meeting_id = ?",
        (meeting_id,),
    ).fetchone()
    by_outcome = dict.fromkeys(["", *OUTCOMES], 0)
    by_source: dict[str, int] = {}
    for outcome, source, count in store.conn.execute(
        "SELECT outcome, source, count(*) FROM questions WHERE meeting_id = ?"
        " GROUP BY outcome, source",
        (meeting_id,),
    ):
        by_outcome[outcome] += count
        by_source[source] = by_source.get(source, 0) + count
    return Totals(registered, spoken, by_outcome, by_source)


def pending_by_body(store: Store, meeting_id: int) -> dict[str, list[Row]]:
    """Open items of this meeting grouped by responsible body, earliest deadline first."""
    grouped: dict[str, list[Row]] = {}
    for item in items(store, open_only=True):
        if item["meeting_id"] == meeting_id:
            grouped.setdefault(item["body_name"], []).append(item)
    return dict(sorted(grouped.items()))


def overdue_elsewhere(store: Store, meeting_id: int, today: dt.date | None = None) -> list[Row]:
    """Overdue items from other (earlier) meetings."""
    return [i for i in items(store, overdue=True, today=today) if i["meeting_id"] != meeting_id]
