"""The web face under load: 200 concurrent clients on /T/<token> while 50 hall displays
hold their event streams open; then how long one queue change takes to reach all 50.
The same run starts one hall display the textual-serve way (a process per browser tab)
and measures it, for comparison.

Run by hand: .venv/bin/python bench/web_load.py [--clients 200 --requests 25 --streams 50
--think 1.0]; `--think 0` sends every client's requests back to back (saturation: then
latency is simply clients / throughput).
Goal (issue 14): p95 <= 50 ms, the whole server <= 150 MB.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import platform
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import aiohttp

from shared import speaking
from shared.db import open_store
from shared.demo import demo
from shared.registrations import payload


def rss_mb(pid: int, field: str = "VmRSS") -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return 0.0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextlib.contextmanager
def server(db: Path) -> Iterator[tuple[str, int]]:
    port = free_port()
    command = [sys.executable, "-m", "shared.cli", "--db", str(db), "web", "--port", str(port)]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL)
    try:
        while True:
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.2):
                break
            time.sleep(0.05)
        yield f"http://127.0.0.1:{port}", process.pid
    finally:
        process.terminate()
        process.wait(10)


async def stream(session: aiohttp.ClientSession, url: str, seen: list[float]) -> None:
    """One hall display: count the state events it receives, with when."""
    async with session.get(url) as response:
        async for line in response.content:
            if line.startswith(b"data: "):
                seen.append(time.perf_counter())


async def client(
    session: aiohttp.ClientSession, url: str, requests: int, think: float, latencies: list[float]
) -> None:
    """One phone: `requests` page loads, a reading pause of about `think` s between them."""
    await asyncio.sleep(random.uniform(0, think))
    for _ in range(requests):
        started = time.perf_counter()
        async with session.get(url) as response:
            await response.read()
            assert response.status == 200
        latencies.append(time.perf_counter() - started)
        await asyncio.sleep(random.uniform(0.5 * think, 1.5 * think))


async def load(base: str, pid: int, db: Path, tokens: list[str], args: argparse.Namespace) -> None:
    peak = [rss_mb(pid)]
    idle = peak[0]
    done = asyncio.Event()

    async def sample() -> None:
        while not done.is_set():
            peak.append(rss_mb(pid))
            await asyncio.sleep(0.05)

    connector = aiohttp.TCPConnector(limit=0)
    async with aiohttp.ClientSession(connector=connector) as session:
        seen: list[list[float]] = [[] for _ in range(args.streams)]
        streams = [
            asyncio.create_task(stream(session, f"{base}/man-hinh/su-kien", s)) for s in seen
        ]
        while sum(1 for s in seen if s) < args.streams:
            await asyncio.sleep(0.05)
        sampler = asyncio.create_task(sample())
        latencies: list[float] = []
        started = time.perf_counter()
        await asyncio.gather(
            *(
                client(
                    session,
                    f"{base}/T/{tokens[i % len(tokens)]}",
                    args.requests,
                    args.think,
                    latencies,
                )
                for i in range(args.clients)
            )
        )
        elapsed = time.perf_counter() - started
        done.set()
        await sampler

        store = open_store(db, "bench", check=False)
        meeting = store.one("SELECT id FROM meetings WHERE status = 'open'")
        assert meeting is not None
        before = [len(s) for s in seen]
        committed = time.perf_counter()
        speaking.call(store, meeting["id"])
        store.close()
        while any(len(s) == b for s, b in zip(seen, before, strict=True)):
            await asyncio.sleep(0.005)
        reach = [s[-1] - committed for s in seen]
        for task in streams:
            task.cancel()

    ordered = sorted(latencies)
    p = lambda q: ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000  # noqa: E731
    print(
        f"{len(latencies)} requests to /T/… from {args.clients} concurrent clients,"
        f" each pausing ~{args.think} s between pages"
    )
    print(f"  in {elapsed:.2f} s: {len(latencies) / elapsed:.0f} requests/s")
    print(
        f"  latency p50 {p(0.5):.1f} ms, p95 {p(0.95):.1f} ms, p99 {p(0.99):.1f} ms,"
        f" max {ordered[-1] * 1000:.1f} ms"
    )
    print(f"{args.streams} /man-hinh event streams open throughout")
    print(
        f"  a queue call reached all {args.streams}: median"
        f" {statistics.median(reach) * 1000:.0f} ms, last {max(reach) * 1000:.0f} ms"
    )
    print(
        f"server memory (RSS): idle {idle:.1f} MB, peak under load {max(peak):.1f} MB"
        f" (VmHWM {rss_mb(pid, 'VmHWM'):.1f} MB)"
    )


def textual_serve_tab(db: Path) -> tuple[float, float]:
    """One hall display as textual-serve runs it for each browser tab: its own
    `hallkit display` process under Textual's web driver. (RSS MB, seconds to first frame)"""
    environment = {
        **os.environ,
        "TEXTUAL_DRIVER": "textual.drivers.web_driver:WebDriver",
        "TEXTUAL_FPS": "60",
        "TEXTUAL_COLOR_SYSTEM": "truecolor",
        "TERM_PROGRAM": "textual",
        "COLUMNS": "160",
        "ROWS": "45",
    }
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "shared.cli", "--db", str(db), "display"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=environment,
    )
    assert process.stdout is not None
    first = threading.Event()

    def drain() -> None:
        assert process.stdout is not None
        while chunk := os.read(process.stdout.fileno(), 65536):
            if not first.is_set() and b"\x1b[" in chunk:
                first.set()

    threading.Thread(target=drain, daemon=True).start()
    first.wait(30)
    shown = time.perf_counter() - started
    time.sleep(2)
    memory = rss_mb(process.pid)
    process.terminate()
    process.wait(10)
    return memory, shown


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--requests", type=int, default=25, help="Requests per client.")
    parser.add_argument("--streams", type=int, default=50)
    parser.add_argument(
        "--think",
        type=float,
        default=1.0,
        help="Mean pause between one client's requests (0: back to back, saturation).",
    )
    args = parser.parse_args()
    print(
        f"Python {platform.python_version()}, {os.cpu_count()} CPUs; client and server share them"
    )
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "bench.db"
        store = open_store(db, "bench")
        demo(store)
        tokens = [payload(store, r) for r in store.all("SELECT * FROM registrations")]
        store.close()
        with server(db) as (base, pid):
            asyncio.run(load(base, pid, db, tokens, args))
        memory, shown = textual_serve_tab(db)
        print(
            f"textual-serve, one process per tab: {memory:.1f} MB and {shown:.2f} s to a first"
            f" frame each; {args.streams} tabs ≈ {memory * args.streams:.0f} MB"
        )


if __name__ == "__main__":
    main()
