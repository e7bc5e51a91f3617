"""A ticket the printer took but did not confirm is never shown as printed: the kiosk's
ticket screen and the console's reprint notice, against a real network stand-in that
reads everything and never answers status."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from kiosk.app import make_kiosk_app
from kiosk.screens import TicketScreen
from printing.connections import connect
from session_console.console.app import make_console_app
from shared.config import Settings
from shared.db import Store
from shared.registrations import register
from tests.printing.standin import StandIn
from tests.tui.test_console import select_number, toasts
from tests.tui.test_kiosk import fill_form, submit, text_of


@pytest.fixture
def silent_printer() -> Iterator[str]:
    printer = StandIn("silent")
    yield f"{printer.url}?timeout=0.3&compact=1"
    printer.close()


async def test_the_kiosk_says_sent_not_confirmed(
    store: Store, meeting: int, settings: Settings, silent_printer: str
) -> None:
    app = make_kiosk_app(settings, connect_printer=lambda: connect(silent_printer))
    async with app.run_test(size=(100, 40)) as pilot:
        await fill_form(pilot)
        await submit(pilot, app)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, TicketScreen)
        await app.workers.wait_for_complete()
        await pilot.pause()
        message = text_of(app, "#print-state")
        assert "chưa xác nhận" in message and "001" in message
        assert "Đã in" not in message
    [job] = store.all("SELECT status FROM print_jobs")
    assert job["status"] == "sent"


async def test_the_console_reprint_says_sent_not_confirmed(
    store: Store, meeting: int, settings: Settings, silent_printer: str
) -> None:
    register(store, meeting, consent=True, name="Hoàng Văn Bình")
    app = make_console_app(settings, connect_printer=lambda: connect(silent_printer))
    async with app.run_test(size=(140, 40), notifications=True) as pilot:
        await select_number(app, pilot, 1)
        await pilot.press("k")
        await app.workers.wait_for_complete()
        await pilot.pause()
        shown = toasts(app)
        assert "Đã gửi in lại phiếu số 001, chưa xác nhận." in shown
        assert "Chưa in được" not in shown
