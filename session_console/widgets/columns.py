"""Which columns of a table fit a width, and how wide each is.

A station runs on whatever screen the hall has (100x30 to 200x50). Rather than cutting
every column a little ("Ch" for "Chờ", "đang phát bi" for a status), a table keeps its
most important columns whole and drops the least important ones when there is no room:
headers are never cut, short cells (numbers, statuses, dates) are shown whole, and only
free text (names, summaries) is shortened, with an ellipsis so the cut is visible.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.cells import cell_len, get_character_cell_size

GAP = 2  # blank cells between two columns
EDGE = 1  # blank cell before the first column and after the last

ELLIPSIS = "…"


@dataclass(frozen=True)
class Column:
    """One column: `priority` 1 is kept longest, higher numbers are dropped first when the
    table is too narrow; `min_width` keeps a column from shrinking below what its longest
    possible value needs (a status the data has not shown yet), so the columns do not jump;
    `text` columns (names, summaries) share the room left and are ellipsised, the others
    are always as wide as their widest cell."""

    key: str
    label: str
    priority: int = 1
    min_width: int = 0
    text: bool = False


def fit(columns: Sequence[Column], widest: Sequence[int], width: int) -> list[int]:
    """The width of each column at `width` cells (0: dropped), given each column's widest
    cell. The most important column is kept even when it does not fit."""
    need = [
        max(1, cell_len(c.label), c.min_width, 0 if c.text else wide)
        for c, wide in zip(columns, widest, strict=True)
    ]
    kept = list(range(len(columns)))

    def used() -> int:
        return 2 * EDGE + sum(need[i] for i in kept) + GAP * (len(kept) - 1)

    while len(kept) > 1 and used() > width:
        # The least important goes first; of equals, the rightmost.
        kept.remove(max(kept, key=lambda i: (columns[i].priority, i)))
    widths = [need[i] if i in kept else 0 for i in range(len(columns))]
    spare = width - used()
    # Text columns grow towards their widest cell, sharing what is left evenly.
    short = [i for i in kept if columns[i].text and widest[i] > widths[i]]
    while spare > 0 and short:
        share = max(1, spare // len(short))
        for i in list(short):
            grow = min(share, widest[i] - widths[i], spare)
            widths[i] += grow
            spare -= grow
            if widths[i] >= widest[i]:
                short.remove(i)
    return widths


def clip(text: str, width: int) -> str:
    """`text` in at most `width` cells, ending in "…" when it was longer."""
    if cell_len(text) <= width:
        return text
    if width <= 0:
        return ""
    room, end = width - 1, 0
    for char in text:
        room -= get_character_cell_size(char)
        if room < 0:
            break
        end += 1
    return text[:end] + ELLIPSIS
