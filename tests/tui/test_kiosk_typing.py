"""The kiosk form types Vietnamese with no input method; F2 switches Telex, VNI, off."""

from __future__ import annotations

from textual.widgets import Input, Static

from printing.connections import Dummy
from shared.config import Settings
from shared.db import Store
from tests.tui.screen import screen_text
from tests.tui.test_kiosk import kiosk


async def test_f2_switches_the_way_of_typing_on_the_form(
    store: Store, meeting: int, settings: Settings, printer: Dummy
) -> None:
    app = kiosk(settings, printer)
    async with app.run_test(size=(100, 30)) as pilot:
        await app.run_action("start")
        await pilot.pause()
        help_line = app.screen.query_one("#typing-help", Static)
        assert "Gõ kiểu Telex" in screen_text(help_line)
        await pilot.press(*"Nguyeenx")
        await pilot.press("f2")
        assert "Gõ kiểu VNI" in screen_text(help_line)
        await pilot.press("space", *"Thi5")
        await pilot.press("f2")
        await pilot.press("space", *"Hoongf")
        assert app.screen.query_one("#input-name", Input).value == "Nguyễn Thị Hoongf"
        await pilot.press("f2")
        assert "Gõ kiểu Telex" in screen_text(help_line)


async def test_english_types_as_it_comes_and_the_language_key_follows(
    store: Store, meeting: int, settings: Settings, printer: Dummy
) -> None:
    app = kiosk(settings, printer)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+t")  # English
        await app.run_action("start")
        await pilot.pause()
        await pilot.press(*"Nguyeenx")
        assert app.screen.query_one("#input-name", Input).value == "Nguyeenx"
