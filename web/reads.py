"""Database reads for the web face: off the event loop, with a short busy timeout, and on
a connection that never keeps an old snapshot.

A read that fails part-way (a name that is not valid UTF-8, a locked rollback-journal
copy) can leave its statement open, and an open statement holds its read snapshot: every
later read on that connection would see the database as it was. So a connection that
fails once is closed and the next read opens a fresh one.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TypeVar

from shared.db import Store, open_readonly

T = TypeVar("T")
# A reader waits this long for a writer's lock, not the stations' 10 seconds: a page
# that cannot be read at once says so rather than holding every request.
BUSY_TIMEOUT_MS = 500
WORKERS = 4


class Reader:
    """`await reader(fn, *args)` runs `fn(store, *args)` in one of a few threads, each
    with its own read-only connection."""

    def __init__(self, path: Path, workers: int = WORKERS, name: str = "hallkit-web-db") -> None:
        self.path = path
        self.local = threading.local()
        self.executor = ThreadPoolExecutor(workers, thread_name_prefix=name)
        self.stores: set[Store] = set()
        self.lock = threading.Lock()
        # Opened here once, so an unreadable file is refused when the server starts.
        self._close(self._open())

    def _open(self) -> Store:
        store = open_readonly(self.path)
        store.conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        with self.lock:
            self.stores.add(store)
        return store

    def _close(self, store: Store) -> None:
        with self.lock:
            self.stores.discard(store)
        store.close()

    def store(self) -> Store:
        """This thread's connection (opened if need be)."""
        store: Store | None = getattr(self.local, "store", None)
        if store is None:
            store = self.local.store = self._open()
        return store

    def call(self, fn: Callable[..., T], *args: object) -> T:
        """In a worker thread: `fn(store, *args)`; after a failure, a fresh connection."""
        store = self.store()
        try:
            return fn(store, *args)
        except BaseException:
            self.local.store = None
            self._close(store)
            raise

    async def __call__(self, fn: Callable[..., T], *args: object) -> T:
        return await asyncio.get_running_loop().run_in_executor(self.executor, self.call, fn, *args)

    def close(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)
        with self.lock:
            stores = list(self.stores)
            self.stores.clear()
        for store in stores:
            # A connection belongs to its thread; the process is ending, so one that
            # cannot be closed from here is let go.
            with contextlib.suppress(Exception):
                store.close()
