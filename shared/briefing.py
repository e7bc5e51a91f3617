"""What the chair is briefed with before the meeting, and when the public notice must go
out: the gathered opinions by field, most urgent first, with their sources, their history
and the answer prepared; the counts by field and by body; the bodies still late.

The documents themselves are written in `documents/` (briefing, public notice, cover
letters); everything they count or date is decided here, once.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from shared import prepare, recurrence
from shared.db import Store
from shared.deadlines import Rule, WorkCalendar
from shared.i18n import UserError
from shared.meetings import get_meeting, meeting_rules
from shared.prepare import URGENCY, Opinion, Row
from shared.recurrence import Earlier
from shared.text import fold, sort_key

UNASSIGNED = ""  # the body of opinions not yet assigned
OTHER_FOLDED = "khac"  # the field "Khác" (other), folded
NOTICE_RULE = "public_notice"
OPINIONS_RULE = "opinions_due"


def field_of(row: Row) -> str:
    """The opinion's field; "" for none or "other" (Khác), which closes the list and the
    documents print as "Khác"."""
    name = str(row["field"] or "")
    return "" if fold(name) == OTHER_FOLDED else name


def field_order(name: str) -> tuple[bool, tuple[tuple[tuple[int, ...], int], ...]]:
    """Vietnamese order, syllable by syllable; the other field last."""
    return name == "", sort_key(name)


@dataclass
class FieldCount:
    name: str
    opinions: int = 0
    people: int = 0
    urgent: int = 0
    raised_before: int = 0
    answered: int = 0


@dataclass
class BodyCount:
    name: str
    opinions: int = 0
    answered: int = 0
    late: int = 0
    due: str = ""
    """The earliest due date of its opinions still without an answer ("" when none)."""

    @property
    def waiting(self) -> int:
        return self.opinions - self.answered


@dataclass
class Briefing:
    meeting: Row
    today: dt.date
    opinions: list[Opinion]
    """Heads of groups and single opinions: by field, then most urgent first, then number."""
    repeats: dict[int, list[Earlier]] = field(default_factory=dict)
    fields: list[FieldCount] = field(default_factory=list)
    bodies: list[BodyCount] = field(default_factory=list)

    @property
    def meeting_day(self) -> dt.date:
        return dt.date.fromisoformat(self.meeting["date"])

    @property
    def gathered(self) -> int:
        """Opinions as they came in, before grouping."""
        return sum(len(o.sources) for o in self.opinions)

    @property
    def people(self) -> int:
        return sum(o.people for o in self.opinions)

    @property
    def late_bodies(self) -> list[BodyCount]:
        return [b for b in self.bodies if b.late]

    def by_field(self) -> list[tuple[str, list[Opinion]]]:
        found: dict[str, list[Opinion]] = {}
        for opinion in self.opinions:
            found.setdefault(field_of(opinion.row), []).append(opinion)
        return list(found.items())

    def overdue_days(self, body: BodyCount) -> int:
        return (self.today - dt.date.fromisoformat(body.due)).days if body.due else 0


def build(store: Store, meeting_id: int, today: dt.date | None = None) -> Briefing:
    """The briefing of `meeting_id` as of `today`."""
    day = today or dt.date.today()
    meeting = get_meeting(store, meeting_id)
    found = sorted(
        prepare.opinions(store, meeting_id, day),
        key=lambda o: (
            field_order(field_of(o.row)),
            URGENCY[o.row["urgency"]].rank,
            o.row["number"],
        ),
    )
    repeats = recurrence.of_meeting(store, meeting_id, [o.row for o in found]) if found else {}
    fields: dict[str, FieldCount] = {}
    bodies: dict[str, BodyCount] = {}
    for opinion in found:
        row = opinion.row
        count = fields.setdefault(field_of(row), FieldCount(field_of(row)))
        count.opinions += 1
        count.people += opinion.people
        count.urgent += row["urgency"] == "high"
        count.raised_before += row["id"] in repeats
        count.answered += opinion.status == "answered"
        body = bodies.setdefault(row["prep_body_name"], BodyCount(row["prep_body_name"]))
        body.opinions += 1
        body.answered += opinion.status == "answered"
        body.late += opinion.status == "late"
        if opinion.status != "answered" and row["prep_due"]:
            body.due = min(body.due or row["prep_due"], row["prep_due"])
    return Briefing(
        meeting,
        day,
        found,
        repeats,
        [fields[name] for name in sorted(fields, key=field_order)],
        [bodies[name] for name in sorted(bodies, key=lambda n: (n == UNASSIGNED, sort_key(n)))],
    )


def days_before(calendar: WorkCalendar, meeting_day: dt.date, rule: Rule) -> dt.date:
    """The last day that is still `rule` before the meeting: working days counted back,
    or calendar days back and then, if that is a day off, back to the working day before
    it (an office issues on working days, and "at least 7 days before" allows no later)."""
    day = meeting_day
    if rule.basis == "working":
        counted = 0
        while counted < rule.days:
            day -= dt.timedelta(days=1)
            counted += calendar.is_working_day(day)
        return day
    day -= dt.timedelta(days=rule.days)
    while not calendar.is_working_day(day):
        day -= dt.timedelta(days=1)
    return day


@dataclass(frozen=True)
class NoticeDates:
    meeting_day: dt.date
    send_by: dt.date
    """The public notice goes out on this day at the latest (public_notice rule)."""
    rule: Rule
    opinions_by: dt.date
    """Citizens send their opinions until this day (opinions_due rule, or as given)."""

    def days_left(self, today: dt.date) -> int:
        return (self.send_by - today).days


def notice_dates(store: Store, meeting: Row, opinions_by: dt.date | None = None) -> NoticeDates:
    rules = meeting_rules(meeting)
    day = dt.date.fromisoformat(meeting["date"])
    return NoticeDates(
        day,
        days_before(store.calendar, day, rules[NOTICE_RULE]),
        rules[NOTICE_RULE],
        opinions_by or days_before(store.calendar, day, rules[OPINIONS_RULE]),
    )


def check_notice(dates: NoticeDates, issued: dt.date, late_allowed: bool) -> str:
    """Refuse a notice that cannot be right; "" when on time, "last_day" when issued on
    the last day allowed, "late" when issued after it with `late_allowed`."""
    if issued >= dates.meeting_day:
        raise UserError(
            "The meeting is on {meeting}: a notice dated {issued} announces nothing.",
            meeting=dates.meeting_day.strftime("%d/%m/%Y"),
            issued=issued.strftime("%d/%m/%Y"),
        )
    if dates.opinions_by < issued:
        raise UserError(
            "Opinions would be due on {due}, before the notice goes out ({issued}); give "
            "a later date with --opinions-by.",
            due=dates.opinions_by.strftime("%d/%m/%Y"),
            issued=issued.strftime("%d/%m/%Y"),
        )
    if dates.opinions_by >= dates.meeting_day:
        raise UserError(
            "Opinions must be due before the meeting ({meeting}).",
            meeting=dates.meeting_day.strftime("%d/%m/%Y"),
        )
    if issued > dates.send_by:
        if not late_allowed:
            raise UserError(
                "The public notice had to go out by {send_by} ({days} days before the "
                "meeting of {meeting}); it is {issued}. Move the meeting, or write the "
                "notice anyway with --late.",
                send_by=dates.send_by.strftime("%d/%m/%Y"),
                days=dates.rule.days,
                meeting=dates.meeting_day.strftime("%d/%m/%Y"),
                issued=issued.strftime("%d/%m/%Y"),
            )
        return "late"
    return "last_day" if issued == dates.send_by else ""
