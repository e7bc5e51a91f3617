"""An opinion raised again is matched with the item of an earlier meeting, open or closed,
and told with what became of it."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from click.testing import CliRunner

from shared import meetings, prepare, questions, recurrence
from shared.cli import cli, load_station_commands
from shared.db import Store

load_station_commands()  # `prepare` is the office's (office/cli.py)

TODAY = dt.date.today()


def earlier_meeting(store: Store, date: str = "2025-12-10") -> dict[str, int]:
    """A meeting held before the fixture's (2026-02-10): a road left pending, now 20 days
    overdue; medicines answered at the meeting; a withdrawn item."""
    held = meetings.create_meeting(store, title="Đối thoại cuối năm", date=date, start_time="08:00")
    meetings.set_status(store, held, "open")
    road = questions.add_question(
        store,
        held,
        summary="Tuyến đường liên thôn Đông - Đoài xuống cấp, nhiều ổ gà",
        field="Giao thông",
    )
    questions.set_outcome(store, road["id"], "pending", body="Phòng Kinh tế")
    late = (TODAY - dt.timedelta(days=20)).isoformat()
    store.conn.execute("UPDATE questions SET deadline = ? WHERE id = ?", (late, road["id"]))
    store.conn.commit()
    drugs = questions.add_question(
        store, held, summary="Trạm y tế xã thiếu thuốc bảo hiểm y tế", field="Y tế"
    )
    questions.set_outcome(store, drugs["id"], "answered", answer="Đã bổ sung thuốc.")
    gone = questions.add_question(store, held, summary="Đèn chiếu sáng đường trục xã bị hỏng")
    questions.set_outcome(store, gone["id"], "withdrawn")
    return {"meeting": held, "road": road["id"], "drugs": drugs["id"]}


def gathered(store: Store, meeting: int, summary: str, field: str) -> int:
    row = questions.add_question(
        store, meeting, summary=summary, field=field, source="pre_collected"
    )
    return int(row["id"])


def test_an_opinion_raised_again_is_told_with_its_earlier_fate(store: Store, meeting: int) -> None:
    before = earlier_meeting(store)
    road = gathered(
        store, meeting, "Đề nghị sửa đường liên thôn Đoài Đông, ổ gà nhiều", "Giao thông"
    )
    drugs = gathered(store, meeting, "Khám BHYT ở trạm y tế thiếu thuốc bảo hiểm", "Y tế")
    new = gathered(store, meeting, "Đề nghị mở rộng đường vào nghĩa trang", "Giao thông")
    lamp = gathered(store, meeting, "Đèn chiếu sáng đường trục xã bị hỏng", "")
    rows = prepare.gathered(store, meeting)
    found = recurrence.of_meeting(store, meeting, rows)
    assert set(found) == {road, drugs}  # the withdrawn lamp is not a repeat; the new one is new
    assert [e.question_id for e in found[road]] == [before["road"]]
    assert found[road][0].told("vi", TODAY) == (
        "đã nêu tại hội nghị ngày 10/12/2025 (ý kiến số 1) — chưa giải quyết, quá hạn 20 ngày"
    )
    assert found[road][0].told("en", TODAY) == (
        "raised at the meeting of 10/12/2025 (opinion no. 1) — not settled, 20 days overdue"
    )
    assert found[drugs][0].told("vi", TODAY) == (
        "đã nêu tại hội nghị ngày 10/12/2025 (ý kiến số 2) — đã trả lời ngày 10/12/2025"
    )
    assert new not in found and lamp not in found


def test_only_earlier_meetings_count(store: Store, meeting: int) -> None:
    earlier_meeting(store, date="2026-03-01")  # held after the fixture's meeting
    gathered(store, meeting, "Đề nghị sửa đường liên thôn Đoài Đông, ổ gà nhiều", "Giao thông")
    assert recurrence.of_meeting(store, meeting, prepare.gathered(store, meeting)) == {}


def test_the_list_shows_sources_counts_and_history(
    store: Store, meeting: int, db_path: Path
) -> None:
    earlier_meeting(store)
    road = gathered(
        store, meeting, "Đề nghị sửa đường liên thôn Đoài Đông, ổ gà nhiều", "Giao thông"
    )
    again = gathered(store, meeting, "Đường liên thôn Đông Đoài hư hỏng", "Giao thông")
    gathered(store, meeting, "Đề nghị mở rộng đường vào nghĩa trang", "Giao thông")
    store.conn.execute(
        "UPDATE questions SET raised_village = 'Thôn Đông', people = 4 WHERE id = ?", (road,)
    )
    store.conn.execute(
        "UPDATE questions SET raised_village = 'Thôn Đoài', people = 2 WHERE id = ?", (again,)
    )
    store.conn.commit()
    prepare.group(store, [road, again])
    runner = CliRunner()
    ran = runner.invoke(cli, ["--db", str(db_path), "prepare", "list", "-m", str(meeting)])
    assert ran.exit_code == 0, ran.output
    assert "6 người · 2 nguồn" in ran.output
    assert "Nguồn: Thôn Đông (4); Thôn Đoài (2)" in ran.output
    assert "Đã nêu trước đây: đã nêu tại hội nghị ngày 10/12/2025 (ý kiến số 1)" in ran.output
    assert "Ý kiến đã nêu tại hội nghị trước: 1/2." in ran.output
    ran = runner.invoke(
        cli, ["--db", str(db_path), "--lang", "en", "prepare", "list", "-m", str(meeting), "--json"]
    )
    listed = json.loads(ran.output)["opinions"]
    assert [o["people"] for o in listed] == [6, 1]
    assert listed[0]["raised_before"][0]["state"] == "overdue"
    assert [s["village"] for s in listed[0]["sources"]] == ["Thôn Đông", "Thôn Đoài"]
