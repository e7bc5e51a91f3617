"""The hall display's live feed: one poll of `PRAGMA data_version` for the whole server,
and its changes pushed to every open page as Server-Sent Events. No process per page.

The feed survives database errors: it logs the first, shows a neutral "updating" state,
and retries with a growing pause until the database reads again.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import time
from collections import Counter
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

from aiohttp import web

from shared.db import Store
from shared.public import EMPTY_HALL, hall_state
from web.guard import Throttled
from web.reads import Reader

log = logging.getLogger("hallkit.web")
POLL_SECONDS = 0.1
RETRY_MOST_SECONDS = 10.0
KEEPALIVE_SECONDS = 15.0
STREAM_RETRY_SECONDS = 30
GONE_CHECK_SECONDS = 1.0
# A display that reads slower than the queue changes is closed; it reconnects at once
# (EventSource) and starts again from the current state.
QUEUE_MOST = 64
UPDATING = {**EMPTY_HALL, "state": "updating"}

State = dict[str, Any]


class HallFeed:
    """Polls the database and hands each new state to every subscriber's queue."""

    def __init__(self, db_path: Path, pages: Reader, poll: float = POLL_SECONDS) -> None:
        # Its own connection: `PRAGMA data_version` counts per connection.
        self.reader = Reader(db_path, workers=1, name="hallkit-web-feed")
        self.pages = pages
        self.poll = poll
        # What was last pushed: only run() compares against it or changes it, so a page
        # load or a new stream (current()) can never swallow the next change.
        self.pushed: State | None = None
        self.seen: tuple[Store | None, int] = (None, -1)
        self.failing = False
        self.page_errors = Throttled("the hall display page could not read the database")
        self.subscribers: set[asyncio.Queue[State | None]] = set()
        self.per_client: Counter[str] = Counter()
        self.refused = Throttled("hall display streams refused: at the cap")

    def _read_if_changed(self, store: Store) -> State | None:
        version = int(store.conn.execute("PRAGMA data_version").fetchone()[0])
        if self.seen[0] is store and self.seen[1] == version:
            return None
        state = hall_state(store)
        self.seen = (store, version)
        return state

    async def current(self) -> State:
        """The state with the timer read now (a page opened mid-speech starts right), or
        the neutral "updating" state if the database cannot be read."""
        try:
            return await self.pages(hall_state)
        except Exception as error:
            self.page_errors(f"({error})")
            return dict(UPDATING)

    async def run(self) -> None:
        # The state every stream starts from (each sends its own current() first).
        with contextlib.suppress(Exception):
            self.pushed = await self.reader(self._read_if_changed)
        pause = self.poll
        while True:
            await asyncio.sleep(pause)
            try:
                state = await self.reader(self._read_if_changed)
            except Exception as error:
                if not self.failing:
                    self.failing = True
                    log.error("the hall display cannot read the database (%s); retrying", error)
                    self._push(dict(UPDATING))
                pause = min(max(pause * 2, 0.5), RETRY_MOST_SECONDS)
                continue
            if self.failing:
                self.failing = False
                log.warning("the display feed reads the database again")
            pause = self.poll
            if state is not None and state != self.pushed:
                self._push(state)

    def _push(self, state: State) -> None:
        self.pushed = state
        for queue in list(self.subscribers):
            try:
                queue.put_nowait(state)
            except asyncio.QueueFull:
                self._end(queue)

    def _end(self, queue: asyncio.Queue[State | None]) -> None:
        while not queue.empty():
            queue.get_nowait()
        queue.put_nowait(None)

    def close(self) -> None:
        for queue in list(self.subscribers):
            self._end(queue)
        self.reader.close()

    @contextlib.contextmanager
    def subscription(self) -> Any:
        queue: asyncio.Queue[State | None] = asyncio.Queue(QUEUE_MOST)
        self.subscribers.add(queue)
        try:
            yield queue
        finally:
            self.subscribers.discard(queue)


def event(state: State) -> bytes:
    # `at` lets the page count the timer on from the moment the state was read.
    payload = json.dumps({**state, "at": time.time()}, ensure_ascii=False)
    return f"event: state\ndata: {payload}\n\n".encode()


async def stream(request: web.Request, feed: HallFeed) -> web.StreamResponse:
    response = web.StreamResponse(
        headers={"Content-Type": "text/event-stream", "X-Accel-Buffering": "no"}
    )
    await response.prepare(request)
    # A closed tab is the normal end of a stream, not an error to report.
    with contextlib.suppress(ConnectionError), feed.subscription() as queue:
        await response.write(b"retry: 1000\n\n" + event(await feed.current()))
        quiet_since = time.monotonic()
        while True:
            try:
                # Woken each second to see whether the tab is gone: a closed display must
                # give its place back at once, not at the next keepalive.
                state = await asyncio.wait_for(queue.get(), GONE_CHECK_SECONDS)
            except TimeoutError:
                if request.transport is None or request.transport.is_closing():
                    break
                if time.monotonic() - quiet_since >= KEEPALIVE_SECONDS:
                    quiet_since = time.monotonic()
                    await response.write(b": keepalive\n\n")
                continue
            if state is None:
                break
            await response.write(event(state))
    return response


FEED = web.AppKey("feed", HallFeed)


async def feed_context(app: web.Application) -> AsyncIterator[None]:
    feed = app[FEED]
    task = asyncio.create_task(feed.run())
    yield
    task.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await task


async def end_streams(app: web.Application) -> None:
    app[FEED].close()
