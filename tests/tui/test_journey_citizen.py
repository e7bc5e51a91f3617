"""Journey: a citizen registers at the kiosk with Enter, arrows and letters only.

The real `hallkit kiosk` program on a real pty, read back with pyte, driven by keys only:
Welcome, the form filled field after field (Enter goes on, ↓ ↑ choose, letters type),
consent, the ticket; then the registration is looked up in the database. Once at a
person's pace (0.3 s between keys, waiting for what the person would look at before going
on) and once as one burst (a quick hand), in Vietnamese and in English.

Before issue 18 this journey never reached consent: Enter on the chosen field reopened the
list, the summary typed next went to the list's type-to-search and the following Enter
changed the field ("An ninh trật tự" became "Môi trường").
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from shared.db import open_store
from shared.demo import demo
from tests.tui.terminal import Terminal
from tests.waiting import pace

ENTER = "\r"
DOWN = "\x1b[B"
PACE = 0.3
"""Seconds between two keys of a person typing."""


@dataclass(frozen=True)
class Words:
    """What the screen says at each step, in one interface language."""

    lang: str
    form: str
    consent_agree: str
    ticket: str
    finish: str
    welcome: str


WORDS = {
    "vi": Words(
        "vi",
        form="Thông tin đăng ký phát biểu",
        consent_agree="Tôi đồng ý",
        ticket="SỐ THỨ TỰ CỦA ÔNG/BÀ",
        finish="Nhấn Enter để hoàn tất",
        welcome="Nhấn phím Enter để bắt đầu đăng ký",
    ),
    "en": Words(
        "en",
        form="Your registration",
        consent_agree="I agree",
        ticket="YOUR NUMBER",
        finish="Press Enter to finish",
        welcome="Press Enter to start",
    ),
}

NAME = "Lê Văn Tư"
ORG = "Hội Nông dân"
SUMMARY = "Đường liên thôn ngập khi mưa"
PHONE = "0912345678"
FIELD = "An sinh xã hội"
"""The second field of the list: Enter opens it on its prompt, ↓ ↓ marks this one."""


def hallkit_command() -> list[str]:
    """The installed `hallkit` program beside this Python, as a citizen's kiosk runs it."""
    script = Path(sys.executable).with_name("hallkit")
    return [str(script)] if script.exists() else [sys.executable, "-m", "shared.cli"]


def start_kiosk(db_path: Path, lang: str, size: tuple[int, int] = (100, 30)) -> Terminal:
    store = open_store(db_path)
    demo(store)
    store.close()
    env = {
        **os.environ,
        "TERM": "xterm-256color",
        "COLUMNS": str(size[0]),
        "LINES": str(size[1]),
        # an arrow's three bytes are written at once; a long escape delay makes sure no
        # machine reads them as Esc, [, B
        "ESCDELAY": "3000",
    }
    command = [*hallkit_command(), "--lang", lang, "--db", str(db_path), "kiosk"]
    return Terminal(command, env)


class Citizen:
    """Presses keys on the kiosk's terminal; at a pace, or all in one write."""

    def __init__(self, terminal: Terminal, pace: float) -> None:
        self.terminal = terminal
        self.pace = pace
        self.burst: list[str] = []
        self.count = 0
        """Keys pressed so far (an arrow is one key)."""

    def press(self, *keys: str) -> None:
        """Each key is one write (an arrow's bytes come together, as from a keyboard)."""
        for key in keys:
            self.count += 1
            if not self.pace:
                self.burst.append(key)
                continue
            os.write(self.terminal.parent, key.encode())
            pace(self.pace)

    def type(self, text: str) -> None:
        self.press(*text)

    def sees(self, text: str) -> None:
        """A person looks before going on; a burst does not wait for anything."""
        if self.pace:
            self.terminal.wait_until_shown(text, timeout=20)

    def send_burst(self) -> None:
        os.write(self.terminal.parent, "".join(self.burst).encode())


def register_by_keys(citizen: Citizen, words: Words) -> None:
    """The whole form with Enter, ↓ and letters: no Tab, no mouse."""
    citizen.press(ENTER)  # Welcome: start
    citizen.sees(words.form)
    citizen.type(NAME)
    citizen.press(ENTER)  # on to the village
    citizen.type("minh")
    citizen.sees("▶ Tổ dân phố Minh Khai")
    citizen.press(ENTER)  # takes the offered name as listed
    citizen.press(ENTER)  # on to the organisation
    citizen.type(ORG)
    citizen.press(ENTER)  # on to the field list
    citizen.press(ENTER)  # opens the list
    citizen.sees("Cán bộ công chức")
    citizen.press(DOWN, DOWN, ENTER)  # the second field
    citizen.sees(FIELD)
    citizen.press(ENTER)  # on to the summary, as from every other field
    citizen.type(SUMMARY)
    citizen.sees(SUMMARY)
    citizen.press(ENTER)  # on to the phone
    citizen.type(PHONE)
    citizen.press(ENTER)  # on to Continue
    citizen.press(ENTER)  # Continue
    citizen.sees(words.consent_agree)
    citizen.press(ENTER)  # I agree (focused first)


@pytest.mark.parametrize("pace", [PACE, 0.0], ids=["person", "burst"])
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_citizen_registers_with_enter_arrows_and_letters(
    db_path: Path, terminals: list[Terminal], lang: str, pace: float
) -> None:
    words = WORDS[lang]
    terminal = start_kiosk(db_path, lang)
    terminals.append(terminal)
    terminal.wait_until_shown(words.welcome)
    citizen = Citizen(terminal, pace)
    register_by_keys(citizen, words)
    citizen.send_burst()

    terminal.wait_until_shown(words.ticket, timeout=30)
    shown = terminal.wait_until_shown(words.finish)  # the whole ticket screen is drawn
    assert NAME in shown
    store = open_store(db_path)
    try:
        row = store.one(
            "SELECT name, village, org, field, summary, phone, source FROM registrations"
            " WHERE name = ?",
            (NAME,),
        )
    finally:
        store.close()
    assert row is not None
    assert dict(row) == {
        "name": NAME,
        "village": "Tổ dân phố Minh Khai",
        "org": ORG,
        "field": FIELD,
        "summary": SUMMARY,
        "phone": PHONE,
        "source": "kiosk",
    }
    assert PHONE not in shown  # the ticket screen never shows the phone

    os.write(terminal.parent, ENTER.encode())  # done: the next citizen finds Welcome
    terminal.wait_until_shown(words.welcome)
