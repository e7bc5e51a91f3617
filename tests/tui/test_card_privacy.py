"""100 synthetic ID cards through a serial scanner (a pty pair) into the real `hallkit
kiosk` on a real pty: each fills the form (name as printed, village as listed) and
registers with five keys; afterwards no card's ID number, old ID, birth date, issue date or
old district is anywhere in the bytes of the database (and its -wal), the log, the ticket
previews or what was drawn on the terminal.

Before issue 23's last part the consent said nothing of the card, and a card needed nine
keys to a ticket."""

from __future__ import annotations

import os
from pathlib import Path

from shared.db import open_store
from shared.demo import demo
from shared.reference import insert_name
from tests.cards import CARDS, VILLAGES
from tests.tui.terminal import Terminal
from tests.tui.test_journey_citizen import DOWN, ENTER, hallkit_command
from tests.unit.test_scanner import Device
from tests.waiting import wait_until

WELCOME = "Nhấn phím Enter để bắt đầu đăng ký"
CONSENT_CARD = "Thẻ căn cước của Ông/Bà đã được đọc"
TICKET = "SỐ THỨ TỰ CỦA ÔNG/BÀ"
FINISH = "Nhấn Enter để hoàn tất"


def start(folder: Path, device: Device) -> tuple[Terminal, Path]:
    db = folder / "hallkit.db"
    store = open_store(db)
    demo(store)
    for village in VILLAGES:
        insert_name(store, "villages", village)
    store.close()
    (folder / "hallkit.toml").write_text(
        'database = "hallkit.db"\n'
        'printer = "preview:preview"\n'
        f'scanner = "serial:{device.path}?baud=9600"\n',
        encoding="utf-8",
    )
    env = {
        **os.environ,
        "TERM": "xterm-256color",
        "COLUMNS": "100",
        "LINES": "30",
        "ESCDELAY": "3000",
        "TEXTUAL_LOG": str(folder / "textual.log"),  # the log: everything Textual logs
    }
    command = [*hallkit_command(), "--lang", "vi", "kiosk"]
    terminal = Terminal(command, env, cwd=folder)
    return terminal, db


def test_a_hundred_cards_register_and_leave_nothing_but_name_and_village(
    tmp_path: Path, terminals: list[Terminal]
) -> None:
    device = Device(tmp_path / "ttyACM0")
    terminal, db = start(tmp_path, device)
    terminals.append(terminal)
    terminal.wait_until_shown(WELCOME)
    for card in CARDS:
        device.send(card.payload.encode() + b"\r\n")
        terminal.wait_until_shown(card.name, timeout=20)
        terminal.wait_until_shown("Khác", timeout=20)  # the field list opened by itself
        terminal.type(DOWN + ENTER + ENTER)  # the list's first field, taken; go on
        shown = terminal.wait_until_shown(CONSENT_CARD, timeout=20)
        assert not any(secret in shown for secret in card.secrets)
        terminal.type(ENTER)  # I agree: the ticket prints
        terminal.wait_until_shown(TICKET, timeout=20)
        terminal.wait_until_shown(FINISH, timeout=20)
        terminal.type(ENTER)  # the next citizen finds Welcome
        terminal.wait_until_shown(WELCOME, timeout=20)
    device.unplug()

    store = open_store(db)
    try:
        demo_rows = store.one("SELECT COUNT(*) AS n FROM registrations")
        rows = store.all(
            "SELECT name, village, field, summary, phone, source FROM registrations"
            " WHERE source = 'kiosk' ORDER BY number"
        )
    finally:
        store.close()
    assert demo_rows is not None and demo_rows["n"] >= len(CARDS)
    rows = rows[-len(CARDS) :]  # after the demo's speakers
    assert [(r["name"], r["village"]) for r in rows] == [(c.name, c.village) for c in CARDS]
    assert {(r["field"], r["summary"], r["phone"]) for r in rows} == {("An ninh trật tự", "", "")}

    def printed() -> list[Path]:
        return [p for p in sorted((tmp_path / "preview").rglob("*")) if p.is_file()]

    # the print worker writes the last ticket after the screen has moved on
    wait_until(lambda: len(printed()) >= len(CARDS), "every ticket printed to the preview")
    previews = printed()
    places = [db, db.with_name(db.name + "-wal"), tmp_path / "textual.log", *previews]
    kept = [path.read_bytes() for path in places if path.is_file()]
    kept.append(terminal.raw)  # every byte drawn on the screen
    assert (tmp_path / "textual.log").is_file()
    for card in CARDS:
        for secret in card.secrets:
            assert not any(secret.encode() in data for data in kept), (card.name, secret)
