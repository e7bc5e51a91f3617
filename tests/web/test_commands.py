"""hallkit meeting publish and hallkit web: the commands around the web face."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from shared.cli import cli, load_station_commands
from shared.db import open_readonly, open_store
from shared.i18n import UserError
from shared.meetings import create_meeting

load_station_commands()


def run(db: Path, *args: str) -> Result:
    return CliRunner().invoke(cli, ["--db", str(db), *args], catch_exceptions=False)


def test_publish_and_withdraw(demo_db: Path) -> None:
    published = run(demo_db, "--lang", "en", "meeting", "publish", "1")
    assert published.exit_code == 0
    store = open_store(demo_db)
    row = store.one("SELECT uid, published_at FROM meetings WHERE id = 1")
    assert row is not None and row["published_at"]
    assert f"/ket-qua/{row['uid']}" in published.output
    assert run(demo_db, "meeting", "publish", "1", "--withdraw").exit_code == 0
    assert store.one("SELECT published_at FROM meetings WHERE id = 1") == {"published_at": ""}
    kinds = [r["kind"] for r in store.all("SELECT kind FROM events WHERE subject = 'meeting:1'")]
    assert kinds[-2:] == ["meeting.published", "meeting.unpublished"]
    planned = create_meeting(store, title="Sau", date="2026-05-01", start_time="08:00")
    store.close()
    refused = run(demo_db, "--lang", "en", "meeting", "publish", str(planned))
    assert refused.exit_code == 1 and "has not been held" in refused.output


def test_web_refuses_a_missing_file(tmp_path: Path) -> None:
    result = run(tmp_path / "none.db", "web", "--port", "1")
    assert result.exit_code == 1
    assert not (tmp_path / "none.db").exists()  # read-only: never creates the file


def test_read_only_store_refuses_an_older_schema(demo_db: Path) -> None:
    conn = sqlite3.connect(demo_db)
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = 'm009_published'")
    conn.commit()
    conn.close()
    with pytest.raises(UserError, match="older than this program"):
        open_readonly(demo_db)
