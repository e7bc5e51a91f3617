"""The A4 handout for the hall: the follow-up commitments grouped by responsible body —
what was promised, to whom, by when — in Be Vietnam Pro, embedded."""

from __future__ import annotations

import datetime as dt

from fpdf import FPDF

from documents.words import OWN_OFFICE, long_date, short_date, sort_key
from printing.fonts import font_path
from shared.record import MeetingRecord, Row
from shared.specs import OUTCOMES
from shared.text import wrap


class Writer:
    """One `cell` a line, wrapped by the one wrapper the receipts use too. Words are
    measured once each: fpdf2's widths add up (no text shaping here), and its own line
    breaking measures the whole line again for every character (seconds for a long list)."""

    def __init__(self, pdf: FPDF) -> None:
        self.pdf = pdf
        self.widths: dict[tuple[str, str, float], dict[str, float]] = {}

    def _font_widths(self) -> dict[str, float]:
        pdf = self.pdf
        return self.widths.setdefault((pdf.font_family, pdf.font_style, pdf.font_size_pt), {})

    def word_width(self, word: str) -> float:
        widths = self._font_widths()
        if word not in widths:
            widths[word] = self.pdf.get_string_width(word)
        return widths[word]

    def measure(self, text: str) -> float:
        widths, total = self._font_widths(), 0.0
        words = text.split(" ")
        for word in words:
            width = widths.get(word)
            if width is None:
                width = widths[word] = self.pdf.get_string_width(word)
            total += width
        return total + (len(words) - 1) * self.word_width(" ")

    def lines(self, text: str, indent: str = "") -> list[str]:
        return wrap(text, self.pdf.epw, self.measure, indent)

    def write(self, text: str, height: float, align: str = "L", indent: str = "") -> None:
        for line in self.lines(text, indent):
            self.pdf.cell(self.pdf.epw, height, line, align=align, new_x="LMARGIN", new_y="NEXT")

    def item(self, bullet: str, text: str, height: float, indent_mm: float = 5) -> None:
        """A hanging item: the bullet at the margin, every line of `text` indented."""
        pdf = self.pdf
        width = pdf.epw - indent_mm
        for index, paragraph in enumerate(text.split("\n")):
            for number, line in enumerate(wrap(paragraph, width, self.measure)):
                # text() at a baseline, not cell(): a third of the time for a long list.
                if pdf.get_y() + height > pdf.page_break_trigger:
                    pdf.add_page()
                baseline = pdf.get_y() + height * 0.7
                if index == 0 and number == 0:
                    pdf.text(pdf.l_margin + 1, baseline, bullet)
                pdf.text(pdf.l_margin + indent_mm, baseline, line)
                pdf.set_y(pdf.get_y() + height)


class Handout(FPDF):
    """The handout's pages, each numbered "Trang x/y" at its foot."""

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font("BeVietnamPro", "", 9)
        self.cell(0, 6, f"Trang {self.page_no()}/{{nb}}", align="C")


def pdf_bytes(record: MeetingRecord) -> bytes:
    pdf = Handout(format="A4")
    pdf.set_creation_date(dt.datetime.combine(record.date, dt.time(), dt.UTC))
    pdf.set_title(f"Cam kết giải quyết kiến nghị — {record.meeting['title']}")
    pdf.set_author(record.meeting["issuing_body"])
    pdf.add_font("BeVietnamPro", "", font_path())
    pdf.add_font("BeVietnamPro", "B", font_path(bold=True))
    pdf.set_margins(20, 18, 15)
    pdf.add_page()
    writer = Writer(pdf)
    width = pdf.epw
    pdf.set_font("BeVietnamPro", "", 10)
    writer.write(record.meeting["parent_body"].upper(), 5, align="C")
    pdf.set_font("BeVietnamPro", "B", 10)
    writer.write(record.meeting["issuing_body"].upper(), 5, align="C")
    pdf.ln(2)
    if record.draft:
        pdf.set_font("BeVietnamPro", "B", 11)
        pdf.cell(width, 6, "DỰ THẢO", align="R", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("BeVietnamPro", "B", 15)
    writer.write("CÁC KIẾN NGHỊ ĐƯỢC TIẾP THU VÀ THỜI HẠN TRẢ LỜI", 8, align="C")
    pdf.set_font("BeVietnamPro", "", 11)
    writer.write(f"{record.meeting['title']} — {long_date(record.date)}", 6, align="C")
    pdf.ln(4)
    tasks = [item for item in record.decided if not OUTCOMES[item["outcome"]].transfer]
    moved = [item for item in record.decided if OUTCOMES[item["outcome"]].transfer]
    if not record.decided:
        writer.write("Không có kiến nghị nào phải giải quyết sau hội nghị.", 7)
    groups: dict[str, list[Row]] = {}
    for item in tasks:
        groups.setdefault(item["body_name"] or item.get("answering_body") or OWN_OFFICE, []).append(
            item
        )
    if tasks:
        pdf.set_font("BeVietnamPro", "B", 13)
        writer.write("I. Các kiến nghị giao giải quyết", 8)
    for body_name, items in sorted(groups.items(), key=lambda pair: sort_key(pair[0])):
        pdf.set_font("BeVietnamPro", "B", 12)
        writer.write(body_name, 7)
        pdf.set_font("BeVietnamPro", "", 11)
        for item in items:
            deadline = f"Hạn trả lời: {short_date(str(item['deadline']))}."
            writer.item("•", f"{item['summary']}\n{_who(item)}{deadline}", 6)
            pdf.ln(1)
        pdf.ln(3)
    if moved:
        pdf.set_font("BeVietnamPro", "B", 13)
        number = "II" if tasks else "I"
        writer.write(f"{number}. Các kiến nghị đã chuyển cơ quan có thẩm quyền", 8)
        pdf.set_font("BeVietnamPro", "", 11)
        for item in moved:
            level = f" ({item['transfer_level']})" if item["transfer_level"] else ""
            document = f", văn bản số {item['transfer_doc']}" if item["transfer_doc"] else ""
            writer.item(
                "•",
                f"{item['summary']}\n{_who(item)}Đã chuyển {item['body_name']}{level}"
                f"{document}. Công dân được thông báo chậm nhất ngày "
                f"{short_date(str(item['deadline']))}.",
                6,
            )
            pdf.ln(1)
    return bytes(pdf.output())


def _who(item: Row) -> str:
    """ "Người kiến nghị: Số 004 · Lê An (Thôn Đông). ", or nothing for an unnamed item."""
    ticket = f"Số {int(item['ticket']):03d} · " if item["ticket"] else ""
    name = item["citizen"] or ""
    village = f" ({item['village']})" if item["village"] else ""
    if not (name or ticket):
        return ""
    return f"Người kiến nghị: {ticket}{name}{village}. ".replace(" · .", ".")
