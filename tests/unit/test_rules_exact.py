"""What the mutation runs of the rule modules found untested (bench/mutation.md): the exact
rows the rules store and return, the refusals people read word for word, and the records
the event log keeps. Each test names the modules whose survivors it kills."""

from __future__ import annotations

import datetime as dt
import time
from typing import Any

import pytest

from shared import (
    events,
    followup,
    meetings,
    overview,
    questions,
    registrations,
    reports,
    retention,
    speaking,
    specs,
    workdays,
)
from shared.db import Store
from shared.demo import ensure_reference_lists
from shared.i18n import UserError
from shared.reference import UnknownBody
from shared.registrations import register
from shared.specs import FIELDS

D = dt.date


def _spring(store: Store) -> list[dict[str, Any]]:
    """The overrides after the 2026 swap of January the table starts with."""
    return [r for r in workdays.list_overrides(store) if r["day"] > "2026-03"]


def _refusal(call: Any, *args: Any, **kwargs: Any) -> str:
    with pytest.raises(UserError) as refused:
        call(*args, **kwargs)
    return refused.value.message("en")


# --- shared/workdays.py ---------------------------------------------------------------


def test_an_override_is_stored_listed_replaced_and_removed_exactly(store: Store) -> None:
    assert workdays.set_override(store, "02/05/2026", "work", note="  Làm   bù ") == "2026-05-02"
    assert workdays.set_override(store, "2026-04-30", "off") == "2026-04-30"
    assert _spring(store) == [
        {"day": "2026-04-30", "kind": "off", "note": ""},
        {"day": "2026-05-02", "kind": "work", "note": "Làm bù"},
    ]
    # the same day again replaces its row: one row a day
    workdays.set_override(store, "2026-05-02", "off", note="Nghỉ")
    assert _spring(store)[1] == {"day": "2026-05-02", "kind": "off", "note": "Nghỉ"}
    assert [(e["kind"], e["data"]) for e in events.history(store, "day:2026-05-02")] == [
        ("calendar.set", {"kind": "work"}),
        ("calendar.set", {"kind": "off"}),
    ]
    assert workdays.remove_override(store, "30/04/2026") == "2026-04-30"
    assert [e["kind"] for e in events.history(store, "day:2026-04-30")][-1] == "calendar.removed"
    assert [r["day"] for r in _spring(store)] == ["2026-05-02"]


def test_an_override_refuses_exactly(store: Store) -> None:
    assert _refusal(workdays.set_override, store, "2026-05-02", "holiday") == (
        "Unknown kind of day: holiday (off or work)."
    )
    assert _refusal(workdays.set_override, store, "2026-05-02", "off", note="x" * 201) == (
        "Note is too long: 201 characters, at most 200."
    )
    workdays.set_override(store, "2026-05-02", "off", note="x" * 200)
    assert _refusal(workdays.remove_override, store, "2026-05-03") == (
        "2026-05-03 is not in the table."
    )
    assert [r["day"] for r in _spring(store)] == ["2026-05-02"]


# --- shared/overview.py ---------------------------------------------------------------


def _item(store: Store, meeting_id: int, name: str, outcome: str = "pending", **given: str) -> int:
    row = register(store, meeting_id, consent=True, name=name, summary=f"Ý kiến của {name}")
    asked = questions.add_question(store, meeting_id, number=row["number"])
    questions.set_outcome(store, asked["id"], outcome, **given)
    return int(asked["id"])


def test_the_chair_sees_this_meetings_open_items_by_body_and_earlier_ones_overdue(
    store: Store, meeting: int
) -> None:
    earlier = meetings.create_meeting(
        store, title="Hội nghị cũ", date="2025-12-10", start_time="08:00"
    )
    meetings.set_status(store, earlier, "open")
    old = _item(store, earlier, "Cũ", body="Phòng Kinh tế")  # due 2026-01-09
    economy_late = _item(store, meeting, "B", body="Phòng Kinh tế", deadline="2026-02-20")
    economy = _item(store, meeting, "A", body="Phòng Kinh tế")  # due 2026-03-12
    police = _item(store, meeting, "C", body="Công an xã")
    closed = _item(store, meeting, "D", body="Công an xã")
    _item(store, meeting, "E", outcome="answered", answer="Đã trả lời tại hội nghị.")
    followup.answer(store, closed, on="2026-02-15", document="1/TB", summary="Đã trả lời.")
    grouped = overview.pending_by_body(store, meeting)
    assert {body: [r["id"] for r in rows] for body, rows in grouped.items()} == {
        "Công an xã": [police],
        "Phòng Kinh tế": [economy_late, economy],
    }
    assert list(grouped) == ["Công an xã", "Phòng Kinh tế"]
    assert grouped["Công an xã"][0]["citizen"] == "C"
    assert [r["id"] for r in overview.overdue_elsewhere(store, meeting, D(2026, 1, 9))] == []
    today = D(2026, 2, 21)  # this meeting's B is overdue too, but it is not elsewhere
    assert [r["id"] for r in overview.overdue_elsewhere(store, meeting, today)] == [old]
    assert [r["id"] for r in overview.overdue_elsewhere(store, earlier, today)] == [economy_late]


# --- shared/retention.py --------------------------------------------------------------


def _closed_speaker(store: Store, meeting_id: int, name: str) -> tuple[int, int]:
    """(registration id, question id) of a speaker whose one item is answered and closed."""
    row = register(
        store,
        meeting_id,
        consent=True,
        source="secretary",
        name=name,
        village="Thôn Đông",
        org="Hội Nông dân",
        phone="0912345678",
        summary="Đường hỏng",
    )
    item = _item_of(store, meeting_id, row["number"])
    followup.answer(store, item, on="2026-03-01", document="1/TB", summary="Đã trả lời.")
    return int(row["id"]), item


def _item_of(store: Store, meeting_id: int, number: int) -> int:
    asked = questions.add_question(store, meeting_id, number=number)
    questions.set_outcome(store, asked["id"], "pending", body="Phòng Kinh tế")
    return int(asked["id"])


def _written(store: Store, meeting_id: int, outcome: str, **given: str) -> int:
    row = questions.add_question(
        store,
        meeting_id,
        summary="Ý kiến bằng văn bản",
        source="written",
        raised_by="Bà Lan",
        raised_village="Thôn Đoài",
    )
    questions.set_outcome(store, row["id"], outcome, **given)
    return int(row["id"])


def _meeting_on(store: Store, day: str) -> int:
    made = meetings.create_meeting(store, title=f"Hội nghị {day}", date=day, start_time="08:00")
    meetings.set_status(store, made, "open")
    return made


def test_the_retention_limit_counts_months_back_to_the_28th_at_most(store: Store) -> None:
    for day in ("2024-12-14", "2024-12-15", "2026-02-27", "2026-02-28"):
        register(store, _meeting_on(store, day), consent=True, source="written", name="X")

    def due(before: str, months: int, today: dt.date) -> list[str]:
        return [r["meeting_date"] for r in retention.candidates(store, before, months, today)]

    assert due("2099-01-01", 13, D(2026, 1, 15)) == ["2024-12-14"]  # 13 months: 2024-12-15
    assert due("2099-01-01", 1, D(2026, 3, 29)) == ["2024-12-14", "2024-12-15", "2026-02-27"]
    assert due("2099-01-01", 1, D(2026, 3, 31)) == ["2024-12-14", "2024-12-15", "2026-02-27"]
    assert due("2024-12-15", 1, D(2026, 3, 31)) == ["2024-12-14"]
    assert retention.candidates(store, "2099-01-01", 600, D(2026, 3, 1)) == []


def test_a_purge_erases_exactly_the_purged_fields_and_says_so_once(store: Store) -> None:
    ensure_reference_lists(store)
    held = _meeting_on(store, "2026-01-20")
    registration, item = _closed_speaker(store, held, "Nguyễn Văn An")
    answered = _written(store, held, "answered", answer="Đã trả lời tại hội nghị.")
    still_open = _written(store, held, "pending", body="Phòng Kinh tế")
    early = D(2026, 1, 25)  # a month back is before the meeting: nothing due then
    assert _refusal(retention.purge, store, "2099-01-01", 1, early) == (
        "No personal data is due for anonymisation."
    )
    assert retention.question_candidates(store, "2099-01-01", 1, early) == []
    assert retention.question_candidates(store, "2099-01-01", 1, D(2026, 6, 1)) == [
        {"id": answered, "meeting_id": held}
    ]
    assert retention.purge(store, "2099-01-01", 1, D(2026, 6, 1)) == 2
    row = store.one("SELECT * FROM registrations WHERE id = ?", (registration,))
    assert row is not None
    assert {k: row[k] for k in ("name", "village", "phone", "org", "name_folded")} == {
        "name": retention.ANONYMOUS,
        "village": "",
        "phone": "",
        "org": "Hội Nông dân",  # not a purged field
        "name_folded": "",
    }
    assert row["anonymised_at"] != ""
    people = {
        q["id"]: (q["raised_by"], q["raised_village"])
        for q in store.all("SELECT id, raised_by, raised_village FROM questions")
    }
    assert people[answered] == ("", "")
    assert people[still_open] == ("Bà Lan", "Thôn Đoài")  # its item is still open
    assert questions.get_question(store, item)["summary"] == "Đường hỏng"
    [event] = [e for e in events.history(store, "registrations") if e["kind"] == "retention.purge"]
    assert event["data"] == {"count": 1, "questions": 1, "meetings": [held], "before": "2099-01-01"}
    assert retention.candidates(store, "2099-01-01", 1, D(2026, 6, 1)) == []


# --- shared/reports.py ----------------------------------------------------------------


def test_a_report_period_is_read_exactly() -> None:
    P = reports.Period
    assert reports.parse_period("2026") == P("2026", D(2026, 1, 1), D(2026, 12, 31))
    assert reports.parse_period("2026-q1") == P("2026-q1", D(2026, 1, 1), D(2026, 3, 31))
    assert reports.parse_period("2024-H1") == P("2024-H1", D(2024, 1, 1), D(2024, 6, 30))
    assert reports.parse_period("2026-9M") == P("2026-9M", D(2026, 1, 1), D(2026, 9, 30))
    assert reports.parse_period("2024-02") == P("2024-02", D(2024, 2, 1), D(2024, 2, 29))
    assert reports.parse_period("2026-12") == P("2026-12", D(2026, 12, 1), D(2026, 12, 31))
    assert _refusal(reports.parse_period, "2026-Q5") == (
        "Not a report period: 2026-Q5 (e.g. 2026-Q1, 2026-H1, 2026-9M, 2026, 2026-03)."
    )


def _asked(
    store: Store, meeting_id: int, outcome: str, field: str = "Giao thông", **given: str
) -> int:
    row = register(store, meeting_id, consent=True, name="X", summary="Ý kiến", field=field)
    asked = questions.add_question(
        store, meeting_id, number=row["number"], kind=given.pop("kind", "")
    )
    questions.set_outcome(store, asked["id"], outcome, **given)
    return int(asked["id"])


def test_a_report_counts_every_item_once_in_each_of_its_columns(store: Store, meeting: int) -> None:
    transfer = {"body": "Sở Nông nghiệp và Môi trường", "level": "tỉnh", "document": "9/CV"}
    _asked(store, meeting, "answered", answer="Đã trả lời.")  # first: not followed up
    on_time = _asked(store, meeting, "pending", body="Phòng Kinh tế")
    late = _asked(store, meeting, "pending", body="Phòng Kinh tế")
    _asked(store, meeting, "pending", body="Công an xã")  # open, overdue
    due_today = _asked(store, meeting, "pending", body="Công an xã", deadline="2026-03-13")
    _asked(store, meeting, "written", field="", kind="phan_anh")  # no body, overdue
    told, told_late, untold, untold_today, undated, told_late_too = (
        _asked(store, meeting, "transferred", **transfer) for _ in range(6)
    )
    on_time_too = _asked(store, meeting, "pending", body="Phòng Kinh tế")
    late_too = _asked(store, meeting, "pending", body="Phòng Kinh tế")
    for item, day in (
        (on_time, "2026-03-12"),
        (late, "2026-03-13"),
        (on_time_too, "2026-02-11"),
        (late_too, "2026-04-01"),
    ):
        followup.answer(store, item, on=day, document="1/TB", summary="Đã trả lời.")
    followup.rate(store, on_time, "satisfied")
    followup.rate(store, late, "not_satisfied")
    for item, day in (
        (told, "2026-03-03"),
        (told_late, "2026-03-04"),
        (undated, "2026-03-20"),
        (told_late_too, "2026-03-10"),
    ):
        followup.inform(store, item, on=day, how="văn bản")
    for item, deadline in ((untold_today, "2026-03-13"), (undated, "")):
        store.conn.execute("UPDATE questions SET deadline = ? WHERE id = ?", (deadline, item))
    store.conn.commit()
    assert questions.get_question(store, due_today)["deadline"] == "2026-03-13"
    assert questions.get_question(store, untold)["deadline"] == "2026-03-03"
    closed = _meeting_on(store, "2026-03-01")
    meetings.set_status(store, closed, "closed")
    _meeting_on(store, "2026-04-01")  # another quarter

    report = reports.build(store, reports.parse_period("2026-Q1"), today=D(2026, 3, 13))
    assert (report.meetings, report.open_meetings, report.questions) == (2, 1, 14)
    assert report.period.name == "2026-Q1"
    assert dict(report.by_outcome) == {"answered": 1, "pending": 6, "written": 1, "transferred": 6}
    assert dict(report.by_field) == {"Giao thông": 13, "Khác": 1}
    assert dict(report.by_kind) == {"kien_nghi": 13, "phan_anh": 1}
    assert dict(report.by_body) == {
        "Phòng Kinh tế": 4,
        "Công an xã": 2,
        "(chưa giao)": 1,
        "Sở Nông nghiệp và Môi trường": 6,
    }
    assert dict(report.satisfaction) == {"satisfied": 1, "not_satisfied": 1, "unknown": 11}
    assert (report.on_time, report.late, report.still_open, report.overdue) == (2, 2, 3, 2)
    assert (report.told_on_time, report.told_late, report.not_told, report.not_told_overdue) == (
        2,
        2,
        2,
        1,
    )


# --- shared/followup.py ---------------------------------------------------------------


def test_following_an_item_up_refuses_exactly(store: Store, meeting: int) -> None:
    item = _asked(store, meeting, "pending", body="Phòng Kinh tế")  # due 2026-03-12
    spoken = _asked(store, meeting, "answered", answer="Đã trả lời.")
    assert _refusal(followup.start, store, spoken) == (
        f"Question #{spoken} is not an item to follow up."
    )
    assert _refusal(followup.extend, store, item, deadline="2026-03-12", reason="Cần thêm") == (
        "The new deadline 2026-03-12 must be after the current one, 2026-03-12."
    )
    assert _refusal(followup.extend, store, item, deadline="2026-03-13", reason=" ") == (
        "Reason must not be empty."
    )
    assert _refusal(followup.extend, store, item, deadline="2026-03-13", reason="x" * 501) == (
        "Reason is too long: 501 characters, at most 500."
    )
    assert _refusal(followup.inform, store, item, on="2026-03-01", how="") == (
        "How the citizen was told must not be empty."
    )
    assert _refusal(followup.inform, store, item, on="2026-03-01", how="x" * 201) == (
        "How the citizen was told is too long: 201 characters, at most 200."
    )
    assert _refusal(followup.rate, store, item, "great") == (
        "Unknown satisfaction: great (choose: satisfied, not_satisfied, not_asked)."
    )
    answer = {"on": "2026-03-01", "document": "1/TB", "summary": "Đã trả lời."}
    assert _refusal(followup.answer, store, item, **{**answer, "summary": ""}) == (
        "Answer must not be empty."
    )
    assert _refusal(followup.answer, store, item, **{**answer, "summary": "x" * 4001}) == (
        "Answer is too long: 4001 characters, at most 4000."
    )
    assert _refusal(followup.answer, store, item, **{**answer, "document": "x" * 101}) == (
        "Transfer document number is too long: 101 characters, at most 100."
    )
    with pytest.raises(UnknownBody):
        followup.transfer(store, item, body="Xxxx")  # not confirmed: never added
    assert store.one("SELECT 1 FROM bodies WHERE name = 'Xxxx'") is None
    assert questions.get_question(store, item)["followup_status"] == "open"  # all refused
    # and on the boundaries: the longest accepted, a day after the deadline accepted
    followup.extend(store, item, deadline="2026-03-13", reason="x" * 500)
    followup.inform(store, item, on="2026-03-01", how="x" * 200)
    followup.answer(store, item, **{**answer, "document": "x" * 100, "summary": "x" * 4000})
    assert _refusal(followup.start, store, item) == f"Item #{item} is closed."
    followup.inform(store, item, on="2026-03-02", how="điện thoại")  # told after it closed
    followup.rate(store, item, "not_asked")
    assert questions.get_question(store, item)["satisfaction"] == "not_asked"


def test_each_follow_up_step_is_one_event_with_what_changed_and_what_was(
    store: Store, meeting: int
) -> None:
    item = _asked(store, meeting, "pending", body="Phòng Kinh tế")
    followup.extend(store, item, deadline="20/03/2026", reason="Chờ khảo sát")
    row = questions.get_question(store, item)
    assert (row["deadline"], row["deadline_basis"], row["progress"]) == (
        "2026-03-20",
        "extended",
        "extended",
    )
    followup.transfer(store, item, body="Công an xã")
    [*_, extended, transferred] = followup.history(store, item)
    assert (extended["kind"], extended["data"]) == (
        "followup.extended",
        {
            "progress": "extended",
            "deadline": "2026-03-20",
            "deadline_basis": "extended",
            "extension_reason": "Chờ khảo sát",
            "before": {
                "progress": "",
                "deadline": "2026-03-12",
                "deadline_basis": "30 calendar",
                "extension_reason": "",
            },
        },
    )
    assert transferred["data"]["body_name"] == "Công an xã"
    assert transferred["data"]["before"]["body_name"] == "Phòng Kinh tế"
    assert {
        r["meeting_id"]
        for r in store.all("SELECT meeting_id FROM events WHERE subject = ?", (f"question:{item}",))
    } == {meeting}
    added = followup.transfer(store, item, body="Ban Quản lý dự án", new_body="ban quan ly du an")
    assert added["body_name"] == "Ban Quản lý dự án"
    assert [followup.progress_label(p) for p in ("", None, "extended", "transferred", "?")] == [
        "new",
        "new",
        "deadline extended",
        "forwarded",
        "new",
    ]


def test_the_follow_up_list_filters_each_way_in_deadline_order(store: Store, meeting: int) -> None:
    economy = _asked(store, meeting, "pending", body="Phòng Kinh tế")  # due 2026-03-12
    police = _asked(store, meeting, "pending", body="Công an xã", field="Đất đai")
    undated = _asked(store, meeting, "written", field="Đất đai")
    for item, deadline in ((police, "2026-03-05"), (undated, "")):
        store.conn.execute("UPDATE questions SET deadline = ? WHERE id = ?", (deadline, item))
    store.conn.commit()
    later = _meeting_on(store, "2026-02-20")
    other = _asked(store, later, "pending", body="Phòng Kinh tế")  # due 2026-03-22
    followup.start(store, police)

    def ids(**filters: Any) -> list[int]:
        return [r["id"] for r in followup.open_items(store, today=D(2026, 3, 12), **filters)]

    assert ids() == [undated, police, economy, other]
    assert ids(meeting_id=meeting) == [undated, police, economy]
    assert ids(meeting_id=later) == [other]
    assert ids(body="phòng kinh tế") == [economy, other]
    assert ids(field="đất đai") == [undated, police]
    assert ids(field="GIAO THÔNG") == [economy, other]  # after two of another field
    assert ids(progress="in_progress") == [police]
    assert ids(overdue=True) == [police]  # due today is not overdue yet
    assert ids(due_within=1) == [police, economy]  # by 2026-03-13, with a deadline
    assert ids(due_within=8) == [police, economy, other]
    overdue = {r["id"]: r["overdue"] for r in followup.open_items(store, today=D(2026, 3, 12))}
    assert overdue == {undated: False, police: True, economy: False, other: False}


def test_a_lookup_code_shows_the_citizens_items_and_no_more(store: Store, meeting: int) -> None:
    row = register(store, meeting, consent=True, name="Lê An", summary="Đèn hỏng")
    asked = questions.add_question(store, meeting, number=row["number"])
    questions.set_outcome(store, asked["id"], "pending", body="Phòng Kinh tế")
    shown = followup.lookup(store, row["code"])
    assert {k: v for k, v in shown.items() if k != "items"} == {
        "number": row["number"],
        "meeting": "Hội nghị đối thoại xã Minh Hòa",
        "meeting_date": "2026-02-10",
        "status": "waiting",
    }
    assert shown["items"] == [
        {
            "number": asked["number"],
            "summary": "Đèn hỏng",
            "outcome": "pending",
            "body_name": "Phòng Kinh tế",
            "deadline": "2026-03-12",
            "progress": "",
            "followup_status": "open",
            "answer": "",
            "answer_summary": "",
            "answered_on": "",
        }
    ]


# --- shared/questions.py --------------------------------------------------------------


def test_a_question_and_its_outcome_refuse_exactly(store: Store, meeting: int) -> None:
    item = questions.add_question(store, meeting, summary="Đường hỏng")["id"]
    outcome = questions.set_outcome
    transfer = {"body": "Sở Nông nghiệp và Môi trường", "level": "tỉnh", "document": "9/CV"}
    assert _refusal(questions.add_question, store, meeting, summary="x", source="oral") == (
        "Unknown source: oral."
    )
    assert _refusal(questions.get_question, store, 9999) == "There is no question 9999."
    assert _refusal(questions.add_question, store, meeting, summary="x", raised_by="x" * 201) == (
        "Full name is too long: 201 characters, at most 200."
    )
    assert _refusal(
        questions.add_question, store, meeting, summary="x", raised_village="x" * 101
    ) == ("Village / residential group is too long: 101 characters, at most 100.")
    assert _refusal(outcome, store, item, "done") == (
        "Unknown outcome: done (choose: answered, pending, transferred, written, withdrawn)."
    )
    assert _refusal(outcome, store, item, "answered") == "Answer must not be empty."
    assert _refusal(outcome, store, item, "answered", answer="x" * 4001) == (
        "Answer is too long: 4001 characters, at most 4000."
    )
    assert _refusal(outcome, store, item, "withdrawn", answer="x" * 4001) == (
        "Answer is too long: 4001 characters, at most 4000."
    )
    assert _refusal(outcome, store, item, "pending") == "Responsible body must not be empty."
    assert _refusal(outcome, store, item, "pending", body="x" * 301) == (
        "Responsible body is too long: 301 characters, at most 300."
    )
    assert _refusal(outcome, store, item, "transferred", **{**transfer, "level": ""}) == (
        "Level must not be empty."
    )
    assert _refusal(outcome, store, item, "transferred", **{**transfer, "level": "x" * 51}) == (
        "Level is too long: 51 characters, at most 50."
    )
    assert _refusal(outcome, store, item, "transferred", **{**transfer, "document": " "}) == (
        "Transfer document number must not be empty."
    )
    assert _refusal(outcome, store, item, "transferred", **{**transfer, "document": "x" * 101}) == (
        "Transfer document number is too long: 101 characters, at most 100."
    )
    no_deadline = (
        'The outcome "withdrawn by the citizen" has no deadline; leave the deadline and its'
        " rule out."
    )
    assert _refusal(outcome, store, item, "withdrawn", deadline="2026-03-01") == no_deadline
    assert _refusal(outcome, store, item, "withdrawn", rule="citizen_notice") == no_deadline
    assert _refusal(
        outcome, store, item, "pending", body="Công an xã", deadline="2026-03-01", rule="x"
    ) == ("Give either a deadline or a rule to count it by, not both.")
    assert _refusal(outcome, store, item, "pending", body="Công an xã", rule="someday") == (
        "Unknown deadline rule: someday (choose: pending_answer, citizen_notice,"
        " conclusion_notice, results_published, public_notice, answers_due, opinions_due)."
    )
    assert _refusal(outcome, store, item, "pending", body="Sở Nông nghiệp và Môi trường") == (
        "Sở Nông nghiệp và Môi trường is a body of a higher level (tỉnh): the meeting cannot"
        " assign it a task. Record the item as transferred, with the transfer document."
    )
    assert questions.get_question(store, item)["outcome"] == ""  # every one refused
    # on the limits, and a body of the meeting's own level
    outcome(store, item, "answered", answer="x" * 4000)
    outcome(store, item, "transferred", **{**transfer, "level": "x" * 50, "document": "x" * 100})
    assert questions.get_question(store, item)["transfer_level"] == "x" * 50
    assert outcome(store, item, "pending", body="Phòng Kinh tế")["body_name"] == "Phòng Kinh tế"


def test_an_outcomes_deadline_its_rule_and_its_basis(store: Store, meeting: int) -> None:
    item = questions.add_question(store, meeting, summary="Đường hỏng")["id"]

    def deadline(outcome: str, **given: str) -> tuple[str, str, str, str]:
        row = questions.set_outcome(store, item, outcome, **given)
        return (
            row["deadline"],
            row["deadline_rule"],
            row["deadline_basis"],
            row["followup_status"],
        )

    body = {"body": "Phòng Kinh tế"}
    assert deadline("pending", **body) == ("2026-03-12", "pending_answer", "30 calendar", "open")
    assert deadline("pending", **body, deadline="12/03/2026") == (
        "2026-03-12",
        "pending_answer",
        "30 calendar",
        "open",
    )
    assert deadline("pending", **body, deadline="2026-03-20") == (
        "2026-03-20",
        "pending_answer",
        "manual",
        "open",
    )
    assert deadline("pending", **body, rule="citizen_notice") == (
        "2026-03-03",
        "citizen_notice",
        "10 working",
        "open",
    )
    assert deadline("written") == ("2026-03-12", "pending_answer", "30 calendar", "open")
    assert deadline("answered", answer="Đã trả lời.") == ("", "", "", "closed")
    row = questions.get_question(store, item)
    assert (row["body_id"], row["body_name"], row["transfer_level"], row["transfer_doc"]) == (
        None,
        "",
        "",
        "",
    )
    [*_, last] = events.history(store, f"question:{item}")
    assert last["kind"] == "question.outcome"
    assert {k: last["data"][k] for k in ("outcome", "before", "body_added", "followup_status")} == {
        "outcome": "answered",
        "before": "written",
        "body_added": "",
        "followup_status": "closed",
    }
    assert "answer" not in last["data"] and "updated_at" not in last["data"]


def test_a_body_new_to_the_list_joins_it_only_when_confirmed(store: Store, meeting: int) -> None:
    item = questions.add_question(store, meeting, summary="Đường hỏng")["id"]
    transfer = {"level": "huyện", "document": "9/CV"}
    with pytest.raises(UnknownBody):
        questions.set_outcome(store, item, "transferred", body="Ban Dân tộc", **transfer)
    with pytest.raises(UnknownBody):
        questions.set_outcome(
            store, item, "transferred", body="Ban Dân tộc", new_body="Ban khác", **transfer
        )
    row = questions.set_outcome(
        store, item, "transferred", body=" Ban  Dân tộc ", new_body="ban dan toc", **transfer
    )
    assert row["body_name"] == "Ban Dân tộc"
    added = store.one("SELECT * FROM bodies WHERE id = ?", (row["body_id"],))
    assert added is not None and (added["name"], added["level"]) == ("Ban Dân tộc", "huyện")
    [*_, last] = events.history(store, f"question:{item}")
    assert last["data"]["body_added"] == "Ban Dân tộc"


def test_questions_are_numbered_per_meeting_and_listed_in_order(store: Store, meeting: int) -> None:
    other = _meeting_on(store, "2026-02-20")
    first = register(store, meeting, consent=True, name="Lê An", village="Thôn Đông")
    second = register(store, meeting, consent=True, name="Trần Bình")
    ask = questions.add_question
    a = ask(store, meeting, number=first["number"], summary="Một", field="Giao thông")
    assert ask(store, other, summary="Khác")["number"] == 1
    b = ask(store, meeting, summary="Hai", raised_by="Bà Lan", raised_village="Thôn Đoài")
    c = ask(store, meeting, number=first["number"], summary="Ba", kind="to_cao")
    assert [q["number"] for q in (a, b, c)] == [1, 2, 3]
    assert (a["source"], b["source"], a["registration_id"], b["registration_id"]) == (
        "spoken",
        "written",
        first["id"],
        None,
    )
    assert (a["kind"], c["kind"], a["field"]) == ("kien_nghi", "to_cao", "Giao thông")
    assert (a["official_name"], a["official_position"]) == (
        "Nguyễn Văn Hùng",
        "Chủ tịch UBND xã",
    )
    assert [q["id"] for q in questions.list_questions(store, meeting)] == [
        a["id"],
        b["id"],
        c["id"],
    ]
    assert [q["id"] for q in questions.questions_of(store, first["id"])] == [a["id"], c["id"]]
    assert [r["id"] for r in questions.citizens_with_questions(store, meeting)] == [first["id"]]
    assert second["id"] not in [r["id"] for r in questions.citizens_with_questions(store, meeting)]
    assert _refusal(questions.citizens_with_questions, store, 9999) == "There is no meeting 9999."
    for q, body in ((c, "Phòng Kinh tế"), (b, "Công an xã"), (a, "Phòng Kinh tế")):
        questions.set_outcome(store, q["id"], "pending", body=body)
    listed = questions.pending_list(store, meeting)
    assert [(r["id"], r["citizen"], r["village"], r["ticket"]) for r in listed] == [
        (b["id"], "Bà Lan", "Thôn Đoài", None),
        (a["id"], "Lê An", "Thôn Đông", first["number"]),
        (c["id"], "Lê An", "Thôn Đông", first["number"]),
    ]
    [added] = [
        e for e in events.history(store, f"question:{b['id']}") if e["kind"] == "question.added"
    ]
    assert added["data"] == {"number": 2, "registration": None, "source": "written", "field": ""}


# --- shared/registrations.py ----------------------------------------------------------


def test_a_registration_refuses_exactly(store: Store, meeting: int) -> None:
    reg = registrations.register
    assert _refusal(reg, store, meeting, consent=True, source="phone", name="A") == (
        "Unknown source: phone."
    )
    assert _refusal(reg, store, meeting, consent=False, name="A") == (
        "The citizen's consent to the privacy notice is required: tick it once they agreed."
    )
    assert _refusal(reg, store, meeting, consent=True, name="A", kind="thư") == (
        "Unknown kind: thư. Use kien_nghi, phan_anh, khieu_nai or to_cao."
    )
    for people in ("nhiều", 0, 10_001):
        assert _refusal(reg, store, meeting, consent=True, name="A", people=people) == (
            f"Invalid number of people: {people}."
        )
    assert _refusal(reg, store, meeting, consent=True, name=" ") == "Full name must not be empty."
    for key, label in (
        ("name", "Full name"),
        ("village", "Village / residential group"),
        ("org", "Organisation represented"),
        ("summary", "Summary"),
    ):
        limit = FIELDS[key].limit
        details = {"name": "A", key: "x" * (limit + 1)}
        assert _refusal(reg, store, meeting, consent=True, **details) == (
            f"{label} is too long: {limit + 1} characters, at most {limit}."
        )
    meetings.set_registration(store, meeting, False)
    assert _refusal(reg, store, meeting, consent=True, name="A") == (
        "Registration to speak is closed."
    )
    assert reg(store, meeting, consent=True, source="secretary", name="A")["number"] == 1
    closed = _meeting_on(store, "2026-01-05")
    meetings.set_status(store, closed, "closed")
    assert _refusal(reg, store, closed, consent=True, source="secretary", name="A") == (
        f"Meeting {closed} is closed; it can no longer be changed."
    )
    assert _refusal(registrations.get_registration, store, 9999) == "There is no ticket 9999."
    assert _refusal(registrations.by_number, store, meeting, 2) == "There is no ticket 2."
    assert _refusal(registrations.by_code, store, "K7QM2D") == "No ticket has the code K7QM2D."


def test_a_registration_is_stored_exactly_and_found_every_way(store: Store, meeting: int) -> None:
    row = registrations.register(
        store,
        meeting,
        consent=True,
        name="  Nguyễn   Văn An ",
        village="Thôn Đông",
        kind="Phản ánh",
        people="3",
        summary="x" * FIELDS["summary"].limit,
    )
    assert {k: row[k] for k in ("number", "position", "name", "name_folded", "kind", "people")} == {
        "number": 1,
        "position": 1,
        "name": "Nguyễn Văn An",
        "name_folded": "nguyen van an",
        "kind": "phan_anh",
        "people": 3,
    }
    assert (row["source"], row["station"], row["status"]) == ("kiosk", "test-station", "waiting")
    assert (row["consent_version"], row["consent_scope"]) == (
        registrations.NOTICE_VERSION,
        "name,village,summary",
    )
    assert row["consent_at"] == row["created_at"] != ""
    [made] = events.history(store, f"registration:{row['id']}")
    assert (made["kind"], made["data"]) == (
        "registration.created",
        {"number": 1, "source": "kiosk", "field": "", "kind": "phan_anh"},
    )
    # the meeting's own log: what `hallkit merge` carries over from another station's file
    logged = store.one("SELECT meeting_id FROM events WHERE id = ?", (made["id"],))
    assert logged == {"meeting_id": meeting}
    assert registrations.get_registration(store, row["id"])["id"] == row["id"]
    assert registrations.by_number(store, meeting, 1)["id"] == row["id"]
    assert registrations.by_code(store, row["code"].lower())["id"] == row["id"]
    second = registrations.register(store, meeting, consent=True, name="B", people=10_000)
    assert (second["number"], second["position"], second["people"]) == (2, 2, 10_000)
    assert second["code"] != row["code"]
    assert registrations.register(store, meeting, consent=True, name="C", people=1)["people"] == 1


def test_a_ticket_is_verified_for_its_own_meeting(store: Store, meeting: int) -> None:
    row = registrations.register(store, meeting, consent=True, name="Lê An")
    signed = registrations.payload(store, row)
    assert signed.startswith(f"{row['code']}-") and "/" not in signed  # no link by default
    assert row["people"] == 1
    with pytest.raises(TypeError, match=r"unknown registration details: \['email'\]"):
        registrations.register(store, meeting, consent=True, name="Lê An", email="a@b.vn")
    assert registrations.verify_payload(store, signed)["id"] == row["id"]
    assert registrations.verify_payload(store, signed, meeting)["id"] == row["id"]
    other = _meeting_on(store, "2026-02-20")
    assert _refusal(registrations.verify_payload, store, signed, other) == (
        f"This ticket belongs to another meeting (meeting {meeting})."
    )
    forged = signed[:-1] + ("A" if signed[-1] != "A" else "B")
    assert _refusal(registrations.verify_payload, store, forged) == (
        "INVALID ticket: the signature does not match (forged or altered)."
    )
    unknown = "K7QM2D-" + signed.split("-")[1]
    assert _refusal(registrations.verify_payload, store, unknown) == (
        "INVALID ticket: the signature does not match (forged or altered)."
    )
    linked = registrations.payload(store, row, "https://xa.example.vn")
    assert linked.startswith("HTTPS://XA.EXAMPLE.VN/T/")
    assert registrations.verify_payload(store, linked)["id"] == row["id"]


def test_duplicates_are_the_same_name_and_village_folded_not_withdrawn(
    store: Store, meeting: int
) -> None:
    reg = registrations.register
    first = reg(store, meeting, consent=True, name="Lê Văn An", village="Thôn Đông")
    reg(store, meeting, consent=True, name="Lê Văn An", village="Thôn Đoài")
    gone = reg(store, meeting, consent=True, name="le van an", village="thon dong")
    speaking.withdraw(store, meeting, gone["number"])
    other = _meeting_on(store, "2026-02-20")
    reg(store, other, consent=True, name="Lê Văn An", village="Thôn Đông")
    found = registrations.likely_duplicates(store, meeting, " LÊ VĂN  AN", "thôn đông")
    assert [r["id"] for r in found] == [first["id"]]
    assert registrations.likely_duplicates(store, meeting, "Lê Văn Anh", "Thôn Đông") == []
    assert _refusal(registrations.likely_duplicates, store, meeting, "x" * 121, "") == (
        "Full name is too long: 121 characters, at most 120."
    )
    assert registrations.likely_duplicates(store, meeting, "x" * 120, "") == []
    last = reg(store, meeting, consent=True, name="Lê Văn An", village="Thôn Đông")
    found = registrations.likely_duplicates(store, meeting, "Lê Văn An", "Thôn Đông")
    assert [r["id"] for r in found] == [first["id"], last["id"]]


def test_speakers_are_listed_in_the_order_they_came_to_the_lectern(
    store: Store, meeting: int
) -> None:
    numbers = [
        registrations.register(store, meeting, consent=True, name=n)["number"]
        for n in ("A", "B", "C", "D", "E")
    ]
    speaking.move(store, meeting, 3, 1)
    for now in (1000.0, 2000.0):
        speaking.call(store, meeting)
        speaking.start(store, meeting, now=now)
        speaking.stop(store, meeting, now=now + 60)
    questions.add_question(store, meeting, number=5, summary="Hỏi mà chưa phát biểu")
    questions.add_question(store, meeting, number=4, summary="Cũng vậy")
    order = [r["number"] for r in registrations.speakers_in_order(store, meeting)]
    assert order == [3, 1, 4, 5]
    assert numbers == [1, 2, 3, 4, 5]


# --- shared/specs.py ------------------------------------------------------------------


def test_a_meetings_kind_is_its_own_or_its_levels_or_a_communes() -> None:
    kind = specs.meeting_kind
    assert kind(None) == kind({}) == "commune"
    assert kind({"kind": "agency", "level": "party"}) == "agency"
    assert kind({"kind": "", "level": "party"}) == "party"
    assert kind({"kind": None, "level": "agency"}) == "agency"
    assert kind({"kind": "", "level": "province"}) == "commune"
    assert kind({"kind": None, "level": None}) == "commune"


def test_a_fields_label_and_column_by_the_meetings_kind() -> None:
    village, name, org = (specs.FIELDS[k] for k in ("village", "name", "org"))
    assert dict(village.labels) == {"agency": "Unit / office"}
    assert dict(name.labels) == {}
    assert dict(specs._labels(party="Chi bộ")) == {"party": "Chi bộ"}
    assert village.label_for() == village.label_for("party") == "Village / residential group"
    assert village.label_for("agency") == "Unit / office"
    assert village.column_for() == "Village"
    assert village.column_for("agency") == "Unit / office"
    assert (name.label_for(), name.column_for(), name.column_for("agency")) == (
        "Full name",
        "Name",
        "Name",
    )
    assert org.column_for() == "Organisation represented"  # no short header: the label


def test_an_outcomes_label_and_no_outcome_yet() -> None:
    assert specs.outcome_label("") == specs.outcome_label(None) == "no outcome yet"
    assert specs.outcome_label("answered") == "answered at the meeting"
    assert specs.outcome_label("transferred") == "transferred"


def test_a_questions_details_refuse_exactly_and_default_to_its_speakers(
    store: Store, meeting: int
) -> None:
    ask = questions.add_question
    assert _refusal(ask, store, meeting) == "Summary must not be empty."
    assert _refusal(ask, store, meeting, summary="x" * 2001) == (
        "Summary is too long: 2001 characters, at most 2000."
    )
    assert _refusal(ask, store, meeting, summary="x", field="x" * 101) == (
        "Field is too long: 101 characters, at most 100."
    )
    speaker = register(
        store, meeting, consent=True, name="Lê An", kind="phan_anh", summary="Đèn", field="Y tế"
    )
    spoken = ask(store, meeting, number=speaker["number"], summary="x" * 2000)
    assert (spoken["kind"], spoken["field"], spoken["raised_by"], spoken["raised_village"]) == (
        "phan_anh",
        "Y tế",
        "",
        "",
    )
    chair = store.one("SELECT id FROM officials WHERE name = 'Nguyễn Văn Hùng'")
    assert chair is not None and spoken["official_id"] == chair["id"]
    [added] = events.history(store, f"question:{spoken['id']}")
    assert added["data"] == {
        "number": 1,
        "registration": speaker["number"],
        "source": "spoken",
        "field": "Y tế",
    }
    no_chair = meetings.create_meeting(store, title="B", date="2026-02-11", start_time="08:00")
    meetings.set_status(store, no_chair, "open")
    alone = ask(store, no_chair, summary="Đường", raised_by="Bà Lan")
    assert (alone["official_id"], alone["official_name"], alone["official_position"]) == (
        None,
        "",
        "",
    )
    assert [q["id"] for q in questions.standalone_questions(store, no_chair)] == [alone["id"]]
    assert questions.standalone_questions(store, meeting) == []
    listed = questions.items(store)
    assert [(r["citizen"], r["village"], r["ticket"]) for r in listed] == []  # none followed up
    questions.set_outcome(store, spoken["id"], "pending", body="Phòng Kinh tế")
    [row] = questions.items(store)
    assert (row["citizen"], row["village"], row["ticket"]) == ("Lê An", "", speaker["number"])


def test_an_outcome_and_an_answerer_are_undone_exactly(store: Store, meeting: int) -> None:
    item = questions.add_question(store, meeting, summary="Đường hỏng")["id"]
    before = questions.get_question(store, item)
    questions.assign(store, item, "Lê Minh Đức")
    assigned = questions.get_question(store, item)
    assert (assigned["official_name"], assigned["official_position"]) == (
        "Lê Minh Đức",
        "Trưởng phòng Kinh tế",
    )
    [*_, event] = events.history(store, f"question:{item}")
    assert (event["kind"], event["data"]) == (
        "question.assigned",
        {"official_id": assigned["official_id"], "official": "Lê Minh Đức"},
    )
    questions.set_outcome(store, item, "pending", body="Phòng Kinh tế")
    [*_, event] = events.history(store, f"question:{item}")
    assert event["data"]["body_added"] == ""  # a body of the list is not "added"
    events.undo_last(store, meeting)
    undone = questions.get_question(store, item)
    assert (undone["outcome"], undone["body_name"], undone["followup_status"]) == ("", "", "")
    assert undone["official_name"] == "Lê Minh Đức"
    events.undo_last(store, meeting)
    assert questions.get_question(store, item)["official_name"] == before["official_name"]


def test_an_outcomes_details_are_required_when_left_out_and_refused_exactly(
    store: Store, meeting: int
) -> None:
    item = questions.add_question(store, meeting, summary="Đường hỏng")["id"]
    outcome = questions.set_outcome
    province_body = "Sở Nông nghiệp và Môi trường"
    assert _refusal(outcome, store, item, "transferred", body=province_body, document="9/CV") == (
        "Level must not be empty."
    )
    assert _refusal(outcome, store, item, "transferred", body=province_body, level="tỉnh") == (
        "Transfer document number must not be empty."
    )
    with pytest.raises(UnknownBody):
        outcome(store, item, "pending", body="Xxxx")  # not confirmed: never added
    assert _refusal(outcome, store, item, "pending", body="x" * 201, new_body="x" * 201) == (
        "Responsible body is too long: 201 characters, at most 200."
    )
    assert _refusal(outcome, store, item, "pending", body="Công an xã", deadline="09/02/2026") == (
        "The deadline 2026-02-09 is before the meeting."
    )
    meeting_row = meetings.get_meeting(store, meeting)
    assert questions.propose_deadline(store, meeting_row, "pending") == (
        "2026-03-12",
        "pending_answer",
        "30 calendar",
    )
    # a party committee's meeting has no rank among the bodies' levels: no task refused
    party = meetings.create_meeting(
        store, title="Đảng ủy", date="2026-02-12", start_time="08:00", level="party"
    )
    meetings.set_status(store, party, "open")
    asked = questions.add_question(store, party, summary="Ý kiến")["id"]
    assert outcome(store, asked, "pending", body=province_body)["body_name"] == province_body
    # a body of no known level is never above the meeting
    questions.set_outcome(store, item, "pending", body="Ban Mới", new_body="Ban Mới")
    again = questions.set_outcome(store, item, "written", body="Ban Mới")
    assert again["body_name"] == "Ban Mới"


# --- shared/speaking.py ---------------------------------------------------------------


def test_the_queue_refuses_exactly(store: Store, meeting: int) -> None:
    assert _refusal(speaking.call, store, meeting) == "Nobody is waiting."
    assert _refusal(speaking.pause, store, meeting) == "Nobody has been called."
    for name in ("A", "B", "C"):
        register(store, meeting, consent=True, name=name)
    speaking.call(store, meeting)
    assert _refusal(speaking.call, store, meeting) == (
        "Number 1 is at the lectern; finish or mark no-show first."
    )
    assert _refusal(speaking.pause, store, meeting) == (
        "Number 1 is not speaking, so the timer cannot pause."
    )
    speaking.start(store, meeting, now=100.0)
    assert _refusal(speaking.resume, store, meeting) == "The timer of number 1 is not paused."
    assert _refusal(speaking.move, store, meeting, 1, 1) == "Cannot move number 1: it is speaking."
    assert (
        _refusal(speaking.move, store, meeting, 2, 3) == "Place 3 is out of range: 2 are waiting."
    )
    planned = meetings.create_meeting(store, title="B", date="2026-02-11", start_time="08:00")
    assert _refusal(speaking.call, store, planned) == f"Meeting {planned} is not open."


def test_each_queue_step_is_one_event_with_what_undo_needs(store: Store, meeting: int) -> None:
    rows = [register(store, meeting, consent=True, name=n) for n in ("A", "B", "C", "D")]
    called = speaking.call(store, meeting)
    assert called["called_at"] is not None
    paused = speaking.start(store, meeting, now=100.0) and speaking.pause(store, meeting, now=130.0)
    assert paused["speech_paused"] == 130.0
    speaking.move(store, meeting, 4, 1)
    [*_, moved] = events.history(store, f"registration:{rows[3]['id']}")
    assert (moved["kind"], moved["data"]) == ("queue.move", {"number": 4, "place": 1})
    [*_, call] = [e for e in events.history(store, f"registration:{rows[0]['id']}")]
    assert call["kind"] == "queue.pause" and call["data"]["number"] == 1
    [first_call] = [
        e
        for e in events.history(store, f"registration:{rows[0]['id']}")
        if e["kind"] == "queue.call"
    ]
    assert first_call["data"] == {"number": 1, "before": "waiting", "after": "called"}
    speaking.stop(store, meeting, now=200.0)
    speaking.call(store, meeting)  # 4, moved first
    speaking.no_show(store, meeting, 4)
    waiting = {
        r["number"]: r["position"]
        for r in speaking.queue(store, meeting)
        if r["status"] == "waiting"
    }
    speaking.recall(store, meeting, 4)
    after = {
        r["number"]: r["position"]
        for r in speaking.queue(store, meeting)
        if r["status"] == "waiting"
    }
    assert after == {**waiting, 4: min(waiting.values()) - 1}
    events.undo_last(store, meeting)  # the recall
    events.undo_last(store, meeting)  # the no-show
    assert speaking.queue(store, meeting)[0]["number"] == 4
    ids = [r["id"] for r in rows]
    tuples = speaking.registration_tuples(store, meeting, "number", ids[:3])
    assert sorted(t[0] for t in tuples) == [1, 2, 3]
    assert sorted(t[0] for t in speaking.registration_tuples(store, meeting, "number")) == [
        1,
        2,
        3,
        4,
    ]


def test_tuples_by_id_are_read_in_chunks_of_500_each_once(store: Store, meeting: int) -> None:
    first, second = (register(store, meeting, consent=True, name=n)["id"] for n in ("A", "B"))
    # the two real ids sit where chunks of 500 begin and end; 0 is no registration
    ids = [0] * 500 + [first] + [0] * 599 + [second] + [0] * 50
    found = speaking.registration_tuples(store, meeting, "id", ids)
    assert sorted(t[0] for t in found) == [first, second]


def test_without_a_time_given_the_clock_is_now(store: Store, meeting: int) -> None:
    register(store, meeting, consent=True, name="A")
    speaking.call(store, meeting)
    before = time.time()
    started = speaking.start(store, meeting)
    assert before <= started["speech_started"] <= time.time()
    [row] = [r for r in speaking.queue(store, meeting) if r["number"] == 1]
    assert speaking.elapsed(row) >= 0.0
    row = {**row, "speech_started": before - 30.0}
    assert speaking.elapsed(row) >= 30.0
