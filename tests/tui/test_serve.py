"""The kiosk served to browsers: without the token nothing, with it the page."""

from __future__ import annotations

import asyncio
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


def start_server(
    db_path: Path, *options: str, station: str = "kiosk"
) -> tuple[subprocess.Popen[bytes], int]:
    port = free_port()
    command = [
        sys.executable,
        "-m",
        "shared.cli",
        "--db",
        str(db_path),
        "serve",
        station,
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--token",
        TOKEN,
        *options,
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
            time.sleep(0.05)
    else:
        server.kill()
        output = server.stdout.read().decode() if server.stdout else ""
        pytest.fail(f"server did not start: {output}")
    return server, port


@pytest.fixture
def served(db_path: Path) -> Iterator[int]:
    server, port = start_server(db_path)
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
    link = get(served, f"/?token={TOKEN}&delay=1")
    # the token moves to a cookie and out of the address bar; the rest of the address stays
    assert link.status == 303 and link.getheader("Location") == "/?delay=1"
    assert f"hallkit_token={TOKEN}" in (link.getheader("Set-Cookie") or "")
    assert "HttpOnly" in (link.getheader("Set-Cookie") or "")
    cookie = {"Cookie": f"hallkit_token={TOKEN}"}
    page = get(served, "/", cookie)
    assert page.status == 200
    html = page.read().decode()
    assert "hallkit kiosk" in html and f"ws://127.0.0.1:{served}/ws" in html
    assert TOKEN not in html
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


def descendants(pid: int) -> set[int]:
    """Every live process below `pid`, read from /proc."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:  # gone meanwhile
            continue
        fields = stat.rsplit(")", 1)[1].split()
        if fields[0] != "Z":  # a zombie is no longer running anything
            children.setdefault(int(fields[1]), []).append(int(entry.name))
    found: set[int] = set()
    todo = [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.add(child)
            todo.append(child)
    return found


async def wait_for_count(pid: int, count: int, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while len(descendants(pid)) != count:
        assert time.monotonic() < deadline, f"{len(descendants(pid))} processes, not {count}"
        await asyncio.sleep(0.05)


@pytest.fixture
def served_two(db_path: Path) -> Iterator[tuple[int, int]]:
    from shared.db import open_store
    from shared.demo import demo

    store = open_store(db_path)
    demo(store)  # a kiosk with a meeting to show, so its session stays up
    store.close()
    server, port = start_server(db_path, "--max-sessions", "2")
    yield server.pid, port
    server.terminate()
    server.wait(10)


async def test_sessions_are_capped_per_station(served_two: tuple[int, int]) -> None:
    import aiohttp

    pid, port = served_two
    url = f"http://127.0.0.1:{port}/ws?width=100&height=30"
    headers = {"Origin": f"http://127.0.0.1:{port}", "Cookie": f"hallkit_token={TOKEN}"}

    async with aiohttp.ClientSession() as client:

        async def session() -> aiohttp.ClientWebSocketResponse:
            """A browser tab: the websocket, then the app's first frame."""
            socket = await client.ws_connect(url, headers=headers)
            while True:  # textual-serve sends the app's output as binary frames
                message = await asyncio.wait_for(socket.receive(), 30)
                assert message.type != aiohttp.WSMsgType.CLOSED, "the app ended"
                if message.type == aiohttp.WSMsgType.BINARY:
                    return socket

        first = await session()
        per_session = len(descendants(pid))
        assert per_session >= 1
        second = await session()
        await wait_for_count(pid, 2 * per_session)
        with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
            await client.ws_connect(url, headers=headers)
        assert refused.value.status == 503
        page = get(port, f"/?token={TOKEN}")
        text = page.read().decode()
        assert page.status == 503 and page.getheader("Retry-After") == "30"
        assert "Trạm kiosk đang đủ người dùng" in text and "The kiosk station is full" in text
        assert "tối đa" in text and "at once" in text
        assert len(descendants(pid)) == 2 * per_session  # the refused one started nothing

        await first.close()  # a tab closed: its app process ends and its place is free
        await wait_for_count(pid, per_session)
        third = await session()
        await wait_for_count(pid, 2 * per_session)
        await second.close()
        await third.close()
