"""Gathered opinions come in from .xlsx as well as .csv, with their village or unit, people,
field, kind, urgency and origin; a bad file is refused with its row and nothing stored."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import Workbook

from shared.cli import cli
from shared.db import Store
from shared.i18n import UserError
from shared.importing import import_csv
from shared.prepare import parse_urgency
from tests.conftest import snapshot

HEADER = [
    "STT",
    "Nguồn ý kiến",
    "Thôn/Đơn vị",
    "Số người",
    "Nội dung ý kiến",
    "Lĩnh vực",
    "Loại",
    "Mức độ cấp thiết",
]
ROWS = [
    [
        1,
        "Phiếu lấy ý kiến",
        "Thôn Đông",
        12,
        "Đường liên thôn xuống cấp, nhiều ổ gà",
        "Giao thông",
        "Kiến nghị",
        "Cấp thiết",
    ],
    [
        2,
        "Báo cáo MTTQ",
        "Thôn Đoài",
        3,
        "Rác thải không được thu gom",
        "Môi trường",
        "Phản ánh",
        "",
    ],
    [
        3,
        "Đơn thư",
        "Thôn Hạ",
        None,
        "Tranh chấp ranh giới đất kéo dài",
        "Đất đai",
        "Khiếu nại",
        "thấp",
    ],
]


def workbook(path: Path, rows: list[list[object]], title: bool = True) -> Path:
    book = Workbook()
    notes = book.active
    notes.title = "Ghi chú"
    notes["A1"] = "Tổng hợp ý kiến cử tri"  # an extra sheet without the headers
    sheet = book.create_sheet("Tổng hợp")
    if title:
        sheet.append(["TỔNG HỢP Ý KIẾN, KIẾN NGHỊ CỬ TRI"])
        sheet.append([])
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def test_the_new_columns_exist_with_their_rules(store: Store, meeting: int) -> None:
    columns = {r[1] for r in store.conn.execute("PRAGMA table_info(questions)")}
    assert {
        "urgency",
        "origin",
        "grouped_into",
        "prep_body_name",
        "prep_due",
        "prep_answer",
    } <= columns
    with pytest.raises(sqlite3.IntegrityError):
        store.conn.execute(
            "INSERT INTO questions (meeting_id, number, summary, source, urgency, created_at,"
            " updated_at) VALUES (?, 99, 'x', 'pre_collected', 'urgent', '', '')",
            (meeting,),
        )


def test_opinions_are_read_from_an_excel_workbook(
    store: Store, meeting: int, tmp_path: Path
) -> None:
    path = workbook(tmp_path / "y-kien.xlsx", ROWS)
    result = import_csv(store, "opinions", path, meeting)
    assert (result.added, result.skipped) == (3, 0)
    rows = store.all(
        "SELECT raised_village, people, summary, field, kind, urgency, origin, source"
        " FROM questions WHERE meeting_id = ? ORDER BY number",
        (meeting,),
    )
    assert rows[0] == {
        "raised_village": "Thôn Đông",
        "people": 12,
        "summary": "Đường liên thôn xuống cấp, nhiều ổ gà",
        "field": "Giao thông",
        "kind": "kien_nghi",
        "urgency": "high",
        "origin": "Phiếu lấy ý kiến",
        "source": "pre_collected",
    }
    assert [(r["kind"], r["urgency"], r["people"]) for r in rows[1:]] == [
        ("phan_anh", "normal", 3),
        ("khieu_nai", "low", 1),
    ]
    assert import_csv(store, "opinions", path, meeting).added == 0  # read twice, stored once


def test_a_bad_row_refuses_the_whole_workbook_naming_its_row(
    store: Store, meeting: int, tmp_path: Path
) -> None:
    bad = [*ROWS[:2], [3, "Đơn thư", "Thôn Hạ", 2, "Ý kiến", "Đất đai", "Khiếu nại", "gấp lắm"]]
    path = workbook(tmp_path / "y-kien.xlsx", bad)
    before = snapshot(store)
    with pytest.raises(UserError) as refused:
        import_csv(store, "opinions", path, meeting)
    assert refused.value.message("en") == (
        "Row 6: Unknown urgency: gấp lắm. Use high, normal or low. Nothing was imported."
    )
    assert refused.value.message("vi").startswith("Dòng 6: ")
    assert snapshot(store) == before


def test_a_workbook_without_the_content_column_is_refused(
    store: Store, meeting: int, tmp_path: Path
) -> None:
    book = Workbook()
    book.active.append(["Thôn", "Số người"])
    book.active.append(["Thôn Đông", 2])
    book.save(tmp_path / "thieu.xlsx")
    with pytest.raises(UserError, match='no "summary" column'):
        import_csv(store, "opinions", tmp_path / "thieu.xlsx", meeting)


def test_a_file_renamed_xlsx_or_too_big_is_refused(
    store: Store, meeting: int, tmp_path: Path
) -> None:
    renamed = tmp_path / "y-kien.xlsx"
    renamed.write_text("Nội dung,Thôn\nĐường hỏng,Thôn Đông\n", encoding="utf-8")
    with pytest.raises(UserError, match="not an Excel workbook"):
        import_csv(store, "opinions", renamed, meeting)
    big = tmp_path / "to.xlsx"
    big.write_bytes(b"PK\x03\x04" + b"\0" * (10 * 1024 * 1024 + 1))
    with pytest.raises(UserError, match="at most 10 MB"):
        import_csv(store, "opinions", big, meeting)
    assert not store.all("SELECT 1 FROM questions")


def test_urgency_words() -> None:
    assert [parse_urgency(t) for t in ("", "Cấp thiết", "cao", "Bình thường", "LOW")] == [
        "normal",
        "high",
        "high",
        "normal",
        "low",
    ]


def test_the_cli_imports_a_workbook_and_a_csv_with_urgency(
    store: Store, meeting: int, tmp_path: Path, db_path: Path
) -> None:
    workbook(tmp_path / "a.xlsx", ROWS)
    (tmp_path / "b.csv").write_text(
        "nội dung,thôn,mức độ,nguồn\nĐèn đường hỏng,Thôn Trung,cao,Thư\n", encoding="utf-8"
    )
    runner = CliRunner()
    for name in ("a.xlsx", "b.csv"):
        ran = runner.invoke(
            cli,
            [
                "--db",
                str(db_path),
                "--lang",
                "en",
                "import",
                "opinions",
                str(tmp_path / name),
                "-m",
                str(meeting),
            ],
        )
        assert ran.exit_code == 0, ran.output
    row = store.one("SELECT urgency, origin FROM questions WHERE summary = 'Đèn đường hỏng'")
    assert row == {"urgency": "high", "origin": "Thư"}
