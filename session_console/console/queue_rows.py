"""The console's queue rows and their cells, kept from one refresh to the next.

Every action re-reads the queue (thousands of rows at a large meeting) so that the screen
always shows the file as it is. Reading every column of every row and building its dict
and cells each time cost more than the action itself. A registration's number, name,
village, field and time of arrival never change once made: they are read once. Each
refresh reads only the order and the status; a row whose status is as last time keeps
its dict and cells wherever it moved, and the table skips it.
Only the minutes waited move on their own: a row's cells say until when they hold.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any, NamedTuple

from shared import speaking
from shared.db import Store
from shared.i18n import N_, tr
from shared.specs import QUEUE_STATUSES

FIXED = "id, number, name, village, field, created_at"
MOVING = "id, status, speech_paused IS NOT NULL"  # the order is the query's: a row moved
# keeps its cells

Pair = tuple[str, tuple[str, ...]]


class Shown(NamedTuple):
    state: tuple[Any, ...]  # (id, status) as read
    row: dict[str, Any]  # the columns of speaking.QUEUE_COLUMNS
    pair: Pair  # (table key, cells)
    until: float  # when the minutes waited move on


class QueueRows:
    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.rows: dict[str, dict[str, Any]] = {}
        self._fixed: dict[int, dict[str, Any]] = {}
        self._known: dict[int, Shown] = {}
        self._stale_at = math.inf
        self._statuses = {key: tr(msgid, lang) for key, msgid in QUEUE_STATUSES.items()}
        self._paused = tr(N_("paused"), lang)  # as the lectern panel says it
        self._minutes: dict[int, str] = {}

    def update(self, store: Store, meeting_id: int, now: float) -> list[Pair]:
        """The queue's (key, cells) in order; `rows` becomes its rows by key."""
        found = speaking.queue_tuples(store, meeting_id, MOVING)
        unknown = [state[0] for state in found if state[0] not in self._fixed]
        if unknown:
            ids = None if len(unknown) > 100 else unknown
            for values in speaking.registration_tuples(store, meeting_id, FIXED, ids):
                self._fixed[values[0]] = dict(zip(FIXED.split(", "), values, strict=True))
        known = self._known
        if now >= self._stale_at:
            known = {key: shown for key, shown in known.items() if shown.until > now}
            self._stale_at = math.inf
        kept: dict[int, Shown] = {}
        pairs: list[Pair] = []
        changed = False
        for state in found:
            shown = known.get(state[0])
            if shown is None or shown.state != state:
                shown = self._shown(state, now)
                self._stale_at = min(self._stale_at, shown.until)
                changed = True
            kept[state[0]] = shown
            pairs.append(shown.pair)
        if changed or len(kept) != len(self._known):
            self.rows = {shown.pair[0]: shown.row for shown in kept.values()}
        self._known = kept
        return pairs

    def _shown(self, state: tuple[Any, ...], now: float) -> Shown:
        row = {**self._fixed[state[0]], "status": state[1]}
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
            self._paused if state[2] else self._statuses[row["status"]],
            waited,
        )
        return Shown(state, row, (str(row["id"]), cells), until)
