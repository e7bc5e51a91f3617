"""The clerk's smaller edits of issue 20, each checked on the fixed meetings' files."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

from docx import Document
from openpyxl import load_workbook
from pypdf import PdfReader

from documents import report as report_docs
from documents.words import sort_key
from shared.db import Store
from shared.reports import build, parse_period
from tests.documents.golden import describe


def test_vietnamese_order_goes_syllable_by_syllable() -> None:
    fields = ["Khác", "Giáo dục", "Giao thông", "Đất đai", "Y tế", "Dân cư"]
    ordered = sorted(fields, key=lambda name: (name == "Khác", sort_key(name)))
    assert ordered == ["Dân cư", "Đất đai", "Giao thông", "Giáo dục", "Y tế", "Khác"]


def test_the_notice_reads_as_filed(exported: dict[str, dict[str, Path]]) -> None:
    path = exported["commune"]["thong-bao-ket-luan.docx"]
    notice = describe(path.read_bytes())
    assert "27/UBND‑KT" in notice  # a non-breaking hyphen: the number never splits
    assert "chậm nhất ngày" in notice and "trước ngày" not in notice
    assert "TM. ỦY BAN NHÂN DÂN\n" in notice and "XÃ SƠN TRUNG\n" not in notice.split("Nơi nhận")[1]
    assert notice.index("- Giao thông") < notice.index("- Giáo dục") < notice.index("- Khác")
    assert notice.startswith("title: Kết luận của chủ tọa tại Hội nghị đối thoại")
    core = zipfile.ZipFile(path).read("docProps/core.xml").decode()
    assert "python-docx" not in core


def test_the_minutes_show_how_many_share_an_opinion_and_close_program_steps(
    exported: dict[str, dict[str, Path]],
) -> None:
    minutes = describe(exported["commune"]["bien-ban.docx"].read_bytes())
    assert "Ông/Bà Lê Thị Hồng (Thôn Phú Khánh; 2 người cùng ý kiến)" in minutes
    assert "1. Tuyên bố lý do, giới thiệu đại biểu." in minutes


def test_the_list_prints_readably_with_page_numbers(exported: dict[str, dict[str, Path]]) -> None:
    sheet = load_workbook(exported["commune"]["kien-nghi-chua-giai-quyet.xlsx"]).active
    assert sheet is not None
    assert sheet.oddFooter.center.text == "Trang &P/&N"
    assert sheet["A3"].font.sz == 12


def test_the_handout_names_its_issuer_and_numbers_its_pages(
    exported: dict[str, dict[str, Path]],
) -> None:
    reader = PdfReader(exported["commune"]["cam-ket-giai-quyet.pdf"])
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "ỦY BAN NHÂN DÂN XÃ SƠN TRUNG" in text
    assert f"Trang 1/{len(reader.pages)}" in text
    assert "chậm nhất ngày 26/02/2026" in text


def test_a_report_marks_the_meetings_still_open(store: Store, meeting: int) -> None:
    """An open meeting's figures may change: the report says how many are provisional."""
    built = build(store, parse_period("2026-Q1"), dt.date(2026, 3, 31))
    assert (built.meetings, built.open_meetings) == (1, 1)
    document = Document(io.BytesIO(report_docs.docx(built, "UBND xã", "UBND tỉnh", "An")))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "trong đó 1 hội nghị chưa kết thúc, số liệu tạm tính" in text
