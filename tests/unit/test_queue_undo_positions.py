"""Found by the speaking-queue state machine (tests/unit/test_properties_speaking.py):
undoing a move made before a new registration gave two waiting speakers the same place,
so "call next" (ORDER BY position LIMIT 1) and the queue shown could disagree."""

from __future__ import annotations

from shared import events, speaking
from shared.db import Store
from shared.registrations import register


def _waiting_positions(store: Store, meeting: int) -> list[tuple[int, int]]:
    return [
        (r["number"], r["position"])
        for r in speaking.queue(store, meeting)
        if r["status"] == "waiting"
    ]


def test_undoing_a_move_after_a_registration_keeps_every_place_distinct(
    store: Store, meeting: int
) -> None:
    for name in ("A", "B", "C", "D"):
        register(store, meeting, consent=True, name=name)
    speaking.call(store, meeting)  # number 1 leaves the waiting queue
    speaking.move(store, meeting, 3, 1)
    assert [n for n, _ in _waiting_positions(store, meeting)] == [3, 2, 4]
    register(store, meeting, consent=True, name="E")  # number 5, after the move
    events.undo_last(store, meeting)  # the move, not the registration
    waiting = _waiting_positions(store, meeting)
    assert [n for n, _ in waiting] == [2, 3, 4, 5]
    positions = [p for _, p in waiting]
    assert len(set(positions)) == len(positions), waiting
    speaking.no_show(store, meeting, 1)
    assert speaking.call(store, meeting)["number"] == 2
