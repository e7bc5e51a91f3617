"""The kiosk's ID card scanner unplugged and plugged back (a pty pair removed and made
again): the kiosk keeps working, reads the scanner again, and only the operator, behind the
PIN, reads its state (connected / waiting for the device, with the last error)."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input

from kiosk.dialogs import PinDialog
from kiosk.screens import RegistrationScreen
from printing.connections import Dummy
from shared.config import Settings
from shared.db import Store
from tests.tui.screen import screen_text
from tests.tui.test_kiosk import kiosk, type_text
from tests.tui.test_kiosk_card import CARD, scanner_settings, until
from tests.unit.test_scanner import Device

OPERATOR_ONLY = ("Máy quét", "máy quét", "lỗi gần nhất", "ttyACM0", "Errno")


async def test_unplugged_and_plugged_back_the_operator_sees_it_the_citizen_never(
    store: Store, meeting: int, settings: Settings, printer: Dummy, tmp_path: Path
) -> None:
    device = Device(tmp_path / "ttyACM0")
    app = kiosk(scanner_settings(settings, device), printer)
    async with app.run_test(size=(100, 30)) as pilot:
        await until(lambda: app.scanner_state == "ready")
        await app.run_action("start")
        await type_text(pilot, "Lan")
        device.unplug()
        await until(lambda: app.scanner_state == "absent")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, RegistrationScreen)
        assert not any(word in screen_text(app) for word in OPERATOR_ONLY)
        await type_text(pilot, " Anh")  # the citizen goes on typing, nothing in the way
        assert form.query_one("#input-name", Input).value == "Lan Anh"

        await pilot.press("ctrl+o")
        await type_text(pilot, "2468")
        await pilot.press("enter")
        assert isinstance(app.screen, PinDialog)
        await until(lambda: "đang chờ thiết bị" in screen_text(app))
        shown = screen_text(app)
        assert "Máy quét thẻ căn cước" in shown and "lỗi gần nhất" in shown
        box = app.screen.query_one("#pin-box").region
        assert box.height <= 20  # still a box in the middle of a 30-line screen
        device.plug()
        await until(lambda: "đã kết nối" in screen_text(app))  # read again, menu open
        await pilot.press("escape")
        await until(lambda: app.screen is form)

        device.send(CARD.encode() + b"\r\n")
        await until(lambda: form.query_one("#input-name", Input).value == "Nguyễn Thị Hồng")
        assert not any(word in screen_text(app) for word in OPERATOR_ONLY)
    device.unplug()


async def test_no_scanner_set_the_operator_reads_so(
    store: Store, meeting: int, settings: Settings, printer: Dummy
) -> None:
    app = kiosk(settings, printer)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+o")
        await type_text(pilot, "2468")
        await pilot.press("enter")
        await until(lambda: "Máy quét thẻ căn cước: chưa đặt" in screen_text(app))
