"""The web face under a hostile internet (issue 19): the display never lies, no one can
starve it, nothing leaks."""

from __future__ import annotations

from pathlib import Path

from aiohttp.test_utils import TestClient, TestServer

from session_console.web.app import make_app
from shared import speaking
from shared.db import Store
from tests.web.test_pages import read_event


def open_meeting(store: Store) -> int:
    row = store.one("SELECT id FROM meetings WHERE status = 'open'")
    assert row is not None
    return int(row["id"])


async def test_every_display_gets_every_change_in_order_whatever_others_load(
    demo_db: Path, office: Store
) -> None:
    """Another client reloads /man-hinh (and opens streams) right after each change: the
    open display must still receive each change, in order."""
    # A slow poll leaves time for the other loads to land between a change and its push.
    app = make_app(demo_db, poll=0.3)
    async with TestClient(TestServer(app)) as client:
        meeting_id = open_meeting(office)
        async with client.get("/man-hinh/su-kien") as display:
            await read_event(display)
            called = speaking.call(office, meeting_id)
            steps = [
                ((called["number"], "called"), lambda: None),
                ((called["number"], "speaking"), lambda: speaking.start(office, meeting_id)),
                ((called["number"], "paused"), lambda: speaking.pause(office, meeting_id)),
                ((called["number"], "speaking"), lambda: speaking.resume(office, meeting_id)),
                ((None, ""), lambda: speaking.stop(office, meeting_id)),
            ]
            for expected, change in steps:
                change()
                for _ in range(3):
                    assert (await client.get("/man-hinh")).status == 200
                async with client.get("/man-hinh/su-kien") as other:
                    await read_event(other)
                state = await read_event(display)
                assert (state["number"], state["state"]) == expected
