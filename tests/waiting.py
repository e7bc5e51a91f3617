"""Waiting for a condition instead of the wall clock: the one place a test may pause.

A fixed `pause(1.0)` or `sleep(0.5)` is either too short on a loaded machine (a flaky
test) or longer than needed everywhere else (a slow suite). These poll a predicate every
few milliseconds and give up only after a generous timeout, with what was awaited in the
message. tests/unit/test_no_fixed_sleeps.py forbids fixed sleeps anywhere else in tests/.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

TIMEOUT_SECONDS = 20.0
"""Generous: reached only when the condition never comes (a failing test), never by a
slow machine."""
POLL_SECONDS = 0.01


async def until(
    pilot: Any, condition: Callable[[], object], what: str = "", timeout: float = TIMEOUT_SECONDS
) -> None:
    """Let the app run until `condition()` is true (checked after each pause)."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"waited {timeout:.0f} s for {what or condition}")
        await pilot.pause(POLL_SECONDS)


def wait_until(
    condition: Callable[[], object], what: str = "", timeout: float = TIMEOUT_SECONDS
) -> None:
    """The same outside an app: a process, a file, a socket."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"waited {timeout:.0f} s for {what or condition}")
        time.sleep(POLL_SECONDS)


def pace(seconds: float) -> None:
    """The rhythm of something outside the program, not a wait: a person's keys on a real
    terminal (the console tells a person from a scanner by it), a slow printer reading
    its input, a crash at a random moment. Nothing is checked after it without waiting
    for what it caused."""
    time.sleep(seconds)


async def after_calls(pilot: Any, owner: Any, method: str, count: int = 1) -> None:
    """Until `owner.method()` has run `count` more times (a station's tick, its reload
    after another process wrote the file): what it shows is then up to date, and a thing
    that must not appear can be checked as absent."""
    seen: list[None] = []
    original = getattr(owner, method)

    def counted(*args: Any, **kwargs: Any) -> Any:
        seen.append(None)
        return original(*args, **kwargs)

    setattr(owner, method, counted)  # an instance's method, for this wait only
    try:
        await until(pilot, lambda: len(seen) >= count, f"{count} × {method}")
    finally:
        delattr(owner, method)


async def after_ticks(pilot: Any, app: Any, count: int = 1) -> None:
    """Until a station's half-second tick (`app.tick`) has run `count` more times."""
    await after_calls(pilot, app, "tick", count)
