"""Tests never wait on the wall clock: no `sleep(n)` or `pause(n)` whose length decides
whether a test passes. They wait for the condition (tests/waiting.py: `until`,
`wait_until`, `after_ticks`) or, for the rhythm of a person, a printer or a crash, say so
with `pace`. A poll between two looks at a condition may sleep a moment (at most BOUND)."""

from __future__ import annotations

import ast
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]
HELPER = TESTS / "waiting.py"
BOUND = 0.05
"""Seconds: a poll's interval, never long enough to stand in for the condition."""
WAITS = {"sleep", "pause"}


def fixed_waits(source: str) -> list[tuple[int, str]]:
    """(line, call) of each sleep or pause longer than BOUND, or of a length not written
    as a number (a constant hides a wait as well as a literal does)."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        name = node.func.attr if isinstance(node.func, ast.Attribute) else None
        if isinstance(node.func, ast.Name):
            name = node.func.id
        if name not in WAITS:
            continue
        arguments = [*node.args, *(k.value for k in node.keywords)]
        if not arguments:
            continue  # pilot.pause(): until the app has handled what is queued
        if name == "pause" and len(arguments) > 1:
            continue  # speaking.pause(store, meeting): a speech paused, not a test
        length = arguments[0]
        if (
            isinstance(length, ast.Constant)
            and isinstance(length.value, int | float)
            and length.value <= BOUND
        ):
            continue
        found.append((node.lineno, ast.unparse(node)))
    return found


def test_no_test_waits_a_fixed_time() -> None:
    found = [
        f"{path.relative_to(TESTS.parent)}:{line}: {call}"
        for path in sorted(TESTS.rglob("*.py"))
        if path != HELPER
        for line, call in fixed_waits(path.read_text(encoding="utf-8"))
    ]
    assert not found, "wait for the condition (tests/waiting.py):\n" + "\n".join(found)


def test_the_rule_sees_each_kind_of_fixed_wait() -> None:
    source = """
import asyncio, time
async def f(pilot, PACE):
    await pilot.pause(0.3)
    time.sleep(1)
    await asyncio.sleep(PACE)
    await pilot.pause(delay=0.5)
    await pilot.pause()
    time.sleep(0.01)
    speaking.pause(store, meeting)
"""
    assert sorted(line for line, _ in fixed_waits(source)) == [4, 5, 6, 7]
