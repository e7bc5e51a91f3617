"""What the web face shows, exactly (what the mutation run of shared/public.py found
untested, bench/mutation.md): the hall display's state in each case, a published
meeting's results with its villages and its breakdown, the name a citizen's page shows."""

from __future__ import annotations

from typing import Any

from shared import meetings, public, questions, registrations, retention, speaking
from shared.db import Store

TITLE = "Hội nghị đối thoại xã Minh Hòa"  # the `meeting` fixture's


def _speakers(store: Store, meeting: int, count: int) -> list[dict[str, Any]]:
    return [
        registrations.register(store, meeting, consent=True, name=f"Nguyễn Văn {i}")
        for i in range(1, count + 1)
    ]


def test_the_hall_display_shows_each_state_exactly(store: Store, meeting: int) -> None:
    assert public.hall_state(store, now=0.0) == {
        **public.EMPTY_HALL,
        "meeting": TITLE,
        "limit": 300,
    }
    _speakers(store, meeting, 8)
    base = {**public.EMPTY_HALL, "meeting": TITLE, "limit": 300}
    assert public.hall_state(store, now=0.0) == {**base, "next": [1, 2, 3, 4, 5]}
    speaking.call(store, meeting)
    assert public.hall_state(store, now=0.0) == {
        **base,
        "number": 1,
        "state": "called",
        "next": [2, 3, 4, 5, 6],
    }
    speaking.start(store, meeting, now=1000.0)
    assert public.hall_state(store, now=1042.7) == {
        **base,
        "number": 1,
        "state": "speaking",
        "elapsed": 42,
        "running": True,
        "next": [2, 3, 4, 5, 6],
    }
    speaking.pause(store, meeting, now=1050.0)
    meetings.update_meeting(store, meeting, display_names=1)
    assert public.hall_state(store, now=5000.0) == {
        **base,
        "number": 1,
        "state": "paused",
        "name": "Nguyễn Văn 1",
        "elapsed": 50,
        "running": False,
        "next": [2, 3, 4, 5, 6],
    }


def test_with_two_meetings_open_the_display_follows_the_one_at_the_lectern(
    store: Store, meeting: int
) -> None:
    other = meetings.create_meeting(
        store, title="Hội nghị B", date="2026-02-11", start_time="08:00"
    )
    meetings.set_status(store, other, "open")
    _speakers(store, meeting, 2)
    _speakers(store, other, 2)
    assert public.hall_state(store, now=0.0) == {**public.EMPTY_HALL}  # neither: no guess
    speaking.call(store, other)
    state = public.hall_state(store, now=0.0)
    assert (state["meeting"], state["number"], state["next"]) == ("Hội nghị B", 1, [2])


def _opinion(store: Store, meeting: int, village: str, **given: Any) -> int:
    row = questions.add_question(
        store, meeting, summary=f"Ý kiến ở {village}", raised_village=village, **given
    )
    return int(row["id"])


def test_published_results_name_only_villages_enough_people_spoke_for(
    store: Store, meeting: int
) -> None:
    east = [_opinion(store, meeting, "Thôn Đông", field="Giao thông") for _ in range(3)]
    _opinion(store, meeting, "Thôn Đoài", field="Giao thông")  # alone: not named
    _opinion(store, meeting, "Thôn Đông", kind="to_cao")  # a denunciation: never shown
    withdrawn = _opinion(store, meeting, "Thôn Đông")
    spoke = registrations.register(store, meeting, consent=True, name="Lê An", village="Thôn Bắc")
    gone = registrations.register(store, meeting, consent=True, name="Lê Bình", village="Thôn Bắc")
    asked = questions.add_question(store, meeting, number=spoke["number"], summary="Đèn hỏng")
    questions.add_question(store, meeting, number=gone["number"], summary="Cầu hỏng")
    speaking.withdraw(store, meeting, gone["number"])
    questions.set_outcome(store, east[0], "answered", answer="Đã sửa.")
    questions.set_outcome(store, east[1], "pending", body="Phòng Kinh tế")
    questions.set_outcome(store, withdrawn, "withdrawn")
    uid = meetings.get_meeting(store, meeting)["uid"]
    assert public.published_results(store, uid) is None  # not yet published
    meetings.set_published(store, meeting)
    shown = public.published_results(store, uid)
    assert shown is not None
    assert (shown["id"], shown["title"], shown["date"]) == (meeting, TITLE, "2026-02-10")
    assert {
        field: [(r["number"], r["village"]) for r in rows]
        for field, rows in shown["by_field"].items()
    } == {
        "": [(asked["number"], "")],
        "Giao thông": [(1, "Thôn Đông"), (2, "Thôn Đông"), (3, "Thôn Đông"), (4, "")],
    }
    assert shown["breakdown"] == [
        ("answered at the meeting", 1),
        ("pending", 1),
        ("transferred", 0),
        ("written reply", 0),
        ("no outcome yet", 3),
    ]
    two = public.published_results(store, uid, village_min=2)
    assert two is not None and [r["village"] for r in two["by_field"][""]] == ["Thôn Bắc"]
    assert public.published_results(store, "no-such-meeting") is None


def test_a_citizens_page_names_them_masked_or_not_at_all(store: Store, meeting: int) -> None:
    row = registrations.register(store, meeting, consent=True, name="Nguyễn Văn An")
    token = registrations.payload(store, row)
    by_token, by_code = (
        public.citizen_by_token(store, token),
        public.citizen_by_code(store, row["code"]),
    )
    assert by_token is not None and by_token["name"] == "Nguyễn V. A."
    assert by_code is not None and by_code["name"] == ""
    assert public.citizen_by_code(store, "K7QM2D") is None
    assert public.citizen_by_token(store, "not a token") is None
    assert [public.mask_name(n) for n in ("", "  ", "An", "Lê  Thị Hoa")] == [
        "",
        "",
        "A.",
        "Lê T. H.",
    ]
    meetings.set_status(store, meeting, "closed")
    retention.purge(store, "2099-01-01", 1)
    page = public.citizen_by_token(store, token)
    assert page is not None and page["name"] == ""
