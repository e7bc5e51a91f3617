"""The secretary's journeys: the real `hallkit console` in a real terminal (a pty, read back
with pyte), keys only, at a person's pace, with a USB scanner's bursts on top.

Five speakers through every outcome, `o` right after `q`, undo, a written question, a
walk-in with Enter through every field, finding names and numbers, the palette and quitting; then ten scans with each dialog, the command
palette, the help panel and a half-typed find open. These walls were each hit by hand
before: the palette's first entry quit, a scan landed in the open dialog, a written
question vanished, `o` after `q` opened an answered question, "rút ý kiến" could not be
saved with Enter."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from shared.db import Store, open_store
from shared.demo import demo
from shared.registrations import payload, register
from tests.tui.terminal import Terminal
from tests.waiting import pace

PACE = 0.3  # a person's pace between keys
LETTERS = 0.08  # a quick typist's letters
KEYS = {
    "enter": "\r",
    "escape": "\x1b",
    "tab": "\t",
    "down": "\x1b[B",
    "right": "\x1b[C",
    "space": " ",
    "slash": "/",
    "f1": "\x1bOP",
    "ctrl+p": "\x10",
    "ctrl+q": "\x11",
}


class Secretary:
    """A person at the console: keys at a person's pace, and a scanner at hand."""

    def __init__(self, terminal: Terminal, db_path: Path, meeting: int) -> None:
        self.terminal, self.meeting = terminal, meeting
        self.store: Store = open_store(db_path, "journey")

    def press(self, *keys: str) -> None:
        for key in keys:
            self.terminal.type(KEYS.get(key, key))
            pace(PACE)

    def write(self, text: str) -> None:
        self.terminal.type(text, gap=LETTERS)
        pace(PACE)

    def sees(self, text: str, timeout: float = 20) -> str:
        return self.terminal.wait_until_shown(text, timeout)

    def until(self, check: Callable[[], Any], timeout: float = 20) -> Any:
        """Until the shared file says so (another process writes it: read afresh)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self.store.conn.rollback()
            found = check()
            if found:
                return found
            self.terminal._read(0.1)
        raise AssertionError(f"never true; the screen:\n{self.terminal.shown()}")

    def row(self, number: int) -> dict[str, Any]:
        found = self.store.one(
            "SELECT * FROM registrations WHERE meeting_id = ? AND number = ?",
            (self.meeting, number),
        )
        assert found is not None
        return found

    def questions(self) -> list[dict[str, Any]]:
        return self.store.all(
            "SELECT * FROM questions WHERE meeting_id = ? ORDER BY number", (self.meeting,)
        )

    def outcome_of(self, question_id: int) -> str | None:
        found = self.store.one("SELECT outcome FROM questions WHERE id = ?", (question_id,))
        return found["outcome"] if found else None

    def scan(self, number: int, timeout: float = 8) -> bool:
        """A scanner's burst (the payload and Enter in one write); True when the console
        said it took that ticket."""
        row = self.row(number)
        self.terminal.forget()  # only what is drawn from now on
        self.terminal.type(payload(self.store, row) + "\r")
        try:
            self.terminal.wait_for(f"Phiếu số {number:03d}: {row['name']}", timeout)
        except AssertionError:
            return False
        return True


@pytest.fixture
def secretary(db_path: Path) -> Iterator[Secretary]:
    store = open_store(db_path)
    meeting = demo(store)[0]
    for village in ("Thôn Đông", "Thôn Hạ"):  # two citizens of the same name
        register(store, meeting, consent=True, name="Nguyễn Thị Hồng", village=village)
    store.close()
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "140", "LINES": "45"}
    env.pop("HALLKIT_LANG", None)
    command = [sys.executable, "-m", "shared.cli", "--db", str(db_path), "console"]
    terminal = Terminal(command, env)
    person = Secretary(terminal, db_path, meeting)
    try:
        terminal.wait_for("Gọi tiếp")
        yield person
    finally:
        terminal.close()
        person.store.close()


OUTCOME_FIELDS = {
    # outcome: (its place in the list, what the dialog shows once chosen, what is typed)
    "answered": (0, "Trả lời tóm tắt", ["enter", "Đã giải thích chính sách tại hội nghị", "enter"]),
    "pending": (
        1,
        "Cơ quan chịu trách nhiệm",
        ["enter", "phong kinh te", "enter", "enter", "enter"],
    ),
    "transferred": (
        2,
        "Số văn bản chuyển",
        ["enter", "so nong", "enter", "enter", "tỉnh", "enter", "125/UBND", "enter", "enter"],
    ),
    "written": (3, "trả lời bằng văn bản", ["enter", "enter"]),
    "withdrawn": (4, "rút ý kiến", ["enter"]),  # the list is the last field: Enter saves
}


def test_five_speakers_every_outcome_undo_written_find_and_quit(
    secretary: Secretary,
) -> None:
    me = secretary
    # --- five speakers, each through one outcome, keys only ---
    for outcome, (place, chosen, typed) in OUTCOME_FIELDS.items():
        before = len(me.questions())
        me.press("n")
        called = me.until(
            lambda: me.store.one(
                "SELECT * FROM registrations WHERE meeting_id = ? AND status = 'called'",
                (me.meeting,),
            )
        )
        me.press("s", "q")
        me.sees("Người trả lời (để trống: chủ tọa)")
        me.press("enter", "enter", "enter", "enter")  # summary, field, kind, official: saved
        question = me.until(lambda: len(me.questions()) > before and me.questions()[-1])  # noqa: B023
        assert question["registration_id"] == called["id"]
        me.press("o")  # the question just logged, named in the title
        me.sees(f"Kết quả câu hỏi #{question['number']}:")
        if place:
            me.press("down", *["down"] * place, "enter")
        me.sees(chosen)
        for key in typed:
            if key in KEYS:
                me.press(key)
            else:
                me.write(key)
        me.until(lambda: me.outcome_of(question["id"]) == outcome)  # noqa: B023
        me.press("e")
        me.until(lambda: me.row(called["number"])["status"] == "done")  # noqa: B023

    # --- `o` right after `q` on a speaker already answered: the new question opens ---
    me.press("slash")
    me.write("1")
    me.press("enter")
    me.sees("Câu hỏi của số 001")
    before = len(me.questions())
    me.press("q")
    me.sees("Người trả lời (để trống: chủ tọa)")
    me.press("enter", "enter", "enter", "enter")
    newest = me.until(lambda: len(me.questions()) > before and me.questions()[-1])
    me.press("o")
    me.sees(f"Kết quả câu hỏi #{newest['number']}:")
    me.press("escape")

    # --- undo: the latest change comes back, said in words ---
    me.press("slash")
    me.write("9")
    me.press("enter")
    me.sees("Câu hỏi của số 009")
    me.press("w", "right", "enter")  # withdrawing asks first
    me.until(lambda: me.row(9)["status"] == "withdrawn")
    me.press("u")
    me.sees("Đã hoàn tác: rút đăng ký số 009")
    me.until(lambda: me.row(9)["status"] == "waiting")

    # --- a written question: saved, said, listed, its outcome reachable with `o` ---
    me.press("t")
    me.sees("Câu hỏi bằng văn bản")
    me.write("Trần Văn Lâm")
    me.press("enter")
    me.write("thon ha")
    me.press("enter", "enter")
    me.write("Đề nghị công khai danh sách hộ nghèo")
    me.press("enter")  # on to the field, blank
    me.press("enter", "down", "down", "enter")  # the list opens; "An sinh xã hội" taken
    me.press("enter", "enter", "enter")  # on; the kind as proposed; the chair: saved
    written = me.until(lambda: [q for q in me.questions() if q["source"] == "written"])[0]
    assert (written["raised_village"], written["field"]) == ("Thôn Hạ", "An sinh xã hội")
    me.sees(f"Đã lưu câu hỏi bằng văn bản #{written['number']}")
    me.sees("Câu hỏi bằng văn bản (1)")
    me.sees("Trần Văn Lâm: Đề nghị công khai")
    me.press("o")
    me.sees(f"Kết quả câu hỏi #{written['number']}: Đề nghị công khai")
    me.press("enter")
    me.write("Chủ tọa đã trả lời")
    me.press("enter")
    me.until(lambda: me.outcome_of(written["id"]) == "answered")

    # --- a walk-in: Enter through every field, the consent refused unticked, Space ticks ---
    me.press("i")
    me.sees("Thêm người phát biểu tại chỗ")
    me.write("Võ Văn Tám")
    me.press("enter")
    me.write("thon dong")
    me.press("enter", "enter")  # the offered "Thôn Đông" taken; on
    me.press("enter")  # no organisation
    me.press("enter", "enter")  # the list opens; left blank
    me.press("enter")  # on: a blank list does not open again
    me.write("Hỏi về đèn đường")
    me.press("enter", "enter")  # no phone; on to the consent
    me.press("enter")  # unticked: refused, said, nothing lost
    me.sees("Cần có sự đồng ý của công dân")
    me.press("space", "enter")
    walk_in = me.until(
        lambda: me.store.one(
            "SELECT * FROM registrations WHERE meeting_id = ? AND name = 'Võ Văn Tám'",
            (me.meeting,),
        )
    )
    assert (walk_in["village"], walk_in["field"], walk_in["summary"], walk_in["source"]) == (
        "Thôn Đông",
        "",
        "Hỏi về đèn đường",
        "secretary",
    )
    me.sees(f"{walk_in['number']:03d}  Võ Văn Tám")

    # --- find: Enter again goes to the next of two with the same name ---
    same = me.store.all(
        "SELECT number FROM registrations WHERE meeting_id = ? AND name = 'Nguyễn Thị Hồng'"
        " ORDER BY number",
        (me.meeting,),
    )
    me.press("slash")
    me.write("nguyen thi hong")
    me.press("enter")
    me.sees(f"Câu hỏi của số {same[0]['number']:03d}")
    me.press("enter")
    me.sees(f"Câu hỏi của số {same[1]['number']:03d}")
    me.press("escape")

    # --- Ctrl+P then Enter: never quits; Ctrl+Q with a speaker at the lectern asks ---
    me.press("n")
    me.press("ctrl+p")
    me.sees("Gõ việc cần làm")
    me.press("enter")
    me.sees("Esc, F1 hoặc ? để đóng")  # the first entry is the help panel
    assert me.terminal.process.poll() is None
    me.press("escape", "ctrl+q")
    me.sees("Thoát khỏi trạm này?")
    me.press("enter")  # the safe answer has the focus: stay
    me.press("f1")  # still there, and still answering keys
    me.sees("Esc, F1 hoặc ? để đóng")
    assert me.terminal.process.poll() is None
    me.press("escape")
    me.press("ctrl+q", "right", "enter")
    me.terminal.process.wait(20)


SCANS = 10


def test_ten_scans_with_each_dialog_the_palette_help_and_find_open(
    secretary: Secretary,
) -> None:
    """A burst is a ticket whatever is open: taken, said, and never typed into a field;
    what the secretary typed stays as typed."""
    me = secretary
    numbers = [4, 5, 6, 7, 8, 9, 10, 1, 2, 3]
    codes = [payload(me.store, me.row(n)) for n in numbers]
    me.press("n", "s", "q")
    me.sees("Người trả lời (để trống: chủ tọa)")
    me.press("enter", "enter", "enter", "enter")
    me.until(lambda: len(me.questions()) > 3)
    me.press("slash")
    me.write("4")
    me.press("enter")
    me.sees("Câu hỏi của số 004")

    # what opens it, what it shows once open, what the secretary types in it
    contexts: dict[str, tuple[list[str], str, str]] = {
        "q": (["q"], "█ Câu hỏi của số 004", " thêm ý"),
        "g": (["g"], "█ Gọi theo số", "12"),
        "m": (["m"], "Vị trí trong hàng chờ", "2"),
        "t": (["t"], "█ Câu hỏi bằng văn bản", "Trần Văn Lâm"),
        "i": (["i"], "█ Thêm người phát biểu tại chỗ", "Võ Văn"),
        "o": (["o"], "█ Kết quả câu hỏi #", ""),
        "c": (["c"], "Nội dung ghi vào biên bản", "Chủ tọa kết luận"),
        "palette": (["ctrl+p"], "Gõ việc cần làm", "goi"),
        "help": (["f1"], "Esc, F1 hoặc ? để đóng", ""),
        "find": (["slash"], "Quét phiếu hoặc tìm tên", "ng"),
    }
    taken: dict[str, int] = {}
    for name, (opening, shown, typed) in contexts.items():
        me.press(*opening)
        me.sees(shown)
        pace(PACE)  # a person reads what opened
        if typed:
            me.write(typed)
            me.sees(typed)
        taken[name] = sum(me.scan(number) for number in numbers[:SCANS])
        said = f"{taken[name]} of {SCANS} scans taken with {name} open:\n{me.terminal.shown()}"
        assert taken[name] == SCANS, said
        me.until(lambda: "Phiếu số" not in me.terminal.shown())  # the notices fade away
        screen = me.terminal.shown()
        assert me.terminal.process.poll() is None, f"the console quit with {name} open"
        landed = [code for code in codes if code[:6] in screen]
        assert not landed, f"{landed} landed in {name}:\n{screen}"
        if typed:
            assert typed in screen, f"what was typed in {name} changed"
        # leave: a form with typed text asks first ("Bỏ những gì đã nhập…?")
        me.press("escape")
        if typed and name not in ("palette", "find"):
            me.sees("Bỏ những gì đã nhập")
            me.press("right", "enter")
        me.sees("Gọi tiếp")
    assert taken == dict.fromkeys(contexts, SCANS)
