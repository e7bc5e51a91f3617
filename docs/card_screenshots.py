"""Save SVG screenshots of Vietnamese typed in Telex and of an ID card scanned on a serial
scanner (a pty pair standing in for it), at the kiosk and the console, into docs/ (run by
hand; the other screens: docs/screenshots.py).

.venv/bin/python docs/card_screenshots.py
"""

from __future__ import annotations

import asyncio
import os
import tempfile
import tty
from pathlib import Path

from kiosk.app import make_kiosk_app
from printing.connections import Dummy, parse_url
from session_console.console.app import make_console_app
from shared.config import Settings
from shared.db import open_store
from shared.demo import demo

DOCS = Path(__file__).resolve().parent
CARD = (
    "001085012345|123456789|Nguyễn Thị Hồng|05061985|Nữ|"
    "Tổ dân phố Minh Khai, Phường Hà Đông, Hà Nội|12042021\r\n"
).encode()


async def until(condition: object) -> None:
    for _ in range(400):
        if condition():  # type: ignore[operator]
            return
        await asyncio.sleep(0.05)
    raise RuntimeError("the screen never got there")


async def kiosk_screens(settings: Settings, device: int) -> None:
    app = make_kiosk_app(settings, connect_printer=lambda: Dummy(parse_url("dummy:")))
    async with app.run_test(size=(100, 32)) as pilot:

        async def shot(name: str) -> None:
            await pilot.pause(0.5)
            app.save_screenshot(f"kiosk-{name}.svg", str(DOCS))

        await until(lambda: app.scanner_state == "ready")
        await pilot.press("enter")
        await pilot.press(*["space" if c == " " else c for c in "Nguyeenx Thij Hoongf"])
        await shot("telex")  # the keys a bare terminal sends, the name in full Vietnamese
        app.reset()
        await pilot.pause(0.3)
        os.write(device, CARD)  # scanned at Welcome
        await until(lambda: getattr(app.screen, "from_card", False))
        await shot("card")
        await pilot.press("down", "enter", "enter")
        await shot("consent-card")
        await pilot.press("escape")
        await pilot.press("ctrl+o", *"0000", "enter")
        await shot("operator-scanner")


async def console_screen(settings: Settings, device: int) -> None:
    app = make_console_app(settings, connect_printer=lambda: Dummy(parse_url("dummy:")))
    async with app.run_test(size=(120, 44)) as pilot:
        await until(lambda: app.scanner is not None and app.scanner.state == "ready")
        await pilot.press("i")
        await pilot.pause(0.3)
        os.write(device, CARD)
        await until(lambda: getattr(app.screen, "card_fields", None) is not None)
        await pilot.pause(1)
        app.save_screenshot("console-card.svg", str(DOCS))


def main() -> None:
    parent, child = os.openpty()
    tty.setraw(child)
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "hallkit.db"
        store = open_store(db)
        demo(store)
        store.close()
        settings = Settings(
            db_path=db, station="kiosk-1", scanner=f"serial:{os.ttyname(child)}?baud=9600"
        )
        asyncio.run(kiosk_screens(settings, parent))
        asyncio.run(console_screen(settings, parent))
    os.close(parent)
    os.close(child)


if __name__ == "__main__":
    main()
