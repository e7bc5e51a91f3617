"""What one client may hold of the server: connections in all and per address, a deadline
for each request's headers, and a log that says "refused" once a minute, not per attempt.

aiohttp alone caps nothing: with the usual 1,024 open files, a thousand idle sockets made
every page time out and asyncio logged a traceback per refused accept. Here every
connection passes through `Guard`:

- a connection that has not sent a whole request within `request_seconds` is closed;
- past `connections` in all (kept below the open-file limit, so accept never fails) or
  `connections_per_client` from one address, the oldest connection that never sent a
  whole request makes room; if there is none, the newcomer gets a short 503 and is closed.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import resource
import time
from collections import Counter, OrderedDict
from typing import Any

from aiohttp import web
from aiohttp.web_protocol import RequestHandler

from shared.config import WebLimits
from shared.i18n import DEFAULT_LANGUAGE, N_, tr
from web.headers import HEADERS
from web.ratelimit import client_key

log = logging.getLogger("hallkit.web")
# Open files kept free for the database, logs and the listening socket.
FILES_RESERVED = 64
# asyncio accepts up to `backlog` connections per turn of the loop, and looks at them
# (admits or drops them) only a turn or two later, slower when the machine is busy: room
# for a few turns' worth is kept, so accept() never fails for want of files.
BACKLOG = 32
ACCEPT_TURNS_RESERVED = 4
LOG_EVERY_SECONDS = 60.0
BUSY = N_("The server is busy")
BAD_REQUEST = N_("Bad request")


def _refusal() -> bytes:
    """The few bytes a connection past the caps gets, in both languages."""
    text = f"{tr(BUSY, DEFAULT_LANGUAGE)} / {tr(BUSY, 'en')}.\n".encode()
    return (
        b"HTTP/1.1 503 Service Unavailable\r\n"
        b"Content-Type: text/plain; charset=utf-8\r\n"
        b"Retry-After: 5\r\n"
        b"Cache-Control: no-store\r\n"
        b"X-Content-Type-Options: nosniff\r\n"
        b"Connection: close\r\n" + f"Content-Length: {len(text)}\r\n\r\n".encode() + text
    )


REFUSAL = _refusal()


def open_file_limit() -> int:
    return resource.getrlimit(resource.RLIMIT_NOFILE)[0]


class Throttled:
    """Counts an event and logs it at most once per `every` seconds, with the count."""

    def __init__(self, message: str, every: float = LOG_EVERY_SECONDS) -> None:
        self.message = message
        self.every = every
        self.count = 0
        self.last = -every
        self.logged = 0

    def __call__(self, detail: str = "") -> None:
        self.count += 1
        now = time.monotonic()
        if now - self.last >= self.every:
            self.last = now
            self.logged += 1
            log.warning("%s (%d since the last note) %s", self.message, self.count, detail)
            self.count = 0


class Guard:
    """Keeps the books on every open connection; see the module's docstring."""

    def __init__(self, limits: WebLimits, trusted: frozenset[str] = frozenset()) -> None:
        self.limits = limits
        self.trusted = trusted
        room = open_file_limit() - FILES_RESERVED - ACCEPT_TURNS_RESERVED * BACKLOG
        self.most = max(1, min(limits.connections, room))
        self.open: set[Connection] = set()
        # Connections that have not sent a whole request yet, oldest first.
        self.fresh: OrderedDict[Connection, None] = OrderedDict()
        self.per_client: Counter[str] = Counter()
        self.by_handler: dict[Any, Connection] = {}
        self.refused = Throttled("connections refused or dropped: the server is at its cap")

    def protocol(self, server: web.Server) -> Connection:
        return Connection(self, server)

    def admit(self, connection: Connection) -> bool:
        """True if the new connection may stay (room made if need be)."""
        key = connection.client
        exempt = key in self.trusted
        if not exempt and self.per_client[key] >= self.limits.connections_per_client:
            oldest = next((c for c in self.fresh if c.client == key), None)
            if oldest is None:
                return False
            oldest.drop()
        if len(self.open) >= self.most:
            if not self.fresh:
                return False
            next(iter(self.fresh)).drop()
        self.open.add(connection)
        self.fresh[connection] = None
        self.per_client[key] += 1
        return True

    def forget(self, connection: Connection) -> None:
        if connection in self.open:
            self.open.discard(connection)
            self.fresh.pop(connection, None)
            self.per_client[connection.client] -= 1
            if self.per_client[connection.client] <= 0:
                del self.per_client[connection.client]
        self.by_handler.pop(connection.handler, None)

    def request_started(self, handler: Any) -> None:
        connection = self.by_handler.get(handler)
        if connection is not None:
            self.fresh.pop(connection, None)
            connection.cancel_deadline()


BAD_REQUEST_PAGE = (
    "<!doctype html><html lang=vi><meta charset=utf-8><title>{status}</title><h1>{text}</h1>"
)


class QuietHandler(RequestHandler):
    """aiohttp's protocol, answering a request it cannot parse with our headers and a
    fixed page: no echo of the request's bytes, no traceback logged per attempt."""

    __slots__ = ()

    def handle_error(
        self,
        request: Any,
        status: int = 500,
        exc: BaseException | None = None,
        message: str | None = None,
    ) -> web.StreamResponse:
        _BAD_REQUESTS(f"(last: {status} from {request.remote})")
        response = web.Response(
            status=status,
            text=BAD_REQUEST_PAGE.format(
                status=status,
                text=f"{tr(BAD_REQUEST, DEFAULT_LANGUAGE)} / {tr(BAD_REQUEST, 'en')}",
            ),
            content_type="text/html",
            headers={**HEADERS, "Cache-Control": "no-store"},
        )
        response.force_close()
        return response


_BAD_REQUESTS = Throttled("malformed requests answered")


def _handler(server: web.Server) -> RequestHandler:
    # web.Server() makes a plain RequestHandler from these same (private) arguments.
    return QuietHandler(server, loop=server._loop, **server._kwargs)


class Connection(asyncio.Protocol):
    """One connection, with the guard's books around it; aiohttp's own protocol is made
    only when the first byte arrives, so a silent connection costs next to nothing."""

    def __init__(self, guard: Guard, server: web.Server) -> None:
        self.guard = guard
        self.server = server
        self.handler: Any = None
        self.client = ""
        self.transport: asyncio.Transport | None = None
        self.deadline: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport
        peer = transport.get_extra_info("peername")
        self.client = client_key(str(peer[0]) if peer else "")
        if not self.guard.admit(self):
            self.guard.refused(f"(last from {self.client})")
            with contextlib.suppress(Exception):
                transport.write(REFUSAL)
            transport.close()
            self.transport = None
            return
        self.deadline = asyncio.get_running_loop().call_later(
            self.guard.limits.request_seconds, self.expire
        )

    def expire(self) -> None:
        """Too slow to send a whole request: not one more second of a file descriptor."""
        self.deadline = None
        if self in self.guard.fresh:
            self.drop()

    def cancel_deadline(self) -> None:
        if self.deadline is not None:
            self.deadline.cancel()
            self.deadline = None

    def drop(self) -> None:
        self.guard.fresh.pop(self, None)
        self.guard.refused(f"(dropped a connection from {self.client} that sent no request)")
        if self.transport is not None:
            self.transport.abort()

    def connection_lost(self, exc: Exception | None) -> None:
        self.cancel_deadline()
        self.guard.forget(self)
        if self.handler is not None:
            self.handler.connection_lost(exc)

    def data_received(self, data: bytes) -> None:
        if self.transport is None:
            return
        if self.handler is None:
            self.handler = _handler(self.server)
            self.guard.by_handler[self.handler] = self
            self.handler.connection_made(self.transport)
        self.handler.data_received(data)

    def eof_received(self) -> bool | None:
        if self.handler is None:
            return None
        result: bool | None = self.handler.eof_received()
        return result

    def pause_writing(self) -> None:
        if self.handler is not None:
            self.handler.pause_writing()

    def resume_writing(self) -> None:
        if self.handler is not None:
            self.handler.resume_writing()


GUARD = web.AppKey("guard", Guard)


@web.middleware
async def mark_requests(request: web.Request, handler: Any) -> web.StreamResponse:
    """A whole request arrived: its connection is no longer a candidate for dropping."""
    guard = request.app.get(GUARD)
    if guard is not None:
        guard.request_started(request.protocol)
    return await handler(request)


async def serve(
    app: web.Application, host: str, port: int, limits: WebLimits, trusted: frozenset[str]
) -> tuple[web.AppRunner, asyncio.Server]:
    """Start `app` behind a guard; returns the runner (to clean up) and the server."""
    guard = Guard(limits, trusted)
    app[GUARD] = guard
    runner = web.AppRunner(
        app,
        keepalive_timeout=limits.request_seconds,
        access_log=None,
        handle_signals=False,
    )
    await runner.setup()
    server = runner.server
    assert server is not None
    loop = asyncio.get_running_loop()
    listening = await loop.create_server(
        lambda: guard.protocol(server), host, port, backlog=BACKLOG
    )
    return runner, listening


def _quiet_loop_errors(loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
    """asyncio's own reports (a failed accept, a reset socket) are logged once a minute
    with a count, never one traceback per attempt."""
    _LOOP_ERRORS(str(context.get("message", "")))


_LOOP_ERRORS = Throttled("event loop errors (sockets, accepts)")


async def run(
    app: web.Application, host: str, port: int, limits: WebLimits, trusted: frozenset[str]
) -> None:
    """Serve until cancelled (Ctrl+C)."""
    asyncio.get_running_loop().set_exception_handler(_quiet_loop_errors)
    runner, listening = await serve(app, host, port, limits, trusted)
    try:
        await asyncio.Event().wait()
    finally:
        listening.close()
        await runner.cleanup()
