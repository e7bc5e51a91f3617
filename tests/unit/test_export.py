"""The exporter's documents read back: python-docx, openpyxl, csv, pypdf."""

from __future__ import annotations

import csv
import datetime as dt
import io
import time
from pathlib import Path

import pytest
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Mm, Pt
from fpdf import FPDF
from openpyxl import load_workbook
from pypdf import PdfReader

from documents.run import Options, export
from printing.fonts import font_path
from shared import meetings, questions, reference
from shared.db import Store
from shared.i18n import UserError
from tests.waiting import wait_until


def files(store: Store, meeting: int, out: Path) -> dict[str, Path]:
    _, written = export(store, meeting, out, Options(minutes_number="12"))
    return {p.name.split("-", 3)[-1].replace("-du-thao", ""): p for p in written}


def texts(path: Path) -> list[str]:
    document = Document(str(path))
    cells = [p.text for t in document.tables for c in t._cells for p in c.paragraphs]
    return [p.text for p in document.paragraphs] + cells


def test_minutes_are_laid_out_per_decree_30(store: Store, held: int, tmp_path: Path) -> None:
    minutes = files(store, held, tmp_path)["bien-ban.docx"]
    document = Document(str(minutes))
    section = document.sections[0]
    measured = (
        section.page_width,
        section.page_height,
        section.left_margin,
        section.right_margin,
        section.top_margin,
        section.bottom_margin,
    )
    expected = (210, 297, 30, 15, 20, 20)  # A4; margins in mm (stored in twips)
    assert all(
        m is not None and abs(m - Mm(e)) < Mm(0.1) for m, e in zip(measured, expected, strict=True)
    )
    assert document.styles["Normal"].font.name == "Times New Roman"
    header = [p.text for c in document.tables[0]._cells for p in c.paragraphs if p.text]
    assert header == [  # each name broken before its place's name, to fit its column
        "ỦY BAN NHÂN DÂN\nTỈNH PHÚ THỌ",
        "ỦY BAN NHÂN DÂN\nXÃ MINH HÒA",
        "Số: 12/BB-UBND",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Minh Hòa, ngày 10 tháng 02 năm 2026",
    ]
    body = [p.text for p in document.paragraphs if p.text]
    assert body[:3] == ["DỰ THẢO", "BIÊN BẢN", "Hội nghị đối thoại xã Minh Hòa"]
    speakers = [
        i
        for i, text in enumerate(body)
        if text.startswith(("1. Ông/Bà Hoàng", "2. Ông/Bà Nguyễn", "3. Ông/Bà Trịnh"))
    ]
    assert len(speakers) == 3 and speakers == sorted(speakers)  # speaking order
    assert any("Phòng Kinh tế trả lời, hạn 12/03/2026" in text for text in body)
    assert any("Hội Phụ nữ xã (gửi bằng văn bản): Hỏi về lịch tiêm chủng" in text for text in body)
    title = next(p for p in document.paragraphs if p.text == "BIÊN BẢN")
    assert title.runs[0].bold and title.runs[0].font.size == Pt(14)
    justified = next(p for p in document.paragraphs if p.text.startswith("Địa điểm"))
    style = justified.style
    assert style is not None and style.paragraph_format.first_line_indent == Cm(1.27)
    assert style.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
    left, right = document.tables[-1].rows[0].cells  # one row: never split over pages
    signatures = [p.text for c in (left, right) for p in c.paragraphs if p.text]
    assert signatures[:2] == ["THƯ KÝ", "Lê Thị Thanh"]
    assert signatures[-2:] == ["CHỦ TỌA", "Nguyễn Văn Hùng"]
    recipients = signatures[signatures.index("Nơi nhận:") : -2]  # under the secretary
    assert recipients[-1] == "- Lưu: VT, VP."
    assert not any("0912345678" in text for text in texts(minutes))


def test_notice_gives_tasks_to_own_bodies_and_lists_transfers_apart(
    store: Store, held: int, tmp_path: Path
) -> None:
    notice = Document(str(files(store, held, tmp_path)["thong-bao-ket-luan.docx"]))
    tasks = notice.tables[1]
    rows = [[c.text for c in row.cells] for row in tasks.rows]
    assert rows[0] == ["STT", "Cơ quan thực hiện", "Nội dung", "Thời hạn"]
    assert sorted(r[1] for r in rows[1:]) == ["Phòng Kinh tế", "Trạm Y tế xã"]
    moved = [[c.text for c in row.cells] for row in notice.tables[2].rows]
    assert moved[0][2:] == [
        "Cơ quan có thẩm quyền",
        "Văn bản chuyển",
        "Thông báo cho công dân chậm nhất ngày",
    ]
    assert moved[1][2:4] == ["Sở Nông nghiệp và Môi trường (tỉnh)", "125/UBND-KT"]
    assert "Chủ tịch" not in moved[1][2] and moved[1][4]  # a date to tell the citizen by
    assert "THÔNG BÁO" in [p.text for p in notice.paragraphs]
    assert "Số:      /TB-UBND" in [p.text for c in notice.tables[0]._cells for p in c.paragraphs]
    assert [p.text for p in notice.paragraphs if p.text][:2] == ["DỰ THẢO", "THÔNG BÁO"]


def test_pending_list_as_xlsx_and_csv(store: Store, held: int, tmp_path: Path) -> None:
    made = files(store, held, tmp_path)
    raw = made["kien-nghi-chua-giai-quyet.csv"].read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    table = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert table[0][:5] == ["STT", "Số phiếu", "Họ tên", "Thôn / tổ dân phố", "Nội dung"]
    assert [row[2] for row in table[1:]] == ["Nguyễn Thị Thu Hà", "Trịnh Đình Quý", "Hội Phụ nữ xã"]
    assert "0912345678" not in raw.decode("utf-8-sig")
    sheet = load_workbook(made["kien-nghi-chua-giai-quyet.xlsx"]).active
    assert sheet is not None
    values = [[c.value for c in row] for row in sheet.iter_rows(min_row=2)]
    assert values[0][:3] == ["STT", "Số phiếu", "Họ tên"]
    assert [v[2] for v in values[1:]] == [row[2] for row in table[1:]]


def test_handout_pdf_has_the_names_exactly(store: Store, held: int, tmp_path: Path) -> None:
    reader = PdfReader(files(store, held, tmp_path)["cam-ket-giai-quyet.pdf"])
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    for expected in (
        "Nguyễn Thị Thu Hà",
        "Trịnh Đình Quý",
        "Sở Nông nghiệp và Môi trường",
        "CÁC KIẾN NGHỊ ĐƯỢC TIẾP THU",
    ):
        assert expected in text
    starts: list[float] = []
    reader.pages[0].extract_text(
        visitor_text=lambda text, cm, tm, font, size: starts.append(tm[4]) if text.strip() else None
    )
    width = float(reader.pages[0].mediabox.width)
    assert starts and all(0 < x < width for x in starts)
    assert sorted(starts)[len(starts) // 2] < width / 3  # the lines start at the left margin
    raw = files(store, held, tmp_path / "again")["cam-ket-giai-quyet.pdf"].read_bytes()
    assert b"/FontFile2" in raw and b"BeVietnamPro" in raw  # a TrueType font, embedded


def test_two_exports_are_byte_identical(store: Store, held: int, tmp_path: Path) -> None:
    first = files(store, held, tmp_path / "a")
    started = int(time.time())
    wait_until(lambda: int(time.time()) != started, "the next second")  # a clock read differs
    second = files(store, held, tmp_path / "b")
    for name, path in first.items():
        assert path.read_bytes() == second[name].read_bytes(), name


def test_a_closed_meeting_is_no_longer_a_draft(store: Store, held: int, tmp_path: Path) -> None:
    meetings.set_status(store, held, "closed")
    minutes = files(store, held, tmp_path)["bien-ban.docx"]
    assert "DỰ THẢO" not in texts(minutes)
    assert "du-thao" not in minutes.name


def test_an_open_meetings_files_say_draft_in_their_names(
    store: Store, held: int, tmp_path: Path
) -> None:
    """A clerk filing the folder two weeks later tells the drafts apart without opening them."""
    _, written = export(store, held, tmp_path, Options())
    assert sorted(p.name for p in written) == [
        f"hoi-nghi-{held}-{name}-du-thao.{suffix}"
        for name, suffix in sorted(
            [
                ("bien-ban", "docx"),
                ("bien-ban", "md"),
                ("cam-ket-giai-quyet", "pdf"),
                ("kien-nghi-chua-giai-quyet", "csv"),
                ("kien-nghi-chua-giai-quyet", "xlsx"),
                ("thong-bao-ket-luan", "docx"),
            ]
        )
    ]
    assert "DỰ THẢO" in texts(written[0] if written[0].suffix == ".docx" else written[-1])


def test_an_empty_meeting_exports(store: Store, meeting: int, tmp_path: Path) -> None:
    made = files(store, meeting, tmp_path)
    assert len(made) == 6
    assert "Không có ý kiến nào được ghi nhận." in texts(made["bien-ban.docx"])


def test_a_deleted_body_still_exports(store: Store, held: int, tmp_path: Path) -> None:
    body_id = reference.find_body(store, "Phòng Kinh tế")["id"]
    store.conn.execute("UPDATE officials SET body_id = NULL WHERE body_id = ?", (body_id,))
    store.conn.execute("DELETE FROM bodies WHERE id = ?", (body_id,))
    notice = files(store, held, tmp_path)["thong-bao-ket-luan.docx"]
    assert "Phòng Kinh tế" in texts(notice)


def test_party_committee_layout(store: Store, held: int, tmp_path: Path) -> None:
    """A party committee's meeting gets the party layout by itself; the state layout is
    refused for it, and the party layout for a people's committee's meeting."""
    with pytest.raises(UserError, match="party"):
        export(store, held, tmp_path / "refused", Options(family="party"))
    assert not (tmp_path / "refused").exists()  # refused before any file is written
    meetings.update_meeting(
        store,
        held,
        level="party",
        issuing_body="Đảng ủy xã Minh Hòa",
        parent_body="Đảng bộ tỉnh Phú Thọ",
        chair_position="Bí thư Đảng ủy xã",
    )
    with pytest.raises(UserError, match="state"):
        export(store, held, tmp_path / "refused", Options(family="state"))
    _, written = export(store, held, tmp_path, Options(minutes_number="12", notice_number="3"))
    made = {p.name.split("-", 3)[-1].replace("-du-thao", ""): p for p in written}
    left, right = Document(str(made["bien-ban.docx"])).tables[0].rows[0].cells
    assert [p.text for p in left.paragraphs] == [
        "ĐẢNG BỘ TỈNH PHÚ THỌ",
        "ĐẢNG ỦY XÃ MINH HÒA",
        "*",
        "Số 12-BB/ĐU",
    ]
    assert [p.text for p in right.paragraphs][0] == "ĐẢNG CỘNG SẢN VIỆT NAM"
    assert "CỘNG HÒA" not in made["bien-ban.md"].read_text(encoding="utf-8")
    notice = Document(str(made["thong-bao-ket-luan.docx"]))
    assert "Số 3-TB/ĐU" in [p.text for p in notice.tables[0].rows[0].cells[0].paragraphs]
    recipients, signer = notice.tables[-1].rows[0].cells
    assert [p.text for p in signer.paragraphs][:2] == ["T/M ĐẢNG ỦY", "BÍ THƯ"]
    names = [p.text for p in recipients.paragraphs]
    assert names[-1] == "- Lưu Văn phòng Đảng ủy."  # HD 36's archive line, no "VT"
    assert not any("Đảng ủy" in name for name in names[:-1])  # not itself


def test_dates_and_formulas(store: Store, held: int, tmp_path: Path) -> None:
    from documents.words import long_date

    assert long_date(dt.date(2026, 3, 5)) == "ngày 05 tháng 3 năm 2026"
    assert long_date(dt.date(2026, 2, 15)) == "ngày 15 tháng 02 năm 2026"
    asked = questions.add_question(store, held, summary="=1+2 đường hỏng", raised_by="@An")
    questions.set_outcome(store, asked["id"], "pending", body="Phòng Kinh tế")
    made = files(store, held, tmp_path)
    table = made["kien-nghi-chua-giai-quyet.csv"].read_bytes().decode("utf-8-sig")
    assert "'=1+2 đường hỏng" in table and "'@An" in table
    sheet = load_workbook(made["kien-nghi-chua-giai-quyet.xlsx"]).active
    assert sheet is not None
    assert "=1+2 đường hỏng" in [c.value for row in sheet.iter_rows() for c in row]


def test_a_word_longer_than_the_page_breaks_inside_the_handout(
    store: Store, held: int, tmp_path: Path
) -> None:
    word = "đường" * 30  # 150 characters without a space, as pasted from a form
    asked = questions.add_question(store, held, summary=f"Đề nghị {word} sớm", raised_by="Lê An")
    questions.set_outcome(store, asked["id"], "pending", body="Phòng Kinh tế")
    reader = PdfReader(files(store, held, tmp_path)["cam-ket-giai-quyet.pdf"])
    ruler = FPDF(unit="pt")
    ruler.add_font("BeVietnamPro", "", font_path())
    ruler.add_font("BeVietnamPro", "B", font_path(bold=True))
    right_edge = float(reader.pages[0].mediabox.width) - 15 * 72 / 25.4  # the right margin
    found: list[tuple[str, float]] = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if text.strip():
            bold = "Bold" in str(font)
            ruler.set_font("BeVietnamPro", "B" if bold else "", size * tm[0])
            found.append((text.strip(), tm[4] + ruler.get_string_width(text.rstrip())))

    for page in reader.pages:
        page.extract_text(visitor_text=visit)
    assert f"Đềnghị{word}sớm" in "".join(text for text, _ in found).replace(" ", "")
    assert len([text for text, _ in found if "ường" in text]) >= 2  # broken across lines
    assert max(end for _, end in found) <= right_edge + 0.5


def test_no_field_the_spec_keeps_out_of_documents_is_in_any_file(
    store: Store, held: int, tmp_path: Path
) -> None:
    """Fields marked `in_exports=False` (the phone) appear in no exported file, whatever
    its format: the zipped XML of .docx/.xlsx, the text of the PDF, the CSV and Markdown."""
    import zipfile

    from shared.specs import REGISTRATION_FIELDS

    hidden = [spec.key for spec in REGISTRATION_FIELDS if not spec.in_exports]
    assert hidden, "the spec keeps nothing out of the documents?"
    values = {
        str(row[key])
        for row in store.all("SELECT * FROM registrations WHERE meeting_id = ?", (held,))
        for key in hidden
        if row[key]
    }
    assert values
    for path in files(store, held, tmp_path).values():
        if path.suffix in (".docx", ".xlsx"):
            with zipfile.ZipFile(path) as archive:
                text = "".join(
                    archive.read(n).decode("utf-8", "replace") for n in archive.namelist()
                )
        elif path.suffix == ".pdf":
            text = "".join(page.extract_text() for page in PdfReader(path).pages)
        else:
            text = path.read_text(encoding="utf-8-sig")
        assert not [v for v in values if v in text], path.name
