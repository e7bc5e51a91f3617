"""A hall that looks the same on every run and every machine, for snapshots: a clock that
moves only when the test moves it, Vietnam's time zone, and the codes, secrets and meeting
uids drawn from a seeded generator instead of `secrets`.

Textual's own clock (time.monotonic) runs on: timers, animations and the event loop are
untouched; only what the stations show (the wall clock, dates, codes) stands still.
"""

from __future__ import annotations

import datetime as dt
import random
import sys
import time
import types
from collections.abc import Iterator
from typing import Any

import pytest

VIETNAM = dt.timezone(dt.timedelta(hours=7))
START = dt.datetime(2026, 11, 21, 8, 30, tzinfo=VIETNAM)
OURS = ("shared", "printing", "session_console", "kiosk", "tui", "documents", "web", "office")


class Clock:
    """The wall clock of the frozen hall: `time.time()`, `datetime.now()`, `date.today()`."""

    def __init__(self, start: dt.datetime = START) -> None:
        self.at = start.timestamp()

    def time(self) -> float:
        return self.at

    def advance(self, seconds: float) -> None:
        self.at += seconds


class SeededSecrets:
    """What shared.tokens and shared.meetings take from `secrets`, drawn from a seed."""

    def __init__(self, seed: int) -> None:
        self.random = random.Random(seed)

    def choice(self, sequence: Any) -> Any:
        return self.random.choice(sequence)

    def token_hex(self, nbytes: int = 32) -> str:
        return self.random.randbytes(nbytes).hex()


def _frozen_datetime(clock: Clock) -> types.ModuleType:
    """A stand-in for the `datetime` module whose now() and today() read `clock`;
    isinstance() against its classes still accepts real dates and datetimes."""

    class DateTimeType(type):
        def __instancecheck__(cls, value: object) -> bool:
            return isinstance(value, dt.datetime)

    class DateType(type):
        def __instancecheck__(cls, value: object) -> bool:
            return isinstance(value, dt.date)

    class FrozenDateTime(dt.datetime, metaclass=DateTimeType):
        @classmethod
        def now(cls, tz: dt.tzinfo | None = None) -> dt.datetime:  # type: ignore[override]
            return dt.datetime.fromtimestamp(clock.at, tz)

    class FrozenDate(dt.date, metaclass=DateType):
        @classmethod
        def today(cls) -> dt.date:  # type: ignore[override]
            return dt.datetime.fromtimestamp(clock.at).date()

    module = types.ModuleType("datetime")
    module.__dict__.update(vars(dt))
    module.datetime = FrozenDateTime  # type: ignore[attr-defined]
    module.date = FrozenDate  # type: ignore[attr-defined]
    return module


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Iterator[Clock]:
    """Freezes the hall (see the module's docstring) for one test."""
    frozen = Clock()
    monkeypatch.setenv("TZ", "Asia/Ho_Chi_Minh")
    time.tzset()
    monkeypatch.setattr(time, "time", frozen.time)
    shim = _frozen_datetime(frozen)
    for name, module in list(sys.modules.items()):
        if name.split(".")[0] not in OURS or module is None:
            continue
        for attribute, value in list(vars(module).items()):
            if value is dt:
                monkeypatch.setattr(module, attribute, shim)
            elif value is dt.datetime:
                monkeypatch.setattr(module, attribute, shim.datetime)
            elif value is dt.date:
                monkeypatch.setattr(module, attribute, shim.date)
    seeded = SeededSecrets(21)
    for name in ("shared.tokens", "shared.meetings"):
        monkeypatch.setattr(sys.modules[name], "secrets", seeded)
    yield frozen
    monkeypatch.undo()
    time.tzset()
