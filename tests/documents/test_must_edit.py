"""The clerk's "must edit" items of issue 20, each as the rule the documents now follow."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook

from documents.run import Options, export
from printing.layouts import Slip, SlipItem, slip
from shared import followup, meetings, questions
from shared.db import Store
from shared.i18n import UserError
from shared.reference import insert_body
from shared.registrations import register
from shared.reports import build, parse_period
from tests.documents.golden import describe
from tests.documents.meetings import commune


def test_a_commune_never_assigns_a_task_to_a_provincial_body(store: Store, meeting: int) -> None:
    """Item 4: a "tỉnh" body gets a transfer, not a task."""
    meetings.update_meeting(store, meeting, level="commune")
    row = register(store, meeting, consent=True, name="Lê Văn An", summary="Đường tỉnh hư hỏng")
    asked = questions.add_question(store, meeting, number=row["number"])
    with pytest.raises(UserError, match="transferred"):
        questions.set_outcome(store, asked["id"], "pending", body="Sở Nông nghiệp và Môi trường")
    with pytest.raises(UserError, match="higher level"):
        questions.set_outcome(store, asked["id"], "written", body="Sở Nông nghiệp và Môi trường")
    insert_body(store, "Sở Xây dựng", "Tỉnh")
    with pytest.raises(UserError, match="higher level"):
        questions.set_outcome(store, asked["id"], "pending", body="So Xay dung")
    moved = questions.set_outcome(
        store,
        asked["id"],
        "transferred",
        body="Sở Nông nghiệp và Môi trường",
        level="tỉnh",
        document="27/UBND-KT",
    )
    assert moved["outcome"] == "transferred"
    assert questions.set_outcome(store, asked["id"], "pending", body="Phòng Kinh tế")["body_name"]


def _read(path: Path) -> str:
    return describe(path.read_bytes())


def test_an_agency_meeting_speaks_of_its_staff(exported: dict[str, dict[str, Path]]) -> None:
    """Item 5: công chức, viên chức, người lao động; seed 004's recipients; the header
    never breaks inside a body's name."""
    notice = _read(exported["agency"]["thong-bao-ket-luan.docx"])
    minutes = _read(exported["agency"]["bien-ban.docx"])
    for text in (notice, minutes):
        for citizens in ("Nhân dân", "công dân", "MTTQ", "HĐND", "Trưởng các thôn"):
            assert citizens not in text
        assert "công chức, viên chức, người lao động" in text
        assert "VĂN PHÒNG ⏎ ỦY BAN NHÂN DÂN ⏎ TỈNH KHÁNH HÒA" in text
    for recipient in ("Ủy ban nhân dân tỉnh Khánh Hòa (để báo cáo)", "Công đoàn cơ sở"):
        assert f"- {recipient};" in notice
    assert "CHÁNH VĂN PHÒNG\n" in notice and "TM." not in notice  # item 1, seed 004


def test_a_party_document_follows_hd_36(exported: dict[str, dict[str, Path]]) -> None:
    """Item 6: the party's archive line, the UBND asked (not "under" the party committee)
    and listed once, the document type at 16 pt, a named office."""
    notice = _read(exported["party"]["thong-bao-ket-luan.docx"])
    assert "- Lưu Văn phòng Đảng ủy." in notice and "Lưu: VT" not in notice
    assert "thuộc Đảng ủy" not in notice
    assert notice.count("- Ủy ban nhân dân xã;") == 1
    assert "[Normal,bold,16pt,center] THÔNG BÁO" in notice
    assert "về Văn phòng Đảng ủy để tổng hợp" in notice and "về Văn phòng để" not in notice
    assert "T/M ĐẢNG ỦY\n" in notice and "BÍ THƯ\n" in notice


def test_the_minutes_tell_speakers_from_written_opinions(
    exported: dict[str, dict[str, Path]],
) -> None:
    """Item 7: a citizen who only handed in a question is not numbered as a speaker; the
    written part says the source and who answered; totals split by source; nobody
    answers a withdrawn opinion; the written reply's text is kept; "Ông/Bà"."""
    minutes = _read(exported["commune"]["bien-ban.docx"])
    assert "7. Ông/Bà Võ Thị Thanh" not in minutes
    assert "- Ông/Bà Võ Thị Thanh, Thôn Tân Phú (gửi bằng văn bản):" in minutes
    assert "Ông/Bà Trần Văn Tư, Thôn Đá Bàn (thu thập trước hội nghị)" in minutes
    assert "Người trả lời: Phạm Thị Hường, Phó Chủ tịch UBND xã" in minutes
    assert "(phát biểu tại hội nghị: 6; gửi bằng văn bản: 2; thu thập trước hội nghị: 1)" in minutes
    withdrawn = next(line for line in minutes.splitlines() if "rút ý kiến." in line)
    assert "Người trả lời" not in withdrawn
    assert "Nội dung trả lời bằng văn bản: Trạm Y tế xã sẽ trả lời" in minutes
    assert "1. Ông/Bà Nguyễn Hữu Phước (Thôn Tân Phú)" in minutes


def test_the_notice_is_the_chairs_and_dated_when_issued(store: Store, tmp_path: Path) -> None:
    """Item 8: the issue date (blank for the clerk unless given), written and collected
    opinions apart, the chair's conclusion per field as recorded, Nơi nhận by level with
    "(để báo cáo)", a meeting setting to change it."""
    meeting = commune(store)
    meetings.set_field_conclusion(
        store, meeting, "Giao thông", "Giao Phòng Kinh tế khảo sát, lập kế hoạch sửa chữa"
    )
    _, written = export(store, meeting, tmp_path / "a")
    notice = _read(next(p for p in written if p.name.endswith("thong-bao-ket-luan.docx")))
    assert "Sơn Trung, ngày       tháng       năm 2026" in notice
    assert "ngoài ra nhận 2 ý kiến gửi bằng văn bản và 1 ý kiến thu thập trước hội nghị" in notice
    assert "- Giao thông: Giao Phòng Kinh tế khảo sát, lập kế hoạch sửa chữa." in notice
    assert "- Đất đai:\n" in notice  # no conclusion recorded: one bullet an item
    assert "- Thường trực Đảng ủy xã (để báo cáo);" in notice
    meetings.update_meeting(
        store, meeting, recipients="Ban Dân vận Tỉnh ủy (để báo cáo); Sở Nội vụ"
    )
    _, written = export(store, meeting, tmp_path / "b", Options(notice_date=dt.date(2026, 2, 12)))
    notice = _read(next(p for p in written if p.name.endswith("thong-bao-ket-luan.docx")))
    assert "Sơn Trung, ngày 12 tháng 02 năm 2026" in notice
    assert "- Ban Dân vận Tỉnh ủy (để báo cáo);\n" in notice and "- Sở Nội vụ;" in notice
    assert "Trưởng các thôn" not in notice


def test_the_follow_up_list_gives_each_items_status_as_of_a_day(
    exported: dict[str, dict[str, Path]],
) -> None:
    """Item 9: an item answered after the meeting is shown answered, not open; the title
    says as of which day."""
    listed = exported["commune"]["kien-nghi-chua-giai-quyet.csv"].read_text(encoding="utf-8-sig")
    assert listed.splitlines()[0].endswith(",Tình trạng")
    answered = next(line for line in listed.splitlines() if "nạo vét" in line)
    assert answered.endswith(",Đã trả lời ngày 02/03/2026")
    extended = next(line for line in listed.splitlines() if "Đường liên thôn" in line)
    assert extended.endswith(",Đã gia hạn")
    book = load_workbook(exported["commune"]["kien-nghi-chua-giai-quyet.xlsx"])
    title = book.active["A1"].value
    assert "tình trạng giải quyết đến ngày 20/03/2026" in str(title)


def test_a_transfer_told_on_time_is_not_overdue(store: Store, held: int) -> None:
    """Item 10: a transfer's duty is telling the citizen by its deadline; once told on
    time it is not overdue, whatever the competent body does; counted apart."""
    moved = store.one("SELECT * FROM questions WHERE outcome = 'transferred'")
    assert moved is not None
    followup.inform(store, moved["id"], on=moved["deadline"], how="Thư")
    report = build(store, parse_period("2026-Q1"), today=dt.date(2026, 3, 31))
    assert (report.told_on_time, report.told_late, report.not_told) == (1, 0, 0)
    open_tasks = store.all(
        "SELECT * FROM questions WHERE outcome IN ('pending', 'written') AND deadline < '2026-03-31'"
    )
    assert report.overdue == len(open_tasks)  # the transfer is not among them


def test_a_transfer_slip_gives_the_document_and_the_day_the_citizen_is_told() -> None:
    """Item 10: not "Hạn trả lời" for the day the citizen is only told of the transfer;
    and no dangling "·" after the date."""
    paper = slip(
        Slip(
            "Hội nghị đối thoại",
            "2026-02-05",
            3,
            "Trương Văn Sáu",
            "K7QM2D",
            "K7QM2D",
            (SlipItem("Bãi rác", "transferred", "Sở Xây dựng", "2026-02-26", "", "27/UBND-KT"),),
        )
    )
    text = " ".join(paper.lines)
    assert "Văn bản chuyển: 27/UBND-KT" in text
    assert "Ông/Bà được thông báo việc chuyển chậm nhất ngày: 26/02/2026" in text
    assert "Hạn" not in text and "05/02/2026" in paper.lines and "·" not in paper.lines[1]
