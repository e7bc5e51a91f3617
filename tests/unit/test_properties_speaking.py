"""The speaking queue as a state machine over a real SQLite file, driven by two consoles
(two connections) at random: every action either does what the queue's rules allow or is
refused and changes nothing, and after every step

- at most one speaker is called or speaking;
- the numbers of the meeting are 1..n, unique and without gaps;
- the waiting have distinct positions, and "call next" takes the first of them;
- both consoles read the same queue;
- undo puts back exactly the state before the action it undoes (latest first);
- the elapsed time counts the seconds spoken and never a pause (the clock is injected:
  every reading is `now=`, the wall clock is never read for the timer).
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from shared import events, meetings, speaking
from shared.db import open_store
from shared.i18n import UserError
from shared.registrations import register

Rows = list[dict[str, Any]]
CONSOLES = st.sampled_from([0, 1])
NUMBERS = st.integers(min_value=1, max_value=9)
SECONDS = st.integers(min_value=0, max_value=90)
ALLOWED_FROM = {
    "no_show": ("waiting", "called"),
    "recall": ("no_show",),
    "withdraw": ("waiting", "called", "no_show"),
}
START = 1_000_000.0  # far from 0: a timestamp is never falsy


_TEMPLATE: list[Path] = []


def _template() -> Path:
    """An open meeting (id 1) with three registered speakers, in a file made once."""
    if not _TEMPLATE:
        path = Path(tempfile.mkdtemp(prefix="hallkit-queue-template-")) / "hall.db"
        store = open_store(path, "console-1")
        meeting = meetings.create_meeting(
            store, title="Hội nghị", date="2026-02-10", start_time="08:00"
        )
        assert meeting == 1
        meetings.set_status(store, meeting, "open")
        for name in ("Bình", "Hoa", "Toản"):
            register(store, meeting, consent=True, name=name)
        store.close()
        atexit.register(shutil.rmtree, path.parent, True)
        _TEMPLATE.append(path)
    return _TEMPLATE[0]


class SpeakingQueue(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="hallkit-queue-"))
        path = self.folder / "hall.db"
        shutil.copyfile(_template(), path)  # migrated once, copied for each example
        self.consoles = [open_store(path, "console-1", check=False)]
        self.consoles.append(open_store(path, "console-2", check=False))
        self.meeting = 1
        self.now = START
        self.spoken: dict[int, float] = {}  # number -> seconds spoken, by the model
        self.undoable: list[Rows] = []  # the state before each undoable action
        self.cached: Rows | None = None

    def teardown(self) -> None:
        for store in self.consoles:
            store.close()
        shutil.rmtree(self.folder, ignore_errors=True)

    # --- reading -------------------------------------------------------------------------

    def rows(self, console: int = 0) -> Rows:
        """The meeting's registrations as `console` reads them; console 0's reading is
        kept until the next write (preconditions read it many times a step)."""
        if console == 0 and self.cached is not None:
            return [dict(row) for row in self.cached]
        found = self.consoles[console].all(
            "SELECT * FROM registrations WHERE meeting_id = ? ORDER BY id", (self.meeting,)
        )
        if console == 0:
            self.cached = found
        return [dict(row) for row in found]

    def wrote(self) -> None:
        self.cached = None

    def by_number(self) -> dict[int, dict[str, Any]]:
        return {r["number"]: r for r in self.rows()}

    def lectern(self) -> dict[str, Any] | None:
        found = [r for r in self.rows() if r["status"] in speaking.AT_LECTERN]
        return found[0] if found else None

    def waiting(self) -> list[int]:
        rows = sorted((r for r in self.rows() if r["status"] == "waiting"), key=_position)
        return [r["number"] for r in rows]

    # --- acting --------------------------------------------------------------------------

    def act(self, legal: bool, action: Any, *args: Any, **kwargs: Any) -> Any:
        """Run `action`; a legal one must succeed (and can be undone), any other must be
        refused with a UserError and leave every row as it was."""
        before = self.rows()
        try:
            result = action(*args, **kwargs)
        except UserError:
            self.wrote()
            assert not legal, f"{action.__name__}{args[2:]} refused though allowed"
            assert self.rows() == before
            return None
        self.wrote()
        assert legal, f"{action.__name__}{args[2:]} allowed though the rules refuse it"
        self.undoable.append(before)
        return result

    @rule(console=CONSOLES, seconds=SECONDS)
    def tick(self, console: int, seconds: int) -> None:
        """Time passes; only an unpaused speech gains it."""
        self.now += seconds
        row = self.lectern()
        if row and row["status"] == "speaking" and row["speech_paused"] is None:
            self.spoken[row["number"]] += seconds

    @rule(console=CONSOLES)
    def register_one(self, console: int) -> None:
        if len(self.rows()) >= 9:
            return
        made = register(self.consoles[console], self.meeting, consent=True, name="Người mới")
        self.wrote()
        for state in self.undoable:  # undo never takes a registration back
            state.append(made)

    # Each action has a rule that draws only what the queue allows (so the interesting
    # sequences are reached) and `probe` tries any action with any number, which must
    # then be refused unless the rules allow it.

    def numbers_in(self, *statuses: str) -> list[int]:
        return [r["number"] for r in self.rows() if r["status"] in statuses]

    @precondition(lambda self: self.lectern() is None and bool(self.waiting()))
    @rule(console=CONSOLES)
    def call_next(self, console: int) -> None:
        first = self.waiting()[0]
        called = self.act(True, speaking.call, self.consoles[console], self.meeting)
        assert called["number"] == first  # the first by position, not by number

    @precondition(lambda self: self.lectern() is None and bool(self.waiting()))
    @rule(console=CONSOLES, data=st.data())
    def call_number(self, console: int, data: st.DataObject) -> None:
        number = data.draw(st.sampled_from(self.waiting()))
        self.act(True, speaking.call, self.consoles[console], self.meeting, number)

    @precondition(lambda self: bool(self.numbers_in("called")))
    @rule(console=CONSOLES, seconds=SECONDS)
    def start(self, console: int, seconds: int) -> None:
        self.tick(console, seconds)
        [number] = self.numbers_in("called")
        self.act(True, speaking.start, self.consoles[console], self.meeting, now=self.now)
        self.spoken[number] = 0.0

    @precondition(lambda self: (self.lectern() or {}).get("status") == "speaking")
    @rule(console=CONSOLES, seconds=SECONDS)
    def pause_or_resume(self, console: int, seconds: int) -> None:
        self.tick(console, seconds)
        row = self.lectern()
        assert row is not None
        action = speaking.pause if row["speech_paused"] is None else speaking.resume
        self.act(True, action, self.consoles[console], self.meeting, now=self.now)

    @precondition(lambda self: bool(self.numbers_in("speaking")))
    @rule(console=CONSOLES, seconds=SECONDS)
    def stop(self, console: int, seconds: int) -> None:
        self.tick(console, seconds)
        done = self.act(True, speaking.stop, self.consoles[console], self.meeting, now=self.now)
        assert done["duration"] == self.spoken[done["number"]]

    @precondition(lambda self: bool(self.numbers_in("waiting", "called")))
    @rule(console=CONSOLES, data=st.data())
    def no_show(self, console: int, data: st.DataObject) -> None:
        number = data.draw(st.sampled_from(self.numbers_in("waiting", "called")))
        self.act(True, speaking.no_show, self.consoles[console], self.meeting, number)

    @precondition(lambda self: bool(self.numbers_in("no_show")))
    @rule(console=CONSOLES, data=st.data())
    def recall(self, console: int, data: st.DataObject) -> None:
        number = data.draw(st.sampled_from(self.numbers_in("no_show")))
        self.act(True, speaking.recall, self.consoles[console], self.meeting, number)
        assert self.waiting()[0] == number  # back at the head of the queue

    @precondition(lambda self: bool(self.numbers_in("waiting", "called", "no_show")))
    @rule(console=CONSOLES, data=st.data())
    def withdraw(self, console: int, data: st.DataObject) -> None:
        number = data.draw(st.sampled_from(self.numbers_in("waiting", "called", "no_show")))
        self.act(True, speaking.withdraw, self.consoles[console], self.meeting, number)

    @precondition(lambda self: bool(self.waiting()))
    @rule(console=CONSOLES, data=st.data())
    def move(self, console: int, data: st.DataObject) -> None:
        waiting = self.waiting()
        number = data.draw(st.sampled_from(waiting))
        place = data.draw(st.integers(min_value=1, max_value=len(waiting)))
        self.act(True, speaking.move, self.consoles[console], self.meeting, number, place)
        waiting.remove(number)
        waiting.insert(place - 1, number)
        assert self.waiting() == waiting

    @rule(
        console=CONSOLES,
        action=st.sampled_from(
            ["call", "start", "pause", "resume", "stop", "no_show", "recall", "withdraw", "move"]
        ),
        number=st.none() | NUMBERS,
        place=st.integers(min_value=-1, max_value=10),
    )
    def probe(self, console: int, action: str, number: int | None, place: int) -> None:
        """Any action, any number: done exactly when the rules allow it."""
        store, row, lectern = (
            self.consoles[console],
            self.by_number().get(number or 0),
            self.lectern(),
        )
        status = row["status"] if row else None
        waiting = self.waiting()
        timed = {"now": self.now}
        if action == "call":
            legal = lectern is None and (status == "waiting" if number else bool(waiting))
            args: tuple[Any, ...] = (number,) if number else ()
            called = self.act(legal, speaking.call, store, self.meeting, *args)
            assert not called or number or called["number"] == waiting[0]
            return
        if action in ("start", "pause", "resume", "stop"):
            at = lectern or {}
            legal = {
                "start": at.get("status") == "called",
                "pause": at.get("status") == "speaking" and at["speech_paused"] is None,
                "resume": at.get("speech_paused") is not None,
                "stop": at.get("status") == "speaking",
            }[action]
            if legal and action == "start":
                self.spoken[at["number"]] = 0.0
            result = self.act(legal, getattr(speaking, action), store, self.meeting, **timed)
            if result and action == "stop":
                assert result["duration"] == self.spoken[result["number"]]
            return
        if number is None:
            return
        if action == "move":
            legal = status == "waiting" and 1 <= place <= len(waiting)
            self.act(legal, speaking.move, store, self.meeting, number, place)
            return
        allowed = ALLOWED_FROM[action]  # the model's own table, not the code's
        self.act(status in allowed, getattr(speaking, action), store, self.meeting, number)

    @precondition(lambda self: not self.undoable)
    @rule(console=CONSOLES)
    def nothing_to_undo(self, console: int) -> None:
        before = self.rows()
        try:
            events.undo_last(self.consoles[console], self.meeting)
        except UserError:
            self.wrote()
            assert self.rows() == before
        else:
            raise AssertionError("undo with nothing to undo")

    @precondition(lambda self: bool(self.undoable))
    @rule(console=CONSOLES)
    def undo(self, console: int) -> None:
        events.undo_last(self.consoles[console], self.meeting)
        self.wrote()
        assert self.rows() == self.undoable.pop()
        # the model's stopwatch is re-read: an undone pause or stop resumes the timer
        for row in self.rows():
            if row["speech_started"] is not None:
                self.spoken[row["number"]] = speaking.elapsed(row, now=self.now)

    # --- invariants ----------------------------------------------------------------------

    @invariant()
    def one_at_the_lectern(self) -> None:
        assert sum(r["status"] in speaking.AT_LECTERN for r in self.rows()) <= 1

    @invariant()
    def numbers_are_gapless(self) -> None:
        numbers = sorted(r["number"] for r in self.rows())
        assert numbers == list(range(1, len(numbers) + 1))

    @invariant()
    def waiting_positions_are_distinct_and_the_queue_follows_them(self) -> None:
        positions = [r["position"] for r in self.rows() if r["status"] == "waiting"]
        assert len(set(positions)) == len(positions)
        shown = speaking.queue(self.consoles[1], self.meeting)
        assert [r["number"] for r in shown if r["status"] == "waiting"] == self.waiting()
        lectern = [r["status"] in speaking.AT_LECTERN for r in shown]
        assert lectern == sorted(lectern, reverse=True)  # the lectern comes first

    @invariant()
    def both_consoles_read_the_same(self) -> None:
        assert self.rows(0) == self.rows(1)

    @invariant()
    def elapsed_counts_speech_and_never_a_pause(self) -> None:
        for row in self.rows():
            if row["speech_started"] is not None:
                assert speaking.elapsed(row, now=self.now) == self.spoken[row["number"]]
            else:
                assert speaking.elapsed(row, now=self.now) == 0.0


def _position(row: dict[str, Any]) -> int:
    return int(row["position"])


SpeakingQueue.TestCase.settings = settings(
    max_examples=40,
    stateful_step_count=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
test_speaking_queue = SpeakingQueue.TestCase
