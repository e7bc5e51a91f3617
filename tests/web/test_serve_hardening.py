"""hallkit serve's token and headers (issue 19, Low): no one-letter tokens, no token in
the access log, and its pages say no-referrer."""

from __future__ import annotations

import base64
import hashlib
import logging
import re
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
    app = await server.build_app()
    async with TestClient(TestServer(app)) as client:
        for response in (await client.get("/"), await client.get(f"/?token={TOKEN}")):
            assert response.headers["Referrer-Policy"] == "no-referrer"
            assert response.headers["X-Content-Type-Options"] == "nosniff"
            assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]
        # script-src names each inline script of the page by its hash, and nothing inline else
        page = await client.get(f"/?token={TOKEN}")  # followed to "/" with the cookie
        assert page.status == 200 and "token=" not in str(page.url)
        text = await page.text()
        policy = page.headers["Content-Security-Policy"]
        sources = policy.split("script-src ", 1)[1].split(";")[0].split()
        inline = re.findall(r"<script>(.*?)</script>", text, flags=re.DOTALL)
        assert inline, "the page's inline script moved: look at kiosk/serve_page"
        hashes = [base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() for s in inline]
        assert sorted(sources) == sorted(["'self'", *(f"'sha256-{h}'" for h in hashes)])
        assert not re.search(r"\son[a-z]+=", text, flags=re.IGNORECASE)  # no inline handlers


@pytest.fixture(autouse=True)
def _restore_logging() -> object:
    level = logging.getLogger("aiohttp.access").level
    root = list(logging.getLogger().handlers)
    yield None
    logging.getLogger("aiohttp.access").setLevel(level)
    logging.getLogger().handlers[:] = root
