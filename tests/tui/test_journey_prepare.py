"""Journey: weeks before the meeting, the office prepares it in the real `hallkit prepare`
on a real pty, keys only, at a person's pace: the villages' opinions imported from an
.xlsx, the two that are one road grouped on a key, the answer asked of a body (its name
taken from the list), the answer typed in Telex, and the requests written out."""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path

from openpyxl import Workbook, load_workbook

from shared import meetings
from shared.db import open_store
from shared.demo import ensure_reference_lists
from tests.tui.terminal import Terminal
from tests.tui.test_journey_followup import next_field, settle, wait_gone

PACE = 0.3  # seconds between a person's keys
TYPED = "Quys 2 sex suwar xong tuyeens dduwowngf lieen thoon"
MEANT = "Quý 2 sẽ sửa xong tuyến đường liên thôn"


def opinions_file(path: Path) -> Path:
    """A village form summary as offices keep it: a title above the table."""
    book = Workbook()
    sheet = book.active
    sheet.append(["TỔNG HỢP Ý KIẾN CỬ TRI TRƯỚC HỘI NGHỊ"])
    sheet.append(["Thôn", "Số người", "Lĩnh vực", "Mức độ cấp thiết", "Nội dung ý kiến"])
    sheet.append(
        [
            "Thôn Đông",
            12,
            "Giao thông",
            "cấp thiết",
            "Đường liên thôn Đông - Đoài xuống cấp, nhiều ổ gà",
        ]
    )
    sheet.append(
        [
            "Thôn Đoài",
            5,
            "Giao thông",
            "cấp thiết",
            "Tuyến đường liên thôn Đoài đi Đông nhiều ổ gà, xuống cấp",
        ]
    )
    sheet.append(["Thôn Hạ", 3, "Y tế", "", "Trạm y tế thiếu thuốc bảo hiểm y tế"])
    book.save(path)
    return path


def test_the_office_prepares_a_meeting_with_keys_only(db_path: Path, tmp_path: Path) -> None:
    store = open_store(db_path)
    ensure_reference_lists(store)
    day = dt.date.today() + dt.timedelta(days=40)
    meeting = meetings.create_meeting(
        store, title="Hội nghị đối thoại xã Minh Hòa", date=day.isoformat(), start_time="08:00"
    )
    store.close()
    source = opinions_file(tmp_path / "y-kien.xlsx")
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "150", "LINES": "45"}
    command = [sys.executable, "-m", "shared.cli", "--lang", "vi", "--db", str(db_path)]
    terminal = Terminal([*command, "prepare", "--meeting", str(meeting)], env)
    try:
        terminal.wait_until_shown("0 ý kiến")

        terminal.type("i", PACE)  # gather: the .xlsx
        terminal.wait_until_shown("Nhập ý kiến thu thập trước hội nghị")
        terminal.type(str(source), 0.02)
        terminal.type("\r", PACE)
        terminal.wait_until_shown("3 ý kiến")

        terminal.type("g", PACE)  # the two roads are proposed, not grouped
        terminal.wait_until_shown("Đề xuất gộp ý kiến (1)")
        assert "3 ý kiến" in terminal.shown()
        settle(terminal)
        terminal.type("\r", PACE)  # confirmed
        terminal.wait_until_shown("Đề xuất gộp ý kiến (0)")
        terminal.type("\x1b", PACE)
        terminal.wait_until_shown("2 ý kiến")
        terminal.wait_until_shown("Thôn Đông +1")  # one opinion, two sources

        terminal.type("b", PACE)  # the road's answer asked of a body
        terminal.wait_until_shown("Cơ quan chuẩn bị trả lời ý kiến #1")
        terminal.type("phong kinh", PACE)
        terminal.wait_until_shown("▶ Phòng Kinh tế")  # offered from the list of bodies
        terminal.type("\r", PACE)  # takes the offered name
        wait_gone(terminal, "▶ Phòng Kinh tế")
        next_field(terminal, "Cán bộ (không bắt buộc)")
        next_field(terminal, "Hạn gửi nội dung trả lời (dd/mm/yyyy)")  # the default date
        terminal.type("\r", PACE)  # to the urgency, chosen already
        settle(terminal)
        terminal.type("\r", PACE)  # saves
        wait_gone(terminal, "Cơ quan chuẩn bị trả lời ý kiến #1")
        terminal.wait_until_shown("Phòng Kinh tế")

        terminal.type("t", PACE)  # the answer the body sent by phone, typed in Telex
        terminal.wait_until_shown("Nội dung trả lời ý kiến #1")
        settle(terminal)
        terminal.type(TYPED, PACE / 3)
        terminal.wait_until_shown(MEANT)
        terminal.type("\t", PACE)  # to OK
        settle(terminal)
        terminal.type("\r", PACE)
        wait_gone(terminal, "Nội dung trả lời ý kiến #1")
        terminal.wait_until_shown("đã có")

        terminal.type("w", PACE)  # the requests, into the folder offered
        terminal.wait_until_shown("Lập đề nghị trả lời, mỗi cơ quan một tệp")
        settle(terminal)
        terminal.type("\r", PACE)
        terminal.wait_until_shown("1 tệp đã ghi vào")
    finally:
        terminal.close()

    store = open_store(db_path)
    rows = store.all("SELECT * FROM questions WHERE meeting_id = ? ORDER BY number", (meeting,))
    store.close()
    road, other, health = rows
    assert other["grouped_into"] == road["id"] and health["grouped_into"] is None
    assert (road["prep_body_name"], road["prep_answer"]) == ("Phòng Kinh tế", MEANT)
    written = list((tmp_path / f"hoi-nghi-{meeting}-de-nghi").glob("*.xlsx"))
    assert len(written) == 1, written
    cells = [str(c.value) for row in load_workbook(written[0]).active.iter_rows() for c in row]
    assert MEANT in cells and any("Đường liên thôn Đông" in c for c in cells)
