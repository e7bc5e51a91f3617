import datetime as dt

import pytest

from shared.db import Store
from shared.deadlines import Rule, WorkCalendar
from shared.i18n import UserError

D = dt.date


def test_ten_working_days_across_tet() -> None:
    assert WorkCalendar().add_working_days(D(2026, 2, 10), 10) == D(2026, 3, 3)


def test_the_2026_swap_is_in_a_new_database(store: Store) -> None:
    calendar = store.calendar
    assert not calendar.is_working_day(D(2026, 1, 2))  # Friday off
    assert calendar.is_working_day(D(2026, 1, 10))  # Saturday worked
    assert WorkCalendar().is_working_day(D(2026, 1, 2))  # the package alone lacks it
    # 31/12/2025 + 2 working days: 01/01 holiday, 02/01 swapped off -> 05/01 and 06/01.
    assert calendar.add_working_days(D(2025, 12, 31), 2) == D(2026, 1, 6)


def test_local_overrides_apply() -> None:
    calendar = WorkCalendar({D(2026, 3, 4): "off", D(2026, 3, 7): "work"})
    assert not calendar.is_working_day(D(2026, 3, 4))
    assert calendar.is_working_day(D(2026, 3, 7))


def test_calendar_days_ending_on_a_day_off_run_to_the_next_working_day() -> None:
    calendar = WorkCalendar()
    # 2026-01-18 + 30 days = Tuesday 2026-02-17, Tết: runs to Monday 2026-02-23.
    assert calendar.deadline(D(2026, 1, 18), Rule(30, "calendar")) == D(2026, 2, 23)
    assert calendar.deadline(D(2026, 3, 2), Rule(30, "calendar")) == D(2026, 4, 1)
    assert calendar.deadline(D(2026, 2, 10), Rule(10, "working")) == D(2026, 3, 3)


@pytest.mark.parametrize("text", ["30", "thirty calendar", "30 weeks", ""])
def test_bad_rule_text_is_refused(text: str) -> None:
    with pytest.raises(UserError, match="Not\\ a\\ time\\ limit:"):
        Rule.parse(text)


def test_an_administrator_edits_the_overrides(store: Store) -> None:
    from shared import workdays

    assert store.calendar.is_working_day(D(2027, 2, 19))
    workdays.set_override(store, "19/02/2027", "off", "Nghỉ bù")
    assert not store.calendar.is_working_day(D(2027, 2, 19))
    workdays.set_override(store, "2027-02-19", "work")
    assert store.calendar.is_working_day(D(2027, 2, 19))
    assert workdays.list_overrides(store)[-1] == {"day": "2027-02-19", "kind": "work", "note": ""}
    workdays.remove_override(store, "2027-02-19")
    with pytest.raises(UserError, match="is\\ not\\ in\\ the\\ table\\."):
        workdays.remove_override(store, "2027-02-19")
    with pytest.raises(UserError, match="Unknown\\ kind\\ of\\ day:"):
        workdays.set_override(store, "2027-02-19", "holiday")
