"""Fixtures: a fresh database per test, isolated from any real config in the environment."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from shared import meetings
from shared.db import Store, open_store
from shared.demo import ensure_reference_lists


@pytest.fixture(autouse=True)
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test reads the developer's hallkit.toml or HALLKIT_DB."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("HALLKIT_DB", raising=False)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "hall.db"


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    opened = open_store(db_path, "test-station")
    yield opened
    opened.close()


@pytest.fixture
def meeting(store: Store) -> int:
    """An open meeting on 2026-02-10 with the demo's bodies, officials, villages, fields."""
    ensure_reference_lists(store)
    meeting_id = meetings.create_meeting(
        store,
        title="Hội nghị đối thoại xã Minh Hòa",
        date="2026-02-10",
        start_time="08:00",
        chair="Nguyễn Văn Hùng",
    )
    meetings.set_status(store, meeting_id, "open")
    return meeting_id


def snapshot(store: Store) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table, to prove a refused action changed nothing."""
    tables = [
        r[0]
        for r in store.conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    return {t: store.conn.execute(f"SELECT * FROM {t} ORDER BY rowid").fetchall() for t in tables}
