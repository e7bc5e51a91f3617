"""Keys typed faster than the screen changes land where the citizen meant them.

Textual hands each key to whatever has the focus when the key arrives, and a key that
opens something (Enter on Welcome, Enter on the field list) only moves the focus once it
has travelled to the app's bindings and back. A burst typed right after it (a quick hand,
or keys typed while the form draws) went to the old place and was lost: the field list's
arrows, the first letters of the name. So the kiosk hands over one key at a time: the
next waits until the previous one has been handled and what it started (a new screen, a
focus change) is done."""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Awaitable, Callable
from typing import Any

from textual import events
from textual.app import App
from textual.timer import Timer

from tui.textual_private import in_hand, propagation_stopped, queued

POLL_SECONDS = 0.005
PATIENCE_SECONDS = 5.0
"""A key never waits longer than this, whatever keeps the app busy. At 1 s, a burst typed
into a freshly started kiosk on a loaded machine (load average near 7) lost the name's
first letter: the form took longer than that to draw its first time."""


def busy(app: App[Any]) -> bool:
    """Whether the app or a widget of its screen still has work queued (timer ticks
    aside: a blinking cursor is not work)."""
    pumps = [app, *app.screen.walk_children(with_self=True)]
    for pump in pumps:
        if in_hand(pump):
            return True
        if any(not isinstance(message, events.Timer) for message in queued(pump)):
            return True
    return False


class TypeAhead:
    """Holds the keys that arrive while the previous key is still being handled, and
    hands them on in order."""

    def __init__(
        self,
        app: App[Any],
        send: Callable[[events.Key], Awaitable[None]],
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        """`send`: hands a key to the app as if it had just arrived."""
        self.app = app
        self.send = send
        self.clock = clock
        self.held: deque[events.Key] = deque()
        self.in_flight: events.Key | None = None
        self.since = 0.0
        self.timer: Timer | None = None

    async def arrived(self, key: events.Key) -> None:
        """A key fresh from the terminal."""
        if self.held or not self.settled():
            if not self.held:
                self.since = self.clock()
            self.held.append(key)
            self._arm()
            return
        await self._send(key)

    def returned(self, key: events.Key) -> None:
        """The key came back to the app unhandled, and its bindings have run."""
        if key is self.in_flight:
            self.in_flight = None

    def settled(self) -> bool:
        if self.held and self.clock() - self.since > PATIENCE_SECONDS:
            return True
        key = self.in_flight
        if key is not None and not propagation_stopped(key):
            return False  # still on its way through the widgets
        return not busy(self.app)

    async def _send(self, key: events.Key) -> None:
        self.in_flight = key
        await self.send(key)
        if not key.is_forwarded:
            self.in_flight = None  # a priority binding took it at once

    def _arm(self) -> None:
        if self.timer is None:
            self.timer = self.app.set_timer(POLL_SECONDS, self._release)

    async def _release(self) -> None:
        self.timer = None
        while self.held and self.settled():
            await self._send(self.held.popleft())
            self.since = self.clock()
        if self.held:
            self._arm()
