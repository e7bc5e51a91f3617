import sqlite3
from pathlib import Path

import pytest

from shared import events, meetings, speaking
from shared.db import Store, open_store
from shared.i18n import UserError
from shared.registrations import register
from tests.conftest import snapshot


@pytest.fixture
def queue5(store: Store, meeting: int) -> int:
    for name in ["Hoàng Văn Bình", "Lê Thị Hoa", "Trần Quốc Toản", "Phạm Văn Đồng", "Ngô Mây"]:
        register(store, meeting, consent=True, name=name)
    return meeting


def waiting(store: Store, meeting: int) -> list[int]:
    return [r["number"] for r in speaking.queue(store, meeting) if r["status"] == "waiting"]


def test_a_whole_speaking_cycle_with_pauses(store: Store, queue5: int) -> None:
    called = speaking.call(store, queue5)
    assert (called["number"], called["status"]) == (1, "called")
    assert speaking.start(store, queue5, now=1000.0)["status"] == "speaking"
    speaking.pause(store, queue5, now=1060.0)
    row = speaking.at_lectern(store, queue5)
    assert row is not None and speaking.elapsed(row, now=5000.0) == 60.0  # paused: frozen
    speaking.resume(store, queue5, now=1090.0)
    row = speaking.at_lectern(store, queue5)
    assert row is not None and speaking.elapsed(row, now=1100.0) == 70.0
    done = speaking.stop(store, queue5, now=1150.0)
    assert done["status"] == "done" and done["duration"] == 120.0
    assert speaking.call(store, queue5)["number"] == 2


def test_illegal_transitions_are_refused_with_a_clear_error(store: Store, queue5: int) -> None:
    before = snapshot(store)
    with pytest.raises(UserError, match="Nobody\\ has\\ been\\ called\\."):
        speaking.start(store, queue5)
    with pytest.raises(UserError, match=":\\ it\\ is") as refused:
        speaking.recall(store, queue5, 3)
    assert refused.value.message("vi") == "Không thể gọi lại số 3: số này đang chờ."
    with pytest.raises(UserError, match="There\\ is\\ no\\ ticket"):
        speaking.no_show(store, queue5, 99)
    assert snapshot(store) == before
    speaking.call(store, queue5)
    with pytest.raises(
        UserError, match="is\\ at\\ the\\ lectern;\\ finish\\ or\\ mark\\ no\\-show\\ first\\."
    ):
        speaking.call(store, queue5, 3)
    with pytest.raises(
        UserError, match="is\\ not\\ speaking,\\ so\\ the\\ timer\\ cannot\\ pause\\."
    ):
        speaking.pause(store, queue5)
    with pytest.raises(UserError, match="The\\ timer\\ of\\ number"):
        speaking.resume(store, queue5)


def test_no_show_then_recall_goes_to_the_head_of_the_queue(store: Store, queue5: int) -> None:
    speaking.call(store, queue5)
    speaking.no_show(store, queue5, 1)
    speaking.call(store, queue5)
    speaking.start(store, queue5)
    speaking.stop(store, queue5)
    speaking.recall(store, queue5, 1)
    assert waiting(store, queue5) == [1, 3, 4, 5]
    assert speaking.call(store, queue5)["number"] == 1


def test_withdraw_keeps_the_number(store: Store, queue5: int) -> None:
    speaking.withdraw(store, queue5, 2)
    assert waiting(store, queue5) == [1, 3, 4, 5]
    assert register(store, queue5, consent=True, name="Mới Đến")["number"] == 6
    with pytest.raises(UserError, match=":\\ it\\ is"):
        speaking.call(store, queue5, 2)


def test_move_reorders_only_the_waiting(store: Store, queue5: int) -> None:
    speaking.move(store, queue5, 5, 1)
    assert waiting(store, queue5) == [5, 1, 2, 3, 4]
    speaking.move(store, queue5, 5, 3)
    assert waiting(store, queue5) == [1, 2, 5, 3, 4]
    with pytest.raises(UserError, match="is\\ out\\ of\\ range:"):
        speaking.move(store, queue5, 1, 9)
    assert speaking.call(store, queue5)["number"] == 1
    with pytest.raises(UserError, match=":\\ it\\ is"):
        speaking.move(store, queue5, 1, 2)


def test_the_queue_needs_an_open_meeting(store: Store, queue5: int) -> None:
    meetings.set_status(store, queue5, "closed")
    with pytest.raises(UserError, match="is\\ not\\ open\\."):
        speaking.call(store, queue5)


def test_a_restarted_station_sees_the_same_timer(db_path: Path, store: Store, queue5: int) -> None:
    speaking.call(store, queue5)
    speaking.start(store, queue5, now=2000.0)
    speaking.pause(store, queue5, now=2045.0)
    store.close()  # the station is killed
    again = open_store(db_path)
    row = speaking.at_lectern(again, queue5)
    assert row is not None and row["number"] == 1
    assert speaking.elapsed(row, now=9999.0) == 45.0
    speaking.resume(again, queue5, now=2100.0)
    assert speaking.stop(again, queue5, now=2110.0)["duration"] == 55.0
    again.close()


def test_undo_walks_back_through_queue_actions(store: Store, queue5: int) -> None:
    from tests.conftest import snapshot as rows_of

    start = rows_of(store)["registrations"]
    speaking.call(store, queue5)
    speaking.start(store, queue5, now=100.0)
    speaking.pause(store, queue5, now=130.0)
    speaking.move(store, queue5, 5, 1)
    for expected in ("queue.move", "queue.pause", "queue.start", "queue.call"):
        assert events.undo_last(store, queue5)["kind"] == expected
    assert rows_of(store)["registrations"] == start
    with pytest.raises(UserError, match="Nothing left to undo\\."):
        events.undo_last(store, queue5)
    assert speaking.call(store, queue5)["number"] == 1


def test_two_consoles_never_both_put_a_speaker_at_the_lectern(
    db_path: Path, queue5: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The partial unique index holds even when a console's own check is passed by: one
    console calls number 1; the other, on its own connection, tries to put number 2 there
    with a raw write and with a call whose check saw nobody (as a stale read would)."""
    first, second = open_store(db_path, "console-1"), open_store(db_path, "console-2")
    try:
        assert speaking.call(first, queue5)["number"] == 1
        before = snapshot(second)
        with pytest.raises(sqlite3.IntegrityError, match="UNIQUE"), second.write():
            second.conn.execute(
                "UPDATE registrations SET status = 'called' WHERE meeting_id = ? AND number = 2",
                (queue5,),
            )
        monkeypatch.setattr(speaking, "at_lectern", lambda store, meeting_id: None)
        with pytest.raises(sqlite3.IntegrityError, match="UNIQUE"):
            speaking.call(second, queue5, 2)
        assert snapshot(second) == before
        assert not second.conn.in_transaction  # the failed call rolled back its write lock
    finally:
        first.close()
        second.close()


def test_a_meeting_is_not_closed_while_someone_is_at_the_lectern(store: Store, queue5: int) -> None:
    for step in (speaking.call, speaking.start):
        step(store, queue5)
        before = snapshot(store)
        with pytest.raises(
            UserError, match="is still at the lectern; finish before closing the meeting\\."
        ) as refused:
            meetings.set_status(store, queue5, "closed")
        assert refused.value.message("en").startswith("Number 1 is still at the lectern")
        assert snapshot(store) == before
    speaking.stop(store, queue5)
    assert meetings.set_status(store, queue5, "closed")["status"] == "closed"


def test_a_no_show_is_called_again_only_after_a_recall(store: Store, queue5: int) -> None:
    speaking.call(store, queue5)
    speaking.no_show(store, queue5, 1)
    before = snapshot(store)
    with pytest.raises(UserError, match=": it is") as refused:
        speaking.call(store, queue5, 1)
    assert refused.value.message("vi") == "Không thể gọi số 1: số này vắng mặt."
    with pytest.raises(UserError, match=": it is"):
        speaking.no_show(store, queue5, 1)
    assert snapshot(store) == before
    speaking.recall(store, queue5, 1)
    assert speaking.call(store, queue5, 1)["status"] == "called"
