"""Headless Chromium driven over the DevTools protocol, and `hallkit web` in its own
process: for the browser test, the screenshots and the benchmark."""

from __future__ import annotations

import contextlib
import json
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import aiohttp

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def hallkit(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "shared.cli", "--db", str(db), *args],
        capture_output=True,
        text=True,
        check=True,
    )


@contextlib.contextmanager
def web_server(db: Path, *extra: str) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """`hallkit web` on a free port, until it answers; stopped on exit."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "shared.cli", "--db", str(db), "web", "--port", str(port), *extra],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        give_up = time.monotonic() + 20
        while True:
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.2):
                break
            if process.poll() is not None or time.monotonic() > give_up:
                raise RuntimeError(f"hallkit web did not start: {process.stderr!r}")
            time.sleep(0.05)
        yield f"http://127.0.0.1:{port}", process
    finally:
        process.terminate()
        process.wait(10)


def screenshot(url: str, out: Path, width: int, height: int) -> None:
    assert CHROMIUM is not None
    # Chromium may still write its profile as it quits: cleaning up must not fail the test
    with tempfile.TemporaryDirectory(ignore_cleanup_errors=True) as profile:
        subprocess.run(
            [
                CHROMIUM,
                *CHROMIUM_FLAGS,
                f"--user-data-dir={profile}",
                f"--window-size={width},{height}",
                f"--screenshot={out}",
                url,
            ],
            capture_output=True,
            check=True,
            timeout=60,
        )


class Page:
    """One Chromium tab: `evaluate` a JavaScript expression and get its value."""

    def __init__(self, ws: aiohttp.ClientWebSocketResponse) -> None:
        self.ws = ws
        self.next_id = 0

    async def evaluate(self, expression: str) -> Any:
        result = await self.call("Runtime.evaluate", expression=expression, returnByValue=True)
        return result["result"].get("value")

    async def call(self, method: str, **params: Any) -> Any:
        return (await self.calls([(method, params)]))[-1]

    async def calls(self, commands: list[tuple[str, dict[str, Any]]]) -> list[Any]:
        """Send every command before reading any answer: a burst, as fast as the protocol
        goes (a scanner's keys arrive together, not one round trip apart)."""
        first = self.next_id + 1
        for method, params in commands:
            self.next_id += 1
            await self.ws.send_json({"id": self.next_id, "method": method, "params": params})
        answers: dict[int, Any] = {}
        while len(answers) < len(commands):
            message = json.loads((await self.ws.receive()).data)
            if first <= message.get("id", 0) <= self.next_id:
                assert "error" not in message, message
                answers[message["id"]] = message["result"]
        return [answers[key] for key in sorted(answers)]

    async def type_keys(self, text: str) -> None:
        """Keys as a keyboard (or a keyboard-wedge scanner) gives them to the page; "\r"
        is Enter."""
        commands: list[tuple[str, dict[str, Any]]] = []
        for key in text:
            if key == "\r":
                down = {"key": "Enter", "code": "Enter", "windowsVirtualKeyCode": 13, "text": "\r"}
            else:
                down = {"key": key, "text": key, "unmodifiedText": key}
            commands.append(("Input.dispatchKeyEvent", {"type": "keyDown", **down}))
            commands.append(("Input.dispatchKeyEvent", {"type": "keyUp", "key": down["key"]}))
        await self.calls(commands)


@contextlib.asynccontextmanager
async def browser_page(url: str, width: int, height: int) -> Any:
    """Chromium showing `url`, with its DevTools port read from what it prints."""
    assert CHROMIUM is not None
    # Chromium may still write its profile as it quits: cleaning up must not fail the test
    with tempfile.TemporaryDirectory(ignore_cleanup_errors=True) as profile:
        log = Path(profile) / "stderr.log"
        with log.open("wb") as stderr:  # a file, not a pipe nobody would keep reading
            process = subprocess.Popen(
                [
                    CHROMIUM,
                    *CHROMIUM_FLAGS,
                    "--remote-debugging-port=0",
                    f"--user-data-dir={profile}",
                    f"--window-size={width},{height}",
                    url,
                ],
                stdout=subprocess.DEVNULL,
                stderr=stderr,
            )
        try:
            devtools = ""
            give_up = time.monotonic() + 30
            while not devtools and time.monotonic() < give_up and process.poll() is None:
                for line in log.read_text(errors="replace").splitlines():
                    if "DevTools listening on ws://" in line:
                        devtools = line.split("ws://", 1)[1].split("/", 1)[0]
                time.sleep(0.05)
            assert devtools, "Chromium printed no DevTools address: " + log.read_text()
            async with aiohttp.ClientSession() as session:
                targets = await (await session.get(f"http://{devtools}/json/list")).json()
                page = next(t for t in targets if t["type"] == "page")
                async with session.ws_connect(page["webSocketDebuggerUrl"], max_msg_size=0) as ws:
                    yield Page(ws)
        finally:
            process.terminate()
            process.wait(10)
