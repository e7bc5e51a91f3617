"""A demo database served by the web face through aiohttp's test client."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
from aiohttp.test_utils import TestClient, TestServer

from shared.db import Store, open_store
from shared.demo import demo
from web.app import make_app


@pytest.fixture
def demo_db(db_path: Path) -> Path:
    store = open_store(db_path, "office")
    demo(store)
    store.close()
    return db_path


@pytest.fixture
def office(demo_db: Path) -> Iterator[Store]:
    """The office's own read-write connection, changing what the web face reads."""
    store = open_store(demo_db, "office")
    yield store
    store.close()


@pytest.fixture
async def client(demo_db: Path) -> AsyncIterator[TestClient]:
    app = make_app(demo_db, poll=0.02)
    async with TestClient(TestServer(app)) as test_client:
        yield test_client
