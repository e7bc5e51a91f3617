"""The follow-up screen and the follow-up commands, against a real database."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from click.testing import CliRunner, Result
from docx import Document
from openpyxl import load_workbook
from textual.widgets import Input, Static

from office.followup.app import make_followup_app
from session_console.console.dialogs import FormDialog
from session_console.widgets import LiveTable
from shared import questions
from shared.cli import cli, load_station_commands
from shared.config import Settings
from shared.db import Store
from shared.registrations import register
from tests.waiting import until

load_station_commands()


def held(store: Store, meeting: int) -> list[int]:
    made = []
    for name, outcome, extra in (
        ("Hoàng Văn Bình", "pending", {"body": "Phòng Kinh tế"}),
        (
            "Trần Quốc Toản",
            "transferred",
            {"body": "Công an xã", "level": "xã", "document": "3/CV"},
        ),
    ):
        row = register(store, meeting, consent=True, name=name, phone="0912345678")
        asked = questions.add_question(
            store, meeting, number=row["number"], summary=f"Ý kiến số {row['number']}"
        )
        questions.set_outcome(store, asked["id"], outcome, **extra)
        made.append(asked["id"])
    return made


async def test_the_followup_screen(store: Store, meeting: int, db_path: Path) -> None:
    items = held(store, meeting)
    app = make_followup_app(Settings(db_path=db_path), today=dt.date(2026, 3, 5))
    async with app.run_test(size=(140, 36), notifications=True) as pilot:
        table = app.query_one("#items", LiveTable)
        marks = {str(table.get_row_at(i)[0]): str(table.get_row_at(i)[1]) for i in range(2)}
        assert marks == {str(items[0]): "", str(items[1]): "QUÁ HẠN"}
        await pilot.press("o")
        assert table.row_count == 1
        await pilot.press("o", "i")
        first = str(table.get_row_at(table.cursor_row)[0])
        assert questions.get_question(store, int(first))["progress"] == "in_progress"
        await pilot.press("a")
        assert isinstance(app.screen, FormDialog)
        app.screen.query_one("#f-summary", Input).value = ""
        await pilot.click("#dialog-ok")
        assert "không được để trống" in str(app.screen.query_one("#dialog-error", Static).render())
        app.screen.query_one("#f-summary", Input).value = "Đã xử lý xong"
        app.screen.query_one("#f-document", Input).value = "77/UBND"
        ok = app.screen.query_one("#dialog-ok")
        await until(pilot, lambda: not ok.has_class("-active"), "the button to take presses")
        await pilot.click("#dialog-ok")
        assert questions.get_question(store, int(first))["followup_status"] == "closed"
        assert table.row_count == 1


def run(db: Path, *args: str) -> Result:
    return CliRunner().invoke(cli, ["--db", str(db), *args], catch_exceptions=False)


def test_followup_commands_lookup_report_purge_merge(
    store: Store, meeting: int, db_path: Path, tmp_path: Path
) -> None:
    items = held(store, meeting)
    overdue = json.loads(
        run(db_path, "followup", "--overdue", "--today", "2026-03-05", "list", "--json").output
    )
    assert [row["id"] for row in overdue] == [items[1]]
    assert (
        run(
            db_path,
            "followup",
            "answer",
            str(items[0]),
            "--on",
            "01/03/2026",
            "--summary",
            "Đã cấp sổ",
        ).exit_code
        == 0
    )
    assert (
        run(
            db_path,
            "followup",
            "inform",
            str(items[0]),
            "--on",
            "02/03/2026",
            "--how",
            "điện thoại",
        ).exit_code
        == 0
    )
    history = run(db_path, "followup", "history", str(items[0])).output
    assert "trả lời câu hỏi số 1" in history and "báo cho công dân về câu hỏi số 1" in history
    assert "Ngày trả lời: 01/03/2026" in history and "Hình thức thông báo: điện thoại" in history
    assert "followup." not in history
    refused = run(db_path, "followup", "answer", str(items[0]), "--on", "x", "--summary", "y")
    assert refused.exit_code == 1 and refused.output.startswith("Lỗi:")

    code = store.one("SELECT code FROM registrations WHERE number = 1")
    assert code is not None
    shown = run(db_path, "lookup", code["code"]).output
    assert "Đã cấp sổ" in shown and "Trần Quốc Toản" not in shown and "0912" not in shown

    assert (
        run(
            db_path,
            "report",
            "--period",
            "2026-Q1",
            "--out",
            str(tmp_path / "r"),
            "--today",
            "2026-03-05",
        ).exit_code
        == 0
    )
    sheet = load_workbook(tmp_path / "r" / "bao-cao-2026-Q1.xlsx").active
    assert sheet is not None
    counts = {row[0].value: row[1].value for row in sheet.iter_rows() if len(row) > 1}
    # the open item is a transfer: counted apart, by whether the citizen was told
    assert (counts["Trả lời đúng hạn"], counts["Đang giải quyết"]) == (1, 0)
    assert counts["Chưa thông báo"] == 1
    assert "BÁO CÁO" in [
        p.text for p in Document(str(tmp_path / "r" / "bao-cao-2026-Q1.docx")).paragraphs
    ]

    purged = run(db_path, "purge", "--before", "2026-12-31", "--yes")  # 24 months not yet up
    assert purged.exit_code == 0 and "Không có dữ liệu cá nhân" in purged.output
    assert run(db_path, "merge", str(db_path)).exit_code == 1
