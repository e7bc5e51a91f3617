"""Periodic reports on the items: by body, field, outcome and kind; answered on time,
late, or still open; the citizens' satisfaction. Monthly, Q1, 6 months, 9 months, year."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field

from shared import recurrence
from shared.db import Store
from shared.i18n import UserError
from shared.specs import FOLLOWED_UP, OUTCOMES

_PERIOD = re.compile(r"(\d{4})(?:-(Q1|H1|9M|0[1-9]|1[0-2]))?")
_MONTHS = {"Q1": 3, "H1": 6, "9M": 9}


@dataclass(frozen=True)
class Period:
    name: str
    start: dt.date
    end: dt.date  # inclusive


def parse_period(text: str) -> Period:
    """2026-Q1, 2026-H1, 2026-9M, 2026 or 2026-03."""
    found = _PERIOD.fullmatch(text.strip().upper())
    if not found:
        raise UserError(
            "Not a report period: {period} (e.g. 2026-Q1, 2026-H1, 2026-9M, 2026, 2026-03).",
            period=text,
        )
    year, part = int(found.group(1)), found.group(2)
    if part is None:
        return Period(text, dt.date(year, 1, 1), dt.date(year, 12, 31))
    if part in _MONTHS:
        last = _MONTHS[part]
        return Period(
            text, dt.date(year, 1, 1), dt.date(year, last, calendar.monthrange(year, last)[1])
        )
    month = int(part)
    return Period(
        text, dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
    )


@dataclass
class Report:
    period: Period
    meetings: int = 0
    open_meetings: int = 0
    """Of `meetings`, those not yet closed: their figures may still change."""
    questions: int = 0
    raised_again: int = 0
    """Of `questions`, those that repeat an item of an earlier meeting (recurrence)."""
    by_outcome: Counter[str] = field(default_factory=Counter)
    by_body: Counter[str] = field(default_factory=Counter)
    by_field: Counter[str] = field(default_factory=Counter)
    by_kind: Counter[str] = field(default_factory=Counter)
    on_time: int = 0
    late: int = 0
    still_open: int = 0
    overdue: int = 0
    # A transfer's duty here is telling the citizen by its deadline (Quy định 11-QĐi/TW);
    # the competent body's answer is not this authority's to count: counted apart.
    told_on_time: int = 0
    told_late: int = 0
    not_told: int = 0
    not_told_overdue: int = 0
    satisfaction: Counter[str] = field(default_factory=Counter)


def build(store: Store, period: Period, today: dt.date | None = None) -> Report:
    """Questions of the meetings held in the period; the follow-up as of `today`."""
    day = (today or dt.date.today()).isoformat()
    report = Report(period)
    report.meetings = store.conn.execute(
        "SELECT count(*) FROM meetings WHERE date BETWEEN ? AND ?",
        (period.start.isoformat(), period.end.isoformat()),
    ).fetchone()[0]
    report.open_meetings = store.conn.execute(
        "SELECT count(*) FROM meetings WHERE date BETWEEN ? AND ? AND status <> 'closed'",
        (period.start.isoformat(), period.end.isoformat()),
    ).fetchone()[0]
    rows = store.all(
        "SELECT q.* FROM questions q JOIN meetings m ON m.id = q.meeting_id"
        " WHERE m.date BETWEEN ? AND ? AND q.outcome <> ''",
        (period.start.isoformat(), period.end.isoformat()),
    )
    report.raised_again = _raised_again(store, rows)
    for row in rows:
        report.questions += 1
        report.by_outcome[row["outcome"]] += 1
        report.by_field[row["field"] or "Khác"] += 1
        report.by_kind[row["kind"]] += 1
        if row["outcome"] not in FOLLOWED_UP:
            continue
        report.by_body[row["body_name"] or "(chưa giao)"] += 1
        report.satisfaction[row["satisfaction"] or "unknown"] += 1
        if OUTCOMES[row["outcome"]].transfer:
            _count_transfer(report, row, day)
        elif row["followup_status"] == "open":
            report.still_open += 1
            report.overdue += int(bool(row["deadline"]) and row["deadline"] < day)
        elif row["answered_on"] and row["deadline"] and row["answered_on"] > row["deadline"]:
            report.late += 1
        else:
            report.on_time += 1
    return report


def _raised_again(store: Store, rows: list[dict[str, str]]) -> int:
    """How many of the period's items (those counted in `questions`) repeat an item of a
    meeting held before their own, open or closed, withdrawn ones aside."""
    by_meeting: dict[int, list[dict[str, str]]] = {}
    for row in rows:
        by_meeting.setdefault(int(row["meeting_id"]), []).append(row)
    return sum(
        len(recurrence.of_meeting(store, meeting_id, found))
        for meeting_id, found in by_meeting.items()
    )


def _count_transfer(report: Report, row: dict[str, str], day: str) -> None:
    """On time when the citizen was told by the deadline, whatever the competent body
    has done since; overdue only when not told and the deadline has passed."""
    told, deadline = row["informed_on"], row["deadline"]
    if told:
        if deadline and told > deadline:
            report.told_late += 1
        else:
            report.told_on_time += 1
    else:
        report.not_told += 1
        report.not_told_overdue += int(bool(deadline) and deadline < day)
