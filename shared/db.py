"""The one SQLite file every station shares: opening it, writing to it, watching it.

Writes run in `BEGIN IMMEDIATE`: sqlite-utils' `atomic()` issues a plain BEGIN, and in
WAL mode a read transaction that later wants to write fails at once with "database is
locked", busy_timeout notwithstanding. IMMEDIATE takes the write lock up front, so
parallel kiosks queue on busy_timeout instead of failing or duplicating numbers.
"""

from __future__ import annotations

import datetime as dt
import random
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from shared import schema
from shared.deadlines import WorkCalendar
from shared.i18n import UserError

BUSY_TIMEOUT_MS = 10_000
LOCK_SPIN_MS = 2


def now_iso() -> str:
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")


class Store:
    """An open database plus who is writing to it (the station named in the event log).

    One per thread: sqlite3 connections cannot cross threads.
    """

    def __init__(self, db: Database, station: str = "") -> None:
        self.db = db
        self.station = station

    @property
    def conn(self) -> sqlite3.Connection:
        return self.db.conn

    @cached_property
    def secret(self) -> str:
        row = self.conn.execute("SELECT value FROM meta WHERE key = 'secret'").fetchone()
        return str(row[0])

    @property
    def calendar(self) -> WorkCalendar:
        """Read each time (a handful of rows), so a long-running station sees an
        administrator's new day off without a restart."""
        rows = self.conn.execute("SELECT day, kind FROM calendar_overrides").fetchall()
        return WorkCalendar({dt.date.fromisoformat(day): kind for day, kind in rows})

    def _begin_immediate(self) -> None:
        """Take the write lock, retrying every few milliseconds.

        SQLite's own busy handler backs off to 100 ms sleeps while other processes
        keep taking the lock, so under a burst one kiosk could wait over a second;
        short jittered retries keep the waits fair.
        """
        give_up = time.monotonic() + BUSY_TIMEOUT_MS / 1000
        while True:
            try:
                self.conn.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as error:
                if "locked" not in str(error) or time.monotonic() > give_up:
                    raise
            time.sleep(random.uniform(0.0005, 0.003))

    @contextmanager
    def write(self) -> Iterator[Store]:
        """One transaction holding the write lock from its first statement."""
        self.conn.execute(f"PRAGMA busy_timeout = {LOCK_SPIN_MS}")
        try:
            self._begin_immediate()
        except sqlite3.OperationalError as error:
            raise _as_user_error(error) from error
        finally:
            self.conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        try:
            yield self
            self.conn.execute("COMMIT")
        except sqlite3.OperationalError as error:
            self._rollback()
            raise _as_user_error(error) from error
        except BaseException:
            self._rollback()
            raise

    def _rollback(self) -> None:
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")

    def insert(self, table: str, row: dict[str, Any]) -> int:
        """Insert one row and return its id."""
        cursor = self.db.table(table).insert(row)
        return int(cursor.last_rowid or 0)

    def update(self, table: str, row_id: int, changes: dict[str, Any]) -> None:
        self.db.table(table).update(row_id, changes)

    def one(self, sql: str, params: tuple[Any, ...] = ()) -> dict[str, Any] | None:
        cursor = self.conn.execute(sql, params)
        row = cursor.fetchone()
        if row is None:
            return None
        return dict(zip([c[0] for c in cursor.description], row, strict=True))

    def all(self, sql: str, params: tuple[Any, ...] = ()) -> list[dict[str, Any]]:
        cursor = self.conn.execute(sql, params)
        names = [c[0] for c in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def close(self) -> None:
        self.conn.close()


def _as_user_error(error: sqlite3.OperationalError) -> Exception:
    """A full disk or a lock held too long is the user's to know about, in their words."""
    text = str(error)
    if "full" in text:
        return UserError(
            "The disk is full; nothing was saved and nothing was lost. ({reason})", reason=text
        )
    if "locked" in text or "busy" in text:
        return UserError("The database is busy; please try again. ({reason})", reason=text)
    return UserError("Database error: {reason}. Nothing was changed.", reason=text)


def open_store(path: Path, station: str = "", check: bool = True) -> Store:
    """Open (creating if needed) and check the database, then bring its schema up to date.

    `check=False` skips the integrity check and migrations, for the extra connections a
    running station opens in its worker threads: the station checked the file at start.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000)
    except (OSError, sqlite3.Error) as error:
        raise UserError(
            "Cannot open the database {path}: {reason}", path=str(path), reason=str(error)
        ) from None
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
        if check and conn.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            raise UserError("The database {path} is damaged; restore a backup.", path=str(path))
        store = Store(Database(conn, execute_plugins=False), station)
        if check:
            schema.migrate(store.db)
    except sqlite3.DatabaseError as error:
        conn.close()
        raise UserError(
            "Cannot open the database {path}: {reason}", path=str(path), reason=str(error)
        ) from None
    except BaseException:
        conn.close()
        raise
    return store


def open_readonly(path: Path) -> Store:
    """Open the file for reading only (SQLite's `mode=ro`): what a public face such as
    `hallkit web` holds, so no bug in it can change a record. The schema must already be
    current; a read-only connection cannot migrate it."""
    uri = f"{path.resolve().as_uri()}?mode=ro"
    try:
        conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        store = Store(Database(conn, execute_plugins=False))
        applied = _applied(conn)
        behind = schema.migrations.pending(store.db)
    except sqlite3.Error as error:
        raise UserError(
            "Cannot open the database {path}: {reason}", path=str(path), reason=str(error)
        ) from None
    if not applied:
        conn.close()
        raise UserError(
            "The file {path} is not a hallkit database (empty, or another program's).",
            path=str(path),
        )
    known = {m.name for m in getattr(schema.migrations, "_migrations", [])}
    if known and applied - known:
        conn.close()
        raise UserError(
            "The database {path} was written by a newer hallkit; update this program.",
            path=str(path),
        )
    if behind:
        conn.close()
        raise UserError(
            'The database {path} is older than this program; run "hallkit init --db {path}"'
            " once to bring it up to date.",
            path=str(path),
        )
    return store


def _applied(conn: sqlite3.Connection) -> set[str]:
    """The hallkit migrations the file has had; none for an empty or foreign file."""
    tables = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_sqlite_migrations'"
    ).fetchone()
    if tables is None:
        return set()
    rows = conn.execute(
        "SELECT name FROM _sqlite_migrations WHERE migration_set = ?", (schema.migrations.name,)
    )
    return {str(name) for (name,) in rows}


class ChangeSignal:
    """Tells a station that another process committed, for a few microseconds a poll.

    `PRAGMA data_version` does not move for this connection's own commits, so a
    station refreshes after its own actions anyway.
    """

    def __init__(self, store: Store) -> None:
        self.store = store
        self.version = self._read()

    def _read(self) -> int:
        return int(self.store.conn.execute("PRAGMA data_version").fetchone()[0])

    def changed(self) -> bool:
        version = self._read()
        moved = version != self.version
        self.version = version
        return moved
