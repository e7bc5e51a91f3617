"""No value anyone typed reaches the terminal as a control sequence: the CLI shows it."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from shared.cli import cli, load_station_commands
from shared.text import printable
from tests.tree import PACKAGES

load_station_commands()

# Retitle the terminal (OSC ... BEL), clear it through an 8-bit CSI, reverse the line
# (bidi override) and return to its start.
HOSTILE = "\x1b]0;PWNED\x07\x9b2J\u202e\rX"
# What a terminal would obey: C0 except the line break, DEL, C1, bidi controls.
CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def run(db: Path, *args: str) -> str:
    result = CliRunner().invoke(cli, ["--db", str(db), *args], catch_exceptions=False)
    return result.output


@pytest.fixture
def demo_db(db_path: Path) -> Path:
    run(db_path, "demo")
    return db_path


@pytest.mark.parametrize(
    "args",
    [
        ("register", "--name", "Lê An", "--consent", "--kind", HOSTILE),  # core refusal
        ("--lang", HOSTILE, "queue"),  # click, the root group's own option
        ("queue", "call", HOSTILE),  # click, a sub-group's argument type
        (HOSTILE,),  # click, no such command
        ("register", f"--na{HOSTILE}", "x"),  # click, no such option
        ("question", "outcome", "1", "pending", "--body", HOSTILE),
        ("lookup", HOSTILE),
        ("import", "fields", f"/nonexistent/{HOSTILE}.csv"),
        ("printer", "status", "--printer", HOSTILE),
        ("report", "--period", HOSTILE, "--out", "x"),
        ("followup", "--today", HOSTILE, "list"),
        ("meeting", "new", "--title", "T", "--date", HOSTILE, "--time", "08:00"),
    ],
    ids=lambda args: " ".join(args).replace(HOSTILE, "HOSTILE")[:40],
)
def test_a_hostile_value_is_echoed_printable(demo_db: Path, args: tuple[str, ...]) -> None:
    output = run(demo_db, *args)
    assert CONTROL.findall(output) == []
    assert "\\x1b]0;PWNED\\x07" in output or "(U+001B)" in output  # shown, not obeyed


def test_a_hostile_database_value_is_listed_printable(demo_db: Path) -> None:
    """A merged or hand-edited database can hold what `clean` refuses at the door."""
    with sqlite3.connect(demo_db) as conn:
        conn.execute("INSERT INTO bodies (name) VALUES (?)", (HOSTILE,))
        conn.execute("UPDATE registrations SET name = ? WHERE number = 4", (HOSTILE,))
    for args in (
        ("reference", "bodies"),
        ("reference", "bodies", "--json"),
        ("queue",),
        ("queue", "--json"),
        ("queue", "call", "4"),
    ):
        output = run(demo_db, *args)
        assert CONTROL.findall(output) == [], args
        assert "PWNED" in output, args


def test_a_missing_database_named_with_escapes_is_printable(tmp_path: Path) -> None:
    output = run(tmp_path / f"{HOSTILE}.db", "queue")
    assert CONTROL.findall(output) == [] and "PWNED" in output


def test_a_root_option_mistake_goes_through_the_same_printer(demo_db: Path, tmp_path: Path) -> None:
    """The root group's own options are parsed before `invoke`; click 8.5 quotes values
    with repr, but its message was English and bypassed `printable` until now."""
    folder = tmp_path / HOSTILE
    folder.mkdir()
    output = run(demo_db, "--config", str(folder), "queue")
    assert CONTROL.findall(output) == [] and "PWNED" in output
    assert output.startswith("Lỗi: Lệnh chưa đúng (Invalid value for '--config'")


def test_printable_shows_every_control_and_keeps_text() -> None:
    assert printable("Nguyễn Văn Đức · ①") == "Nguyễn Văn Đức · ①"
    assert printable("\x1b[2J\x00\x7f\x9b\u202e") == "\\x1b[2J\\x00\\x7f\\x9b\\u202e"
    assert printable("a\nb\tc") == "a\\x0ab\\x09c"
    assert printable("a\nb", keep="\n") == "a\nb"


def test_the_cli_writes_only_through_echo() -> None:
    """One place makes output printable; a new `click.echo` would bypass it."""
    root = Path(__file__).resolve().parents[2]
    bypassing = [
        str(path.relative_to(root))
        for package in PACKAGES
        for path in (root / package).rglob("*.py")
        if path.name != "base.py"
        and re.search(r"click\.(s?echo|secho)\(|\bprint\(", path.read_text())
    ]
    assert bypassing == []
