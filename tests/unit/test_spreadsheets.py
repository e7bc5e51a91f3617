"""Every spreadsheet hallkit writes (.xlsx, .csv) keeps hostile text as text, never a formula."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from documents.cells import formula_like
from shared import importing, questions
from shared.cli import cli, load_station_commands
from shared.db import Store
from tests.tree import PACKAGES

load_station_commands()

HYPERLINK = '=HYPERLINK("http://evil.invalid","x")'
# What `clean` lets through (a body, a field, a summary, a name typed by someone) ...
TYPED = {"body": HYPERLINK, "field": "+1+cmd|' /C calc'!A0", "summary": "-2+3", "by": "@SUM(A1)"}
# ... and what only a merged or hand-edited database can hold.
RAW = {"tab": "\t=1+1", "cr": "\r=2+2", "spaced": "  =3+3", "wide": "＝4+4"}


@pytest.fixture
def hostile(store: Store, meeting: int, tmp_path: Path) -> int:
    officials = tmp_path / "officials.csv"
    officials.write_text(
        f'name,position,body\nLê Văn Tâm,Trưởng phòng,"{HYPERLINK.replace(chr(34), chr(34) * 2)}"\n'
    )
    importing.import_csv(store, "officials", officials)
    fields = tmp_path / "fields.csv"
    fields.write_text(f'name\n"{TYPED["field"]}"\n')
    importing.import_csv(store, "fields", fields)
    for index, raw in enumerate(RAW.values()):
        asked = questions.add_question(
            store,
            meeting,
            summary=TYPED["summary"] if index == 0 else f"Ý kiến {index}",
            raised_by=TYPED["by"],
            field=TYPED["field"],
        )
        questions.set_outcome(store, asked["id"], "pending", body=HYPERLINK)
        store.conn.execute(
            "UPDATE questions SET transfer_level = ?, transfer_doc = ? WHERE id = ?",
            (raw, raw, asked["id"]),
        )
        store.conn.commit()
    store.conn.commit()
    return meeting


def written_cells(folder: Path) -> list[tuple[str, object, str]]:
    """(file, value, type) of every non-empty cell of every .xlsx and .csv under `folder`."""
    found: list[tuple[str, object, str]] = []
    for path in sorted(folder.rglob("*.xlsx")):
        for sheet in load_workbook(path).worksheets:
            for row in sheet.iter_rows():
                found += [(path.name, c.value, c.data_type) for c in row if c.value is not None]
    for path in sorted(folder.rglob("*.csv")):
        text = path.read_bytes().decode("utf-8-sig")
        for row in csv.reader(io.StringIO(text, newline="")):
            found += [(path.name, value, "csv") for value in row if value]
    return found


def test_no_cell_of_any_spreadsheet_is_a_formula(
    db_path: Path, hostile: int, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    runner = CliRunner()
    for args in (
        ["export", str(hostile), "--out", str(out / "export")],
        ["report", "--period", "2026", "--out", str(out / "report"), "--today", "2026-03-01"],
    ):
        result = runner.invoke(cli, ["--db", str(db_path), *args], catch_exceptions=False)
        assert result.exit_code == 0, result.output
    cells = written_cells(out)
    files = {name for name, _, _ in cells}
    assert {
        "bao-cao-2026.xlsx",
        f"hoi-nghi-{hostile}-kien-nghi-chua-giai-quyet-du-thao.csv",
    } <= files
    assert len(files) == 3
    assert [c for c in cells if c[2] == "f"] == []
    csv_values = [str(value) for _, value, kind in cells if kind == "csv"]
    assert [v for v in csv_values if v.lstrip(" ")[:1] in set("=+-@\t\r\n＝＋－＠")] == []
    xlsx_values = {value for _, value, kind in cells if kind != "csv"}
    for text in (*TYPED.values(), *RAW.values()):  # each reached a spreadsheet, as text
        assert text in xlsx_values or f"'{text}" in csv_values, text
    report = load_workbook(out / "report" / "bao-cao-2026.xlsx")["Báo cáo"]
    hyperlinks = [c for row in report.iter_rows() for c in row if c.value == HYPERLINK]
    assert hyperlinks and all(c.data_type == "s" and c.quotePrefix for c in hyperlinks)


@pytest.mark.parametrize("value", [HYPERLINK, "+1", "-1", "@A1", "\t=1", "\r=1", " =1", "＝1"])
def test_the_guard_flags_every_formula_start(value: str) -> None:
    assert formula_like(value)


@pytest.mark.parametrize("value", ["Nguyễn Văn An", "1-2", "a=b", "", 5, -1.5])
def test_the_guard_leaves_plain_values(value: object) -> None:
    assert not formula_like(value)


def test_every_spreadsheet_writer_goes_through_the_guard() -> None:
    """A new writer that bypasses `cells` is caught here, before it ships a formula."""
    root = Path(__file__).resolve().parents[2]
    for package in PACKAGES:
        for path in (root / package).rglob("*.py"):
            if path.name == "cells.py" or path.relative_to(root).as_posix() == "shared/workbook.py":
                continue  # the guards themselves (shared cannot import session_console's)
            text = path.read_text(encoding="utf-8")
            if "from openpyxl import" in text or "csv.writer" in text:
                assert (
                    "from documents.cells import" in text or "from shared.workbook import" in text
                ), path
                assert ".append(" not in text.replace("append_row(", ""), path
                assert ".value =" not in text, path
            for line in text.splitlines():
                if ".writerow" in line:
                    assert "csv_row(" in line, (path, line)
