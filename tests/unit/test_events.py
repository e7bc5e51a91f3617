"""The event log: every kind written is an EventKind, the stored strings never change, and
undo puts back the latest change of this meeting only."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from printing import jobs
from printing.connections import connect
from printing.documents import ticket_for
from shared import (
    agenda,
    events,
    followup,
    meetings,
    prepare,
    prepared,
    questions,
    speaking,
    workdays,
)
from shared.answer_requests import read_answers, write_requests
from shared.db import Store, open_store
from shared.deadlines import DAY_OFF
from shared.events import EventKind
from shared.i18n import UserError
from shared.import_bodies import import_bodies
from shared.importing import import_csv
from shared.merge import merge
from shared.registrations import get_registration, register
from shared.retention import purge
from tests.conftest import snapshot

# The kinds as databases already hold them: a kind may be added, never renamed.
STORED_BEFORE_THE_ENUM = {
    "agenda.set", "agenda.step", "calendar.removed", "calendar.set", "demo.reference_lists",
    "followup.answered", "followup.extended", "followup.in_progress", "followup.informed",
    "followup.satisfaction", "followup.transferred", "import.fields", "import.officials",
    "import.opinions", "import.villages", "meeting.closed", "meeting.conclusion",
    "meeting.created", "meeting.open", "meeting.updated", "merge", "print.done",
    "print.failed", "print.queued", "print.recovered", "print.retry", "print.sending", "print.sent", "question.added",
    "question.assigned", "question.outcome", "queue.call", "queue.move", "queue.no_show",
    "queue.pause", "queue.recall", "queue.resume", "queue.start", "queue.stop",
    "queue.withdraw", "registration.closed", "registration.created", "registration.opened",
    "retention.purge", "undo",
}  # fmt: skip


def kinds_written(store: Store) -> set[str]:
    return {kind for (kind,) in store.conn.execute("SELECT DISTINCT kind FROM events")}


def csv(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def other_hall(path: Path) -> None:
    other = open_store(path, "xa-khac")
    theirs = meetings.create_meeting(other, title="Xã Khác", date="2026-02-20", start_time="08:00")
    meetings.set_status(other, theirs, "open")
    other.close()


def write_every_kind(store: Store, meeting: int, tmp_path: Path) -> None:
    """One run through every writer of the core."""
    workdays.set_override(store, "2026-03-02", DAY_OFF)
    workdays.remove_override(store, "2026-03-02")
    meetings.update_meeting(store, meeting, place="Hội trường xã")
    agenda.set_steps(store, meeting, ["Khai mạc", "Đối thoại"])
    agenda.go_to_step(store, meeting, 2)
    meetings.set_registration(store, meeting, False)
    meetings.set_registration(store, meeting, True)
    for name in ("Hoàng Văn Bình", "Lê Thị Hoa", "Trần Quốc Toản", "Phạm Thị Mai"):
        register(store, meeting, consent=True, name=name, summary=f"Ý kiến của {name}")
    speaking.call(store, meeting)
    speaking.start(store, meeting, now=100.0)
    speaking.pause(store, meeting, now=110.0)
    speaking.resume(store, meeting, now=120.0)
    speaking.stop(store, meeting, now=130.0)
    speaking.no_show(store, meeting, 2)
    speaking.recall(store, meeting, 2)
    speaking.withdraw(store, meeting, 3)
    speaking.move(store, meeting, 4, 1)
    events.undo_last(store, meeting)
    asked = questions.add_question(store, meeting, number=1)
    questions.assign(store, asked["id"], "Nguyễn Văn Hùng")
    questions.set_outcome(store, asked["id"], "pending", body="Phòng Kinh tế")
    followup.start(store, asked["id"])
    followup.extend(store, asked["id"], deadline="2026-04-30", reason="Chờ đo đạc")
    followup.transfer(store, asked["id"], body="Công an xã")
    followup.answer(store, asked["id"], on="2026-04-01", document="1/UBND", summary="Xong")
    followup.inform(store, asked["id"], on="2026-04-02", how="Điện thoại")
    followup.rate(store, asked["id"], "satisfied")
    agenda.set_conclusion(store, meeting, "Kết luận của Chủ tịch")

    ticket = ticket_for(store, get_registration(store, asked["registration_id"])["id"], "vi")
    job = jobs.enqueue(store, ticket, meeting_id=meeting)
    jobs.send_due(store, connect(f"preview:{tmp_path / 'paper'}"))
    jobs.retry(store, job)
    jobs.send_due(store, connect(f"file:{tmp_path}/no/such/lp0"))
    jobs.retry(store, job)
    jobs.send_due(store, connect("file:/dev/null"))  # a device takes it without a word: sent
    jobs.retry(store, job)
    jobs.claim(store, now=0.0)  # the station dies while sending
    jobs.recover(store, now=10_000.0)

    import_csv(store, "officials", csv(tmp_path, "o.csv", "name,position\nĐỗ Văn Mới,Cán bộ\n"))
    import_csv(store, "villages", csv(tmp_path, "v.csv", "name\nThôn Mới\n"))
    import_csv(store, "fields", csv(tmp_path, "f.csv", "name\nLĩnh vực mới\n"))
    import_csv(store, "opinions", csv(tmp_path, "p.csv", "summary\nĐề nghị mới\n"), meeting)
    _prepare_every_kind(store, meeting, tmp_path)
    import_bodies(store, csv(tmp_path, "b.txt", "Sở Tài nguyên và Môi trường tỉnh Hải Dương\n"))
    other_hall(tmp_path / "other.db")
    merge(store, tmp_path / "other.db")
    meetings.set_status(store, meeting, "closed")
    meetings.set_published(store, meeting)
    meetings.set_published(store, meeting, False)
    assert purge(store, "2027-01-01", 6, today=dt.date(2026, 12, 1)) > 0


def _prepare_every_kind(store: Store, meeting: int, tmp_path: Path) -> None:
    """Before the meeting (shared/prepare.py): group, split, assign, answer, requests out
    and read back."""
    first = questions.add_question(store, meeting, summary="Đường hỏng", source="pre_collected")
    second = questions.add_question(store, meeting, summary="Hỏng đường", source="pre_collected")
    prepare.group(store, [first["id"], second["id"]])
    prepare.ungroup(store, first["id"])
    prepare.assign(store, first["id"], "Phòng Kinh tế")
    prepare.answer(store, first["id"], "Đã có kế hoạch sửa")
    for path in write_requests(store, meeting, tmp_path / "requests", "vi"):
        read_answers(store, path)
    spoken = questions.add_question(store, meeting, summary="Đường hỏng lâu", source="written")
    prepared.link(store, spoken["id"], first["id"])


def test_every_kind_the_core_writes_is_a_member(store: Store, meeting: int, tmp_path: Path) -> None:
    """The log holds only EventKind values, and every member is written by some writer
    (none is dead)."""
    write_every_kind(store, meeting, tmp_path)
    written = kinds_written(store)
    assert written <= {kind.value for kind in EventKind}
    assert written == set(EventKind)


def test_a_kind_outside_the_enum_is_refused_and_nothing_is_stored(
    store: Store, meeting: int
) -> None:
    before = snapshot(store)
    with pytest.raises(ValueError, match="queue.jump"), store.write():
        events.record(store, "queue.jump", meeting, f"meeting:{meeting}")  # type: ignore[arg-type]
    assert snapshot(store) == before


def test_the_stored_strings_stay_as_existing_databases_hold_them() -> None:
    assert STORED_BEFORE_THE_ENUM <= {kind.value for kind in EventKind}
    assert EventKind.QUEUE_NO_SHOW == "queue.no_show" and EventKind.UNDO == "undo"


def test_history_is_one_subjects_events_oldest_first(store: Store, meeting: int) -> None:
    register(store, meeting, consent=True, name="Hoàng Văn Bình", summary="Đường")
    asked = questions.add_question(store, meeting, number=1)
    questions.set_outcome(store, asked["id"], "pending", body="Phòng Kinh tế")
    other = questions.add_question(store, meeting, summary="Điện", raised_by="Hội Phụ nữ")
    questions.set_outcome(store, other["id"], "answered", answer="Đã sửa")
    found = events.history(store, f"question:{asked['id']}")
    assert [e["kind"] for e in found] == ["question.added", "question.outcome"]
    assert found[1]["data"]["outcome"] == "pending" and "_undo" not in found[1]["data"]


@pytest.fixture
def two_meetings(store: Store, meeting: int) -> tuple[int, int]:
    second = meetings.create_meeting(
        store, title="Thôn Đoài", date="2026-02-11", start_time="14:00"
    )
    meetings.set_status(store, second, "open")
    for held in (meeting, second):
        register(store, held, consent=True, name="Hoàng Văn Bình")
    return meeting, second


def test_undo_never_touches_another_meetings_rows(
    store: Store, two_meetings: tuple[int, int]
) -> None:
    mine, theirs = two_meetings
    speaking.call(store, theirs)
    their_row = get_registration(store, 2)
    assert their_row["meeting_id"] == theirs and their_row["status"] == "called"
    with store.write():  # an event of this meeting that names the other meeting's row
        events.record(
            store,
            EventKind.QUEUE_CALL,
            mine,
            f"registration:{their_row['id']}",
            _undo={"registrations": {their_row["id"]: {"status": "waiting"}}},
        )
    before = snapshot(store)
    with pytest.raises(UserError, match="Nothing left to undo\\."):
        events.undo_last(store, mine)
    assert snapshot(store) == before
    assert events.undo_last(store, theirs)["kind"] == "queue.call"  # their own undo works
    assert get_registration(store, their_row["id"])["status"] == "waiting"


def test_undo_refuses_a_closed_or_unknown_meeting(store: Store, meeting: int) -> None:
    register(store, meeting, consent=True, name="Hoàng Văn Bình")
    speaking.call(store, meeting)
    speaking.start(store, meeting)
    speaking.stop(store, meeting)
    meetings.set_status(store, meeting, "closed")
    before = snapshot(store)
    with pytest.raises(UserError, match="is closed; it can no longer be changed\\."):
        events.undo_last(store, meeting)
    with pytest.raises(UserError, match="There is no meeting"):
        events.undo_last(store, 999)
    assert snapshot(store) == before
