import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from shared import meetings
from shared.db import ChangeSignal, Store, open_store
from shared.i18n import UserError
from shared.registrations import register
from shared.schema import migrations
from tests.conftest import snapshot


def test_pragmas_on_open(store: Store) -> None:
    pragma = lambda name: store.conn.execute(f"PRAGMA {name}").fetchone()[0]  # noqa: E731
    assert pragma("journal_mode") == "wal"
    assert pragma("synchronous") == 2  # FULL
    assert pragma("foreign_keys") == 1
    assert pragma("busy_timeout") >= 5000


def test_migrations_apply_once(db_path: Path) -> None:
    open_store(db_path).close()
    again = open_store(db_path)
    applied = again.conn.execute("SELECT name FROM _sqlite_migrations").fetchall()
    assert [name for (name,) in applied] == [m.name for m in migrations._migrations]
    assert again.conn.execute("SELECT count(*) FROM meta WHERE key = 'secret'").fetchone()[0] == 1


def test_a_file_that_is_not_a_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(b"these are not the pages of a database" * 200)
    with pytest.raises(UserError, match="Cannot open the database"):
        open_store(path)


def test_a_damaged_database_is_refused(db_path: Path, store: Store, meeting: int) -> None:
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    data = bytearray(db_path.read_bytes())
    page = 4096
    for offset in range(page * 3, min(len(data), page * 6)):
        data[offset] = 0x55
    db_path.write_bytes(bytes(data))
    with pytest.raises(UserError) as refused:
        open_store(db_path)
    assert refused.value.msgid in (
        "The database {path} is damaged; restore a backup.",
        "Cannot open the database {path}: {reason}",
    )


def test_the_event_log_is_append_only(store: Store, meeting: int) -> None:
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        store.conn.execute("UPDATE events SET kind = 'x'")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        store.conn.execute("DELETE FROM events")


def test_each_mutation_writes_one_event(store: Store, meeting: int) -> None:
    count = lambda: store.conn.execute("SELECT count(*) FROM events").fetchone()[0]  # noqa: E731
    before = count()
    meetings.update_meeting(store, meeting, place="Hội trường xã")
    meetings.set_registration(store, meeting, False)
    assert count() == before + 2
    kinds = store.conn.execute("SELECT kind FROM events ORDER BY id DESC LIMIT 2").fetchall()
    assert [k for (k,) in kinds] == ["registration.closed", "meeting.updated"]


def test_change_signal_sees_other_connections_only(db_path: Path, store: Store) -> None:
    signal = ChangeSignal(store)
    assert not signal.changed()
    meetings.create_meeting(store, title="Own write", date="2026-01-05", start_time="08:00")
    assert not signal.changed()  # this connection's own commit
    other = open_store(db_path)
    meetings.create_meeting(other, title="Other write", date="2026-01-05", start_time="08:00")
    assert signal.changed()
    assert not signal.changed()
    other.close()


def test_a_full_disk_is_a_clear_error_and_loses_nothing(store: Store, meeting: int) -> None:
    register(store, meeting, consent=True, name="Trước Khi Đầy")
    before = snapshot(store)
    pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
    store.conn.execute(f"PRAGMA max_page_count = {pages}")  # SQLite's own "disk is full"
    with pytest.raises(UserError, match="The disk is full") as refused:
        for index in range(1000):
            register(store, meeting, consent=True, name=f"Người Thứ {index}", summary="x" * 300)
    assert "đầy" in refused.value.message("vi")
    store.conn.execute(f"PRAGMA max_page_count = {2**30}")
    after = snapshot(store)
    assert after["registrations"][: len(before["registrations"])] == before["registrations"]
    numbers = [row[0] for row in store.conn.execute("SELECT number FROM registrations")]
    assert numbers == list(range(1, len(numbers) + 1))
    assert store.conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"


KILLED_MID_WRITE = """
import os, signal, sys
from pathlib import Path
from shared.db import open_store
store = open_store(Path(sys.argv[1]))
store.conn.execute("BEGIN IMMEDIATE")
store.conn.execute("UPDATE meetings SET title = 'half-written'")
store.conn.execute("INSERT INTO events (at, kind) VALUES ('now', 'half-written')")
os.kill(os.getpid(), signal.SIGKILL)
"""


def test_a_process_killed_mid_write_leaves_the_file_whole(db_path: Path, meeting: int) -> None:
    result = subprocess.run([sys.executable, "-c", KILLED_MID_WRITE, str(db_path)], check=False)
    assert result.returncode == -signal.SIGKILL
    again = open_store(db_path)  # quick_check runs on open
    assert again.conn.execute("SELECT title FROM meetings").fetchone()[0] != "half-written"
    assert not again.conn.execute("SELECT 1 FROM events WHERE kind = 'half-written'").fetchall()
    assert register(again, meeting, consent=True, name="Sau Sự Cố")["number"] == 1
    again.close()
