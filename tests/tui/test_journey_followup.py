"""Journey: the follow-up officer works one item from the meeting through every state, in
the real `hallkit followup` on a real pty, keys only, at a person's pace: in progress, deadline
extended, forwarded, the citizen told, their satisfaction, the history read,
then answered (closed). Every stage reads in words, never a stored code, and the history
says what happened, when in local time, where, and what changed."""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import sys
import time
from pathlib import Path
from typing import NamedTuple
from zoneinfo import ZoneInfo

import pytest

from shared import questions
from shared.db import open_store
from shared.demo import demo
from shared.text import show_date
from tests.tui.terminal import Terminal
from tests.waiting import pace

PACE = 0.3  # seconds between a person's keys
ZONE = "Asia/Ho_Chi_Minh"  # the hall's clock; the test machine's is UTC
CITIZEN = "Nguyễn Thị Thu Hà"  # the demo's pending item, with Phòng Kinh tế


class Words(NamedTuple):
    ready: str
    """The footer's last key: the station takes keys once it is drawn."""
    open_items: str
    in_progress: str
    extended: str
    transferred: str
    extend_title: str
    reason: str
    how: str
    document: str
    answer: str
    transfer_title: str
    told_title: str
    satisfaction_title: str
    not_asked: str
    not_satisfied: str
    answer_title: str
    history_title: str
    history: tuple[str, ...]
    """Lines the history shows; {old} and {new} are the deadlines before and after."""
    answered: tuple[str, ...]
    buttons: tuple[str, ...]
    codes: tuple[str, ...]
    """What must never be on the screen: stored codes, event kinds."""


WORDS = {
    "vi": Words(
        ready="Lịch sử",
        open_items="kiến nghị đang mở",
        in_progress="đang giải quyết",
        extended="đã gia hạn",
        transferred="đã chuyển tiếp",
        extend_title="Gia hạn kiến nghị",
        reason="Lý do",
        how="Hình thức (văn bản, điện thoại, trực tiếp)",
        document="Số văn bản",
        answer="Nội dung trả lời",
        transfer_title="Chuyển tiếp kiến nghị",
        told_title="Đã thông báo cho công dân",
        satisfaction_title="Mức độ hài lòng — kiến nghị",
        not_asked="Chưa hỏi",
        not_satisfied="Chưa hài lòng",
        answer_title="Trả lời kiến nghị",
        history_title="Lịch sử kiến nghị",
        history=(
            "ghi câu hỏi số",
            "Tiến độ: mới → đang giải quyết",
            "gia hạn câu hỏi số",
            "Hạn: {old} → {new}",
            "Lý do: Chờ bố trí kinh phí",
            "Tiến độ: đang giải quyết → đã gia hạn",
            "Cơ quan: Phòng Kinh tế → Công an xã",
            "Tiến độ: đã gia hạn → đã chuyển tiếp",
            "Hình thức thông báo: Gọi điện thoại",
            "Mức độ hài lòng: Chưa hài lòng",
            "máy station-1",
            "Esc: đóng",
        ),
        answered=(
            "Tiến độ: đã chuyển tiếp → đã trả lời",
            "Số văn bản: 77/CAX",
            "Theo dõi giải quyết: đang theo dõi → đã kết thúc",
        ),
        buttons=("Đồng ý", "Hủy"),
        codes=("in_progress", "extended", "transferred", "followup.", "question.", "_"),
    ),
    "en": Words(
        ready="History",
        open_items="open item",
        in_progress="in progress",
        extended="deadline extended",
        transferred="forwarded",
        extend_title="Extend item",
        reason="Reason",
        how="How (letter, phone, in person)",
        document="Document number",
        answer="Answer",
        transfer_title="Transfer item",
        told_title="Citizen told",
        satisfaction_title="Satisfaction — item",
        not_asked="Not asked",
        not_satisfied="Not satisfied",
        answer_title="Answer item",
        history_title="History of item",
        history=(
            "written down",
            "Progress: new → in progress",
            "extension of the deadline of question",
            "Deadline: {old} → {new}",
            "Reason: Chờ bố trí kinh phí",
            "Progress: in progress → deadline extended",
            "Body: Phòng Kinh tế → Công an xã",
            "Progress: deadline extended → forwarded",
            "How the citizen was told: Gọi điện thoại",
            "Citizen's satisfaction: Not satisfied",
            "station station-1",
            "Esc: close",
        ),
        answered=(
            "Progress: forwarded → answered",
            "Document number: 77/CAX",
            "Follow-up: being followed up → closed",
        ),
        buttons=("OK", "Cancel"),
        codes=("in_progress", "followup.", "question.", "_"),
    ),
}
FRAME_END = re.compile(rb"\x1b\[\d+;\d+H\Z")
ISO_TIME = re.compile(r"\d{4}-\d\d-\d\d[T ]\d\d:\d\d")


def press(terminal: Terminal, key: str) -> None:
    """One key as the terminal sends it (an arrow is one write of its whole sequence: an
    ESC alone is Escape), then a person's pause."""
    os.write(terminal.parent, key.encode())
    pace(PACE)


def next_field(terminal: Terminal, label: str, timeout: float = 30) -> None:
    """Enter, then wait until the cursor stands in the field under `label` (Textual moves
    the terminal's hidden cursor with the focused input), as a person sees it go down
    before typing on: keys typed sooner still go to the field they left."""
    terminal.type("\r")
    deadline = time.monotonic() + timeout
    while True:
        # Textual ends each frame by placing the cursor: read only a whole, settled frame
        settled = FRAME_END.search(terminal.raw) and terminal.quiet(0.2)
        cursor, display = terminal.cursor_and_display()  # after it settled, read together
        rows = [y for y, line in enumerate(display) if line.strip(" █") == label]
        if rows and settled and cursor == rows[0] + 2:  # below label, border
            return
        if time.monotonic() > deadline:
            raise AssertionError(f"the cursor never reached {label!r}:\n{terminal.shown()}")
        terminal._read(0.1)


def settle(terminal: Terminal, timeout: float = 30) -> None:
    """Until the station has drawn a whole frame and drawn nothing more for a moment: what
    the last key changed (the focus, a list opened) is on the screen."""
    deadline = time.monotonic() + timeout
    while not (FRAME_END.search(terminal.raw) and terminal.quiet(0.3)):
        assert time.monotonic() < deadline, terminal.shown()
        terminal._read(0.1)


def wait_gone(terminal: Terminal, text: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while text in terminal.shown():
        if time.monotonic() > deadline:
            raise AssertionError(f"{text!r} still on the screen:\n{terminal.shown()}")
        terminal._read(0.1)


def read_history(terminal: Terminal, last: str) -> str:
    """Every screen of the history, paging down (PageDown) until `last` shows."""
    settle(terminal)
    pages = [terminal.shown()]
    while last not in pages[-1]:
        assert len(pages) < 10, pages[-1]
        press(terminal, "\x1b[6~")
        settle(terminal)
        assert terminal.shown() != pages[-1], f"PageDown did not scroll:\n{pages[-1]}"
        pages.append(terminal.shown())
    return "\n".join(pages)


def _hall_time(iso: str) -> str:
    return dt.datetime.fromisoformat(iso).astimezone(ZoneInfo(ZONE)).strftime("%d/%m/%Y %H:%M")


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_an_item_worked_through_every_state_reads_in_words(db_path: Path, lang: str) -> None:
    words = WORDS[lang]
    store = open_store(db_path)
    demo(store)
    item = store.one(
        "SELECT q.id, q.deadline FROM questions q JOIN registrations r"
        " ON r.id = q.registration_id WHERE r.name = ?",
        (CITIZEN,),
    )
    assert item is not None
    old = dt.date.fromisoformat(item["deadline"])
    new = old + dt.timedelta(days=21)
    added = store.one(
        "SELECT at FROM events WHERE subject = ? ORDER BY id LIMIT 1", (f"question:{item['id']}",)
    )
    assert added is not None and added["at"].endswith("+00:00")  # written in UTC
    store.close()
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "140", "LINES": "50", "TZ": ZONE}
    command = [sys.executable, "-m", "shared.cli", "--lang", lang, "--db", str(db_path)]
    terminal = Terminal([*command, "followup"], env)
    try:
        terminal.wait_until_shown(words.ready)
        terminal.type("/", PACE)
        terminal.type("thu ha\r")  # the filter, diacritics optional
        terminal.wait_until_shown(f"1 {words.open_items}")

        def stage(shown: str) -> None:
            screen = terminal.wait_until_shown(shown)
            row = next(line for line in screen.splitlines() if CITIZEN in line)
            assert shown in row, screen
            for code in words.codes:
                assert code not in screen, (code, screen)

        terminal.type("i", PACE)
        stage(words.in_progress)

        terminal.type("x", PACE)
        terminal.wait_until_shown(words.extend_title)
        terminal.type(new.strftime("%d/%m/%Y"))
        next_field(terminal, words.reason)
        terminal.type("Chờ bố trí kinh phí\r")  # Enter in the last field saves
        stage(words.extended)
        assert show_date(new.isoformat()) in terminal.shown()

        terminal.type("t", PACE)
        terminal.wait_until_shown(words.transfer_title)
        terminal.type("cong an")
        terminal.wait_until_shown("▶ Công an xã")  # offered from the list of bodies
        terminal.type("\r", PACE)  # takes the offered name
        wait_gone(terminal, "▶ Công an xã")
        terminal.type("\r", PACE)  # saves
        stage(words.transferred)

        terminal.type("n", PACE)
        terminal.wait_until_shown(words.told_title)
        next_field(terminal, words.how)  # told today, as offered
        terminal.type("Gọi điện thoại\r")
        wait_gone(terminal, words.told_title)  # saved

        terminal.type("s", PACE)
        terminal.wait_until_shown(words.satisfaction_title)
        press(terminal, "\x1b[B")  # ↓ opens the list (Enter on an answered list goes on)
        terminal.wait_until_shown(words.not_asked)
        settle(terminal)  # as a person waits to see the list before moving in it
        press(terminal, "\x1b[B")  # ↓
        terminal.type("\r", PACE)  # chosen: the list closes
        wait_gone(terminal, words.not_asked)
        terminal.wait_until_shown(words.not_satisfied)
        terminal.type("\t", PACE)  # to OK
        settle(terminal)
        terminal.type("\r", PACE)  # saved
        wait_gone(terminal, words.satisfaction_title)

        terminal.type("h", PACE)
        terminal.wait_until_shown(words.history[0])  # the first entry, at the top
        history = read_history(terminal, last=words.history[-3])
        for line in words.history:
            said = line.format(old=show_date(old.isoformat()), new=show_date(new.isoformat()))
            assert said in history, (said, history)
        assert _hall_time(added["at"]) in history, history  # local time, not UTC
        assert not ISO_TIME.search(history), history
        for code in words.codes:
            assert code not in history, (code, history)
        for button in words.buttons:  # read-only: nothing to confirm or cancel
            assert button not in history, (button, history)
        terminal.type("\x1b", PACE)  # Esc closes it
        wait_gone(terminal, words.history_title)

        terminal.type("a", PACE)
        terminal.wait_until_shown(words.answer_title)
        next_field(terminal, words.document)  # answered today, as offered
        terminal.type("77/CAX")
        next_field(terminal, words.answer)
        terminal.type("Công an xã đã lắp biển cấm đổ rác\r")
        terminal.wait_until_shown(f"0 {words.open_items}")  # answered: no longer open
    finally:
        terminal.close()

    store = open_store(db_path)
    done = questions.get_question(store, item["id"])
    store.close()
    assert (done["progress"], done["followup_status"]) == ("answered", "closed")
    assert (done["body_name"], done["deadline"]) == ("Công an xã", new.isoformat())
    assert (done["informed_how"], done["satisfaction"]) == ("Gọi điện thoại", "not_satisfied")
    told = subprocess.run(
        [*command, "followup", "history", str(item["id"])],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    ).stdout
    for line in words.answered:
        assert line in told, (line, told)
    assert "followup." not in told and not ISO_TIME.search(told), told
