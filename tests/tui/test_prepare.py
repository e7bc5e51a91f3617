"""The preparation screen (`hallkit prepare`) against a real database: every key is one
core call, nothing is grouped without a key press, refusals are said with their row."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import load_workbook
from textual.widgets import Input, Select, Static

from office.prepare.app import make_prepare_app
from office.prepare.views import BodiesView, GroupsView, TextView
from session_console.console.dialogs import FormDialog
from session_console.widgets import LiveTable
from shared import meetings, prepare, questions
from shared.answer_requests import ANSWER_COLUMN, HEADER_ROW
from shared.config import Settings
from shared.db import Store
from tests.waiting import until

TODAY = dt.date(2026, 2, 5)  # the meeting is on 10/02; answers were due 03/02


def gather(store: Store, meeting: int) -> dict[str, int]:
    earlier = meetings.create_meeting(
        store, title="Hội nghị năm trước", date="2025-12-10", start_time="08:00"
    )
    old = questions.add_question(
        store, earlier, summary="Đường liên thôn Đông Đoài nhiều ổ gà", source="written"
    )
    questions.set_outcome(store, old["id"], "pending", body="Phòng Kinh tế")
    made = {
        "east": prepare.add_opinion(
            store,
            meeting,
            summary="Đường liên thôn Đông - Đoài xuống cấp, nhiều ổ gà",
            village="Thôn Đông",
            people=12,
            field="Giao thông",
        ),
        "west": prepare.add_opinion(
            store,
            meeting,
            summary="Tuyến đường liên thôn Đoài đi Đông nhiều ổ gà, xuống cấp",
            village="Thôn Đoài",
            people=5,
            field="Giao thông",
        ),
        "health": prepare.add_opinion(
            store, meeting, summary="Trạm y tế thiếu thuốc", village="Thôn Hạ", field="Y tế"
        ),
    }
    return {key: int(row["id"]) for key, row in made.items()}


def cell(table: LiveTable, key: str, column: str) -> str:
    index = [c.key for c in table.column_spec].index(column)
    return str(table.shown[key][index])


async def test_the_screen_groups_only_on_a_key_and_assigns_and_answers(
    store: Store, meeting: int, db_path: Path
) -> None:
    ids = gather(store, meeting)
    app = make_prepare_app(Settings(db_path=db_path), meeting, TODAY)
    async with app.run_test(size=(160, 40), notifications=True) as pilot:
        table = app.query_one("#opinions", LiveTable)
        east = str(ids["east"])
        assert table.row_count == 3
        assert cell(table, east, "state") == "chưa giao"
        assert cell(table, east, "history") == "10/12/2025"  # raised before
        detail = str(app.query_one("#detail", Static).render())
        assert "đã nêu tại hội nghị ngày 10/12/2025" in detail, detail

        await pilot.press("g")
        assert isinstance(app.screen, GroupsView)
        assert questions.get_question(store, ids["west"])["grouped_into"] is None  # proposed
        await pilot.press("escape")
        assert questions.get_question(store, ids["west"])["grouped_into"] is None  # not merged
        await pilot.press("g", "enter")
        assert questions.get_question(store, ids["west"])["grouped_into"] == ids["east"]
        await pilot.press("escape")
        assert table.row_count == 2
        assert cell(table, east, "place") == "Thôn Đông +1"
        assert cell(table, east, "people") == "17"

        table.select(east)
        await pilot.press("u")
        assert questions.get_question(store, ids["west"])["grouped_into"] is None
        assert table.row_count == 3
        await pilot.press("g", "enter", "escape")

        table.select(east)
        await pilot.press("b")
        assert isinstance(app.screen, FormDialog)
        assert app.screen.query_one("#f-due", Input).value == "03/02/2026"  # 5 working days
        app.screen.query_one("#f-body", Input).value = "Phòng Kinh tế"
        app.screen.query_one("#f-urgency", Select).value = "high"
        await pilot.click("#dialog-ok")
        assert not isinstance(app.screen, FormDialog)
        row = questions.get_question(store, ids["east"])
        assert (row["prep_body_name"], row["prep_due"], row["urgency"]) == (
            "Phòng Kinh tế",
            "2026-02-03",
            "high",
        )
        assert cell(table, east, "state") == "quá hạn"  # due 03/02, today 05/02
        await pilot.press("v")
        assert isinstance(app.screen, BodiesView)
        title = str(app.screen.query_one("#view-title", Static).render())
        assert "chậm trả lời: Phòng Kinh tế" in title, title
        await pilot.press("enter")  # only that body's opinions
        assert table.row_count == 1

        await pilot.press("t")
        assert isinstance(app.screen, FormDialog)
        app.screen.query_one("#f-answer").load_text("Quý 2 sửa xong")
        await pilot.click("#dialog-ok")
        assert questions.get_question(store, ids["east"])["prep_answer"] == "Quý 2 sửa xong"
        assert cell(table, east, "state") == "đã có"


async def test_typed_opinions_requests_out_and_answers_back_with_refusals(
    store: Store, meeting: int, db_path: Path, tmp_path: Path
) -> None:
    ids = gather(store, meeting)
    prepare.assign(store, ids["health"], "Trạm Y tế xã")
    app = make_prepare_app(Settings(db_path=db_path, language="en"), meeting, TODAY)
    async with app.run_test(size=(160, 40), notifications=True) as pilot:
        table = app.query_one("#opinions", LiveTable)
        await pilot.press("a")
        dialog = app.screen
        assert isinstance(dialog, FormDialog)
        dialog.query_one("#f-village", Input).value = "Thôn Trung"
        dialog.query_one("#f-people", Input).value = "không"
        dialog.query_one("#f-kind", Select).value = "to_cao"
        dialog.query_one("#f-summary", Input).value = "Cán bộ thu tiền sai quy định"
        await pilot.click("#dialog-ok")
        error = str(dialog.query_one("#dialog-error", Static).render())
        assert "Invalid number of people" in error, error  # said in the dialog, kept open
        dialog.query_one("#f-people", Input).value = "2"
        ok = dialog.query_one("#dialog-ok")
        await until(pilot, lambda: not ok.has_class("-active"), "the button to take presses")
        await pilot.click("#dialog-ok")
        assert table.row_count == 4
        added = store.one("SELECT * FROM questions WHERE raised_village = 'Thôn Trung'")
        assert added is not None and (added["kind"], added["people"]) == ("to_cao", 2)
        assert table.selected_key() == str(added["id"])

        await pilot.press("w")
        app.screen.query_one("#f-folder", Input).value = str(tmp_path / "out")
        await pilot.click("#dialog-ok")
        written = sorted((tmp_path / "out").glob("*.xlsx"))
        assert len(written) == 1, written
        assert written[0].with_suffix(".docx").exists()  # its cover letter beside it

        book = load_workbook(written[0])
        sheet = book.active
        first = HEADER_ROW + 1
        sheet.cell(first, ANSWER_COLUMN, "Đã bổ sung thuốc")
        sheet.cell(first, 1, str(sheet.cell(first, 1).value) + "7")  # an id edited
        tampered = tmp_path / "tampered.xlsx"
        book.save(tampered)
        book = load_workbook(written[0])
        book.active.cell(first, ANSWER_COLUMN, "Đã bổ sung thuốc")
        book.save(written[0])

        await pilot.press("r")
        app.screen.query_one("#f-path", Input).value = str(tampered)
        await pilot.click("#dialog-ok")
        assert isinstance(app.screen, TextView)
        said = str(app.screen.query_one("#text-lines", Static).render())
        assert "tampered.xlsx, row" in said and "Nothing of this file was stored" in said, said
        assert questions.get_question(store, ids["health"])["prep_answer"] == ""
        await pilot.press("escape")

        await pilot.press("r")
        app.screen.query_one("#f-path", Input).value = str(tmp_path / "out")  # a folder
        await pilot.click("#dialog-ok")
        said = str(app.screen.query_one("#text-lines", Static).render())
        assert "1 answers stored" in said, said
        assert questions.get_question(store, ids["health"])["prep_answer"] == "Đã bổ sung thuốc"
