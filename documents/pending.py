"""Danh sách kiến nghị chưa giải quyết: every pending or transferred item, as .xlsx and
as .csv in UTF-8 with a BOM (so Excel shows Vietnamese)."""

from __future__ import annotations

import csv
import datetime as dt
import io
from copy import copy

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from documents.cells import append_row, csv_row
from documents.files import stable_xlsx
from documents.words import OWN_OFFICE, short_date
from shared.deadlines import basis_label
from shared.i18n import tr
from shared.record import MeetingRecord
from shared.specs import FIELDS, OUTCOMES, meeting_kind, outcome_label

COLUMNS = (
    "STT",
    "Số phiếu",
    "Họ tên",
    "",  # the place field, worded for the meeting's kind: see columns()
    "Nội dung",
    "Lĩnh vực",
    "Kết quả",
    "Cơ quan chịu trách nhiệm",
    "Cấp",
    "Số văn bản",
    "Hạn",
    "Căn cứ thời hạn",
    "Tình trạng",
)
WIDTHS = (4, 6, 15, 12, 30, 10, 13, 17, 5, 10, 10, 10, 14)


def columns(record: MeetingRecord) -> tuple[str, ...]:
    place = tr(FIELDS["village"].label_for(meeting_kind(record.meeting)), "vi")
    return tuple(place if not name else name for name in COLUMNS)


DATE_FORMAT = "dd/mm/yyyy"
LINE_PT = 15  # one line of 11 pt text


Cell = str | int | dt.date


def rows(record: MeetingRecord) -> list[list[Cell]]:
    """One row an item: numbers as numbers, the deadline as a date."""
    return [
        [
            index,
            item["ticket"] or "",
            item["citizen"] or "",
            item["village"] or "",
            item["summary"],
            item["field"],
            tr(outcome_label(item["outcome"]), "vi"),
            item["body_name"] or ("" if OUTCOMES[item["outcome"]].transfer else OWN_OFFICE),
            item["transfer_level"],
            item["transfer_doc"],
            dt.date.fromisoformat(item["deadline"]) if item["deadline"] else "",
            basis_label(item["deadline_basis"], "vi"),
            status(item, record.as_of or record.date),
        ]
        for index, item in enumerate(record.pending, start=1)
    ]


def status(item: dict[str, object], day: dt.date) -> str:
    """Where the item stands on `day`: answered (when), or open, extended, passed on,
    with "quá hạn" once its deadline has passed."""
    if item["followup_status"] == "closed":
        answered = str(item.get("answered_on") or "")
        return f"Đã trả lời ngày {short_date(answered)}" if answered else "Đã kết thúc"
    words = {
        "extended": "Đã gia hạn",
        "transferred": f"Đã chuyển {item['body_name']}",
        "in_progress": "Đang giải quyết",
    }.get(str(item.get("progress") or ""), "Chưa giải quyết")
    deadline = str(item["deadline"] or "")
    return words + ("; quá hạn" if deadline and deadline < day.isoformat() else "")


def heading(record: MeetingRecord) -> str:
    day = short_date((record.as_of or record.date).isoformat())
    return (
        f"Danh sách kiến nghị sau hội nghị — tình trạng giải quyết đến ngày {day} — "
        f"{record.meeting['title']}"
    )


TICKET, DEADLINE = 1, 10  # the columns shown in a format of their own


def _text(index: int, value: Cell) -> str:
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    if index == TICKET and isinstance(value, int):
        return f"{value:03d}"
    return str(value)


def csv_bytes(record: MeetingRecord, separator: str = ",") -> bytes:
    """UTF-8 with a BOM; `separator` ";" for Excel set to the Vietnamese region."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=separator)
    writer.writerow(csv_row(columns(record)))
    for row in rows(record):
        writer.writerow(csv_row([_text(i, value) for i, value in enumerate(row)]))
    return out.getvalue().encode("utf-8-sig")


def xlsx_bytes(record: MeetingRecord) -> bytes:
    """One sheet, ready to print: wrapped text, a filter and frozen header, landscape A4
    fitted to the page's width with the header row on every page."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Kiến nghị (DỰ THẢO)" if record.draft else "Kiến nghị và tình trạng"
    title = heading(record)
    append_row(sheet, [f"DỰ THẢO — {title}" if record.draft else title])
    append_row(sheet, columns(record))
    found = rows(record)
    for row in found:
        append_row(sheet, row)
    sheet["A1"].font = Font(name="Times New Roman", bold=True, size=13)
    header_font = Font(name="Times New Roman", bold=True)
    for cell in sheet[2]:
        cell.font = header_font
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
    wrapped = Alignment(wrap_text=True, vertical="top")
    text_font = Font(name="Times New Roman", size=12)  # ~9 pt or more once fitted to A4
    # Style one cell, then copy its style to the others: openpyxl hashes the font and the
    # alignment again on every assignment, a second for a long list.
    styled = sheet.cell(row=1, column=len(COLUMNS) + 1)
    styled.alignment, styled.font = wrapped, text_font
    template = copy(styled._style)
    sheet._cells.pop((1, len(COLUMNS) + 1))  # it was only a template
    for number, (line, values) in enumerate(
        zip(sheet.iter_rows(min_row=3), found, strict=True), start=3
    ):
        for cell in line:
            cell._style = copy(template)
        # Row heights a reader does not compute from wrapped text (LibreOffice, printing):
        # the lines the longest cell needs at about one character a unit of width.
        needed = max(
            -(-len(_text(i, value)) // max(1, WIDTHS[i] - 2)) for i, value in enumerate(values)
        )
        sheet.row_dimensions[number].height = LINE_PT * max(1, needed)
        line[TICKET].number_format = "000"
        line[DEADLINE].number_format = DATE_FORMAT
    for index, width in enumerate(WIDTHS, start=1):
        sheet.column_dimensions[sheet.cell(row=2, column=index).column_letter].width = width
    last = sheet.cell(row=2 + len(found), column=len(COLUMNS)).coordinate
    sheet.auto_filter.ref = f"A2:{last}"
    sheet.freeze_panes = "A3"
    sheet.print_title_rows = "2:2"
    sheet.print_options.gridLines = True
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_margins.left = sheet.page_margins.right = 0.4  # inches: the text as large
    sheet.page_margins.top = sheet.page_margins.bottom = 0.6  # as the width allows
    sheet.oddFooter.center.text = "Trang &P/&N"
    moment = dt.datetime.combine(record.date, dt.time())
    book.properties.created = book.properties.modified = moment
    book.properties.creator = book.properties.lastModifiedBy = record.meeting["issuing_body"]
    buffer = io.BytesIO()
    book.save(buffer)
    return stable_xlsx(buffer.getvalue(), moment)
