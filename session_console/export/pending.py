"""Danh sách kiến nghị chưa giải quyết: every pending or transferred item, as .xlsx and
as .csv in UTF-8 with a BOM (so Excel shows Vietnamese)."""

from __future__ import annotations

import csv
import datetime as dt
import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from session_console.export.cells import append_row, csv_row
from session_console.export.files import stable_xlsx
from session_console.export.words import short_date
from shared.i18n import tr
from shared.record import MeetingRecord
from shared.specs import FIELDS, meeting_kind, outcome_label

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
)
WIDTHS = (6, 9, 24, 18, 60, 16, 24, 30, 10, 14, 12, 18)


def columns(record: MeetingRecord) -> tuple[str, ...]:
    place = tr(FIELDS["village"].label_for(meeting_kind(record.meeting)), "vi")
    return tuple(place if not name else name for name in COLUMNS)


def rows(record: MeetingRecord) -> list[list[str]]:
    return [
        [
            str(index),
            f"{item['ticket']:03d}" if item["ticket"] else "",
            item["citizen"] or "",
            item["village"] or "",
            item["summary"],
            item["field"],
            tr(outcome_label(item["outcome"]), "vi"),
            item["body_name"],
            item["transfer_level"],
            item["transfer_doc"],
            short_date(item["deadline"]),
            item["deadline_basis"],
        ]
        for index, item in enumerate(record.pending, start=1)
    ]


def csv_bytes(record: MeetingRecord) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out)
    writer.writerow(csv_row(columns(record)))
    writer.writerows([csv_row(row) for row in rows(record)])
    return out.getvalue().encode("utf-8-sig")


def xlsx_bytes(record: MeetingRecord) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Kiến nghị chưa giải quyết"
    append_row(sheet, [f"Danh sách kiến nghị chưa giải quyết — {record.meeting['title']}"])
    append_row(sheet, columns(record))
    for row in rows(record):
        append_row(sheet, row)
    sheet["A1"].font = Font(name="Times New Roman", bold=True, size=13)
    for cell in sheet[2]:
        cell.font = Font(name="Times New Roman", bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    for index, width in enumerate(WIDTHS, start=1):
        sheet.column_dimensions[sheet.cell(row=2, column=index).column_letter].width = width
    sheet.freeze_panes = "A3"
    moment = dt.datetime.combine(record.date, dt.time())
    book.properties.created = book.properties.modified = moment
    book.properties.creator = book.properties.lastModifiedBy = record.meeting["issuing_body"]
    buffer = io.BytesIO()
    book.save(buffer)
    return stable_xlsx(buffer.getvalue(), moment)
