"""The periodic report on citizens' items (BÁO CÁO), as .docx in the exporter's layout
family and as .xlsx with one sheet of counts."""

from __future__ import annotations

import datetime as dt
import io

from docx.document import Document as DocumentType
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt
from openpyxl import Workbook
from openpyxl.styles import Font

from documents.cells import append_row
from documents.files import stable_xlsx
from documents.layout import (
    CELL_STYLE,
    Family,
    Heading,
    body,
    closing,
    end_body,
    header,
    new_document,
    rows_whole,
    title,
    to_bytes,
    with_style,
)
from documents.words import KIND, locality, short_date, sort_key
from shared.i18n import tr
from shared.reports import Report
from shared.signers import signature_lines
from shared.specs import OUTCOMES_SPEC

SATISFACTION = {
    "satisfied": "Hài lòng",
    "not_satisfied": "Chưa hài lòng",
    "not_asked": "Chưa hỏi ý kiến",
    "unknown": "Chưa ghi nhận",
}


def by_name(row: tuple[str, int]) -> tuple[bool, tuple[tuple[tuple[int, ...], int], ...]]:
    """Vietnamese order, "Khác" (other) last."""
    return row[0] == "Khác", sort_key(row[0])


def sections(report: Report) -> list[tuple[str, list[tuple[str, int]]]]:
    """(heading, rows of label and count), the same in both files."""
    timeliness = [
        ("Trả lời đúng hạn", report.on_time),
        ("Trả lời quá hạn", report.late),
        ("Đang giải quyết", report.still_open),
        ("Trong đó đã quá hạn", report.overdue),
    ]
    return [
        (
            "Theo kết quả tại hội nghị",
            [
                (_capital(tr(spec.label, "vi")), report.by_outcome[spec.key])
                for spec in OUTCOMES_SPEC
                if report.by_outcome[spec.key]
            ],
        ),
        ("Theo cơ quan giải quyết", sorted(report.by_body.items(), key=by_name)),
        ("Theo lĩnh vực", sorted(report.by_field.items(), key=by_name)),
        ("Theo loại", [(KIND.get(k, k), v) for k, v in sorted(report.by_kind.items())]),
        ("Tiến độ giải quyết (nội dung giao giải quyết)", timeliness),
        (
            "Nội dung chuyển cơ quan có thẩm quyền: thông báo cho công dân",
            [
                ("Đã thông báo đúng hạn", report.told_on_time),
                ("Đã thông báo quá hạn", report.told_late),
                ("Chưa thông báo", report.not_told),
                ("Trong đó đã quá hạn", report.not_told_overdue),
            ],
        ),
        (
            "Mức độ hài lòng của công dân",
            [(SATISFACTION.get(k, k), v) for k, v in sorted(report.satisfaction.items())],
        ),
    ]


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def column_heading(heading: str) -> str:
    """A table's first column, named for what it lists: "Theo lĩnh vực" -> "Lĩnh vực"."""
    if heading.startswith("Theo "):
        rest = heading.removeprefix("Theo ")
        return rest[:1].upper() + rest[1:]
    return "Tình trạng"


def total(rows: list[tuple[str, int]]) -> int:
    """The rows' sum, without the "Trong đó" (of which) rows already counted above."""
    return sum(count for label, count in rows if not label.startswith("Trong đó"))


def _table(document: DocumentType, heading: str, rows: list[tuple[str, int]]) -> None:
    """Label and count, the count right-aligned, a total row; rows never split."""
    table = document.add_table(rows=1, cols=2)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, (column_heading(heading), "Số lượng"), strict=True):
        with_style(cell.paragraphs[0], CELL_STYLE)
        cell.paragraphs[0].add_run(text).bold = True
    for label, count, bold in [*((a, b, False) for a, b in rows), ("Tổng số", total(rows), True)]:
        cells = table.add_row().cells
        for cell, text in zip(cells, (label, str(count)), strict=True):
            with_style(cell.paragraphs[0], CELL_STYLE)
            cell.paragraphs[0].add_run(text).bold = bold
        cells[1].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    table.autofit = False
    for column, width in zip(table.columns, (12.5, 4.0), strict=True):
        for cell in column.cells:
            cell.width = Cm(width)
    rows_whole(table, header=True)


def period_words(name: str) -> str:
    """ "2026-Q1" -> "quý I năm 2026", "2026-H1" -> "6 tháng đầu năm 2026", "2026-9M" ->
    "9 tháng năm 2026", "2026-03" -> "tháng 3 năm 2026", "2026" -> "năm 2026"."""
    year, _, part = name.strip().upper().partition("-")
    words = {"Q1": "quý I", "H1": "6 tháng đầu", "9M": "9 tháng"}
    if not part:
        return f"năm {year}"
    if part in words:
        return f"{words[part]} năm {year}"
    return f"tháng {int(part)} năm {year}"


def docx(
    report: Report,
    issuing_body: str,
    parent_body: str,
    signer: str,
    family: Family = "state",
    signer_position: str = "",
    abbreviation: str = "",
    today: dt.date | None = None,
    unit: str = "VP",
) -> bytes:
    abbreviation = abbreviation or ("ĐU" if family == "party" else "UBND")
    day = today or min(report.period.end, dt.date.today())  # dated the day it is made
    document = new_document(issuing_body, day)
    header(
        document,
        Heading(
            parent_body, issuing_body, "", "BC", abbreviation, locality(issuing_body), day, family
        ),
    )
    period = (
        f"từ {short_date(report.period.start.isoformat())} đến "
        f"{short_date(report.period.end.isoformat())}"
    )
    words = period_words(report.period.name)
    title(
        document,
        "BÁO CÁO",
        f"Kết quả tiếp nhận, giải quyết kiến nghị của công dân qua đối thoại {words}",
    )
    body(
        document,
        f"Thực hiện quy định về tổ chức đối thoại với Nhân dân và tiếp nhận, giải quyết kiến "
        f"nghị của công dân, {issuing_body} báo cáo kết quả {words} như sau:",
    )
    body(
        document,
        f"Trong kỳ báo cáo ({period}) đã tổ chức {report.meetings} hội nghị đối "
        f"thoại"
        + (
            f" (trong đó {report.open_meetings} hội nghị chưa kết thúc, số liệu tạm tính)"
            if report.open_meetings
            else ""
        )
        + f", tiếp nhận {report.questions} ý kiến, kiến nghị của công dân"
        + (
            f"; trong đó {report.raised_again} ý kiến đã nêu tại các hội nghị trước (nêu lại)."
            if report.raised_again
            else "."
        ),
    )
    for index, (heading, rows) in enumerate(sections(report), start=1):
        body(document, f"{index}. {heading}", bold=True).paragraph_format.space_before = Pt(6)
        _table(document, heading, rows)
    end_body(
        body(
            document,
            f"Trên đây là báo cáo kết quả tiếp nhận, giải quyết kiến nghị của công dân {words} "
            f"của {issuing_body}.",
        )
    )
    closing(
        document,
        (signature_lines(issuing_body, signer_position, family), signer),
        [f"{parent_body} (để báo cáo)"] if parent_body else [],
        "- Lưu Văn phòng Đảng ủy." if family == "party" else f"- Lưu: VT, {unit}.",
    )
    return to_bytes(document)


def xlsx(report: Report) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Báo cáo"
    append_row(
        sheet, [f"Kết quả giải quyết kiến nghị của công dân {period_words(report.period.name)}"]
    )
    append_row(sheet, ["Số hội nghị", report.meetings])
    append_row(sheet, ["Số ý kiến", report.questions])
    append_row(sheet, ["Trong đó đã nêu tại hội nghị trước", report.raised_again])
    for heading, rows in sections(report):
        append_row(sheet, [])
        append_row(sheet, [heading])
        sheet.cell(row=sheet.max_row, column=1).font = Font(bold=True)
        for label, count in rows:
            append_row(sheet, [label, count])
        append_row(sheet, ["Tổng số", total(rows)])
    for line in sheet.iter_rows():
        for cell in line:
            cell.font = Font(name="Times New Roman", size=12, bold=bool(cell.font and cell.font.b))
    sheet["A1"].font = Font(name="Times New Roman", size=13, bold=True)
    sheet.column_dimensions["A"].width = 48
    sheet.column_dimensions["B"].width = 12
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = "portrait"
    sheet.oddFooter.center.text = "Trang &P/&N"
    moment = dt.datetime.combine(report.period.end, dt.time())
    book.properties.created = moment
    buffer = io.BytesIO()
    book.save(buffer)
    return stable_xlsx(buffer.getvalue(), moment)
