"""The hall display's live feed: one poll of `PRAGMA data_version` for the whole server,
and its changes pushed to every open page as Server-Sent Events. No process per page."""

from __future__ import annotations

import asyncio
import contextlib
import json
import time
from collections import Counter
from collections.abc import AsyncIterator
from typing import Any

from aiohttp import web

from session_console.web.guard import Throttled, client_key
from session_console.web.ratelimit import client_address
from shared.db import ChangeSignal, Store
from shared.public import hall_state

POLL_SECONDS = 0.1
KEEPALIVE_SECONDS = 15.0
STREAM_RETRY_SECONDS = 30
GONE_CHECK_SECONDS = 1.0


class HallFeed:
    """Polls the database and hands each new state to every subscriber's queue."""

    def __init__(self, store: Store, poll: float = POLL_SECONDS) -> None:
        self.store = store
        self.poll = poll
        self.signal = ChangeSignal(store)
        # What was last pushed: only run() compares against it or changes it, so a page
        # load or a new stream (fresh_state) can never swallow the next change.
        self.pushed = hall_state(store)
        self.subscribers: set[asyncio.Queue[dict[str, Any] | None]] = set()
        self.per_client: Counter[str] = Counter()
        self.refused = Throttled("hall display streams refused: at the cap")

    def fresh_state(self) -> dict[str, Any]:
        """The state with the timer read now (a page opened mid-speech starts right).
        Read for one page only; the feed's own comparison state is left alone."""
        return hall_state(self.store)

    async def run(self) -> None:
        while True:
            await asyncio.sleep(self.poll)
            if not self.signal.changed():
                continue
            state = hall_state(self.store)
            if state == self.pushed:
                continue
            self.pushed = state
            for queue in self.subscribers:
                queue.put_nowait(state)

    def close(self) -> None:
        for queue in self.subscribers:
            queue.put_nowait(None)

    @contextlib.contextmanager
    def subscription(self) -> Any:
        queue: asyncio.Queue[dict[str, Any] | None] = asyncio.Queue()
        self.subscribers.add(queue)
        try:
            yield queue
        finally:
            self.subscribers.discard(queue)


def event(state: dict[str, Any]) -> bytes:
    # `at` lets the page count the timer on from the moment the state was read.
    payload = json.dumps({**state, "at": time.time()}, ensure_ascii=False)
    return f"event: state\ndata: {payload}\n\n".encode()


async def stream(request: web.Request) -> web.StreamResponse:
    from session_console.web import routes  # routes imports this module

    feed: HallFeed = request.app[FEED]
    limits = request.app[routes.LIMITS]
    client = client_key(client_address(request, request.app[routes.TRUSTED]))
    if (
        len(feed.subscribers) >= limits.streams
        or feed.per_client[client] >= limits.streams_per_client
    ):
        feed.refused(f"(last from {client})")
        page = routes.error_page(request, 503)
        page.headers["Retry-After"] = str(STREAM_RETRY_SECONDS)
        return page
    feed.per_client[client] += 1
    try:
        return await _stream(request, feed)
    finally:
        feed.per_client[client] -= 1
        if feed.per_client[client] <= 0:
            del feed.per_client[client]


async def _stream(request: web.Request, feed: HallFeed) -> web.StreamResponse:
    response = web.StreamResponse(
        headers={"Content-Type": "text/event-stream", "X-Accel-Buffering": "no"}
    )
    await response.prepare(request)
    # A closed tab is the normal end of a stream, not an error to report.
    with contextlib.suppress(ConnectionError), feed.subscription() as queue:
        await response.write(b"retry: 1000\n\n" + event(feed.fresh_state()))
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
