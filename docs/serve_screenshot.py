"""Save a PNG of a station served to a browser (`hallkit serve chair`), as headless
Chromium draws it: the proof that stacked Vietnamese marks (Nguyễn, Đỗ, Tiếp, Tổng) are
whole in xterm.js (run by hand).

.venv/bin/python docs/serve_screenshot.py
"""

from __future__ import annotations

import asyncio
import base64
import sys
import tempfile
import time
from pathlib import Path

DOCS = Path(__file__).resolve().parent
sys.path.insert(0, str(DOCS.parent))

from shared import speaking  # noqa: E402
from shared.db import open_store  # noqa: E402
from shared.demo import demo  # noqa: E402
from shared.registrations import register  # noqa: E402
from tests.tui.test_serve import TOKEN, start_server  # noqa: E402
from tests.web.browser import CHROMIUM, browser_page  # noqa: E402

OUT = DOCS / "serve-chair.png"


async def shoot(port: int) -> None:
    async with browser_page(f"http://127.0.0.1:{port}/?token={TOKEN}", 1280, 800) as page:
        give_up = time.monotonic() + 60
        while "-first-byte" not in (await page.evaluate("document.body.className") or ""):
            assert time.monotonic() < give_up, "the station never drew"
            await asyncio.sleep(0.1)
        await asyncio.sleep(3)  # the chair's first full frame and the timer
        shot = await page.call("Page.captureScreenshot", format="png")
        OUT.write_bytes(base64.b64decode(shot["data"]))


def main() -> None:
    if CHROMIUM is None:
        sys.exit("No Chromium: apt-get install chromium")
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "demo.db"
        store = open_store(db, "docs")
        meeting_id, _ = demo(store)
        for place, (name, village) in enumerate(
            [("Đỗ Thị Ngọc Hân", "Thôn Đoài"), ("Nguyễn Văn Quyết", "Thôn Thượng")], start=1
        ):
            row = register(store, meeting_id, consent=True, name=name, village=village)
            speaking.move(store, meeting_id, row["number"], place)
        speaking.call(store, meeting_id)
        speaking.start(store, meeting_id, now=time.time() - 95)
        store.close()
        server, port = start_server(db, station="chair")
        try:
            asyncio.run(shoot(port))
        finally:
            server.terminate()
            server.wait(10)
    print(f"wrote {OUT.relative_to(DOCS.parent)}")


if __name__ == "__main__":
    main()
