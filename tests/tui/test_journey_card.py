"""Journey figures: the keys from Welcome to a printed ticket, with an ID card scanned on a
serial scanner (a pty pair) and with the same name and village typed in Telex, on the real
`hallkit kiosk` in a real pty. The card: at most 5 (scan, ↓ to the field, Enter to take it,
Enter to go on, Enter to agree); typed: 30 to 60."""

from __future__ import annotations

from pathlib import Path

import pytest

from shared import speaking
from shared.db import open_store
from tests.tui.terminal import Terminal
from tests.tui.test_card_privacy import CONSENT_CARD, TICKET, WELCOME, start
from tests.tui.test_journey_citizen import DOWN, ENTER, Citizen
from tests.unit.test_scanner import Device

NAME, VILLAGE = "Nguyễn Thị Hồng", "Tổ dân phố Minh Khai"
CARD = f"001085012345|123456789|{NAME}|05061985|Nữ|{VILLAGE}, Phường Hà Đông, Hà Nội|12042021"


def registered(db: Path, withdraw: bool = False) -> dict[str, str]:
    """The registration just made; withdrawn after, so the same citizen registering again
    is not asked whether they are already registered."""
    store = open_store(db)
    try:
        row = store.one(
            "SELECT meeting_id, number, name, village, field FROM registrations"
            " WHERE name = ? AND status <> 'withdrawn'",
            (NAME,),
        )
        assert row is not None
        if withdraw:
            speaking.withdraw(store, row["meeting_id"], row["number"])
    finally:
        store.close()
    return {key: row[key] for key in ("name", "village", "field")}


def test_keys_to_a_ticket_with_a_card_and_typing(
    tmp_path: Path, terminals: list[Terminal], capsys: pytest.CaptureFixture[str]
) -> None:
    device = Device(tmp_path / "ttyACM0")
    terminal, db = start(tmp_path, device)
    terminals.append(terminal)
    terminal.wait_until_shown(WELCOME)

    # with the card: the scan is the first key
    device.send(CARD.encode() + b"\r\n")
    card_keys = 1
    terminal.wait_until_shown("Khác")  # the form filled, the field list open
    citizen = Citizen(terminal, 0.3)
    citizen.press(DOWN, ENTER, ENTER)  # the list's first field; go on
    citizen.sees(CONSENT_CARD)
    citizen.press(ENTER)  # I agree: the ticket prints
    terminal.wait_until_shown(TICKET)
    card_keys += citizen.count
    by_card = registered(db, withdraw=True)
    citizen.press(ENTER)  # done
    terminal.wait_until_shown(WELCOME)

    # typed in Telex: the same name, village and field
    citizen = Citizen(terminal, 0.0)
    citizen.press(ENTER)  # start
    citizen.type("Nguyeenx Thij Hoongf")
    citizen.press(ENTER)  # on to the village
    citizen.type("minh")
    citizen.press(ENTER, ENTER)  # the offered village, taken; on to the organisation
    citizen.press(ENTER, ENTER)  # on to the field list, which opens
    citizen.press(DOWN, ENTER, ENTER)  # the first field; on to the summary
    citizen.press(ENTER, ENTER, ENTER)  # no summary, no phone; Continue
    citizen.press(ENTER)  # I agree
    citizen.send_burst()
    terminal.wait_until_shown(TICKET)
    typed_keys = citizen.count
    device.unplug()

    by_typing = registered(db)
    assert by_card == by_typing == {"name": NAME, "village": VILLAGE, "field": "An ninh trật tự"}
    with capsys.disabled():
        print(
            f"\nkeys from Welcome to a printed ticket: {card_keys} with an ID card"
            f" (scan, ↓, Enter, Enter, Enter), {typed_keys} typing"
            f' "{NAME}" in Telex and "minh" for {VILLAGE}'
        )
    assert card_keys <= 5
    assert 30 <= typed_keys <= 60
