"""Texts the stations re-show on every poll and every tick of the timer."""

from __future__ import annotations

from textual.widgets import Static


def show(static: Static, content: str) -> None:
    """Update `static` only when its text changed: Static.update lays the whole screen out
    again, which costs a console with 2,000 rows more than the action being shown."""
    if static.content != content:
        static.update(content)
