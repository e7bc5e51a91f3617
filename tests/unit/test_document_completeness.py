"""Every open item of `hallkit items` is in every follow-up document, in the right part,
and every breakdown a document prints sums to the total it prints."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook
from pypdf import PdfReader

from documents import report as report_docs
from documents.run import Options, export
from shared import questions
from shared.db import Store
from shared.reports import build, parse_period
from shared.specs import OUTCOMES


@pytest.fixture
def every_outcome(store: Store, held: int) -> int:
    """`held` (answered, pending, transferred, one written question pending) plus a
    written reply, a withdrawn question, one collected before the meeting and one
    without an outcome yet."""
    for summary, outcome, source, details in (
        ("Hỏi về đường điện thôn Tây", "written", "written", {}),
        ("Hỏi về chợ tạm", "withdrawn", "written", {}),
        ("Đề nghị sửa cầu Khe Lim", "transferred", "pre_collected", {
            "body": "Sở Nông nghiệp và Môi trường", "level": "tỉnh", "document": "130/UBND-KT",
        }),
        ("Hỏi về học phí", "", "pre_collected", {}),
    ):  # fmt: skip
        asked = questions.add_question(
            store, held, summary=summary, source=source, raised_by="Phạm Văn Tư"
        )
        if outcome:
            questions.set_outcome(store, asked["id"], outcome, **details)
    return held


def squeeze(text: str) -> str:
    return " ".join(text.split())


def test_every_open_item_is_in_every_document(
    store: Store, every_outcome: int, tmp_path: Path
) -> None:
    _, written = export(store, every_outcome, tmp_path, Options())
    made = {p.name.split("-", 3)[-1].replace("-du-thao", ""): p for p in written}
    open_items = [
        item
        for item in questions.items(store, open_only=True)
        if item["meeting_id"] == every_outcome
    ]
    assert len(open_items) == 5 and {i["outcome"] for i in open_items} == {
        "pending",
        "transferred",
        "written",
    }
    sheet = load_workbook(made["kien-nghi-chua-giai-quyet.xlsx"]).active
    assert sheet is not None
    in_sheet = [str(c.value) for row in sheet.iter_rows() for c in row if c.value]
    raw = made["kien-nghi-chua-giai-quyet.csv"].read_bytes().decode("utf-8-sig")
    in_csv = [cell for row in csv.reader(io.StringIO(raw)) for cell in row]
    reader = PdfReader(made["cam-ket-giai-quyet.pdf"])
    handout = squeeze(" ".join(page.extract_text() for page in reader.pages))
    moved_part = handout.index("Các kiến nghị đã chuyển cơ quan có thẩm quyền")
    notice = Document(str(made["thong-bao-ket-luan.docx"]))
    tasks = [row.cells[2].text for row in notice.tables[1].rows[1:]]
    moved = [row.cells[1].text for row in notice.tables[2].rows[1:]]
    for item in open_items:
        summary = item["summary"]
        assert summary in in_sheet and summary in in_csv, summary
        at = handout.index(squeeze(summary))
        if OUTCOMES[item["outcome"]].transfer:
            assert at > moved_part
            assert [summary in text for text in moved].count(True) == 1
            assert not any(summary in text for text in tasks)
        else:
            assert at < moved_part
            assert [summary in text for text in tasks].count(True) == 1
            assert not any(summary in text for text in moved)


def _sums(text: str, pattern: str, part: str) -> tuple[int, int]:
    found = re.search(pattern, text)
    assert found, text
    parts = [int(n) for n in re.findall(part, found.group("parts"))]
    return int(found.group("total")), sum(parts)


def test_every_breakdown_sums_to_its_total(
    store: Store, every_outcome: int, tmp_path: Path
) -> None:
    _, written = export(store, every_outcome, tmp_path, Options())
    made = {p.name.split("-", 3)[-1].replace("-du-thao", ""): p for p in written}
    minutes = [p.text for p in Document(str(made["bien-ban.docx"])).paragraphs]
    markdown = made["bien-ban.md"].read_text(encoding="utf-8")
    notice = [p.text for p in Document(str(made["thong-bao-ket-luan.docx"])).paragraphs]
    checked = []
    for text in ("\n".join(minutes), markdown):
        total, parts = _sums(text, r"số ý kiến: (?P<total>\d+) \((?P<parts>[^)]+)\)", r": (\d+)")
        checked.append((total, parts))  # by source
        total, parts = _sums(
            text, r"số ý kiến: (?P<total>\d+).*?, trong đó (?P<parts>[^\n]+)", r": (\d+)"
        )
        checked.append((total, parts))  # by outcome
    spoken = _sums(
        "\n".join(notice),
        r"phát biểu (?P<total>\d+) ý kiến(?P<parts>)",
        r"(\d+)",
    )
    total, parts = _sums(
        "\n".join(notice), r"Tổng số (?P<total>\d+) ý kiến, trong đó (?P<parts>[^\n]+)", r"(\d+) ý"
    )
    checked.append((total, parts))
    assert all(total == parts == 8 for total, parts in checked), checked
    assert spoken[0] == 3  # the spoken ones, told apart from written and pre-collected
    # written and pre-collected told apart, as the minutes do
    assert (
        "ngoài ra nhận 3 ý kiến gửi bằng văn bản và 2 ý kiến thu thập trước hội nghị"
        in "\n".join(notice)
    )
    # The periodic report: its outcome table sums to its count of questions.
    built = build(store, parse_period("2026-Q1"), dt.date(2026, 4, 1))
    document = Document(io.BytesIO(report_docs.docx(built, "UBND xã", "UBND tỉnh", "An")))
    outcome_table = document.tables[1]  # after the header
    counts = [int(row.cells[1].text) for row in outcome_table.rows[1:-1]]
    assert sum(counts) == built.questions == 7  # questions with an outcome
    last = outcome_table.rows[-1].cells
    assert (last[0].text, last[1].text) == ("Tổng số", "7")  # and says so
