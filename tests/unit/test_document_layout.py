"""The header, title and closing of every .docx, measured with Times New Roman's metrics
(Liberation Serif's widths): each line fits its column, names break only at a natural
point, the rules are as long as Nghị định 30 says, Nơi nhận sits beside the signature."""

from __future__ import annotations

import os
import stat
import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.document import Document as DocumentType
from docx.shared import Cm
from docx.table import Table
from docx.text.paragraph import Paragraph

from documents import metrics
from documents.layout import (
    MOTTO,
    NATIONAL_NAME,
    SLACK_CM,
    TEXT_WIDTH_CM,
    Text,
    fit,
    fit_sized,
)
from documents.run import Options, export
from shared import meetings, questions
from shared.db import Store

LIBERATION = Path("/usr/share/fonts/truetype/liberation")


def docx_files(store: Store, meeting: int, out: Path, **options: str) -> dict[str, Path]:
    _, written = export(store, meeting, out, Options(**options))  # type: ignore[arg-type]
    return {
        p.name.split("-", 3)[-1].replace("-du-thao", ""): p for p in written if p.suffix == ".docx"
    }


def rule_cm(paragraph: Paragraph, column_cm: float) -> float | None:
    """A rule's length: its column less both indents; None for a paragraph without one."""
    properties = paragraph._p.pPr
    if (
        properties is None
        or properties.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}pBdr")
        is None
    ):
        return None
    left = paragraph.paragraph_format.left_indent or 0
    right = paragraph.paragraph_format.right_indent or 0
    assert abs(left - right) < Cm(0.01)  # centred
    return column_cm - (left + right) / Cm(1)


def widths_cm(table: Table) -> list[float]:
    return [(column.width or 0) / Cm(1) for column in table.columns]


def lines_of(paragraph: Paragraph) -> list[tuple[str, Text]]:
    """Each printed line of a paragraph with the run's size and weight."""
    found: list[tuple[str, Text]] = []
    for run in paragraph.runs:
        size = run.font.size.pt if run.font.size else 14
        for part in run.text.split("\n"):
            if part:
                found.append((part, Text(part, size, bool(run.bold), bool(run.italic))))
    return found


def header_of(document: DocumentType) -> tuple[Table, list[float]]:
    table = document.tables[0]
    return table, widths_cm(table)


@pytest.mark.parametrize("name", ["bien-ban.docx", "thong-bao-ket-luan.docx"])
def test_every_header_line_fits_its_column(
    store: Store, held: int, tmp_path: Path, name: str
) -> None:
    document = Document(str(docx_files(store, held, tmp_path)[name]))
    table, widths = header_of(document)
    assert sum(widths) == pytest.approx(TEXT_WIDTH_CM, abs=0.01)
    measured = 0
    for cell, width in zip(table.rows[0].cells, widths, strict=True):
        for paragraph in cell.paragraphs:
            for text, line in lines_of(paragraph):
                assert line.width() <= width - SLACK_CM + 1e-6, (text, line.width(), width)
                measured += 1
    assert measured >= 6
    right = [p.text for p in table.rows[0].cells[1].paragraphs]
    assert NATIONAL_NAME in right and MOTTO in right  # never broken


def test_rules_are_as_long_as_decree_30_says(store: Store, held: int, tmp_path: Path) -> None:
    document = Document(str(docx_files(store, held, tmp_path)["bien-ban.docx"]))
    table, (left_cm, right_cm) = header_of(document)
    left, right = table.rows[0].cells
    issuer = next(p for p in left.paragraphs if "XÃ MINH HÒA" in p.text)
    longest = max(line.width() for _, line in lines_of(issuer))
    under_issuer = [r for p in left.paragraphs if (r := rule_cm(p, left_cm)) is not None]
    assert len(under_issuer) == 1 and longest / 3 <= under_issuer[0] <= longest / 2
    under_motto = [r for p in right.paragraphs if (r := rule_cm(p, right_cm)) is not None]
    motto = Text(MOTTO, 14, bold=True).width()
    assert len(under_motto) == 1 and under_motto[0] == pytest.approx(motto, abs=0.01)
    # The summary line (trích yếu) under the title, with its rule under it.
    paragraphs = document.paragraphs
    title = next(i for i, p in enumerate(paragraphs) if p.text == "BIÊN BẢN")
    summary = paragraphs[title + 1]
    assert summary.text == "Hội nghị đối thoại xã Minh Hòa"
    length = rule_cm(paragraphs[title + 2], TEXT_WIDTH_CM)
    line = max(line.width() for _, line in lines_of(summary))
    assert length is not None and line / 3 <= length <= line / 2


def test_names_break_at_a_natural_point_never_inside_a_name() -> None:
    column = 6.7
    assert fit(Text("ỦY BAN NHÂN DÂN XÃ MINH HÒA", 13, bold=True), column) == [
        "ỦY BAN NHÂN DÂN",
        "XÃ MINH HÒA",
    ]
    assert fit(Text("ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH", 13, bold=True), column) == [
        "ỦY BAN NHÂN DÂN",
        "THÀNH PHỐ HỒ CHÍ MINH",
    ]
    assert fit(Text("ĐẢNG ỦY XÃ MINH HÒA", 13, bold=True), column) == ["ĐẢNG ỦY XÃ MINH HÒA"]
    # No place name: the most even break, each line within the column.
    lines = fit(Text("SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG TỈNH", 13, bold=True), 5.0)
    assert lines[-1].endswith("TỈNH") and len(lines) == 2
    for place in ("XÃ MINH HÒA", "PHƯỜNG TRẦN HƯNG ĐẠO", "THỊ TRẤN KINH MÔN"):
        for prefix in ("ỦY BAN NHÂN DÂN", "HỘI ĐỒNG NHÂN DÂN"):
            sized, fitted = fit_sized(Text(f"{prefix} {place}", 13, bold=True), 6.0, 12)
            assert place in fitted and 12 <= sized.size <= 13, fitted
            assert all(sized.width(line) <= 6.0 - SLACK_CM for line in fitted)
    # Too long even at 12 pt: word by word, still within the column.
    sized, fitted = fit_sized(Text("ỦY BAN NHÂN DÂN PHƯỜNG TRẦN HƯNG ĐẠO", 13), 4.0, 12)
    assert sized.size == 12 and all(sized.width(line) <= 4.0 - SLACK_CM for line in fitted)


def test_the_motto_column_holds_the_motto_on_one_line(
    store: Store, held: int, tmp_path: Path
) -> None:
    meetings.update_meeting(
        store, held, issuing_body="Ủy ban nhân dân phường Trần Hưng Đạo và vùng phụ cận"
    )
    document = Document(str(docx_files(store, held, tmp_path)["thong-bao-ket-luan.docx"]))
    table, widths = header_of(document)
    national = Text(NATIONAL_NAME, 13, bold=True).width()
    assert national <= widths[1] - SLACK_CM
    for paragraph in table.rows[0].cells[0].paragraphs:
        for _, line in lines_of(paragraph):
            assert line.width() <= widths[0] - SLACK_CM + 1e-6


@pytest.mark.parametrize("name", ["bien-ban.docx", "thong-bao-ket-luan.docx"])
def test_body_ends_and_recipients_sit_bottom_left(
    store: Store, held: int, tmp_path: Path, name: str
) -> None:
    document = Document(str(docx_files(store, held, tmp_path)[name]))
    last = [p.text for p in document.paragraphs if p.text][-1]
    assert last.endswith("./.") and not last.endswith("../.")
    closing = document.tables[-1]  # one row: the closing never splits over pages
    assert len(closing.rows) == 1
    recipients_cell = closing.rows[0].cells[0]
    names = [p.text for p in recipients_cell.paragraphs]
    names = names[names.index("Nơi nhận:") :]  # the minutes' secretary signs above it
    assert names[-1] == "- Lưu: VT, VP."
    assert all(n.endswith(";") for n in names[1:-1])
    signer = [p.text for p in closing.rows[0].cells[1].paragraphs]
    assert signer[-1] == "Nguyễn Văn Hùng"  # the chair signs on the right
    if name.startswith("thong"):  # one signer: Nơi nhận beside the signature, same row
        assert signer[:2] == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]
        assert widths_cm(closing)[0] < widths_cm(closing)[1]


def test_the_documents_are_vietnamese_and_respect_the_umask(
    store: Store, held: int, tmp_path: Path
) -> None:
    previous = os.umask(0o022)
    try:
        made = docx_files(store, held, tmp_path / "usual")
        os.umask(0o077)
        private = docx_files(store, held, tmp_path / "private")
    finally:
        os.umask(previous)
    for path in made.values():
        assert stat.S_IMODE(path.stat().st_mode) == 0o644
        styles = zipfile.ZipFile(path).read("word/styles.xml").decode()
        assert 'w:lang w:val="vi-VN"' in styles and "en-US" not in styles
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in private.values())


def test_the_stored_widths_are_liberation_serifs() -> None:
    if not (LIBERATION / "LiberationSerif-Regular.ttf").exists():
        pytest.skip("fonts-liberation2 is not installed")
    assert metrics.generate(LIBERATION) == metrics._table()
    # Figures a reviewer measured in LibreOffice: the national name at 13 pt bold.
    assert metrics.width_cm(NATIONAL_NAME, 13, bold=True) == pytest.approx(9.5, abs=0.1)


def test_a_written_question_counts_in_the_notice(store: Store, held: int, tmp_path: Path) -> None:
    asked = questions.add_question(store, held, summary="Hỏi về điện", raised_by="Lê An")
    questions.set_outcome(store, asked["id"], "written")
    document = Document(str(docx_files(store, held, tmp_path)["thong-bao-ket-luan.docx"]))
    tasks = [[c.text for c in row.cells] for row in document.tables[1].rows]
    # prepared by the answering official's body (the chair's), never a bare "Văn phòng"
    assert any(row[1] == "Văn phòng HĐND và UBND xã" and "Hỏi về điện" in row[2] for row in tasks)
