"""The kiosk served to browsers: without the token nothing, with it the page."""

from __future__ import annotations

import http.client
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

TOKEN = "s3cret-token"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def served(db_path: Path) -> Iterator[int]:
    port = free_port()
    command = [
        sys.executable,
        "-m",
        "shared.cli",
        "--db",
        str(db_path),
        "serve",
        "kiosk",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--token",
        TOKEN,
    ]
    server = subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env={**os.environ, "COLUMNS": "120"},
    )
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            break
        except OSError:
            time.sleep(0.1)
    else:
        server.kill()
        output = server.stdout.read().decode() if server.stdout else ""
        pytest.fail(f"server did not start: {output}")
    yield port
    server.terminate()
    server.wait(10)


def get(port: int, path: str, headers: dict[str, str] | None = None) -> http.client.HTTPResponse:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    connection.request("GET", path, headers=headers or {})
    return connection.getresponse()


def test_the_token_is_required(served: int) -> None:
    assert get(served, "/").status == 403
    assert get(served, "/?token=wrong").status == 403
    assert get(served, "/static/").status == 403
    page = get(served, f"/?token={TOKEN}")
    assert page.status == 200
    assert "hallkit_token" in (page.getheader("Set-Cookie") or "")
    html = page.read().decode()
    assert "hallkit kiosk" in html and f"ws://127.0.0.1:{served}/ws" in html
    cookie = {"Cookie": f"hallkit_token={TOKEN}"}
    assert get(served, "/static/", cookie).status in (403, 404)  # never a listing


def test_the_websocket_must_come_from_the_page(served: int) -> None:
    upgrade = {
        "Cookie": f"hallkit_token={TOKEN}",
        "Connection": "Upgrade",
        "Upgrade": "websocket",
        "Sec-WebSocket-Version": "13",
        "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ==",
    }
    assert get(served, "/ws", {**upgrade, "Origin": "http://evil.example"}).status == 403
    assert get(served, "/ws", upgrade).status == 403
    no_token = {k: v for k, v in upgrade.items() if k != "Cookie"}
    assert get(served, "/ws", {**no_token, "Origin": f"http://127.0.0.1:{served}"}).status == 403
