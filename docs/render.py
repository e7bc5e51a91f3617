"""Render page 1 of every exported document to PNG into docs/, as a clerk sees it (run by
hand; not in CI). Needs LibreOffice and poppler: on Debian
`apt-get install -y libreoffice-writer libreoffice-calc poppler-utils fonts-liberation`.

.venv/bin/python docs/render.py

Two meetings: the demo's, and one with all five outcomes, participants and an end time,
closed (no DỰ THẢO). LibreOffice draws Times New Roman with Liberation Serif, whose
metrics are the same, so line breaks are where Word puts them.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from session_console.export import report as report_docs
from session_console.export.files import write_atomic
from session_console.export.run import Options, export
from shared import agenda, meetings, questions, speaking
from shared.db import Store, open_store
from shared.demo import demo, ensure_reference_lists
from shared.registrations import register
from shared.reports import build, parse_period

DOCS = Path(__file__).resolve().parent
RESOLUTION = 70  # dots per inch: an A4 page about 580 pixels wide


def five_outcomes(store: Store) -> int:
    """A closed meeting with each outcome, a written and a pre-collected question."""
    ensure_reference_lists(store)
    meeting = meetings.create_meeting(
        store,
        title="Hội nghị đối thoại với Nhân dân quý I năm 2026",
        date="2026-03-05",
        start_time="08:00",
        place="Hội trường Ủy ban nhân dân xã",
        issuing_body="Ủy ban nhân dân xã Minh Hòa",
        parent_body="Ủy ban nhân dân tỉnh Phú Thọ",
        chair="Nguyễn Văn Hùng",
        secretary="Lê Thị Thanh",
        participants="Nguyễn Văn Hùng, Chủ tịch UBND xã; Lê Minh Đức, Trưởng phòng Kinh tế; "
        "Phạm Thị Hoa, Trưởng phòng Văn hóa - Xã hội; Đại diện Ủy ban MTTQ Việt Nam xã",
    )
    meetings.set_status(store, meeting, "open")
    spoken = [
        ("Hoàng Văn Bình", "Đất đai", "Đề nghị sớm cấp giấy chứng nhận quyền sử dụng đất cho "
         "các hộ dân thôn Đông đã nộp hồ sơ từ năm 2024.", "answered",
         {"answer": "Hồ sơ đủ điều kiện, UBND xã sẽ trao giấy chứng nhận trong tháng 3."}),
        ("Nguyễn Thị Thu Hà", "Giao thông", "Đường liên thôn Đông - Tây xuống cấp, đề nghị "
         "sửa chữa trước mùa mưa.", "pending", {"body": "Phòng Kinh tế"}),
        ("Trịnh Đình Quý", "Môi trường", "Ô nhiễm từ cơ sở chăn nuôi lợn của tỉnh đặt tại "
         "thôn Bắc.", "transferred",
         {"body": "Sở Nông nghiệp và Môi trường", "level": "tỉnh", "document": "125/UBND-KT"}),
        ("Đỗ Thị Mai", "Y tế", "Đề nghị trạm y tế xã có bác sĩ trực ngày thứ Bảy.", "written",
         {}),
        ("Vũ Văn Toàn", "Giáo dục", "Hỏi về kinh phí tổ chức lễ hội làng.",
         "withdrawn", {}),
    ]  # fmt: skip
    for name, field, summary, outcome, details in spoken:
        row = register(
            store,
            meeting,
            consent=True,
            name=name,
            village="Thôn Đông",
            field=field,
            summary=summary,
        )
        speaking.call(store, meeting)
        speaking.start(store, meeting)
        speaking.stop(store, meeting)
        asked = questions.add_question(store, meeting, number=row["number"])
        questions.set_outcome(store, asked["id"], outcome, **details)
    for summary, source, outcome, details in (
        ("Hỏi về lịch tiêm chủng mở rộng cho trẻ em.", "written", "pending",
         {"body": "Trạm Y tế xã"}),
        ("Đề nghị lắp đèn chiếu sáng đường thôn Tây.", "pre_collected", "written", {}),
    ):  # fmt: skip
        asked = questions.add_question(
            store, meeting, summary=summary, source=source, raised_by="Hội Phụ nữ xã"
        )
        questions.set_outcome(store, asked["id"], outcome, **details)
    agenda.set_conclusion(
        store,
        meeting,
        "Hội nghị diễn ra dân chủ, thẳng thắn; các ý kiến của Nhân dân được tiếp thu "
        "và giao giải quyết theo thẩm quyền.",
    )
    meetings.set_status(store, meeting, "closed", end_time="11:15")
    return meeting


def to_png(document: Path, name: str, work: Path) -> Path:
    """Page 1 of `document` as docs/<name>.png, through LibreOffice and pdftoppm."""
    pdf = document
    if document.suffix != ".pdf":
        subprocess.run(
            ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(work), str(document)],
            check=True,
            capture_output=True,
        )
        pdf = work / f"{document.stem}.pdf"
    target = DOCS / name
    wide = document.suffix == ".xlsx"  # a landscape page of small print
    subprocess.run(
        ["pdftoppm", "-png", "-r", str(RESOLUTION * (1.5 if wide else 1))]
        + ["-f", "1", "-l", "1", "-singlefile"]
        + [str(pdf), str(target)],
        check=True,
    )
    return target.with_suffix(".png")


def main() -> None:
    if not (shutil.which("soffice") and shutil.which("pdftoppm")):
        sys.exit("needs LibreOffice (soffice) and poppler (pdftoppm); see the docstring")
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        store = open_store(work / "render.db", "render")
        demo_meeting, _ = demo(store, dt.date(2026, 3, 5))
        full = five_outcomes(store)
        _, demo_files = export(store, demo_meeting, work / "demo", Options())
        _, full_files = export(store, full, work / "full", Options("12", "15"))
        built = build(store, parse_period("2026-Q1"), dt.date(2026, 4, 3))
        quarter = work / "bao-cao-2026-Q1.docx"
        write_atomic(
            quarter,
            report_docs.docx(
                built,
                "Ủy ban nhân dân xã Minh Hòa",
                "Ủy ban nhân dân tỉnh Phú Thọ",
                "Nguyễn Văn Hùng",
                today=dt.date(2026, 4, 3),
            ),
        )
        shown = {
            "doc-minutes": full_files[0],
            "doc-pending": full_files[2],
            "doc-notice": full_files[4],
            "doc-handout": full_files[5],
            "doc-report": quarter,
            "doc-minutes-demo": demo_files[0],
        }
        for name, path in shown.items():
            print(to_png(path, name, work))
        store.close()


if __name__ == "__main__":
    main()
