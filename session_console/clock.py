"""The speaking timer as the stations show it."""

from __future__ import annotations


def clock(seconds: float) -> str:
    seconds = int(seconds)
    return f"{seconds // 60:02d}:{seconds % 60:02d}"
