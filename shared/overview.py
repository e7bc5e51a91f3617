"""What the chair glances at: totals of the meeting, its pending items by body, and the
items of earlier meetings that are overdue."""

from __future__ import annotations

import datetime as dt
from typing import Any

from shared.db import Store
from shared.questions import items

Row = dict[str, Any]


def totals(store: Store, meeting_id: int) -> dict[str, int]:
    """Registered, spoken, and questions by outcome."""
    registered, spoken = store.conn.execute(
        "SELECT count(*), count(*) FILTER (WHERE status = 'done') FROM registrations"
        " WHERE meeting_id = ?",
        (meeting_id,),
    ).fetchone()
    counts = dict(
        store.conn.execute(
            "SELECT outcome, count(*) FROM questions WHERE meeting_id = ? GROUP BY outcome",
            (meeting_id,),
        ).fetchall()
    )
    return {
        "registered": registered,
        "spoken": spoken,
        "questions": sum(counts.values()),
        "answered": counts.get("answered", 0),
        "pending": counts.get("pending", 0),
        "transferred": counts.get("transferred", 0),
        "written": counts.get("written", 0),
    }


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
