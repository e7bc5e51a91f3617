"""The console's queue rows and their cells, kept from one refresh to the next.

Every action re-reads the whole queue (thousands of rows at a large meeting) so that the
screen always shows the file as it is. Building a dict and the cells of every row each
time cost more than the action itself; here a row read exactly as last time (the same
tuple of values) keeps its dict and cells, and the table skips it with one comparison.
Only the minutes waited move on their own: a row's cells say until when they hold.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any, NamedTuple

from shared import speaking
from shared.i18n import N_, tr
from shared.specs import QUEUE_STATUSES

NAMES = [name.strip() for name in speaking.QUEUE_COLUMNS.split(",")]

Pair = tuple[str, tuple[str, ...]]


class Shown(NamedTuple):
    values: tuple[Any, ...]  # as read
    row: dict[str, Any]
    pair: Pair  # (table key, cells)
    until: float  # when the minutes waited move on


class QueueRows:
    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.rows: dict[str, dict[str, Any]] = {}
        self._known: dict[int, Shown] = {}
        self._stale_at = math.inf
        self._statuses = {key: tr(msgid, lang) for key, msgid in QUEUE_STATUSES.items()}
        self._minutes: dict[int, str] = {}

    def update(self, found: list[tuple[Any, ...]], now: float) -> list[Pair]:
        """The (key, cells) of `found` (rows of `speaking.QUEUE_COLUMNS`, in order, the id
        first); `rows` becomes the rows by key."""
        known = self._known
        if now >= self._stale_at:
            known = {key: shown for key, shown in known.items() if shown.until > now}
            self._stale_at = math.inf
        kept: dict[int, Shown] = {}
        pairs: list[Pair] = []
        changed = False
        for values in found:
            shown = known.get(values[0])
            if shown is None or shown.values != values:
                shown = self._shown(values, now)
                self._stale_at = min(self._stale_at, shown.until)
                changed = True
            kept[values[0]] = shown
            pairs.append(shown.pair)
        if changed or len(kept) != len(self._known):
            self.rows = {shown.pair[0]: shown.row for shown in kept.values()}
        self._known = kept
        return pairs

    def _shown(self, values: tuple[Any, ...], now: float) -> Shown:
        row = dict(zip(NAMES, values, strict=True))
        waited, until = "", math.inf
        if row["status"] == "waiting":
            created = dt.datetime.fromisoformat(row["created_at"]).timestamp()
            n = max(0, int(now - created) // 60)
            if n not in self._minutes:
                self._minutes[n] = tr(N_("{n} min"), self.lang, n=n)
            waited, until = self._minutes[n], created + (n + 1) * 60
        cells = (
            f"{row['number']:03d}",
            row["name"],
            row["village"],
            row["field"],
            self._statuses[row["status"]],
            waited,
        )
        return Shown(values, row, (str(row["id"]), cells), until)
