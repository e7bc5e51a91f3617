"""A document as a clerk reads it, in text: what each paragraph says with its style and
the flags that decide where pages break, each table row by row, the header and footer,
and the file's metadata. Golden files hold this text, so a change is a readable diff."""

from __future__ import annotations

import io

from docx import Document
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

ALIGN = {None: "", 0: "left", 1: "center", 2: "right", 3: "justify"}


def _flags(paragraph: Paragraph) -> str:
    style = paragraph.style
    fmt = paragraph.paragraph_format
    flags = [style.name if style is not None else ""]
    runs = [r for r in paragraph.runs if r.text.strip()]
    if runs and all(
        r.bold or (r.bold is None and style is not None and style.font.bold) for r in runs
    ):
        flags.append("bold")
    if runs and all(r.italic for r in runs):
        flags.append("italic")
    colours = sorted({str(r.font.color.rgb) for r in runs if r.font.color.rgb is not None})
    if colours:
        flags.append("colour " + "/".join(colours))  # of some of its runs
    sizes = sorted({r.font.size.pt for r in runs if r.font.size is not None})
    if sizes:
        flags.append("/".join(f"{s:g}pt" for s in sizes))
    align = (
        paragraph.alignment
        if paragraph.alignment is not None
        else (style.paragraph_format.alignment if style is not None else None)
    )
    if align is not None and int(align) in ALIGN:
        flags.append(ALIGN[int(align)])
    keep = fmt.keep_with_next
    if keep is None and style is not None:
        keep = style.paragraph_format.keep_with_next
    if keep:
        flags.append("keep-with-next")
    if fmt.page_break_before:
        flags.append("page-break-before")
    return ",".join(f for f in flags if f)


def _text(paragraph: Paragraph) -> str:
    parts = []
    for element in paragraph._p.iter(qn("w:t"), qn("w:br"), qn("w:noBreakHyphen")):
        if element.tag == qn("w:t"):
            parts.append(element.text or "")
        elif element.tag == qn("w:br"):
            parts.append(" ⏎ ")
        else:
            parts.append("‑")
    return "".join(parts)


def _paragraph(paragraph: Paragraph, indent: str = "") -> str:
    return f"{indent}[{_flags(paragraph)}] {_text(paragraph)}".rstrip()


def _table(table: Table) -> list[str]:
    lines = []
    for number, row in enumerate(table.rows):
        properties = row._tr.trPr
        flags = []
        if properties is not None and properties.find(qn("w:tblHeader")) is not None:
            flags.append("repeat-header")
        if properties is not None and properties.find(qn("w:cantSplit")) is not None:
            flags.append("cant-split")
        lines.append(f"  row {number + 1}" + (f" ({', '.join(flags)})" if flags else ""))
        for cell_number, cell in enumerate(row.cells):
            lines.append(f"    cell {cell_number + 1}")
            lines += [_paragraph(p, "      ") for p in cell.paragraphs if _text(p).strip()]
    return lines


def describe(data: bytes) -> str:
    document = Document(io.BytesIO(data))
    properties = document.core_properties
    lines = [
        f"title: {properties.title}",
        f"author: {properties.author}",
        f"language: {_language(document)}",
    ]
    section = document.sections[0]
    for name, part in (
        ("first-page header", section.first_page_header),
        ("header", section.header),
        ("footer", section.footer),
    ):
        if not part.is_linked_to_previous or name == "header":
            texts = [_paragraph(p) for p in part.paragraphs if _field_or_text(p)]
            lines.append(f"{name}: " + (" | ".join(texts) if texts else "(empty)"))
    lines.append("")
    body = document.element.body
    for child in body.iterchildren():
        if child.tag == qn("w:p"):
            paragraph = Paragraph(child, document._body)
            if _text(paragraph).strip():
                lines.append(_paragraph(paragraph))
        elif child.tag == qn("w:tbl"):
            lines.append("table")
            lines += _table(Table(child, document._body))
    return "\n".join(lines) + "\n"


def _field_or_text(paragraph: Paragraph) -> str:
    fields = [f.get(qn("w:instr")) for f in paragraph._p.iter(qn("w:fldSimple"))]
    return _text(paragraph) + "".join(f"{{{f}}}" for f in fields)


def _language(document: object) -> str:
    defaults = document.styles.element.find(qn("w:docDefaults"))  # type: ignore[attr-defined]
    found = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}")
    return found.get(qn("w:val")) if found is not None else ""
