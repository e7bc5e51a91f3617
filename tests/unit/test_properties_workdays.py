"""Working-day arithmetic against a brute-force oracle, day by day over 2025-2030: the
working days are listed once (Monday to Friday, minus the statutory holidays, then the
overrides on top) and every deadline is read off that list, not computed the same way
the code computes it."""

from __future__ import annotations

import bisect
import datetime as dt

import holidays
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from shared import workdays
from shared.db import Store
from shared.deadlines import DAY_OFF, WORKED, Rule, WorkCalendar, basis_label
from shared.i18n import UserError

D = dt.date
FIRST, LAST = D(2025, 1, 1), D(2030, 12, 31)
TABLE = holidays.country_holidays("VN", years=range(2025, 2032))
DAYS = st.dates(min_value=FIRST, max_value=LAST)
STARTS = st.dates(min_value=FIRST, max_value=D(2030, 9, 30))  # + 60 working days < 2031
OVERRIDES = st.dictionaries(DAYS, st.sampled_from([DAY_OFF, WORKED]), max_size=12)
FAST = settings(max_examples=100, deadline=None)


def _all_days() -> list[tuple[dt.date, bool]]:
    """Each day from 2025 to 2031 and whether it is a working day without overrides."""
    days, day = [], FIRST
    while day <= D(2031, 12, 31):
        days.append((day, day.weekday() < 5 and day not in TABLE))
        day += dt.timedelta(days=1)
    return days


ALL_DAYS = _all_days()


def oracle_working_days(overrides: dict[dt.date, str]) -> list[dt.date]:
    """Every working day from 2025 to 2031, in order, by looking at each day."""
    return [
        day for day, plain in ALL_DAYS if (overrides[day] == WORKED if day in overrides else plain)
    ]


def nth_after(working: list[dt.date], start: dt.date, n: int) -> dt.date:
    """The n-th working day strictly after `start` (start itself for n = 0)."""
    return start if n == 0 else working[bisect.bisect_right(working, start) + n - 1]


def first_on_or_after(working: list[dt.date], day: dt.date) -> dt.date:
    return working[bisect.bisect_left(working, day)]


PLAIN = oracle_working_days({})


def test_the_oracle_knows_the_holidays_it_is_checked_against() -> None:
    assert D(2026, 2, 17) not in PLAIN  # Tết
    assert D(2026, 9, 2) not in PLAIN  # National Day
    assert D(2026, 2, 10) in PLAIN and D(2026, 2, 14) not in PLAIN  # Tuesday, Saturday
    assert 240 < sum(d.year == 2027 for d in PLAIN) < 256


@FAST
@given(day=DAYS, overrides=OVERRIDES)
def test_a_day_is_working_exactly_as_the_oracle_says(
    day: dt.date, overrides: dict[dt.date, str]
) -> None:
    calendar = WorkCalendar(overrides)
    assert calendar.is_working_day(day) == (day in set(oracle_working_days(overrides)))


@FAST
@given(start=STARTS, days=st.integers(min_value=0, max_value=60), overrides=OVERRIDES)
def test_working_day_limits_match_the_oracle(
    start: dt.date, days: int, overrides: dict[dt.date, str]
) -> None:
    working = oracle_working_days(overrides)
    calendar = WorkCalendar(overrides)
    assert calendar.add_working_days(start, days) == nth_after(working, start, days)
    assert calendar.deadline(start, Rule(days, "working")) == nth_after(working, start, days)


@FAST
@given(start=STARTS, days=st.integers(min_value=0, max_value=90), overrides=OVERRIDES)
def test_calendar_day_limits_end_on_the_next_working_day(
    start: dt.date, days: int, overrides: dict[dt.date, str]
) -> None:
    working = oracle_working_days(overrides)
    end = start + dt.timedelta(days=days)
    calendar = WorkCalendar(overrides)
    assert calendar.deadline(start, Rule(days, "calendar")) == first_on_or_after(working, end)
    assert calendar.next_working_day(end) == first_on_or_after(working, end)


@FAST
@given(
    start=STARTS,
    first=st.integers(min_value=0, max_value=30),
    second=st.integers(min_value=0, max_value=30),
)
def test_working_days_add_up(start: dt.date, first: int, second: int) -> None:
    calendar = WorkCalendar()
    middle = calendar.add_working_days(start, first)
    assert calendar.add_working_days(middle, second) == calendar.add_working_days(
        start, first + second
    )


@pytest.fixture
def clean_store(store: Store) -> Store:
    return store


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(start=STARTS, days=st.integers(min_value=1, max_value=30), overrides=OVERRIDES)
def test_the_table_of_overrides_in_the_database_counts(
    clean_store: Store, start: dt.date, days: int, overrides: dict[dt.date, str]
) -> None:
    """The days an administrator records (`hallkit calendar`) are the ones counted."""
    with clean_store.write():
        clean_store.conn.execute("DELETE FROM calendar_overrides")
    for day, kind in overrides.items():
        workdays.set_override(clean_store, day.isoformat(), kind, note="hypothesis")
    working = oracle_working_days(overrides)
    calendar = clean_store.calendar
    assert calendar.add_working_days(start, days) == nth_after(working, start, days)
    assert calendar.deadline(start, Rule(days, "calendar")) == first_on_or_after(
        working, start + dt.timedelta(days=days)
    )


@FAST
@given(days=st.integers(min_value=0, max_value=400), basis=st.sampled_from(["calendar", "working"]))
def test_a_rule_reads_back_what_it_stores_and_says_it_in_words(days: int, basis: str) -> None:
    rule = Rule(days, "working" if basis == "working" else "calendar", "source")
    stored = str(rule)  # what a question's deadline_basis keeps
    assert Rule.parse(stored, "source") == rule
    unit = "working day" if basis == "working" else "day"
    assert basis_label(stored, "en") == f"{days} {unit}{'' if days == 1 else 's'}"


def test_the_other_bases_are_said_in_words_and_an_unknown_one_is_kept() -> None:
    assert basis_label("manual", "en") == "set by the chair"
    assert basis_label("extended", "en") == "extended"
    assert basis_label("10 weeks", "en") == "10 weeks"
    assert basis_label("7 working", "vi") == "7 ngày làm việc"


def test_a_rule_read_from_the_settings_keeps_no_source_unless_given_and_a_bad_one_is_named() -> (
    None
):
    assert Rule.parse("30 calendar").source == ""
    with pytest.raises(UserError) as refused:
        Rule.parse("30 weeks")
    assert refused.value.message("en") == (
        'Not a time limit: 30 weeks. Use "30 calendar" or "10 working".'
    )
