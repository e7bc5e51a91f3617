"""The CLI at the desk: bodies imported line by line, deadlines by rule, new ids in words
and in JSON, required options named. Real SQLite through click's runner."""

import json
import re
from pathlib import Path

from click.testing import Result

from shared.db import open_store
from tests.unit.test_cli import run

NEW = "Sở Tài nguyên và Môi trường tỉnh Hải Dương"


def bodies(db: Path) -> list[dict[str, object]]:
    return json.loads(run("reference", "bodies", "--json", db=db).output)


def new_meeting(db: Path, *extra: str) -> Result:
    return run(
        "meeting",
        "new",
        "--title",
        "Đối thoại xã Minh Hòa",
        "--date",
        "10/03/2026",
        "--time",
        "8h00",
        *extra,
        db=db,
    )


def test_import_bodies_names_every_line_it_did_not_add(db_path: Path, tmp_path: Path) -> None:
    listed = tmp_path / "co-quan.txt"
    listed.write_text(
        f"{NEW}\n"
        "so tai nguyen va moi truong tinh hai duong\n"  # the same body, typed without marks
        "\n"
        "Công an xã, thôn Đông\n"  # commas belong to a name in a plain list
        "115\n"
        "Phòng\x1bKinh tế\n"
        f"{'Sở ' * 70}\n",
        encoding="utf-8",
    )
    first = run("import", "bodies", str(listed), db=db_path)
    assert first.exit_code == 1  # a line was refused: a script notices
    assert first.output.splitlines() == [
        'Dòng 2: "so tai nguyen va moi truong tinh hai duong" trùng với dòng 1; '
        "không thêm lần nữa.",
        "Dòng 5: bị từ chối: Tên cơ quan không thể chỉ gồm chữ số: 115.",
        "Dòng 6: bị từ chối: Cơ quan chịu trách nhiệm chứa ký tự điều khiển hoặc ký tự ẩn "
        "(U+001B); vui lòng nhập lại.",
        "Dòng 7: bị từ chối: Cơ quan chịu trách nhiệm quá dài: 209 ký tự, tối đa 200.",
        "Cơ quan: đã thêm 2, đã có sẵn 1, bị từ chối 3 dòng.",
    ]
    assert [b["name"] for b in bodies(db_path)] == ["Công an xã, thôn Đông", NEW]

    again = run("--lang", "en", "import", "bodies", str(listed), db=db_path)
    assert again.output.splitlines()[0] == f'Line 1: already in the list: "{NEW}".'
    assert again.output.splitlines()[-1] == (
        "Bodies: 0 added, 3 already in the list, 3 lines refused."
    )
    assert len(bodies(db_path)) == 2

    sheet = tmp_path / "co-quan.csv"
    sheet.write_text(
        "STT;Cơ quan;Cấp\n1;Sở Xây dựng;tỉnh\n2;SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG TỈNH HẢI DƯƠNG;tỉnh\n"
    )
    from_sheet = run("import", "bodies", str(sheet), db=db_path)
    assert from_sheet.exit_code == 0
    assert from_sheet.output.splitlines() == [
        f'Dòng 3: đã có trong danh sách: "{NEW}".',
        "Cơ quan: đã thêm 1, đã có sẵn 1, bị từ chối 0 dòng.",
    ]
    assert {(b["name"], b["level"]) for b in bodies(db_path)} >= {("Sở Xây dựng", "tỉnh")}


def test_outcome_deadline_by_a_rule(db_path: Path, tmp_path: Path) -> None:
    assert new_meeting(db_path).exit_code == 0
    run("meeting", "open", "1", db=db_path)
    (tmp_path / "b.txt").write_text(f"{NEW}\n", encoding="utf-8")
    run("import", "bodies", str(tmp_path / "b.txt"), db=db_path)
    added = json.loads(run("question", "add", "--summary", "Bãi rác", "--json", db=db_path).output)
    qid = str(added["id"])

    # Tue 10/03/2026 + 10 working days = Tue 24/03 (no holiday in between)
    by_rule = run(
        "question", "outcome", qid, "pending", "--body", NEW, "--rule", "citizen_notice", db=db_path
    )
    assert by_rule.exit_code == 0, by_rule.output
    assert by_rule.output == (
        f"#{qid}: tiếp thu, trả lời sau · {NEW} · 2026-03-24 (10 ngày làm việc)\n"
    )
    store = open_store(db_path)
    row = store.one("SELECT * FROM questions WHERE id = ?", (int(qid),))
    store.close()
    assert row is not None
    assert (row["deadline"], row["deadline_rule"], row["deadline_basis"]) == (
        "2026-03-24",
        "citizen_notice",
        "10 working",
    )
    by_default = run("question", "outcome", qid, "pending", "--body", NEW, db=db_path)
    assert by_default.output.endswith("· 2026-04-09 (30 ngày)\n")  # pending_answer

    unlisted = run("question", "outcome", qid, "pending", "--body", "Điện lực tỉnh", db=db_path)
    assert unlisted.exit_code == 1
    assert unlisted.output == (
        'Lỗi: Chưa có cơ quan "Điện lực tỉnh" trong danh sách (hallkit reference bodies); '
        'thêm bằng "hallkit import bodies TỆP".\n'
    )
    both = run(
        "question", "outcome", qid, "pending", "--body", NEW,
        "--rule", "citizen_notice", "--deadline", "20/03/2026", db=db_path,
    )  # fmt: skip
    assert both.exit_code == 1
    assert both.output == "Lỗi: Chỉ ghi --deadline hoặc --rule, không ghi cả hai.\n"
    unknown = run("question", "outcome", qid, "pending", "--body", NEW, "--rule", "10", db=db_path)
    assert unknown.exit_code == 1
    assert unknown.output.startswith("Lỗi: Không có quy định tính hạn 10 (chọn: pending_answer, ")
    needless = run(
        "question", "outcome", qid, "answered", "--answer", "Đã xử lý", "--rule", "citizen_notice",
        db=db_path,
    )  # fmt: skip
    assert needless.exit_code == 1
    assert needless.output == (
        'Lỗi: Kết quả "đã trả lời tại hội nghị" không có hạn; không ghi hạn và quy định tính hạn.\n'
    )
    last = json.loads(run("question", "list", "--json", db=db_path).output)[-1]
    assert (last["outcome"], last["deadline"]) == (
        "pending",
        "2026-04-09",
    )  # refusals changed nothing


def test_meeting_new_names_the_missing_options(db_path: Path) -> None:
    no_time = run("meeting", "new", "--title", "Đối thoại", "--date", "10/03/2026", db=db_path)
    assert no_time.exit_code == 1
    assert no_time.output == "Lỗi: Thiếu thông tin hội nghị: giờ bắt đầu (--time).\n"
    nothing = run("--lang", "en", "meeting", "new", "--time", "  ", db=db_path)
    assert nothing.output == (
        "Error: A new meeting needs the title (--title), the date (--date), "
        "the start time (--time).\n"
    )
    assert not db_path.exists()  # a refused command creates no database


def test_new_meeting_and_question_print_their_id(db_path: Path) -> None:
    created = new_meeting(db_path)
    assert created.output == (
        "Đã tạo hội nghị số 1: Đối thoại xã Minh Hòa, ngày 10/03/2026 lúc 08:00.\n"
    )
    as_json = json.loads(new_meeting(db_path, "--json").output)
    assert as_json["id"] == 2
    assert as_json == json.loads(run("meeting", "show", "2", "--json", db=db_path).output)
    run("meeting", "open", "2", db=db_path)
    logged = run("question", "add", "--summary", "Đường ngập", db=db_path)
    assert logged.output == "Đã ghi câu hỏi số 1 (thứ tự 1 trong hội nghị).\n"
    question = json.loads(
        run("question", "add", "--summary", "Cống vỡ", "--json", db=db_path).output
    )
    assert (question["id"], question["number"], question["summary"]) == (2, 2, "Cống vỡ")
    assert question == json.loads(run("question", "list", "--json", db=db_path).output)[-1]


def test_followup_status_offers_no_empty_choice(db_path: Path) -> None:
    assert "[in_progress|extended|transferred]" in run("followup", "--help").output
    empty = run("followup", "--status", "", "list", db=db_path)
    assert empty.exit_code == 2
    run("demo", db=db_path)
    every = run("followup", "list", "--json", db=db_path)
    assert every.exit_code == 0 and len(json.loads(every.output)) >= 2


def test_the_readme_names_every_lookup_key(db_path: Path) -> None:
    run("demo", db=db_path)
    store = open_store(db_path)
    code = store.one("SELECT code FROM registrations WHERE number = 3")
    store.close()
    assert code is not None
    shown = json.loads(run("lookup", code["code"], "--json", db=db_path).output)
    assert shown["items"], "the demo's speaker 3 asked something"
    row = next(
        line
        for line in (Path(__file__).parents[2] / "README.md").read_text().splitlines()
        if line.startswith("| `lookup` |")
    )
    top, _, nested = row.partition("`items`")
    assert set(re.findall(r"`(\w+)`", top)) - {"lookup"} | {"items"} == set(shown)
    assert set(re.findall(r"`(\w+)`", nested)) == set(shown["items"][0])


def test_export_says_the_notice_limit_in_words(db_path: Path, meeting: int, tmp_path: Path) -> None:
    """The summary line after an export speaks the user's language: "7 ngày làm việc",
    never the stored "7 working"."""
    said = run("export", str(meeting), "--out", str(tmp_path / "out"), db=db_path).output
    assert "(7 ngày làm việc)." in said and "working" not in said
    english = run("--lang", "en", "export", str(meeting), "--out", str(tmp_path / "en"), db=db_path)
    assert "(7 working days)." in english.output
