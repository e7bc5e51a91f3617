"""Copies kept by hand beside the specs, checked against them (issue 21, part 6): the
schema's CHECK lists, the sample hallkit.toml (`hallkit init`, and the README's), the
README's JSON key tables, and the printer forms the sample names. A copy that drifts
fails here, named, instead of in a hall."""

from __future__ import annotations

import dataclasses
import json
import re
import tomllib
from pathlib import Path
from typing import Any

import click
import pytest
from click.testing import CliRunner

from printing.connections import TRANSPORTS
from shared import config, meetings, prepare, questions, registrations
from shared.cli import cli, load_station_commands
from shared.db import Store
from shared.deadlines import DEFAULT_RULES
from shared.specs import KINDS, OUTCOMES, QUEUE_STATUSES, REGISTRATION_FIELDS
from tests.unit.test_prepare_recurrence import earlier_meeting, gathered

README = Path(__file__).resolve().parents[2] / "README.md"

load_station_commands()

# --- the schema's CHECK lists against the specs ---------------------------------------


def _check_values(store: Store, table: str, column: str) -> set[str]:
    """The values `CHECK (column IN (...))` allows in the table as the migrations left it."""
    [sql] = store.conn.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)
    ).fetchone()
    found = re.findall(rf"CHECK \({column} IN \(([^)]*)\)\)", sql)
    assert len(found) == 1, f"{table}.{column}: {len(found)} CHECK lists"
    return {value.strip().strip("'") for value in found[0].split(",")}


def test_the_schema_allows_exactly_the_outcomes_sources_kinds_and_statuses_of_the_specs(
    store: Store,
) -> None:
    assert _check_values(store, "questions", "outcome") == {"", *OUTCOMES}
    assert _check_values(store, "questions", "source") == set(questions.SOURCES)
    assert _check_values(store, "registrations", "source") == set(registrations.SOURCES)
    assert _check_values(store, "questions", "kind") == set(KINDS)
    assert _check_values(store, "registrations", "kind") == set(KINDS)
    assert _check_values(store, "registrations", "status") == set(QUEUE_STATUSES)
    columns = {row[1] for row in store.conn.execute("PRAGMA table_info(registrations)")}
    assert {spec.key for spec in REGISTRATION_FIELDS} <= columns


def test_every_source_the_rules_accept_is_stored(store: Store, meeting: int) -> None:
    for number, source in enumerate(registrations.SOURCES, start=1):
        row = registrations.register(store, meeting, consent=True, source=source, name="Lê An")
        assert (row["number"], row["source"]) == (number, source)
    for source in questions.SOURCES:
        row = questions.add_question(store, meeting, summary="Đường hỏng", source=source)
        assert row["source"] == source


def test_a_registration_keeps_every_field_of_the_spec(store: Store, meeting: int) -> None:
    """The details `register` takes are the spec's fields (plus kind and people): a field
    added to `REGISTRATION_FIELDS` needs no other list."""
    given = {
        "name": "Nguyễn Văn An",
        "village": "Thôn Đông",
        "org": "Hội Nông dân",
        "field": "Giao thông",
        "summary": "Đường liên thôn hỏng",
        "phone": "0912 345 678",
    }
    assert set(given) == {spec.key for spec in REGISTRATION_FIELDS}
    row = registrations.register(store, meeting, consent=True, kind="phan_anh", people=3, **given)
    assert {key: row[key] for key in given} == {**given, "phone": "0912345678"}
    assert (row["kind"], row["people"]) == ("phan_anh", 3)
    assert row["consent_scope"] == ",".join(spec.key for spec in REGISTRATION_FIELDS)
    with pytest.raises(TypeError, match="unknown registration details: \\['email'\\]"):
        registrations.register(store, meeting, consent=True, name="Lê An", email="a@b.vn")


# --- the sample hallkit.toml against the settings' defaults ----------------------------


def _commented_keys(text: str) -> set[str]:
    """Keys shown commented out (`# typing = "telex"`): present, left at their default."""
    return set(re.findall(r"^# (\w+) = ", text, flags=re.MULTILINE))


def _same_as_defaults(loaded: config.Settings, folder: Path) -> None:
    defaults = config.Settings()
    for field in dataclasses.fields(config.Settings):
        if field.name in ("db_path", "config_path"):
            continue
        assert getattr(loaded, field.name) == getattr(defaults, field.name), field.name
    assert loaded.db_path == folder / "hallkit.db"


def test_hallkit_init_writes_the_sample_with_every_setting_at_its_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    ran = CliRunner().invoke(cli, ["--db", str(tmp_path / "hall.db"), "init"])
    assert ran.exit_code == 0, ran.output
    written = (tmp_path / config.CONFIG_NAME).read_text(encoding="utf-8")
    assert written == config.SAMPLE
    raw = tomllib.loads(written)
    assert set(raw) | _commented_keys(written) == config._KEYS
    assert set(raw["web"]) == {f.name for f in dataclasses.fields(config.WebLimits)}
    assert set(raw["deadlines"]) == set(DEFAULT_RULES)
    _same_as_defaults(config.load(tmp_path / config.CONFIG_NAME, env={}), tmp_path)


def _readme_sample() -> str:
    text = README.read_text(encoding="utf-8")
    found = re.search(
        r"writes a commented sample\s+`hallkit.toml`:\s+```toml\n(.*?)```", text, re.S
    )
    assert found, "the README no longer shows the sample hallkit.toml"
    return found.group(1)


def test_the_readmes_sample_has_every_setting_at_its_default(tmp_path: Path) -> None:
    sample = _readme_sample()
    raw = tomllib.loads(sample)
    assert set(raw) == config._KEYS
    assert set(raw["web"]) == {f.name for f in dataclasses.fields(config.WebLimits)}
    assert set(raw["deadlines"]) == set(DEFAULT_RULES)
    path = tmp_path / config.CONFIG_NAME
    path.write_text(sample, encoding="utf-8")
    loaded = config.load(path, env={})
    # `typing` is shown as what the unset default means in Vietnamese
    assert loaded.typing_mode == config.Settings().typing_mode
    _same_as_defaults(dataclasses.replace(loaded, typing=""), tmp_path)


def _printer_forms(text: str) -> list[str]:
    line = re.search(r"(preview:DIR.*)$", text, re.M)
    assert line, "no printer forms in the sample"
    return [form.strip() for form in line.group(1).split(",")]


def test_the_samples_name_every_printer_transport() -> None:
    """Adding a transport to `printing/connections.py` also means a word in the samples."""
    forms = [kind.FORM for kind in TRANSPORTS.values() if kind.FORM]
    assert _printer_forms(config.SAMPLE) == forms
    assert _printer_forms(_readme_sample()) == forms


# --- the README's JSON key tables against the real output ----------------------------


def _json_table() -> dict[str, str]:
    """command -> the keys cell, from the README's "JSON output" table."""
    text = README.read_text(encoding="utf-8")
    section = text.split("### JSON output (`--json`)", 1)[1].split("\n#", 1)[0]
    rows: dict[str, str] = {}
    for line in section.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split(" | ")]
        if len(cells) != 2 or not cells[0].startswith("`"):
            continue
        for command in re.findall(r"`([^`]+)`", cells[0]):
            rows[command] = cells[1]
    return rows


def _keys_in(value: Any, maps: tuple[str, ...] = ()) -> set[str]:
    """Every key of every object in the value, nested; `maps` name free maps (their keys
    are data, not names)."""
    if isinstance(value, dict):
        found = set(value)
        for key, inner in value.items():
            if key not in maps:
                found |= _keys_in(inner, maps)
        return found
    if isinstance(value, list):
        return set().union(*(_keys_in(inner, maps) for inner in value))
    return set()


def _json_commands(group: click.Group, path: tuple[str, ...] = ()) -> list[str]:
    found = []
    for name, command in group.commands.items():
        if any("--json" in getattr(p, "opts", []) for p in command.params):
            found.append(" ".join((*path, name)))
        if isinstance(command, click.Group):
            found.extend(_json_commands(command, (*path, name)))
    return found


@pytest.fixture
def outputs(
    store: Store, meeting: int, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> dict[str, Any]:
    """Every command's JSON on a meeting where each list has a row."""
    monkeypatch.chdir(tmp_path)  # the default printer previews into ./preview
    meetings.set_status(store, earlier_meeting(store)["meeting"], "closed")
    road = gathered(
        store, meeting, "Đề nghị sửa đường liên thôn Đoài Đông, ổ gà nhiều", "Giao thông"
    )
    again = gathered(store, meeting, "Đường liên thôn Đông Đoài hư hỏng", "Giao thông")
    store.conn.execute("UPDATE questions SET raised_village = 'Thôn Đông' WHERE id = ?", (road,))
    store.conn.commit()

    def run(*args: str) -> Any:
        ran = CliRunner().invoke(cli, ["--db", str(db_path), *args, "--json"])
        assert ran.exit_code == 0, (args, ran.output)
        return json.loads(ran.output)

    found: dict[str, Any] = {"prepare similar": run("prepare", "similar", "-m", str(meeting))}

    prepare.group(store, [road, again])
    found["prepare list"] = run("prepare", "list", "-m", str(meeting))
    made = run(
        "register",
        "--meeting",
        str(meeting),
        "--name",
        "Lê An",
        "--summary",
        "Đèn hỏng",
        "--consent",
    )
    found["register"] = made
    found["question add"] = run("question", "add", "--ticket", str(made["number"]))
    spoken = found["question add"]["id"]
    ran = CliRunner().invoke(
        cli,
        [
            "--db",
            str(db_path),
            "question",
            "outcome",
            str(spoken),
            "pending",
            "--body",
            "Phòng Kinh tế",
        ],
    )
    assert ran.exit_code == 0, ran.output
    ran = CliRunner().invoke(cli, ["--db", str(db_path), "print", "ticket", str(made["number"])])
    assert ran.exit_code == 0, ran.output
    for command in (
        "meeting list",
        "queue",
        "queue list",
        "question list",
        "items",
        "reference officials",
        "reference bodies",
        "reference villages",
        "reference fields",
        "calendar list",
        "followup list",
        "print jobs",
    ):
        found[command] = run(*command.split())
    found["meeting show"] = run("meeting", "show", str(meeting))
    found["meeting new"] = run(
        "meeting", "new", "--title", "Hội nghị mới", "--date", "2026-05-05", "--time", "08:00"
    )
    found["lookup"] = run("lookup", made["code"])
    return found


def test_every_command_with_json_is_in_the_readmes_table() -> None:
    table = _json_table()
    commands = {c for c in _json_commands(cli) if c != "reference"} | {
        f"reference {name}" for name in ("officials", "bodies", "villages", "fields")
    }
    assert sorted(commands - set(table)) == []
    assert sorted(set(table) - commands) == []


def test_the_readmes_json_keys_are_the_real_ones(outputs: dict[str, Any]) -> None:
    table = _json_table()
    assert set(outputs) == set(table)
    drift: dict[str, dict[str, list[str]]] = {}
    for command, cell in table.items():
        same = re.fullmatch(r"[^`]*as `([^`]+)` gives it|[^`]*as one row of `([^`]+)`", cell)
        if same:
            other = same.group(1) or same.group(2)
            assert _keys_in(outputs[command]) == _keys_in(outputs[other]), command
            continue
        written = set(re.findall(r"`([a-z_]+)`", cell))
        real = _keys_in(outputs[command], maps=("late_bodies",))
        assert real, f"{command}: nothing listed to compare"
        if real != written:
            drift[command] = {
                "not in the README": sorted(real - written),
                "in the README only": sorted(written - real),
            }
    assert drift == {}, json.dumps(drift, indent=1)
