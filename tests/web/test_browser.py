"""A real browser on the hall display: headless Chromium shows /man-hinh, and a
`hallkit queue call` in another process changes the page within a second."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path
from typing import Any

import pytest

from shared.db import Store, open_store
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

            store = open_store(demo_db, check=False)
            meeting = store.one("SELECT id FROM meetings WHERE status = 'open'")
            assert meeting is not None
            following = store.one(
                "SELECT id, number FROM registrations WHERE meeting_id = ? AND status = 'waiting'"
                " ORDER BY position LIMIT 1",
                (meeting["id"],),
            )
            assert following is not None
            expected = [f"{following['number']:03d}", "display state-called"]

            call = asyncio.create_task(asyncio.to_thread(hallkit, demo_db, "queue", "call"))
            while True:
                shown = await page.evaluate(
                    "[document.getElementById('number').textContent, document.body.className]"
                )
                if shown == expected:
                    changed = time.time()
                    break
                assert not call.done() or time.time() < call_time(store, following) + 1.0, (
                    f"the page still shows {shown}"
                )
                await asyncio.sleep(0.02)
            await call
            # From the commit (the call's own timestamp) to the page showing it.
            assert changed - call_time(store, following) < 1.0
            store.close()


def call_time(store: Store, registration: dict[str, Any]) -> float:
    row = store.one("SELECT called_at FROM registrations WHERE id = ?", (registration["id"],))
    assert row is not None and row["called_at"] is not None
    return float(row["called_at"])
