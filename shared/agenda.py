"""The program of the meeting (its agenda steps, one of them current) and the chair's
concluding remarks, recorded for the minutes."""

from __future__ import annotations

from typing import Any

from shared import events
from shared.db import Store
from shared.events import EventKind
from shared.i18n import N_, UserError
from shared.meetings import editable_meeting, get_meeting
from shared.text import clean


def set_steps(store: Store, meeting_id: int, titles: list[str]) -> list[dict[str, Any]]:
    """Replace the program with these steps, in order; the first becomes current."""
    cleaned = [clean(title, N_("Program step"), max_len=200, required=True) for title in titles]
    with store.write():
        editable_meeting(store, meeting_id)
        store.conn.execute("DELETE FROM agenda_steps WHERE meeting_id = ?", (meeting_id,))
        for position, title in enumerate(cleaned, start=1):
            store.insert(
                "agenda_steps", {"meeting_id": meeting_id, "position": position, "title": title}
            )
        store.update("meetings", meeting_id, {"current_step": 1 if cleaned else 0})
        events.record(
            store, EventKind.AGENDA_SET, meeting_id, f"meeting:{meeting_id}", steps=len(cleaned)
        )
    return steps(store, meeting_id)


def steps(store: Store, meeting_id: int) -> list[dict[str, Any]]:
    current = get_meeting(store, meeting_id)["current_step"]
    rows = store.all(
        "SELECT position, title FROM agenda_steps WHERE meeting_id = ? ORDER BY position",
        (meeting_id,),
    )
    return [{**row, "current": row["position"] == current} for row in rows]


def go_to_step(store: Store, meeting_id: int, position: int) -> dict[str, Any]:
    with store.write():
        editable_meeting(store, meeting_id)
        step = store.one(
            "SELECT position, title FROM agenda_steps WHERE meeting_id = ? AND position = ?",
            (meeting_id, position),
        )
        if step is None:
            raise UserError("There is no step {step} in the program.", step=position)
        store.update("meetings", meeting_id, {"current_step": position})
        events.record(
            store, EventKind.AGENDA_STEP, meeting_id, f"meeting:{meeting_id}", step=position
        )
    return step


def set_conclusion(store: Store, meeting_id: int, text: str) -> str:
    """The chair's concluding remarks, as the secretary writes them down."""
    value = clean(text, N_("Chair's conclusion"), max_len=20_000)
    with store.write():
        editable_meeting(store, meeting_id)
        store.update("meetings", meeting_id, {"conclusion": value})
        events.record(
            store,
            EventKind.MEETING_CONCLUSION,
            meeting_id,
            f"meeting:{meeting_id}",
            length=len(value),
        )
    return value
