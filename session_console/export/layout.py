"""Documents laid out per Nghị định 30/2020/NĐ-CP: A4, margins 20/20/30/15 mm, Times New
Roman, the two-column header with the national motto, the title, justified body text with
a first-line indent, signature blocks and "Nơi nhận". A party committee's documents use
the other header ("ĐẢNG CỘNG SẢN VIỆT NAM", "Số 12-BB/ĐU")."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from typing import Literal

from docx import Document
from docx.document import Document as DocumentType
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt
from docx.table import _Cell
from docx.text.paragraph import Paragraph

from session_console.export.files import fixed_zip
from session_console.export.words import long_date

FONT = "Times New Roman"
BODY_STYLE = "Hallkit Body"
CELL_STYLE = "Hallkit Cell"
Family = Literal["state", "party"]


@dataclass(frozen=True)
class Heading:
    """What the header of one document says."""

    parent_body: str
    issuing_body: str
    number: str  # "12", or "" for the clerk to fill in
    kind: str  # "BB", "TB"
    abbreviation: str  # "UBND", "ĐU"
    place: str
    date: dt.date
    family: Family = "state"
    draft: bool = False


def new_document(author: str, date: dt.date) -> DocumentType:
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    normal = document.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(14)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    text = document.styles.add_style(BODY_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    text.base_style = normal
    text.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    text.paragraph_format.first_line_indent = Cm(1.27)
    text.paragraph_format.space_before, text.paragraph_format.space_after = Pt(0), Pt(6)
    cell = document.styles.add_style(CELL_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    cell.base_style = normal
    cell.font.size = Pt(13)
    cell.paragraph_format.space_after = Pt(0)
    _page_numbers_from_page_two(document)
    moment = dt.datetime.combine(date, dt.time())
    properties = document.core_properties
    properties.author = properties.last_modified_by = author
    properties.created = properties.modified = properties.last_printed = moment
    properties.revision = 1
    return document


def _page_numbers_from_page_two(document: DocumentType) -> None:
    section = document.sections[0]
    section.different_first_page_header_footer = True
    paragraph = section.header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "2"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def line(
    container: DocumentType | _Cell,
    text: str = "",
    *,
    size: float = 14,
    bold: bool = False,
    italic: bool = False,
    upper: bool = False,
    align: str = "left",
    indent: bool = False,
    after: float = 6,
) -> Paragraph:
    paragraph = container.add_paragraph()
    paragraph.alignment = {
        "left": WD_ALIGN_PARAGRAPH.LEFT,
        "center": WD_ALIGN_PARAGRAPH.CENTER,
        "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
        "right": WD_ALIGN_PARAGRAPH.RIGHT,
    }[align]
    paragraph.paragraph_format.space_after = Pt(after)
    paragraph.paragraph_format.space_before = Pt(0)
    if indent:
        paragraph.paragraph_format.first_line_indent = Cm(1.27)
    if text:
        run = paragraph.add_run(text.upper() if upper else text)
        run.font.size, run.font.bold, run.font.italic = Pt(size), bold, italic
        run.font.name = FONT
    return paragraph


def body(document: DocumentType, text: str, *, bold: bool = False) -> Paragraph:
    """Body text: 14 pt, justified, first line indented 1.27 cm, 6 pt after (a style, so a
    long meeting's minutes are written in a second, not in several)."""
    paragraph = document.add_paragraph()
    with_style(paragraph, BODY_STYLE)
    paragraph.add_run(text).bold = bold or None
    return paragraph


def with_style(paragraph: Paragraph, style_name: str) -> None:
    """Set a paragraph style by id: python-docx's lookup by name searches every style and
    dominates a long document's export time."""
    paragraph._p.get_or_add_pPr().get_or_add_pStyle().val = style_name.replace(" ", "")


def _rule(cell: _Cell, width_cm: float) -> None:
    """The short rule under the issuing body and under the motto: an empty paragraph with
    a bottom border, indented to the rule's width."""
    paragraph = line(cell, after=6)
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("val", "single"), ("sz", "6"), ("space", "1"), ("color", "000000")):
        bottom.set(qn(f"w:{key}"), value)
    borders.append(bottom)
    paragraph._p.get_or_add_pPr().append(borders)
    margin = Cm(max(0.0, (_cell_width_cm(cell) - width_cm) / 2))
    paragraph.paragraph_format.left_indent = paragraph.paragraph_format.right_indent = margin
    paragraph.paragraph_format.line_spacing = Pt(2)


def _cell_width_cm(cell: _Cell) -> float:
    return (cell.width or Cm(8)) / Cm(1)


def _no_borders(table: object) -> None:
    properties = table._tbl.tblPr  # type: ignore[attr-defined]
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    properties.append(borders)


def header(document: DocumentType, heading: Heading) -> None:
    """The two columns at the top of page one, and "DỰ THẢO" while the meeting is open."""
    table = document.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _no_borders(table)
    table.autofit = False
    left, right = table.rows[0].cells
    for column, cell, width in zip(table.columns, (left, right), (Cm(7), Cm(9.5)), strict=True):
        column.width = cell.width = width
    if heading.family == "party":
        line(left, heading.parent_body, size=14, upper=True, align="center", after=0)
        line(left, heading.issuing_body, size=14, bold=True, upper=True, align="center", after=0)
        _rule(left, 2.0)
        number = f"Số {heading.number or '    '}-{heading.kind}/{heading.abbreviation}"
        line(left, number, size=14, align="center")
        line(right, "ĐẢNG CỘNG SẢN VIỆT NAM", size=15, bold=True, align="center", after=0)
        _rule(right, 5.0)
    else:
        line(left, heading.parent_body, size=13, upper=True, align="center", after=0)
        line(left, heading.issuing_body, size=13, bold=True, upper=True, align="center", after=0)
        _rule(left, 2.0)
        number = f"Số: {heading.number or '     '}/{heading.kind}-{heading.abbreviation}"
        line(left, number, size=13, align="center")
        line(
            right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", size=13, bold=True, align="center", after=0
        )
        line(right, "Độc lập - Tự do - Hạnh phúc", size=14, bold=True, align="center", after=0)
        _rule(right, 5.5)
    line(right, f"{heading.place}, {long_date(heading.date)}", size=14, italic=True, align="center")
    right.paragraphs[0]._p.getparent().remove(right.paragraphs[0]._p)
    left.paragraphs[0]._p.getparent().remove(left.paragraphs[0]._p)
    if heading.draft:
        line(document, "DỰ THẢO", size=14, bold=True, align="right")


def title(document: DocumentType, kind: str, summary: str) -> None:
    line(document, kind, size=14, bold=True, upper=True, align="center", after=0)
    line(document, summary, size=14, bold=True, align="center", after=12)


def signatures(
    document: DocumentType, left: tuple[str, str, str], right: tuple[str, str, str]
) -> None:
    """Two signature blocks: (authority line, title, name) each, names bold."""
    table = document.add_table(rows=1, cols=2)
    _no_borders(table)
    for cell, (authority, role, name) in zip(table.rows[0].cells, (left, right), strict=True):
        cell.paragraphs[0]._p.getparent().remove(cell.paragraphs[0]._p)
        if authority:
            line(cell, authority, size=14, bold=True, upper=True, align="center", after=0)
        line(cell, role, size=14, bold=True, upper=True, align="center", after=60)
        line(cell, name, size=14, bold=True, align="center")


def recipients(document: DocumentType, names: list[str]) -> None:
    line(document, "Nơi nhận:", size=12, bold=True, italic=True, after=0)
    for index, name in enumerate(names):
        end = "./." if index == len(names) - 1 else ";"
        line(document, f"- {name}{end}", size=11, after=0)


def to_bytes(document: DocumentType) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return fixed_zip(buffer.getvalue())
