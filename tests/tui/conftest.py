"""Kiosk fixtures: settings pointing at the test database, and printers to hand it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from printing.connections import Dummy, parse_url
from printing.sheet import Paper
from shared.config import Settings
from shared.db import Store
from shared.registrations import register
from tests.tui.terminal import Terminal


@pytest.fixture
def settings(db_path: Path, tmp_path: Path) -> Settings:
    return Settings(
        db_path=db_path, station="kiosk-1", printer=f"preview:{tmp_path}/preview", kiosk_pin="2468"
    )


@pytest.fixture
def printer() -> Dummy:
    return Dummy(parse_url("dummy:"))


class PrinterOff(Dummy):
    """A printer that is switched off: opening it fails as a socket would."""

    def open(self) -> None:
        raise ConnectionRefusedError(111, "Connection refused")

    def send(self, paper: Paper, name: str) -> str:  # pragma: no cover - never reached
        raise AssertionError("sent to a printer that is off")


@pytest.fixture
def printer_off() -> Dummy:
    return PrinterOff(parse_url("dummy:"))


@pytest.fixture
def queue4(store: Store, meeting: int) -> int:
    for name, village in [
        ("Hoàng Văn Bình", "Thôn Đông"),
        ("Lê Thị Hoa", "Thôn Đoài"),
        ("Trần Quốc Toản", "Thôn Hạ"),
        ("Nguyễn Văn Đức", "Thôn Trung"),
    ]:
        register(
            store,
            meeting,
            consent=True,
            name=name,
            village=village,
            summary=f"Ý kiến của {name}",
            field="Đất đai",
        )
    return meeting


@pytest.fixture
def terminals() -> Iterator[list[Terminal]]:
    """Stations started on ptys by a test, closed after it whatever happened."""
    started: list[Terminal] = []
    yield started
    for terminal in started:
        terminal.close()
