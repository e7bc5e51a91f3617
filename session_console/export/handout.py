"""The A4 handout for the hall: the follow-up commitments grouped by responsible body —
what was promised, to whom, by when — in Be Vietnam Pro, embedded."""

from __future__ import annotations

import datetime as dt

from fpdf import FPDF

from printing.fonts import font_path
from session_console.export.words import long_date, short_date
from shared.record import MeetingRecord
from shared.text import wrap


class Writer:
    """One `cell` a line, wrapped by the one wrapper the receipts use too. Words are
    measured once each: fpdf2's widths add up (no text shaping here), and its own line
    breaking measures the whole line again for every character (seconds for a long list)."""

    def __init__(self, pdf: FPDF) -> None:
        self.pdf = pdf
        self.widths: dict[tuple[str, str, float, str], float] = {}

    def word_width(self, word: str) -> float:
        pdf = self.pdf
        key = (pdf.font_family, pdf.font_style, pdf.font_size_pt, word)
        if key not in self.widths:
            self.widths[key] = pdf.get_string_width(word)
        return self.widths[key]

    def measure(self, text: str) -> float:
        words = text.split(" ")
        return sum(map(self.word_width, words)) + (len(words) - 1) * self.word_width(" ")

    def lines(self, text: str, indent: str = "") -> list[str]:
        return wrap(text, self.pdf.epw, self.measure, indent)

    def write(self, text: str, height: float, align: str = "L", indent: str = "") -> None:
        for line in self.lines(text, indent):
            self.pdf.cell(self.pdf.epw, height, line, align=align, new_x="LMARGIN", new_y="NEXT")


def pdf_bytes(record: MeetingRecord) -> bytes:
    pdf = FPDF(format="A4")
    pdf.set_creation_date(dt.datetime.combine(record.date, dt.time(), dt.UTC))
    pdf.set_title(f"Cam kết giải quyết kiến nghị — {record.meeting['title']}")
    pdf.set_author(record.meeting["issuing_body"])
    pdf.add_font("BeVietnamPro", "", font_path())
    pdf.add_font("BeVietnamPro", "B", font_path(bold=True))
    pdf.set_margins(20, 18, 15)
    pdf.add_page()
    writer = Writer(pdf)
    width = pdf.epw
    if record.draft:
        pdf.set_font("BeVietnamPro", "B", 11)
        pdf.cell(width, 6, "DỰ THẢO", align="R", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("BeVietnamPro", "B", 15)
    writer.write("CÁC KIẾN NGHỊ ĐƯỢC TIẾP THU VÀ THỜI HẠN TRẢ LỜI", 8, align="C")
    pdf.set_font("BeVietnamPro", "", 11)
    writer.write(f"{record.meeting['title']} — {long_date(record.date)}", 6, align="C")
    pdf.ln(4)
    groups: dict[str, list[dict[str, object]]] = {}
    for item in record.pending:
        groups.setdefault(str(item["body_name"]) or "(chưa giao cơ quan)", []).append(item)
    if not groups:
        writer.write("Không có kiến nghị nào phải giải quyết sau hội nghị.", 7)
    for body_name, items in sorted(groups.items()):
        pdf.set_font("BeVietnamPro", "B", 12)
        writer.write(body_name, 7)
        pdf.set_font("BeVietnamPro", "", 11)
        for item in items:
            ticket = f"Số {int(str(item['ticket'])):03d} · " if item["ticket"] else ""
            who = f"{ticket}{item['citizen'] or ''}" + (
                f" ({item['village']})" if item["village"] else ""
            )
            text = (
                f"• {item['summary']}\nNgười kiến nghị: {who}. "
                f"Hạn trả lời: {short_date(str(item['deadline']))}."
            )
            writer.write(text, 6, indent="   ")
            pdf.ln(1)
        pdf.ln(3)
    return bytes(pdf.output())
