"""Who is asking, and how often: the per-client limit on typed lookup codes."""

from __future__ import annotations

import math
import time
from collections import deque

from aiohttp import web

TRIES = 10
WINDOW_SECONDS = 60.0
_MAX_CLIENTS = 50_000


class RateLimit:
    """At most `tries` in any `window` seconds per client (a sliding window)."""

    def __init__(self, tries: int = TRIES, window: float = WINDOW_SECONDS) -> None:
        self.tries = tries
        self.window = window
        self._seen: dict[str, deque[float]] = {}

    def retry_after(self, client: str, now: float | None = None) -> int:
        """0 and the try counted if allowed; else the whole seconds to wait."""
        now = time.monotonic() if now is None else now
        if len(self._seen) > _MAX_CLIENTS:
            self._forget_idle(now)
        seen = self._seen.setdefault(client, deque())
        while seen and seen[0] <= now - self.window:
            seen.popleft()
        if len(seen) >= self.tries:
            return max(1, math.ceil(seen[0] + self.window - now))
        seen.append(now)
        return 0

    def _forget_idle(self, now: float) -> None:
        for client in [
            c for c, seen in self._seen.items() if not seen or seen[-1] <= now - self.window
        ]:
            del self._seen[client]


def client_address(request: web.Request, trusted: frozenset[str]) -> str:
    """The peer's address; behind a proxy listed in `trusted` (or "*"), the right-most
    X-Forwarded-For entry that is not itself a trusted proxy. Without `trusted` the header
    is ignored: anyone can write it."""
    peer = request.remote or ""
    if trusted and ("*" in trusted or peer in trusted):
        hops = [h.strip() for h in request.headers.get("X-Forwarded-For", "").split(",")]
        for hop in reversed([h for h in hops if h]):
            if hop not in trusted:
                return hop
    return peer
