"""Each opinion is assigned to a body by a due date; each body gets one .xlsx request and
its filled file is read back row by row by the hidden id, or refused whole."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from shared import meetings, prepare, questions
from shared.answer_requests import read_answers, write_requests
from shared.cli import cli, load_station_commands
from shared.db import Store
from shared.i18n import UserError
from tests.conftest import snapshot

load_station_commands()  # `prepare` is the office's (office/cli.py)

OPINIONS = [
    ("Thôn Đông", "Giao thông", "Đường liên thôn xuống cấp, nhiều ổ gà"),
    ("Thôn Đoài", "Đất đai", "Chậm cấp giấy chứng nhận quyền sử dụng đất"),
    ("Thôn Hạ", "Y tế", "Trạm y tế thiếu thuốc bảo hiểm y tế"),
]


def gathered(store: Store, meeting: int) -> list[int]:
    ids = []
    for village, field, summary in OPINIONS:
        row = questions.add_question(
            store,
            meeting,
            summary=summary,
            field=field,
            source="pre_collected",
            raised_village=village,
        )
        ids.append(int(row["id"]))
    return ids


@pytest.fixture
def assigned(store: Store, meeting: int) -> list[int]:
    ids = gathered(store, meeting)
    prepare.assign(store, ids[0], "Phòng Kinh tế", official="Lê Minh Đức")
    prepare.assign(store, ids[1], "Phòng Kinh tế", urgency="high")
    prepare.assign(store, ids[2], "Trạm Y tế xã", due="2026-02-06")
    return ids


def test_the_answer_is_due_in_working_days_before_the_meeting(
    store: Store, meeting: int, assigned: list[int]
) -> None:
    first, second, third = (questions.get_question(store, q) for q in assigned)
    # the meeting is on Tuesday 10/02/2026: five working days before is Tuesday 03/02
    assert first["prep_due"] == "2026-02-03"
    assert (first["prep_body_name"], first["prep_official_name"]) == (
        "Phòng Kinh tế",
        "Lê Minh Đức",
    )
    assert (second["urgency"], third["prep_due"]) == ("high", "2026-02-06")
    with pytest.raises(UserError, match="after the meeting"):
        prepare.assign(store, assigned[0], "Phòng Kinh tế", due="2026-02-11")


def test_an_answer_passes_the_text_rules(store: Store, meeting: int, assigned: list[int]) -> None:
    nfd = unicodedata.normalize("NFD", "Sẽ sửa đường trong quý II")
    assert prepare.answer(store, assigned[0], nfd)["prep_answer"] == "Sẽ sửa đường trong quý II"
    with pytest.raises(UserError, match="control or invisible"):
        prepare.answer(store, assigned[0], "Đã xử lý\x1b[2J")
    with pytest.raises(UserError, match="too long"):
        prepare.answer(store, assigned[0], "x" * 4001)


def test_one_request_per_body_with_hidden_locked_ids(
    store: Store, meeting: int, assigned: list[int], tmp_path: Path
) -> None:
    paths = write_requests(store, meeting, tmp_path, "vi")
    assert [p.name for p in paths] == [
        f"hoi-nghi-{meeting}-de-nghi-tra-loi-phong-kinh-te.xlsx",
        f"hoi-nghi-{meeting}-de-nghi-tra-loi-tram-y-te-xa.xlsx",
    ]
    sheet = load_workbook(paths[0]).active
    assert sheet.column_dimensions["A"].hidden
    assert sheet.protection.sheet
    assert [sheet.cell(4, c).value for c in (3, 12)] == ["Nội dung ý kiến", "Nội dung trả lời"]
    # the more urgent opinion first; the answer cells are open, the ids locked
    assert [sheet.cell(r, 3).value for r in (5, 6)] == [OPINIONS[1][2], OPINIONS[0][2]]
    assert sheet.cell(5, 1).value.startswith(f"{assigned[1]}-")
    assert sheet.cell(5, 1).protection.locked and not sheet.cell(5, 12).protection.locked
    assert sheet.cell(5, 12).value is None


def fill(path: Path, answers: dict[int, str], change: object = None) -> Path:
    book = load_workbook(path)
    sheet = book.active
    for row, text in answers.items():
        sheet.cell(row, 12, text)
    if callable(change):
        change(sheet)
    book.save(path)
    return path


def test_answers_come_back_by_the_hidden_id(
    store: Store, meeting: int, assigned: list[int], tmp_path: Path
) -> None:
    paths = write_requests(store, meeting, tmp_path, "vi")
    fill(paths[0], {6: "Đã đưa vào kế hoạch sửa chữa quý II/2026."})
    result = read_answers(store, paths[0])
    assert (result.stored, result.unchanged, result.empty) == (1, 0, 1)
    row = questions.get_question(store, assigned[0])
    assert row["prep_answer"] == "Đã đưa vào kế hoạch sửa chữa quý II/2026."
    assert row["prep_answer_from"] == paths[0].name
    again = read_answers(store, paths[0])  # the same file twice stores nothing new
    assert (again.stored, again.unchanged) == (0, 1)


def _refusal(store: Store, path: Path) -> UserError:
    before = snapshot(store)
    with pytest.raises(UserError) as refused:
        read_answers(store, path)
    assert snapshot(store) == before
    return refused.value


def _edit_id(sheet: Any) -> None:
    """The last character of row 6's id changed (the signature no longer matches)."""
    value = sheet.cell(6, 1).value
    sheet.cell(6, 1, value[:-1] + ("1" if value.endswith("0") else "0"))


@pytest.mark.parametrize(
    ("change", "row", "reason"),
    [
        (lambda s: s.delete_cols(5), 4, "The columns were moved or deleted: column 5"),
        (lambda s: s.move_range("L4:L6", cols=1), 4, "The columns were moved or deleted"),
        (_edit_id, 6, "hidden id of this row was changed"),
        (lambda s: s.merge_cells("C6:D6"), 6, "Merged cells (C6:D6)"),
        (lambda s: s.cell(6, 12, "=C6"), 6, "A formula in L6"),
        (lambda s: s.cell(6, 12, "Đã xử lý\u202e"), 6, "control or invisible character"),
        (lambda s: s.cell(6, 12, "x" * 4001), 6, "Answer is too long: 4001 characters"),
    ],
    ids=[
        "deleted column",
        "moved column",
        "edited id",
        "merged cells",
        "formula",
        "control character",
        "too long",
    ],
)
def test_a_changed_file_is_refused_whole(
    store: Store,
    meeting: int,
    assigned: list[int],
    tmp_path: Path,
    change: object,
    row: int,
    reason: str,
) -> None:
    path = write_requests(store, meeting, tmp_path, "vi")[0]
    fill(path, {5: "Trả lời đúng"}, change)
    refused = _refusal(store, path)
    assert refused.message("en").startswith(f"{path.name}, row {row}: ")
    assert reason in refused.message("en")
    assert refused.message("en").endswith("Nothing of this file was stored.")
    assert refused.message("vi").startswith(f"{path.name}, dòng {row}: ")


def test_a_row_of_another_meeting_or_an_answered_opinion_is_refused(
    store: Store, meeting: int, assigned: list[int], tmp_path: Path
) -> None:
    other = meetings.create_meeting(
        store, title="Hội nghị khác", date="2026-03-10", start_time="08:00"
    )
    theirs = questions.add_question(store, other, summary="Ý kiến khác", source="pre_collected")
    prepare.assign(store, theirs["id"], "Phòng Kinh tế")
    foreign = write_requests(store, other, tmp_path / "other", "en")[0]
    foreign_id = load_workbook(foreign).active.cell(5, 1).value
    path = write_requests(store, meeting, tmp_path, "vi")[0]
    fill(path, {6: "Trả lời"}, lambda s: s.cell(6, 1, foreign_id))
    assert "row 6: This row is an opinion of another meeting." in _refusal(store, path).message(
        "en"
    )
    path = write_requests(store, meeting, tmp_path, "vi")[0]
    prepare.answer(store, assigned[0], "Đã trả lời qua điện thoại")
    fill(path, {5: "Trả lời đúng", 6: "Một trả lời khác"})
    assert "row 6: Opinion" in _refusal(store, path).message("en")
    assert "was answered already" in _refusal(store, path).message("en")


def _other_body(sheet: Any) -> None:
    """The file's token changed to name another body, its signature kept."""
    mark, uid, body, signature = sheet["A1"].value.split("|")
    sheet["A1"] = "|".join((mark, uid, str(int(body) + 1), signature))


def test_a_foreign_renamed_or_huge_file_is_refused(
    store: Store, meeting: int, assigned: list[int], tmp_path: Path
) -> None:
    renamed = tmp_path / "tra-loi.xlsx"
    renamed.write_text("id,answer\n1,yes\n", encoding="utf-8")
    assert "not an Excel workbook" in _refusal(store, renamed).message("en")
    huge = tmp_path / "to.xlsx"
    huge.write_bytes(b"PK\x03\x04" + b"\0" * (10 * 1024 * 1024 + 1))
    assert "at most 10 MB" in _refusal(store, huge).message("en")
    path = write_requests(store, meeting, tmp_path, "vi")[0]
    fill(path, {}, _other_body)
    assert "row 1: This file was not written" in _refusal(store, path).message("en")


def test_the_cli_assigns_requests_reads_back_and_lists_late_bodies(
    store: Store, meeting: int, tmp_path: Path, db_path: Path
) -> None:
    ids = gathered(store, meeting)
    runner = CliRunner()
    base = ["--db", str(db_path), "prepare"]
    for question, body in zip(ids, ("Phòng Kinh tế", "Phòng Kinh tế", "Trạm Y tế xã"), strict=True):
        ran = runner.invoke(cli, [*base, "assign", str(question), "--body", body])
        assert ran.exit_code == 0, ran.output
    assert "Phòng Kinh tế chuẩn bị nội dung trả lời, hạn 03/02/2026" in ran.output.replace(
        "Trạm Y tế xã", "Phòng Kinh tế"
    )
    ran = runner.invoke(cli, [*base, "requests", str(meeting), "--out", str(tmp_path / "out")])
    assert ran.exit_code == 0, ran.output
    files = sorted((tmp_path / "out").glob("*.xlsx"))
    fill(files[1], {5: "Đã bổ sung thuốc từ tháng 01/2026."})
    bad = fill(files[0], {5: "Trả lời"}, lambda s: s.delete_cols(3))
    ran = runner.invoke(cli, [*base, "answers", str(files[1]), str(bad)])
    assert ran.exit_code == 1
    assert "đã ghi 1 nội dung trả lời" in ran.output
    assert f"Lỗi: {bad.name}, dòng 4: Các cột đã bị di chuyển hoặc xóa" in ran.output
    ran = runner.invoke(cli, [*base, "list", "-m", str(meeting)])
    assert "Chuẩn bị trả lời: Trạm Y tế xã, hạn 03/02/2026: đã có nội dung trả lời" in ran.output
    assert "Cơ quan chậm trả lời: Phòng Kinh tế (2)" in ran.output
    ran = runner.invoke(cli, ["--lang", "en", *base, "list", "-m", str(meeting), "--json"])
    listed = json.loads(ran.output)
    assert listed["late_bodies"] == {"Phòng Kinh tế": 2}
    assert {o["answer_status"] for o in listed["opinions"]} == {"late", "answered"}


def test_an_opinion_that_looks_like_a_formula_stays_text(
    store: Store, meeting: int, tmp_path: Path
) -> None:
    sneaky = '=HYPERLINK("http://x.invalid","Bấm vào đây")'
    row = questions.add_question(store, meeting, summary=sneaky, source="pre_collected")
    prepare.assign(store, row["id"], "Phòng Kinh tế")
    path = write_requests(store, meeting, tmp_path, "vi")[0]
    cell = load_workbook(path).active.cell(5, 3)
    assert (cell.value, cell.data_type, cell.quotePrefix) == (sneaky, "s", True)
    fill(path, {5: "Không trả lời nội dung này."})
    assert read_answers(store, path).stored == 1  # our own text cell is not a formula
