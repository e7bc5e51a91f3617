"""Who is asking, and how often: the per-client limit on typed lookup codes and on the
citizen's page.

Each client has a bucket of `tries` that refills at `tries` per `window` seconds: one
dictionary entry of two numbers, checked in constant time. At most `MAX_CLIENTS` are
remembered; past that the one seen longest ago is forgotten (also in constant time), so
the memory is bounded whoever asks. An IPv6 /64 is one client.
"""

from __future__ import annotations

import ipaddress
import math
import time
from collections import OrderedDict

from aiohttp import web

TRIES = 10
WINDOW_SECONDS = 60.0
MAX_CLIENTS = 50_000


def client_key(address: str) -> str:
    """One client's key: the address itself, or its /64 for IPv6 (one household's
    network hands out a whole /64, so each of its addresses is not a new client)."""
    try:
        ip = ipaddress.ip_address(address.split("%")[0])
    except ValueError:
        return address
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return str(ip.ipv4_mapped)
        return f"{ipaddress.IPv6Address(int(ip) >> 64 << 64)}/64"
    return str(ip)


class RateLimit:
    """At most `tries` at once per client, refilled at `tries` per `window` seconds."""

    def __init__(
        self, tries: int = TRIES, window: float = WINDOW_SECONDS, most: int = MAX_CLIENTS
    ) -> None:
        self.tries = tries
        self.rate = tries / window
        self.most = most
        # client -> (tries left, when counted), least recently seen first.
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()

    def __len__(self) -> int:
        return len(self._buckets)

    def retry_after(self, client: str, now: float | None = None) -> int:
        """0 and the try counted if allowed; else the whole seconds to wait."""
        now = time.monotonic() if now is None else now
        key = client_key(client)
        left, then = self._buckets.pop(key, (float(self.tries), now))
        left = min(float(self.tries), left + (now - then) * self.rate)
        if left >= 1.0:
            left -= 1.0
            wait = 0
        else:
            wait = max(1, math.ceil((1.0 - left) / self.rate))
        self._buckets[key] = (left, now)
        if len(self._buckets) > self.most:
            self._buckets.popitem(last=False)
        return wait


def client_address(request: web.Request, trusted: frozenset[str]) -> str:
    """The peer's address; behind a proxy listed in `trusted` (or "*"), the right-most
    X-Forwarded-For entry that is not itself a trusted proxy, reading every header line
    (a proxy may append its own line after a forged one). Without `trusted` the header is
    ignored: anyone can write it."""
    peer = request.remote or ""
    if trusted and ("*" in trusted or peer in trusted):
        lines = request.headers.getall("X-Forwarded-For", [])
        hops = [h.strip() for line in lines for h in line.split(",")]
        for hop in reversed([h for h in hops if h]):
            if hop not in trusted:
                return hop
    return peer
