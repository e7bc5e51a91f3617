"""An ID card scanned at the kiosk (a serial scanner stood in for by a pty pair): the form
is filled with the name and the village, and nothing else of the card is kept."""

from __future__ import annotations

import asyncio
import dataclasses
from pathlib import Path

from textual.widgets import Input, Select, Static

from kiosk.screens import ConsentScreen, RegistrationScreen, TicketScreen, WelcomeScreen
from printing.connections import Dummy
from shared.config import Settings
from shared.db import Store
from tests.tui.screen import screen_text
from tests.tui.test_kiosk import kiosk
from tests.unit.test_scanner import Device

CARD = (
    "001085012345|123456789|Nguyễn Thị Hồng|05061985|Nữ|"
    "Tổ dân phố Minh Khai, Phường Hà Đông, Hà Nội|12042021"
)
SECRETS = ("001085012345", "123456789", "05061985", "12042021", "Hà Đông")


async def until(condition: object, seconds: float = 20) -> None:
    """Until `condition()` holds: the scanner's thread hands the scan over in its time."""
    for _ in range(int(seconds / 0.05)):
        if condition():  # type: ignore[operator]
            return
        await asyncio.sleep(0.05)
    raise AssertionError("never happened")


def scanner_settings(settings: Settings, device: Device) -> Settings:
    return dataclasses.replace(settings, scanner=f"serial:{device.path}?baud=9600")


async def test_a_card_scanned_at_welcome_fills_the_form(
    store: Store, meeting: int, settings: Settings, printer: Dummy, tmp_path: Path
) -> None:
    device = Device(tmp_path / "ttyACM0")
    app = kiosk(scanner_settings(settings, device), printer)
    async with app.run_test(size=(100, 30)) as pilot:
        await until(lambda: app.scanner_state == "ready")
        device.send(CARD.encode() + b"\r\n")
        await until(
            lambda: (
                app.screen.query("#input-name") and app.screen.query_one("#input-name", Input).value
            )
        )
        await pilot.pause()
        form = app.screen
        assert form.query_one("#input-name", Input).value == "Nguyễn Thị Hồng"
        assert form.query_one("#input-village", Input).value == "Tổ dân phố Minh Khai"
        assert form.query_one("#input-field", Select).expanded  # the citizen picks the field
        status = str(form.query_one("#form-status", Static).render())
        assert "chỉ giữ lại họ tên và thôn" in status, status
        shown = screen_text(form)
        assert not any(secret in shown for secret in SECRETS)
    device.unplug()


async def test_scan_field_enter_consent_is_a_ticket_and_the_consent_says_what_was_kept(
    store: Store, meeting: int, settings: Settings, printer: Dummy, tmp_path: Path
) -> None:
    """Five keys from Welcome to a printed ticket: the scan, ↓ to the first field, Enter to
    take it, Enter to go on, Enter to agree."""
    device = Device(tmp_path / "ttyACM0")
    app = kiosk(scanner_settings(settings, device), printer)
    async with app.run_test(size=(100, 30)) as pilot:
        await until(lambda: app.scanner_state == "ready")
        device.send(CARD.encode() + b"\r\n")
        await until(lambda: isinstance(app.screen, RegistrationScreen) and app.screen.from_card)
        await pilot.pause()
        await pilot.press("down", "enter", "enter")
        await until(lambda: isinstance(app.screen, ConsentScreen))
        await pilot.pause()
        consent = screen_text(app.screen)
        assert "Thẻ căn cước của Ông/Bà đã được đọc" in consent
        assert "chỉ giữ lại họ tên" in consent and "không được lưu" in consent
        await pilot.press("enter")
        await until(lambda: isinstance(app.screen, TicketScreen))
        await app.workers.wait_for_complete()
    row = store.one("SELECT name, village, field, summary, phone FROM registrations")
    assert row is not None
    assert dict(row) == {
        "name": "Nguyễn Thị Hồng",
        "village": "Tổ dân phố Minh Khai",
        "field": "An ninh trật tự",  # the list's first
        "summary": "",
        "phone": "",
    }
    device.unplug()


async def test_a_form_typed_by_hand_says_nothing_of_a_card(
    store: Store, meeting: int, settings: Settings, printer: Dummy
) -> None:
    app = kiosk(settings, printer)
    async with app.run_test(size=(100, 30)) as pilot:
        await app.run_action("start")
        await pilot.press(*"Lan Anh", "enter", "enter", "enter", "enter", "down", "enter")
        await pilot.press("enter", "enter", "enter", "enter")
        await until(lambda: isinstance(app.screen, ConsentScreen))
        await pilot.pause()
        assert "Thẻ căn cước" not in screen_text(app.screen)


async def test_a_bad_scan_leaves_the_form_as_it_was(
    store: Store, meeting: int, settings: Settings, printer: Dummy, tmp_path: Path
) -> None:
    device = Device(tmp_path / "ttyACM0")
    app = kiosk(scanner_settings(settings, device), printer)
    async with app.run_test(size=(100, 30)) as pilot:
        await until(lambda: app.scanner_state == "ready")
        await app.run_action("start")
        await pilot.press(*"Lan")
        device.send(CARD.encode()[:40] + b"\r\n")  # the scanner cut off mid-code
        status = app.screen.query_one("#form-status", Static)
        await until(lambda: "Không đọc được thẻ" in screen_text(status))
        assert app.screen.query_one("#input-name", Input).value == "Lan"
    device.unplug()


async def test_a_form_cleared_as_a_card_fills_it_leaves_the_kiosk_working(
    store: Store, meeting: int, settings: Settings, printer: Dummy, tmp_path: Path
) -> None:
    """The kiosk cleared (idle, registration closed) while a scan's form is still opening
    its field list: nothing breaks, and the next scan fills a fresh form."""
    device = Device(tmp_path / "ttyACM0")
    app = kiosk(scanner_settings(settings, device), printer)
    async with app.run_test(size=(100, 30)):
        await until(lambda: app.scanner_state == "ready")
        for _ in range(3):
            device.send(CARD.encode() + b"\r\n")
            await until(lambda: isinstance(app.screen, RegistrationScreen) and app.screen.from_card)
            app.reset()  # at once: the list has not opened yet
            await until(lambda: isinstance(app.screen, WelcomeScreen))
        device.send(CARD.encode() + b"\r\n")
        await until(lambda: isinstance(app.screen, RegistrationScreen) and app.screen.from_card)
        await until(lambda: app.screen.query_one("#input-field", Select).expanded)
        assert app.is_running
    device.unplug()
