"""The documents as printed (LibreOffice, Liberation Serif = Times New Roman's metrics):
the signature block and Nơi nhận on one page with the body's last lines above them, no
page ending with a heading, no table row split over two pages. The three fixed meetings,
and the commune's documents again with the chair's conclusion a line longer each time,
so page breaks fall at every point of the closing and the tables."""

from __future__ import annotations

import functools
import io
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

from tests.documents.conftest import export_meeting
from tests.documents.meetings import MEETINGS, commune
from tests.documents.pages import (
    closing_problems,
    heading_problems,
    need_tools,
    pages,
    row_problems,
    to_pdf,
)

PADDING = range(1, 9)
DOCUMENTS = ("bien-ban.docx", "thong-bao-ket-luan.docx")


def headings(document: object) -> list[str]:
    """Body paragraphs a page must not end with: bold ones and lead-ins ending in ":"."""
    found = []
    body = document.element.body  # type: ignore[attr-defined]
    for child in body.iterchildren(qn("w:p")):
        paragraph = Paragraph(child, document)  # type: ignore[arg-type]
        text = paragraph.text.strip()
        runs = [r for r in paragraph.runs if r.text.strip()]
        bold = bool(runs) and all(r.bold for r in runs)
        style = child.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
        heading = style is not None and "Heading" in str(style.get(qn("w:val")))
        if text and (text.endswith(":") or bold or heading):
            found.append(text)
    return found[2:]  # after the document's kind and summary (page one's top)


def grid_rows(document: object) -> list[list[str]]:
    rows = []
    body = document.element.body  # type: ignore[attr-defined]
    for child in body.iterchildren(qn("w:tbl")):
        table = Table(child, document)  # type: ignore[arg-type]
        style = child.find(f"{qn('w:tblPr')}/{qn('w:tblStyle')}")
        if style is not None and style.get(qn("w:val")) == "TableGrid":
            rows += [[c.text for c in row.cells] for row in table.rows]
    return rows


def closing(document: object) -> list[str]:
    """The closing's lines as printed (signature lines, Nơi nhận, the archive line): what
    the tables after the body's last paragraph ("./.") say, a line each."""
    body = document.element.body  # type: ignore[attr-defined]
    lines: list[str] = []
    for child in body.iterchildren(qn("w:p"), qn("w:tbl")):
        text = "".join(t.text or "" for t in child.iter(qn("w:t")))
        if child.tag == qn("w:p") and text.rstrip().endswith("./."):
            lines = []
        elif child.tag == qn("w:tbl"):
            for paragraph in child.iter(qn("w:p")):
                words = "".join(t.text or "" for t in paragraph.iter(qn("w:t"))).strip()
                if words and paragraph.find(f".//{qn('w:br')}") is None and len(words) < 60:
                    lines.append(words)
    return lines


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, list[list[str]]]]:
    need_tools()
    root = tmp_path_factory.mktemp("pages")
    makers = {kind: MEETINGS[kind] for kind in MEETINGS}
    makers |= {f"commune+{pad}": functools.partial(commune, pad=pad) for pad in PADDING}
    docs = {}
    for name, make in makers.items():
        MEETINGS[name] = make  # export_meeting builds by name
        try:
            exported = export_meeting(name, root / name)
        finally:
            if "+" in name:
                del MEETINGS[name]
        for document in DOCUMENTS:
            copy = root / "docx" / f"{name}-{document}"
            copy.parent.mkdir(exist_ok=True)
            copy.write_bytes(exported[document].read_bytes())
            docs[f"{name} {document}"] = copy
    pdfs = to_pdf(list(docs.values()), root / "pdf")
    return {key: (path, pages(pdfs[path])) for key, path in docs.items()}


def _cases() -> list[str]:
    kinds = [*MEETINGS, *(f"commune+{pad}" for pad in PADDING)]
    return [f"{kind} {document}" for kind in kinds for document in DOCUMENTS]


@pytest.mark.parametrize("case", _cases())
def test_a_printed_page_reads_as_a_clerk_files_it(
    printed: dict[str, tuple[Path, list[list[str]]]], case: str
) -> None:
    path, found = printed[case]
    document = Document(io.BytesIO(path.read_bytes()))
    problems = (
        closing_problems(found, closing(document))
        + heading_problems(found, headings(document))
        + row_problems(found, grid_rows(document))
    )
    assert not problems, f"{case}: " + "; ".join(problems)
