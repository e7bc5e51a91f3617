"""The core's read functions the stations and documents use instead of their own SQL:
the meeting record the exporter prints, the speakers and the pending list, the citizens
who get a slip, the open and the latest meeting."""

from __future__ import annotations

import pytest

from shared import agenda, meetings, questions, speaking
from shared.db import Store
from shared.i18n import UserError
from shared.record import gather
from shared.registrations import register, speakers_in_order


@pytest.fixture
def day(store: Store, meeting: int) -> int:
    """Five registered: 3 speaks first, then 1; 2 never speaks but a question is logged
    for them; 4 is waiting; 5 withdrew. Two written questions, one to be answered in
    writing; another meeting's rows."""
    people = {}
    for name in ("Hoàng Văn Bình", "Lê Thị Hoa", "Trần Quốc Toản", "Phạm Thị Mai", "Đỗ Văn Nam"):
        people[name] = register(
            store,
            meeting,
            consent=True,
            name=name,
            village="Thôn Đông",
            summary=f"Ý kiến của {name}",
            phone="0912345678",
        )
    for number in (3, 1):
        speaking.call(store, meeting, number)
        speaking.start(store, meeting)
        speaking.stop(store, meeting)
    speaking.withdraw(store, meeting, 5)
    for number, outcome, details in (
        (
            1,
            "transferred",
            {"body": "Sở Nông nghiệp và Môi trường", "level": "tỉnh", "document": "9"},
        ),
        (3, "answered", {"answer": "Đã có kế hoạch"}),
        (2, "pending", {"body": "Công an xã"}),
        (1, "pending", {"body": "Công an xã", "deadline": "2026-02-20"}),
    ):
        asked = questions.add_question(store, meeting, number=number)
        questions.set_outcome(store, asked["id"], outcome, **details)
    written = questions.add_question(store, meeting, summary="Lịch tiêm", raised_by="Hội Phụ nữ")
    questions.set_outcome(store, written["id"], "pending", body="Công an xã")
    market = questions.add_question(store, meeting, summary="Chợ", raised_village="Thôn Hạ")
    questions.set_outcome(store, market["id"], "written")  # answered in writing: not listed
    agenda.set_steps(store, meeting, ["Khai mạc", "Đối thoại", "Kết luận"])
    elsewhere = meetings.create_meeting(store, title="Khác", date="2026-03-01", start_time="08:00")
    meetings.set_status(store, elsewhere, "open")
    row = register(store, elsewhere, consent=True, name="Người Khác", summary="Ở nơi khác")
    questions.add_question(store, elsewhere, number=row["number"])
    return meeting


def test_speakers_in_the_order_they_came_to_the_lectern(store: Store, day: int) -> None:
    found = [(r["number"], r["name"]) for r in speakers_in_order(store, day)]
    assert found == [(3, "Trần Quốc Toản"), (1, "Hoàng Văn Bình"), (2, "Lê Thị Hoa")]


def test_pending_list_holds_every_followed_up_item_by_body_deadline_number(
    store: Store, day: int
) -> None:
    found = [
        (r["body_name"], r["deadline"], r["number"], r["citizen"], r["ticket"])
        for r in questions.pending_list(store, day)
    ]
    assert found == [
        ("", "2026-03-12", 6, "", None),  # to be answered in writing: on the list too
        ("Công an xã", "2026-02-20", 4, "Hoàng Văn Bình", 1),
        ("Công an xã", "2026-03-12", 3, "Lê Thị Hoa", 2),
        ("Công an xã", "2026-03-12", 5, "Hội Phụ nữ", None),
        ("Sở Nông nghiệp và Môi trường", "2026-03-03", 1, "Hoàng Văn Bình", 1),
    ]
    assert {r["village"] for r in questions.pending_list(store, day)} == {
        "Thôn Đông",
        "Thôn Hạ",
        "",
    }


def test_citizens_with_questions_by_number(store: Store, day: int) -> None:
    assert [r["number"] for r in questions.citizens_with_questions(store, day)] == [1, 2, 3]
    with pytest.raises(UserError, match="There is no meeting"):
        questions.citizens_with_questions(store, 999)


def test_find_question(store: Store, day: int) -> None:
    first = questions.list_questions(store, day)[0]
    assert questions.find_question(store, first["id"]) == first
    assert questions.find_question(store, 999) is None


def test_the_record_gathers_speakers_their_questions_and_the_rest(store: Store, day: int) -> None:
    record = gather(store, day)
    assert [(s.number, [q["number"] for q in s.questions]) for s in record.speakers] == [
        (3, [2]),
        (1, [1, 4]),
        (2, [3]),
    ]
    # masked here, so no document can print a phone number
    assert {s.phone for s in record.speakers} == {"*******678"}
    assert [q["summary"] for q in record.standalone] == ["Lịch tiêm", "Chợ"]
    assert [q["number"] for q in record.pending] == [6, 4, 3, 5, 1]
    assert record.program == ["Khai mạc", "Đối thoại", "Kết luận"]
    assert (record.totals.questions, record.totals.registered) == (6, 5)
    assert record.draft and str(record.date) == "2026-02-10"


def test_open_meetings_and_the_latest_one(store: Store) -> None:
    assert meetings.latest_meeting(store) is None and meetings.open_meetings(store) == []
    made = {}
    for title, date in (("A", "2026-02-10"), ("B", "2026-03-01"), ("C", "2026-03-01")):
        made[title] = meetings.create_meeting(store, title=title, date=date, start_time="08:00")
    meetings.create_meeting(store, title="D", date="2026-01-05", start_time="08:00")
    for title in ("C", "A"):
        meetings.set_status(store, made[title], "open")
    assert [m["title"] for m in meetings.open_meetings(store)] == ["A", "C"]
    latest = meetings.latest_meeting(store)
    assert latest is not None and latest["title"] == "C"  # same day: the one created last
    meetings.set_status(store, made["C"], "closed")
    assert [m["title"] for m in meetings.open_meetings(store)] == ["A"]
