"""The table of local calendar overrides: extra days off and worked Saturdays.

The government swaps days every year and the `holidays` package does not know; an
administrator records them here. Stations read the table when they open the database.
"""

from __future__ import annotations

from typing import Any

from shared import events
from shared.db import Store
from shared.deadlines import DAY_OFF, WORKED
from shared.events import EventKind
from shared.i18n import N_, UserError
from shared.meetings import parse_date
from shared.text import clean


def set_override(store: Store, day: str, kind: str, note: str = "") -> str:
    """Mark `day` as a day off or a worked day; returns the ISO date."""
    if kind not in (DAY_OFF, WORKED):
        raise UserError("Unknown kind of day: {kind} (off or work).", kind=kind)
    iso = parse_date(day)
    row = {"day": iso, "kind": kind, "note": clean(note, N_("Note"), max_len=200)}
    with store.write():
        store.db.table("calendar_overrides").upsert(row, pk="day")
        events.record(store, EventKind.CALENDAR_SET, None, f"day:{iso}", kind=kind)
    return iso


def remove_override(store: Store, day: str) -> str:
    iso = parse_date(day)
    with store.write():
        if not store.one("SELECT 1 FROM calendar_overrides WHERE day = ?", (iso,)):
            raise UserError("{day} is not in the table.", day=iso)
        store.conn.execute("DELETE FROM calendar_overrides WHERE day = ?", (iso,))
        events.record(store, EventKind.CALENDAR_REMOVED, None, f"day:{iso}")
    return iso


def list_overrides(store: Store) -> list[dict[str, Any]]:
    return store.all("SELECT day, kind, note FROM calendar_overrides ORDER BY day")
