"""hallkit serve's token and headers (issue 19, Low): no one-letter tokens, no token in
the access log, and its pages say no-referrer."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from aiohttp.test_utils import TestClient, TestServer
from click.testing import CliRunner

from kiosk.serve import make_server
from shared.cli import cli, load_station_commands

TOKEN = "a-long-enough-token"


def test_a_short_token_is_refused(db_path: Path) -> None:
    load_station_commands()
    result = CliRunner().invoke(
        cli, ["--db", str(db_path), "--lang", "en", "serve", "console", "--token", "a"]
    )
    assert result.exit_code == 1 and "at least 12" in result.output


async def test_pages_say_no_referrer_and_the_access_log_is_off() -> None:
    server = make_server("true", "127.0.0.1", 8000, "http://127.0.0.1:8000", TOKEN)
    server.initialize_logging()
    assert not logging.getLogger("aiohttp.access").isEnabledFor(logging.INFO)
    app = await server._make_app()
    async with TestClient(TestServer(app)) as client:
        for response in (await client.get("/"), await client.get(f"/?token={TOKEN}")):
            assert response.headers["Referrer-Policy"] == "no-referrer"
            assert response.headers["X-Content-Type-Options"] == "nosniff"
            assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]


@pytest.fixture(autouse=True)
def _restore_logging() -> object:
    level = logging.getLogger("aiohttp.access").level
    root = list(logging.getLogger().handlers)
    yield None
    logging.getLogger("aiohttp.access").setLevel(level)
    logging.getLogger().handlers[:] = root
