"""The A4 handout for the hall: the follow-up commitments grouped by responsible body —
what was promised, to whom, by when — in Be Vietnam Pro, embedded."""

from __future__ import annotations

import datetime as dt

from fpdf import FPDF

from printing.fonts import font_path
from session_console.export.record import MeetingRecord
from session_console.export.words import long_date, short_date


def pdf_bytes(record: MeetingRecord) -> bytes:
    pdf = FPDF(format="A4")
    pdf.set_creation_date(dt.datetime.combine(record.date, dt.time(), dt.UTC))
    pdf.set_title(f"Cam kết giải quyết kiến nghị — {record.meeting['title']}")
    pdf.set_author(record.meeting["issuing_body"])
    pdf.add_font("BeVietnamPro", "", font_path())
    pdf.add_font("BeVietnamPro", "B", font_path(bold=True))
    pdf.set_margins(20, 18, 15)
    pdf.add_page()
    width = pdf.epw
    if record.draft:
        pdf.set_font("BeVietnamPro", "B", 11)
        pdf.cell(width, 6, "DỰ THẢO", align="R", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("BeVietnamPro", "B", 15)
    pdf.multi_cell(
        width,
        8,
        "CÁC KIẾN NGHỊ ĐƯỢC TIẾP THU VÀ THỜI HẠN TRẢ LỜI",
        align="C",
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.set_font("BeVietnamPro", "", 11)
    pdf.multi_cell(
        width,
        6,
        f"{record.meeting['title']} — {long_date(record.date)}",
        align="C",
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.ln(4)
    groups: dict[str, list[dict[str, object]]] = {}
    for item in record.pending:
        groups.setdefault(str(item["body_name"]) or "(chưa giao cơ quan)", []).append(item)
    if not groups:
        pdf.multi_cell(
            width,
            7,
            "Không có kiến nghị nào phải giải quyết sau hội nghị.",
            new_x="LMARGIN",
            new_y="NEXT",
        )
    for body_name, items in sorted(groups.items()):
        pdf.set_font("BeVietnamPro", "B", 12)
        pdf.multi_cell(width, 7, body_name, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("BeVietnamPro", "", 11)
        for item in items:
            ticket = f"Số {int(str(item['ticket'])):03d} · " if item["ticket"] else ""
            who = f"{ticket}{item['citizen'] or ''}" + (
                f" ({item['village']})" if item["village"] else ""
            )
            text = (
                f"• {item['summary']}\n   Người kiến nghị: {who}. "
                f"Hạn trả lời: {short_date(str(item['deadline']))}."
            )
            pdf.multi_cell(width, 6, text, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1)
        pdf.ln(3)
    return bytes(pdf.output())
