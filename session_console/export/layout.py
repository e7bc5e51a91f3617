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
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Mm, Pt
from docx.table import _Cell
from docx.text.paragraph import Paragraph
from lxml import etree

from session_console.export.files import fixed_zip
from session_console.export.metrics import width_cm
from session_console.export.words import long_date

FONT = "Times New Roman"
BODY_STYLE = "Hallkit Body"
HEADING_STYLE = "Hallkit Heading"
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
    date: dt.date | None  # None: the day left for the clerk ("ngày    tháng    năm 2026")
    family: Family = "state"
    draft: bool = False
    year: int = 0  # the year printed when `date` is left blank

    def date_line(self) -> str:
        if self.date is not None:
            return f"{self.place}, {long_date(self.date)}"
        return f"{self.place}, ngày       tháng       năm {self.year}"


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
    normal.paragraph_format.widow_control = True  # no line left alone at a page's edge
    text = document.styles.add_style(BODY_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    text.base_style = normal
    text.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    text.paragraph_format.first_line_indent = Cm(1.27)
    text.paragraph_format.space_before, text.paragraph_format.space_after = Pt(0), Pt(6)
    heading = document.styles.add_style(HEADING_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    heading.base_style = text
    heading.font.bold = True
    heading.paragraph_format.keep_with_next = True  # a heading starts its page, never ends one
    heading.paragraph_format.keep_together = True
    cell = document.styles.add_style(CELL_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    cell.base_style = normal
    cell.font.size = Pt(13)
    cell.paragraph_format.space_after = Pt(0)
    _page_numbers_from_page_two(document)
    _vietnamese(document)
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


def _vietnamese(document: DocumentType) -> None:
    """Mark every run Vietnamese (vi-VN), so Word checks the spelling in Vietnamese."""
    defaults = document.styles.element.find(qn("w:docDefaults"))
    assert defaults is not None
    properties = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
    assert properties is not None
    language = properties.find(qn("w:lang"))
    if language is None:
        language = OxmlElement("w:lang")
        properties.append(language)
    for key in ("val", "eastAsia", "bidi"):
        language.set(qn(f"w:{key}"), "vi-VN")


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


def body(document: DocumentType, text: str, *, bold: bool = False, keep: bool = False) -> Paragraph:
    """Body text: 14 pt, justified, first line indented 1.27 cm, 6 pt after (a style, so a
    long meeting's minutes are written in a second, not in several). `bold` makes it a
    heading, kept on the page of the text it heads; `keep` keeps a lead-in line ("1. Name,
    số 001, kiến nghị:") with what follows it too."""
    element = styled_paragraph(text, HEADING_STYLE if bold else BODY_STYLE)
    if keep and not bold:
        properties = element.find(qn("w:pPr"))
        etree.SubElement(properties, qn("w:keepNext"))
    section = document.element.body.sectPr
    if section is not None:
        section.addprevious(element)
    else:
        document.element.body.append(element)
    return Paragraph(element, document._body)


def styled_paragraph(text: str, style_name: str, *, bold: bool = False) -> etree._Element:
    """A `w:p` of one run in a paragraph style, built with lxml directly: python-docx's
    element classes look up every child's place and take seconds for thousands."""
    paragraph = parse_xml(f"<w:p {nsdecls('w')}/>")
    properties = etree.SubElement(paragraph, qn("w:pPr"))
    etree.SubElement(properties, qn("w:pStyle")).set(qn("w:val"), style_name.replace(" ", ""))
    fill_paragraph(paragraph, text, bold=bold)
    return paragraph


def fill_paragraph(paragraph: etree._Element, text: str, *, bold: bool = False) -> None:
    run = etree.SubElement(paragraph, qn("w:r"))
    if bold:
        etree.SubElement(etree.SubElement(run, qn("w:rPr")), qn("w:b"))
    element = etree.SubElement(run, qn("w:t"))
    element.text = text
    if text != text.strip():
        element.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")


def fill_cell(tc: etree._Element, text: str, style_name: str, width_cm: float, bold: bool) -> None:
    """A table cell's width and text (its one empty paragraph), the fast way as above."""
    width = tc.find(f"{qn('w:tcPr')}/{qn('w:tcW')}")
    if width is not None:
        width.set(qn("w:w"), str(round(width_cm * 567)))
        width.set(qn("w:type"), "dxa")
    paragraph = tc.find(qn("w:p"))
    assert paragraph is not None
    properties = etree.SubElement(paragraph, qn("w:pPr"))
    etree.SubElement(properties, qn("w:pStyle")).set(qn("w:val"), style_name.replace(" ", ""))
    fill_paragraph(paragraph, text, bold=bold)


def with_style(paragraph: Paragraph, style_name: str) -> None:
    """Set a paragraph style by id: python-docx's lookup by name searches every style and
    dominates a long document's export time."""
    paragraph._p.get_or_add_pPr().get_or_add_pStyle().val = style_name.replace(" ", "")


TEXT_WIDTH_CM = 16.5  # A4 less the 30 and 15 mm side margins
SLACK_CM = 0.15  # room a line keeps spare, so no renderer's rounding wraps it
NATIONAL_NAME = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
PARTY_NAME = "ĐẢNG CỘNG SẢN VIỆT NAM"
# The words that start a place's name in a body's name ("... XÃ MINH HÒA"): a natural
# point to break a header line, and the start of a name that is never broken.
LEVEL_WORDS = (
    "THỊ TRẤN",
    "THỊ XÃ",
    "THÀNH PHỐ",
    "ĐẶC KHU",
    "XÃ",
    "PHƯỜNG",
    "HUYỆN",
    "QUẬN",
    "TỈNH",
    "ĐẢNG BỘ",
)


@dataclass(frozen=True)
class Text:
    """A line of a header or signature block: its words, size and weight."""

    text: str
    size: float
    bold: bool = False
    italic: bool = False

    def width(self, text: str | None = None) -> float:
        return width_cm(
            self.text if text is None else text, self.size, bold=self.bold, italic=self.italic
        )


# Names of bodies inside a longer name ("VĂN PHÒNG ỦY BAN NHÂN DÂN TỈNH …"): never broken,
# and a natural point to break before.
BODY_NAMES = ("ỦY BAN NHÂN DÂN", "HỘI ĐỒNG NHÂN DÂN", "MẶT TRẬN TỔ QUỐC VIỆT NAM", "ĐẢNG ỦY")


def units(text: str) -> list[tuple[str, bool]]:
    """The pieces a header line may break between: (piece, a natural break before it).
    A place's name with its level word ("XÃ MINH HÒA") is one piece, and so is a body's
    name inside a longer one ("ỦY BAN NHÂN DÂN")."""
    words = text.split()
    found: list[tuple[str, bool]] = []
    index = 0
    while index < len(words):
        rest = " ".join(words[index:]).upper()
        if index and any(rest == lv or rest.startswith(lv + " ") for lv in LEVEL_WORDS):
            found.append((" ".join(words[index:]), True))
            break
        name = next((n for n in BODY_NAMES if rest == n or rest.startswith(n + " ")), "")
        if name:
            size = len(name.split())
            found.append((" ".join(words[index : index + size]), bool(index)))
            index += size
            continue
        found.append((words[index], False))
        index += 1
    return found


def fit(line_: Text, column_cm: float) -> list[str]:
    """`line_` on one line if it fits the column, else on two broken at the natural point
    (before the place's name), else at the most even point between pieces; never inside
    a place's name unless that name alone is wider than the column."""
    return _natural(line_, column_cm - SLACK_CM) or _greedy(line_, column_cm - SLACK_CM)


def _natural(line_: Text, room: float) -> list[str] | None:
    if line_.width() <= room:
        return [line_.text]
    pieces = units(line_.text)
    candidates = []
    for cut in range(1, len(pieces)):
        first = " ".join(p for p, _ in pieces[:cut])
        second = " ".join(p for p, _ in pieces[cut:])
        widths = line_.width(first), line_.width(second)
        if max(widths) <= room:
            candidates.append((not pieces[cut][1], abs(widths[0] - widths[1]), [first, second]))
    return min(candidates)[2] if candidates else None


def _greedy(line_: Text, room: float) -> list[str]:
    lines: list[str] = []  # too long for two lines: piece by piece (a name is one piece)
    pieces = [p for p, _ in units(line_.text)]
    if any(line_.width(p) > room for p in pieces):
        pieces = line_.text.split()  # a name wider than the column: word by word
    for word in pieces:
        if lines and line_.width(f"{lines[-1]} {word}") <= room:
            lines[-1] += f" {word}"
        else:
            lines.append(word)
    return lines


def fit_sized(line_: Text, column_cm: float, smallest: float) -> tuple[Text, list[str]]:
    """Like `fit`, first trying smaller sizes down to `smallest` (Nghị định 30 allows 12
    to 13 pt for a body's name) before breaking inside a name."""
    size = line_.size
    while size >= smallest:
        sized = Text(line_.text, size, line_.bold, line_.italic)
        found = _natural(sized, column_cm - SLACK_CM)
        if found:
            return sized, found
        size -= 0.5
    sized = Text(line_.text, smallest, line_.bold, line_.italic)
    return sized, fit(sized, column_cm)


def text_line(
    cell: DocumentType | _Cell,
    line_: Text,
    column_cm: float,
    *,
    upper: bool = False,
    after: float = 0,
    smallest: float | None = None,
) -> Paragraph:
    """A centred line fitted to its column (at a size down to `smallest`): one paragraph,
    broken with line breaks."""
    shown = Text(line_.text.upper() if upper else line_.text, line_.size, line_.bold, line_.italic)
    shown, fitted = fit_sized(shown, column_cm, smallest or line_.size)
    paragraph = line(cell, align="center", after=after)
    for index, part in enumerate(fitted):
        run = paragraph.add_run(part)
        run.font.size, run.font.bold, run.font.italic = Pt(shown.size), shown.bold, shown.italic
        if index < len(fitted) - 1:
            run.add_break()
    return paragraph


def rule(container: DocumentType | _Cell, column_cm: float, length_cm: float) -> Paragraph:
    """A rule `length_cm` long centred in a column: an empty paragraph with a bottom
    border, indented on both sides."""
    paragraph = line(container, after=6)
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("val", "single"), ("sz", "6"), ("space", "1"), ("color", "000000")):
        bottom.set(qn(f"w:{key}"), value)
    borders.append(bottom)
    paragraph._p.get_or_add_pPr().append(borders)
    margin = Cm(max(0.0, (column_cm - length_cm) / 2))
    paragraph.paragraph_format.left_indent = paragraph.paragraph_format.right_indent = margin
    paragraph.paragraph_format.line_spacing = Pt(2)
    return paragraph


def _no_borders(table: object) -> None:
    properties = table._tbl.tblPr  # type: ignore[attr-defined]
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    properties.append(borders)
    margins = OxmlElement("w:tblCellMar")  # no cell padding: a column's width is its text's
    for edge in ("left", "right"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:w"), "0")
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    properties.append(margins)


def columns(document: DocumentType, widths_cm: tuple[float, float]) -> tuple[_Cell, _Cell]:
    """A borderless two-column row of fixed widths, the table as wide as the text."""
    table = document.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _no_borders(table)
    table.autofit = False
    cells = table.rows[0].cells
    for column, cell, width in zip(table.columns, cells, widths_cm, strict=True):
        column.width = cell.width = Cm(width)
    for cell in cells:
        cell.paragraphs[0]._p.getparent().remove(cell.paragraphs[0]._p)
    return cells[0], cells[1]


def header_columns(heading: Heading) -> tuple[float, float]:
    """(left, right) widths: the right column as wide as the motto (which never breaks)
    and the date line need, the issuing body's column the rest."""
    if heading.family == "party":
        right = [Text(PARTY_NAME, 15, bold=True)]
    else:
        right = [Text(NATIONAL_NAME, 13, bold=True), Text(MOTTO, 14, bold=True)]
    needed = max(t.width() for t in right) + SLACK_CM
    place = Text(heading.date_line(), 14, italic=True)
    needed = min(max(needed, place.width() + SLACK_CM), TEXT_WIDTH_CM / 2 + 1.5)
    right_cm = round(needed + 0.05, 2)
    return round(TEXT_WIDTH_CM - right_cm, 2), right_cm


def header(document: DocumentType, heading: Heading) -> None:
    """The two columns at the top of page one, and "DỰ THẢO" while the meeting is open.
    Every line fits its column or breaks at a natural point; the rules are as long as
    Nghị định 30 says: under the motto as long as the motto, under the issuing body from
    1/3 to 1/2 of its longest line, centred."""
    left_cm, right_cm = header_columns(heading)
    left, right = columns(document, (left_cm, right_cm))
    party = heading.family == "party"
    size = 14 if party else 13
    smallest = 12.0
    text_line(left, Text(heading.parent_body, size), left_cm, upper=True, smallest=smallest)
    issuer = Text(heading.issuing_body.upper(), size, bold=True)
    issuer, broken = fit_sized(issuer, left_cm, smallest)
    text_line(left, issuer, left_cm)
    if party:
        line(left, "*", size=14, align="center", after=0)
        number = f"Số {heading.number or '    '}-{heading.kind}/{heading.abbreviation}"
    else:
        longest = max(issuer.width(part) for part in broken)
        rule(left, left_cm, round(0.4 * longest, 2))
        number = f"Số: {heading.number or '     '}/{heading.kind}-{heading.abbreviation}"
    line(left, number, size=size, align="center")
    if party:
        name = Text(PARTY_NAME, 15, bold=True)
        text_line(right, name, right_cm)
        rule(right, right_cm, round(name.width(), 2))
    else:
        text_line(right, Text(NATIONAL_NAME, 13, bold=True), right_cm)
        motto = Text(MOTTO, 14, bold=True)
        text_line(right, motto, right_cm)
        rule(right, right_cm, round(motto.width(), 2))
    text_line(right, Text(heading.date_line(), 14, italic=True), right_cm)
    if heading.draft:
        line(document, "DỰ THẢO", size=14, bold=True, align="right")


def title(document: DocumentType, kind: str, summary: str, family: Family = "state") -> None:
    """The document's kind and its summary (trích yếu), with the rule under it: 1/3 to
    1/2 of the summary's line, centred. The kind is 14 pt (NĐ 30), 16 pt in the party's
    documents (HD 36: 15-16). The summary is the file's title too."""
    size = 16 if family == "party" else 14
    line(document, kind, size=size, bold=True, upper=True, align="center", after=0)
    document.core_properties.title = summary
    summary_line = Text(summary, 14, bold=True)
    fitted = fit(summary_line, TEXT_WIDTH_CM)
    text_line(document, summary_line, TEXT_WIDTH_CM)
    longest = max(summary_line.width(part) for part in fitted)
    rule(document, TEXT_WIDTH_CM, round(0.4 * longest, 2)).paragraph_format.space_after = Pt(12)


def end_body(paragraph: Paragraph) -> None:
    """Nghị định 30's end of the text, "./.", right after the last body paragraph, which
    stays on the page of the signature block below it (never a signature alone)."""
    last = paragraph.runs[-1]
    last.text = last.text.rstrip().rstrip(".") + "./."
    keep_with_next(paragraph)


def keep_with_next(paragraph: Paragraph) -> None:
    paragraph.paragraph_format.keep_with_next = True
    paragraph.paragraph_format.keep_together = True


def rows_whole(table: object, header: bool = False) -> None:
    """No row of `table` split over two pages; with `header`, its first row repeated at
    the top of every page the table runs onto."""
    for number, row in enumerate(table._tbl.tr_lst):  # type: ignore[attr-defined]
        properties = row.get_or_add_trPr()
        if number == 0 and header:
            properties.append(OxmlElement("w:tblHeader"))
        properties.append(OxmlElement("w:cantSplit"))


Signature = tuple[list[str], str]  # (the lines above the name, as printed; the name)
SIGNATURE_CM = 9.0  # the signature column; Nơi nhận takes the rest, on the left


def _signature(cell: _Cell, column_cm: float, signature: Signature) -> None:
    lines, name = signature
    for index, words in enumerate(lines):
        last = index == len(lines) - 1
        text_line(cell, Text(words, 14, bold=True), column_cm, upper=True, after=72 if last else 0)
    text_line(cell, Text(name or "." * 20, 14, bold=True), column_cm)


def _recipients(cell: _Cell, names: list[str], archive: str) -> None:
    """Nơi nhận, a hanging indent so a wrapped name lines up after its dash."""
    line(cell, "Nơi nhận:", size=12, bold=True, italic=True, after=0)
    for text in [f"- {name};" for name in names] + [archive]:
        paragraph = line(cell, text, size=11, after=0)
        paragraph.paragraph_format.left_indent = Cm(0.25)
        paragraph.paragraph_format.first_line_indent = Cm(-0.25)


def closing(
    document: DocumentType,
    signature: Signature,
    names: list[str],
    archive: str,
    second: Signature | None = None,
) -> None:
    """The signature block on the right and "Nơi nhận" bottom left beside it, ending with
    the `archive` line ("- Lưu: VT, VP."); with a `second` signer (the minutes' secretary) both sign side
    by side and "Nơi nhận" follows on the left, under the second signature. One table row
    that never splits, kept with the body's last lines: the closing is never alone on a
    page, nor cut in two."""
    left_cm = TEXT_WIDTH_CM - SIGNATURE_CM
    left, right = columns(document, (left_cm, SIGNATURE_CM))
    _signature(right, SIGNATURE_CM, signature)
    if second is not None:
        _signature(left, left_cm, second)
        line(left, after=12)
    _recipients(left, names, archive)
    table = document.tables[-1]
    rows_whole(table)


def to_bytes(document: DocumentType) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return fixed_zip(buffer.getvalue())
