"""Fixtures that sit on the boundaries the rules draw: the deadline day, the last place,
a no-show, a paused stop, a closed overdue item, an older meeting registered second.

Each test here was written against a one-line change to the rule that the rest of the
suite let through (issue 21); the change is named in the test's docstring."""

from __future__ import annotations

import datetime as dt

import pytest

from shared import followup, meetings, questions, speaking
from shared.db import Store
from shared.i18n import UserError
from shared.overview import totals
from shared.registrations import register, speakers_in_order
from shared.reports import build, parse_period
from shared.retention import candidates

D = dt.date
MEETING_DAY = "2026-02-10"  # the `meeting` fixture's date


def _register(store: Store, meeting_id: int, *names: str) -> list[int]:
    return [register(store, meeting_id, consent=True, name=name)["number"] for name in names]


def _waiting(store: Store, meeting_id: int) -> list[int]:
    return [r["number"] for r in speaking.queue(store, meeting_id) if r["status"] == "waiting"]


def _item(store: Store, meeting_id: int, name: str, **outcome: str) -> int:
    row = register(store, meeting_id, consent=True, name=name, summary=f"Ý kiến của {name}")
    asked = questions.add_question(store, meeting_id, number=row["number"])
    questions.set_outcome(store, asked["id"], "pending", body="Phòng Kinh tế", **outcome)
    return int(asked["id"])


# --- speaking ---------------------------------------------------------------------------


def test_stopping_a_paused_speech_does_not_count_the_pause(store: Store, meeting: int) -> None:
    """Killed: `ended = row["speech_paused"] or _clock(now)` -> `ended = _clock(now)`."""
    _register(store, meeting, "Hoàng Văn Bình")
    speaking.call(store, meeting)
    speaking.start(store, meeting, now=1000.0)
    speaking.pause(store, meeting, now=1060.0)
    done = speaking.stop(store, meeting, now=5000.0)  # an hour later, still paused
    assert (done["speech_ended"], done["duration"]) == (1060.0, 60.0)
    [row] = [r for r in speaking.queue(store, meeting) if r["number"] == 1]
    assert speaking.elapsed(row, now=9999.0) == 60.0


def test_a_speaker_can_be_moved_to_the_last_place_and_no_further(
    store: Store, meeting: int
) -> None:
    """Killed: `1 <= place <= len(rows)` -> `1 <= place < len(rows)`."""
    _register(store, meeting, "A", "B", "C", "D", "E")
    speaking.move(store, meeting, 1, 5)
    assert _waiting(store, meeting) == [2, 3, 4, 5, 1]
    speaking.move(store, meeting, 3, 1)
    assert _waiting(store, meeting) == [3, 2, 4, 5, 1]
    for place in (0, 6):
        with pytest.raises(UserError, match="out of range: 5 are waiting"):
            speaking.move(store, meeting, 2, place)
    assert _waiting(store, meeting) == [3, 2, 4, 5, 1]


def test_call_next_follows_moves_and_recalls_not_numbers(store: Store, meeting: int) -> None:
    """Killed: "call next" `ORDER BY position` -> `ORDER BY number`."""
    _register(store, meeting, "A", "B", "C", "D")
    speaking.move(store, meeting, 4, 1)
    assert speaking.call(store, meeting)["number"] == 4
    speaking.no_show(store, meeting, 4)
    speaking.move(store, meeting, 3, 1)
    assert speaking.call(store, meeting)["number"] == 3
    speaking.no_show(store, meeting, 3)
    speaking.recall(store, meeting, 4)  # back at the head of the queue, before 1
    assert _waiting(store, meeting) == [4, 1, 2]
    assert speaking.call(store, meeting)["number"] == 4


# --- counts -----------------------------------------------------------------------------


def test_only_finished_speeches_count_as_spoken(store: Store, meeting: int) -> None:
    """Killed: spoken `status = 'done'` -> any status but waiting (no-shows, withdrawn and
    the one at the lectern counted)."""
    _register(store, meeting, "Spoke", "No-show", "Withdrew", "At lectern", "Waiting")
    speaking.call(store, meeting)
    speaking.start(store, meeting, now=1000.0)
    speaking.stop(store, meeting, now=1100.0)
    speaking.no_show(store, meeting, 2)
    speaking.withdraw(store, meeting, 3)
    speaking.call(store, meeting, 4)
    counted = totals(store, meeting)
    assert (counted.registered, counted.spoken) == (5, 1)
    assert [r["number"] for r in speakers_in_order(store, meeting)] == [1]


def test_an_answer_on_the_deadline_day_is_on_time_and_the_next_day_late(
    store: Store, meeting: int
) -> None:
    """Killed: late `answered_on > deadline` -> `>=`; overdue `deadline < today` -> `<=`."""
    on_day, day_after, open_item = (
        _item(store, meeting, name) for name in ("Đúng hạn", "Trễ", "Chưa xong")
    )
    deadline = questions.get_question(store, on_day)["deadline"]
    assert deadline == "2026-03-12"
    followup.answer(store, on_day, on=deadline, document="1/TB", summary="Đã trả lời.")
    followup.answer(store, day_after, on="2026-03-13", document="2/TB", summary="Đã trả lời.")
    report = build(store, parse_period("2026-Q1"), today=D(2026, 3, 12))
    assert (report.on_time, report.late, report.still_open, report.overdue) == (1, 1, 1, 0)
    assert questions.get_question(store, open_item)["deadline"] == deadline
    report = build(store, parse_period("2026-Q1"), today=D(2026, 3, 13))
    assert report.overdue == 1


# --- questions --------------------------------------------------------------------------


def test_a_manual_deadline_may_fall_on_the_meeting_day_but_not_before(
    store: Store, meeting: int
) -> None:
    """Killed: `deadline < meeting date` refused -> `<=` (the meeting's own day refused)."""
    item = _item(store, meeting, "Hoàng Văn Bình", deadline=MEETING_DAY)
    row = questions.get_question(store, item)
    assert (row["deadline"], row["deadline_basis"]) == (MEETING_DAY, "manual")
    with pytest.raises(UserError, match="is before the meeting"):
        questions.set_outcome(store, item, "pending", body="Phòng Kinh tế", deadline="2026-02-09")
    assert questions.get_question(store, item)["deadline"] == MEETING_DAY


def test_overdue_items_leave_out_closed_ones_and_those_due_today(
    store: Store, meeting: int
) -> None:
    """Killed: `items(overdue=True)` without its `followup_status = 'open'` clause."""
    closed = _item(store, meeting, "Closed", deadline="2026-03-01")
    late = _item(store, meeting, "Late", deadline="2026-03-01")
    due_today = _item(store, meeting, "Today", deadline="2026-03-02")
    followup.answer(store, closed, on="2026-03-05", document="1/TB", summary="Đã trả lời.")
    found = questions.items(store, overdue=True, today=D(2026, 3, 2))
    assert [r["id"] for r in found] == [late]
    assert due_today in [r["id"] for r in questions.items(store, open_only=True)]
    assert closed in [r["id"] for r in questions.items(store)]


# --- registrations ----------------------------------------------------------------------


def test_an_older_meeting_registered_second_still_numbers_from_one(
    store: Store, meeting: int
) -> None:
    """Killed: the next number `WHERE meeting_id = ?` -> `>= ?` (counted across meetings)."""
    later = meetings.create_meeting(
        store, title="Hội nghị tháng Ba", date="2026-03-10", start_time="08:00"
    )
    meetings.set_status(store, later, "open")
    assert later > meeting
    assert _register(store, later, "A", "B", "C") == [1, 2, 3]
    assert _register(store, meeting, "D", "E") == [1, 2]
    assert _waiting(store, meeting) == [1, 2]
    assert _register(store, later, "F") == [4]


# --- retention (tests only: shared/retention.py is being changed elsewhere) -------------


def _dated_meeting(store: Store, day: str) -> int:
    return meetings.create_meeting(store, title=f"Hội nghị {day}", date=day, start_time="08:00")


def _candidate_dates(store: Store, before: str, months: int, today: dt.date) -> list[str]:
    return sorted({r["meeting_date"] for r in candidates(store, before, months, today)})


def test_retention_keeps_what_is_younger_than_the_period_whatever_before_says(
    store: Store,
) -> None:
    """Killed: `limit = min(before, today - period)` -> `max` (the period ignored)."""
    for day in ("2024-02-29", "2024-03-01", "2025-06-01"):
        register(store, _dated_meeting(store, day), consent=True, source="secretary", name="X")
    today = D(2026, 3, 1)  # 24 months back: 2024-03-01, which itself is kept
    assert _candidate_dates(store, "2099-01-01", 24, today) == ["2024-02-29"]
    assert _candidate_dates(store, "2099-01-01", 12, today) == ["2024-02-29", "2024-03-01"]
    # and `before` bounds it the other way when the period would allow more
    assert _candidate_dates(store, "2024-03-01", 1, today) == ["2024-02-29"]
    assert _candidate_dates(store, "2024-02-29", 1, today) == []
