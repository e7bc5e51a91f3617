import json
from pathlib import Path

import click
import pytest
from click.testing import CliRunner, Result

from shared.cli import cli, load_station_commands
from shared.i18n import UserError

load_station_commands()


def run(*args: str, db: Path | None = None, env: dict[str, str] | None = None) -> Result:
    prefix = ["--db", str(db)] if db else []
    return CliRunner().invoke(cli, [*prefix, *args], env=env, catch_exceptions=False)


def all_commands(group: click.Group, path: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    found = []
    for name, command in group.commands.items():
        found.append((*path, name))
        if isinstance(command, click.Group):
            found.extend(all_commands(command, (*path, name)))
    return found


@pytest.mark.parametrize("path", all_commands(cli), ids=" ".join)
def test_every_command_has_help(path: tuple[str, ...]) -> None:
    result = run(*path, "--help")
    assert result.exit_code == 0
    command: click.Command = cli
    for name in path:
        assert isinstance(command, click.Group)
        command = command.commands[name]
    assert command.help or command.short_help


def test_demo_then_queue_and_items(db_path: Path) -> None:
    first = run("demo", db=db_path)
    assert first.exit_code == 0 and "Đã tạo hội nghị mẫu 1" in first.output
    assert "dùng lại" in run("demo", db=db_path).output
    queue = json.loads(run("queue", "--json", db=db_path).output)
    assert [r["number"] for r in queue][:2] == [4, 5]
    assert set(queue[0]) == {
        "number",
        "code",
        "name",
        "village",
        "field",
        "status",
        "position",
        "elapsed",
    }
    items = json.loads(run("items", "--open", "--json", db=db_path).output)
    assert {r["outcome"] for r in items} == {"pending", "transferred"}


def test_a_user_error_is_one_line_in_the_users_language(db_path: Path) -> None:
    run("demo", db=db_path)
    result = run("queue", "call", "99", db=db_path)
    assert result.exit_code == 1
    assert result.output == "Lỗi: Không có phiếu số 99.\n"
    english = run("--lang", "en", "register", "--name", " ", "--consent", db=db_path)
    assert english.exit_code == 1
    assert english.output == "Error: Full name must not be empty.\n"


def test_register_and_verify_a_payload(db_path: Path) -> None:
    run("demo", db=db_path)
    made = run(
        "register",
        "--name",
        "Nguyễn Văn Đức",
        "--consent",
        "--village",
        "Thôn Đông",
        "--field",
        "giao thong",
        "--phone",
        "0987 654 321",
        "--json",
        db=db_path,
    )
    row = json.loads(made.output)
    assert (row["number"], row["field"]) == (9, "Giao thông")
    from shared.db import open_store
    from shared.registrations import by_number, payload

    store = open_store(db_path)
    text = payload(store, by_number(store, 1, 9))
    store.close()
    assert run("verify", text, db=db_path).exit_code == 0
    forged = run("verify", text[:-2] + ("AA" if not text.endswith("AA") else "BB"), db=db_path)
    assert forged.exit_code == 1 and "KHÔNG HỢP LỆ" in forged.output


def test_meeting_lifecycle(db_path: Path) -> None:
    created = run(
        "meeting",
        "new",
        "--title",
        "Đối thoại phường Hòa Bình",
        "--date",
        "05/01/2026",
        "--time",
        "8h00",
        "--level",
        "commune",
        db=db_path,
    )
    assert created.exit_code == 0
    shown = json.loads(run("meeting", "show", "1", "--json", db=db_path).output)
    assert (shown["date"], shown["start_time"], shown["status"]) == (
        "2026-01-05",
        "08:00",
        "planned",
    )
    assert json.loads(shown["deadlines"])["pending_answer"] == "30 calendar"
    assert run("meeting", "open", "1", db=db_path).exit_code == 0
    assert run("meeting", "set", "1", "--registration", "closed", db=db_path).exit_code == 0
    closed = run("register", "--name", "Lê An", "--consent", "--source", "kiosk", db=db_path)
    assert closed.exit_code == 1 and "hết thời gian đăng ký" in closed.output
    assert run("meeting", "close", "1", db=db_path).exit_code == 0
    assert run("meeting", "list", "--json", db=db_path).output.count('"closed"') == 1
    bad = run(
        "meeting", "new", "--title", "X", "--date", "31/02/2026", "--time", "08:00", db=db_path
    )
    assert bad.exit_code == 1 and "Ngày không hợp lệ" in bad.output


def test_question_commands(db_path: Path) -> None:
    run("demo", db=db_path)
    run("queue", "call", db=db_path)
    added = run("question", "add", "--ticket", "4", "--official", "Phạm Thị Hoa", db=db_path)
    assert added.exit_code == 0, added.output
    outcome = run(
        "question", "outcome", "4", "pending", "--body", "Phòng Văn hóa - Xã hội", db=db_path
    )
    assert outcome.exit_code == 0 and "Phòng Văn hóa - Xã hội" in outcome.output
    assert run("question", "assign", "4", "Trần Thị Mai", db=db_path).exit_code == 0
    listed = json.loads(run("question", "list", "--json", db=db_path).output)
    assert listed[-1]["official_name"] == "Trần Thị Mai"


def test_import_command(db_path: Path, tmp_path: Path) -> None:
    csv_file = tmp_path / "fields.csv"
    csv_file.write_text("name\nĐất đai\nNông nghiệp\n", encoding="utf-8")
    result = run("--lang", "en", "import", "fields", str(csv_file), db=db_path)
    assert result.output == "Imported 2 rows; skipped 0 already present.\n"
    names = json.loads(run("reference", "fields", "--json", db=db_path).output)
    assert [n["name"] for n in names] == ["Đất đai", "Nông nghiệp"]


def test_config_file_env_and_flag_precedence(tmp_path: Path) -> None:
    assert run("init").exit_code == 0  # writes ./hallkit.toml and ./hallkit.db
    assert (tmp_path / "hallkit.toml").exists() and (tmp_path / "hallkit.db").exists()
    (tmp_path / "hallkit.toml").write_text('database = "from-config.db"\nlanguage = "en"\n')
    assert "from-config.db" in run("init").output
    env_db = tmp_path / "from-env.db"
    assert str(env_db) in run("init", env={"HALLKIT_DB": str(env_db)}).output
    flag_db = tmp_path / "from-flag.db"
    assert str(flag_db) in run("init", db=flag_db, env={"HALLKIT_DB": str(env_db)}).output
    (tmp_path / "hallkit.toml").write_text('databse = "typo.db"\n')
    typo = run("init")
    assert typo.exit_code == 1 and "databse" in typo.output


def test_unknown_meeting_and_no_open_meeting(db_path: Path) -> None:
    assert "Không có hội nghị số 7" in run("meeting", "show", "7", db=db_path).output
    result = run("queue", db=db_path)
    assert result.exit_code == 1 and "Không có hội nghị nào đang diễn ra" in result.output


def test_a_mistyped_database_is_not_created(tmp_path: Path) -> None:
    typo = tmp_path / "halkit.db"
    result = run("queue", db=typo)
    assert result.exit_code == 1 and "Không có cơ sở dữ liệu" in result.output
    assert not typo.exists()


def test_a_usage_mistake_is_named_in_the_users_language(db_path: Path) -> None:
    result = run("register", "--consent", db=db_path)
    assert result.exit_code == 2
    assert result.output.startswith("Lỗi: Lệnh chưa đúng") and "name" in result.output


def test_verify_without_meeting_checks_against_the_open_meeting(db_path: Path) -> None:
    run("demo", db=db_path)  # meeting 1, open
    run("meeting", "new", "--title", "Hai", "--date", "05/01/2026", "--time", "8h00", db=db_path)
    made = run("register", "--meeting", "2", "--name", "Lê An", "--consent", "--json", db=db_path)
    assert json.loads(made.output)["meeting_id"] == 2
    from shared.db import open_store
    from shared.registrations import by_number, payload

    store = open_store(db_path)
    other, own = payload(store, by_number(store, 2, 1)), payload(store, by_number(store, 1, 4))
    store.close()
    refused = run("verify", other, db=db_path)
    assert refused.exit_code == 1
    assert refused.output == "Lỗi: Phiếu của hội nghị khác (hội nghị 2).\n"
    assert run("verify", own, db=db_path).exit_code == 0
    assert run("verify", other, "--meeting", "2", db=db_path).exit_code == 0
    run("meeting", "close", "1", db=db_path)
    none_open = run("verify", own, db=db_path)
    assert none_open.exit_code == 1 and "Không có hội nghị nào đang diễn ra" in none_open.output


def test_serve_sessions_setting(tmp_path: Path) -> None:
    from shared import config

    assert config.load(cwd=tmp_path, env={}).serve_sessions == 4
    (tmp_path / "hallkit.toml").write_text("serve_sessions = 2\n")
    assert config.load(cwd=tmp_path, env={}).serve_sessions == 2
    for bad in ("0", "65", '"4"', "true"):
        (tmp_path / "hallkit.toml").write_text(f"serve_sessions = {bad}\n")
        with pytest.raises(UserError, match="Invalid value for the setting"):
            config.load(cwd=tmp_path, env={})
    assert "serve_sessions = 4" in config.SAMPLE
    (tmp_path / "hallkit.toml").unlink()
    too_many = run("serve", "kiosk", "--max-sessions", "0")
    assert too_many.exit_code == 2 and "--max-sessions" in too_many.output
