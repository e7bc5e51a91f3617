"""A real browser on the hall display: headless Chromium shows /man-hinh, and a
`hallkit queue call` in another process changes the page within a second."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

import pytest

from shared.db import open_store
from shared.speaking import at_lectern
from tests.web.browser import CHROMIUM, browser_page, hallkit, web_server

pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="no Chromium installed (apt-get install chromium; .ci/run does)"
)




async def test_display_follows_a_call_from_another_process(demo_db: Path) -> None:
    with web_server(demo_db) as (url, _):
        async with browser_page(f"{url}/man-hinh", 1920, 1080) as page:
            give_up = time.monotonic() + 20
            while await page.evaluate("document.getElementById('hall').dataset.live") != "1":
                assert time.monotonic() < give_up, "the page never opened its event stream"
                await asyncio.sleep(0.05)
            assert await page.evaluate("document.getElementById('number').textContent") == "---"

            await asyncio.to_thread(hallkit, demo_db, "queue", "call")
            called = time.monotonic()
            store = open_store(demo_db, check=False)
            meeting = store.one("SELECT id FROM meetings WHERE status = 'open'")
            assert meeting is not None
            row = at_lectern(store, meeting["id"])
            store.close()
            assert row is not None
            expected = f"{row['number']:03d}"
            while True:
                shown = await page.evaluate(
                    "[document.getElementById('number').textContent, document.body.className]"
                )
                if shown == [expected, "display state-called"]:
                    break
                assert time.monotonic() - called < 1.0, f"the page still shows {shown}"
                await asyncio.sleep(0.02)
