"""The web face under a hostile internet (issue 19), on a server started here and only
ever reached on 127.0.0.1 (the client side binds other 127.x addresses so that each
visitor, legitimate or not, is its own address).

1. Starvation: the server runs with the usual 1,024 open files. `--hostile` connections
   (half silent, half sending their headers a byte at a time), from 100 addresses, are
   held open and reopened as the server drops them; meanwhile `--clients` visitors load
   /T/<token> and `--displays` hall displays follow `--changes` queue changes. Prints the
   visitors' p95, whether every display got every change in order, the server's peak
   memory and how many lines it logged.
2. Display loads racing changes: one client reloads /man-hinh as fast as it can while
   the queue changes; the open displays must see every change.
3. The timing of /T/ for an unknown code vs a known code with a bad signature, over
   `--pairs` interleaved pairs: the z-score of the mean difference (goal |z| < 2).
4. The rate limiter: memory and time per check at 100,000 clients.

Run by hand: .venv/bin/python bench/web_hostile.py [--hostile 1000 --clients 200
--displays 20 --changes 10 --pairs 3000]. Every loop is bounded.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import math
import os
import random
import resource
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import aiohttp

from shared import speaking, tokens
from shared.db import open_store
from shared.demo import demo
from shared.registrations import payload

HOST = "127.0.0.1"


def rss_mb(pid: int, field: str = "VmRSS") -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return 0.0


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def _nofile_1024() -> None:
    resource.setrlimit(resource.RLIMIT_NOFILE, (1024, 1024))


@contextlib.contextmanager
def server(db: Path, log: Path) -> Iterator[tuple[str, int]]:
    port = free_port()
    command = [sys.executable, "-m", "shared.cli", "--db", str(db), "web", "--port", str(port)]
    with log.open("wb") as output:
        process = subprocess.Popen(
            command, stdout=output, stderr=output, preexec_fn=_nofile_1024, cwd=db.parent
        )
    try:
        for _ in range(400):
            with contextlib.suppress(OSError), socket.create_connection((HOST, port), 0.2):
                break
            time.sleep(0.05)
        yield f"http://{HOST}:{port}", process.pid
    finally:
        process.terminate()
        process.wait(10)


async def display(
    base: str, source: str, seen: list[tuple[Any, str]], ready: asyncio.Event
) -> None:
    """One hall display: every state it is sent, in order."""
    import json

    connector = aiohttp.TCPConnector(local_addr=(source, 0))
    async with (
        aiohttp.ClientSession(connector=connector) as session,
        session.get(f"{base}/man-hinh/su-kien", timeout=aiohttp.ClientTimeout(total=None)) as r,
    ):
        assert r.status == 200, r.status
        async for line in r.content:
            if line.startswith(b"data: "):
                state = json.loads(line[6:])
                seen.append((state["number"], state["state"]))
                ready.set()


async def hostile(port: int, source: str, slow: bool, held: list[int]) -> None:
    """One connection that never sends a whole request, reopened when dropped."""
    for _ in range(10_000):  # bounded; the process is also ended after the run
        try:
            reader, writer = await asyncio.open_connection(HOST, port, local_addr=(source, 0))
        except OSError:
            await asyncio.sleep(0.5)
            continue
        held[0] += 1
        try:
            if slow:  # the headers, a byte every 2 s, never finished
                for byte in b"GET / HTTP/1.1\r\nHost: x\r\nX-Padding: " + b"a" * 4000:
                    if writer.is_closing() or reader.at_eof():
                        break
                    writer.write(bytes([byte]))
                    with contextlib.suppress(TimeoutError):
                        await asyncio.wait_for(reader.read(1024), 2.0)
            else:  # silent until dropped
                await reader.read()
        except OSError:
            pass
        finally:
            held[0] -= 1
            writer.close()
        await asyncio.sleep(random.uniform(0.05, 0.2))


async def hostile_crowd(port: int, count: int) -> None:
    """The attacker's own process (so its work does not slow the visitors' clock)."""
    logging.getLogger("asyncio").setLevel(logging.CRITICAL)
    held = [0]
    tasks = [
        asyncio.create_task(hostile(port, f"127.0.3.{i % 100 + 1}", i % 2 == 1, held))
        for i in range(count)
    ]
    for _ in range(36_000):  # at most an hour; the bench ends this process
        print(held[0], flush=True)
        await asyncio.sleep(0.1)
    for task in tasks:
        task.cancel()


async def visitor(
    base: str,
    source: str,
    token: str,
    requests: int,
    think: float,
    latencies: list[float],
    failures: list[str],
) -> None:
    connector = aiohttp.TCPConnector(local_addr=(source, 0))
    timeout = aiohttp.ClientTimeout(total=10)
    async with aiohttp.ClientSession(connector=connector, timeout=timeout) as session:
        await asyncio.sleep(random.uniform(0, think))
        for _ in range(requests):
            started = time.perf_counter()
            try:
                async with session.get(f"{base}/T/{token}") as response:
                    await response.read()
                    if response.status != 200:
                        failures.append(str(response.status))
            except (aiohttp.ClientError, TimeoutError) as error:
                failures.append(type(error).__name__)
            latencies.append(time.perf_counter() - started)
            await asyncio.sleep(random.uniform(0.5 * think, 1.5 * think))


def changes(db: Path, count: int) -> list[tuple[Any, str]]:
    """`count` queue changes, each committed on its own (one call, then the speech starts,
    pauses, resumes...); what each display must show, in order."""
    store = open_store(db, "bench", check=False)
    meeting = store.one("SELECT id FROM meetings WHERE status = 'open'")
    assert meeting is not None
    with contextlib.suppress(Exception):
        speaking.stop(store, meeting["id"])
    number = speaking.call(store, meeting["id"])["number"]
    expected: list[tuple[Any, str]] = [(number, "called")]
    time.sleep(1.0)
    for step in range(1, count):
        if step == 1:
            speaking.start(store, meeting["id"])
        elif step % 2 == 0:
            speaking.pause(store, meeting["id"])
        else:
            speaking.resume(store, meeting["id"])
        expected.append((number, "paused" if step % 2 == 0 else "speaking"))
        time.sleep(1.0)
    store.close()
    return expected


def arrived_in_order(seen: list[tuple[Any, str]], expected: list[tuple[Any, str]]) -> bool:
    """Every expected state appears in `seen`, in order (a stop between changes shows too)."""
    position = 0
    for state in seen:
        if position < len(expected) and state == expected[position]:
            position += 1
    return position == len(expected)


async def starvation(
    base: str, pid: int, db: Path, tokens_: list[str], args: argparse.Namespace
) -> None:
    port = int(base.rsplit(":", 1)[1])
    stop = asyncio.Event()
    peak = [rss_mb(pid)]
    crowd = await asyncio.create_subprocess_exec(
        sys.executable,
        __file__,
        "--role",
        "hostile",
        "--port",
        str(port),
        "--hostile",
        str(args.hostile),
        stdout=asyncio.subprocess.PIPE,
    )
    assert crowd.stdout is not None
    held = [0]

    async def count_held() -> None:
        assert crowd.stdout is not None
        while line := await crowd.stdout.readline():
            held[0] = int(line)

    counting = asyncio.create_task(count_held())
    for _ in range(600):
        if held[0] >= args.hostile * 0.9:
            break
        await asyncio.sleep(0.05)
    print(f"{held[0]} hostile connections open (half silent, half slow headers)")
    seen: list[list[tuple[Any, str]]] = [[] for _ in range(args.displays)]
    readies = [asyncio.Event() for _ in seen]
    displays = [
        asyncio.create_task(display(base, f"127.0.4.{i + 1}", s, r))
        for i, (s, r) in enumerate(zip(seen, readies, strict=True))
    ]
    await asyncio.wait_for(asyncio.gather(*(r.wait() for r in readies)), 30)

    async def sample() -> None:
        while not stop.is_set():
            peak.append(rss_mb(pid))
            await asyncio.sleep(0.1)

    sampler = asyncio.create_task(sample())
    latencies: list[float] = []
    failures: list[str] = []
    change_task = asyncio.create_task(asyncio.to_thread(changes, db, args.changes))
    started = time.perf_counter()
    cpu_before = cpu_seconds(pid), cpu_seconds(crowd.pid), time.process_time()
    await asyncio.gather(
        *(
            visitor(
                base,
                f"127.0.1.{i % 250 + 1}" if i < 250 else f"127.0.2.{i % 250 + 1}",
                tokens_[i % len(tokens_)],
                args.requests,
                args.think,
                latencies,
                failures,
            )
            for i in range(args.clients)
        )
    )
    elapsed = time.perf_counter() - started
    cpu = (
        cpu_seconds(pid) - cpu_before[0],
        cpu_seconds(crowd.pid) - cpu_before[1],
        time.process_time() - cpu_before[2],
    )
    expected = await change_task
    for _ in range(100):
        if all(arrived_in_order(s, expected) for s in seen):
            break
        await asyncio.sleep(0.05)
    hostile_at_end = held[0]
    stop.set()
    await sampler
    crowd.terminate()
    await crowd.wait()
    counting.cancel()
    for task in displays:
        task.cancel()
    await asyncio.gather(*displays, counting, return_exceptions=True)
    ordered = sorted(latencies)
    p = lambda q: ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000  # noqa: E731
    complete = sum(arrived_in_order(s, expected) for s in seen)
    if complete < len(seen):
        print(f"  expected {expected}\n  one display saw {seen[0]}")
    print(
        f"{len(latencies)} visits to /T/… from {args.clients} visitors in {elapsed:.1f} s,"
        f" {len(failures)} failed {sorted(set(failures))[:5]}"
    )
    print(
        f"  latency p50 {p(0.5):.1f} ms, p95 {p(0.95):.1f} ms, p99 {p(0.99):.1f} ms,"
        f" max {ordered[-1] * 1000:.1f} ms"
    )
    print(
        f"{complete} of {args.displays} displays got all {len(expected)} changes in order;"
        f" {hostile_at_end} hostile connections still open at the end"
    )
    print(f"server memory: peak RSS {max(peak):.1f} MB (VmHWM {rss_mb(pid, 'VmHWM'):.1f} MB)")
    print(
        f"CPU used meanwhile, of one core: server {cpu[0] / elapsed:.0%},"
        f" attackers {cpu[1] / elapsed:.0%}, visitors {cpu[2] / elapsed:.0%}"
        f" (load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs)"
    )


async def racing_loads(base: str, db: Path, count: int) -> None:
    seen: list[tuple[Any, str]] = []
    ready = asyncio.Event()
    watcher = asyncio.create_task(display(base, "127.0.5.1", seen, ready))
    await asyncio.wait_for(ready.wait(), 30)
    stop = asyncio.Event()
    loads = [0]

    async def reload() -> None:
        async with aiohttp.ClientSession() as session:
            for _ in range(100_000):  # bounded
                if stop.is_set():
                    return
                async with session.get(f"{base}/man-hinh") as response:
                    await response.read()
                loads[0] += 1

    reloader = asyncio.create_task(reload())
    expected = await asyncio.to_thread(changes, db, count)
    for _ in range(100):
        if arrived_in_order(seen, expected):
            break
        await asyncio.sleep(0.05)
    stop.set()
    await reloader
    watcher.cancel()
    await asyncio.gather(watcher, return_exceptions=True)
    got = arrived_in_order(seen, expected)
    print(
        f"display loads racing changes: {loads[0]} loads of /man-hinh during {count} changes;"
        f" the open display got {'every change in order' if got else 'NOT every change'}"
    )


async def timing(base: str, good: str, unknown: str, pairs: int) -> None:
    """Interleaved pairs, order shuffled in each pair: the server's extra work for a
    known code with a bad signature shows as a positive mean difference."""
    code, signature = good.split("-")
    flipped = ("A" if signature[0] != "A" else "B") + signature[1:]
    bad_signature = f"{code}-{flipped}"
    unknown_code = f"{unknown}-{signature}"
    differences: list[float] = []

    async def once(session: aiohttp.ClientSession, token: str) -> float:
        started = time.perf_counter_ns()
        async with session.get(f"{base}/T/{token}") as response:
            await response.read()
            assert response.status == 404, response.status
        return (time.perf_counter_ns() - started) / 1000

    # /T/ is rate-limited per client: a fresh source address every few pairs.
    per_address = 4
    for batch in range(math.ceil(pairs / per_address)):
        source = f"127.{7 + batch // 62500}.{batch // 250 % 250}.{batch % 250 + 1}"
        connector = aiohttp.TCPConnector(local_addr=(source, 0))
        async with aiohttp.ClientSession(connector=connector) as session:
            await once(session, unknown_code)  # the connection opened outside the pairs
            for _ in range(per_address):
                if random.random() < 0.5:
                    a = await once(session, bad_signature)
                    b = await once(session, unknown_code)
                else:
                    b = await once(session, unknown_code)
                    a = await once(session, bad_signature)
                differences.append(a - b)
    mean = statistics.fmean(differences)
    z = mean / (statistics.stdev(differences) / math.sqrt(len(differences)))
    print(
        f"/T/ timing over {pairs} interleaved pairs: bad signature − unknown code ="
        f" {mean:+.2f} µs on average, z = {z:+.2f} (goal |z| < 2)"
    )


def limiter(clients: int) -> None:
    """Memory (traced) and time per check (untraced, a separate run) at `clients`."""
    from web.ratelimit import RateLimit

    def address(i: int) -> str:
        return f"10.{i >> 16 & 255}.{i >> 8 & 255}.{i & 255}"

    limit = RateLimit()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    for i in range(clients):
        limit.retry_after(address(i), now=float(i) / 1000)
    used = tracemalloc.get_traced_memory()[0] - before
    tracemalloc.stop()
    limit = RateLimit()
    started = time.perf_counter()
    for i in range(clients):
        limit.retry_after(address(i), now=float(i) / 1000)
    took = time.perf_counter() - started
    checks = []
    for i in range(5000):
        started = time.perf_counter()
        limit.retry_after(address(i * 7), now=clients / 1000 + i / 1000)
        checks.append(time.perf_counter() - started)
    checks.sort()
    print(
        f"rate limiter, {clients:,} clients: {len(limit):,} remembered, {used / 2**20:.1f} MiB;"
        f" {took / clients * 1e6:.2f} µs per check on average while filling, then"
        f" median {checks[len(checks) // 2] * 1e6:.2f} µs, p99"
        f" {checks[int(0.99 * len(checks))] * 1e6:.2f} µs per check"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--hostile", type=int, default=1000)
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--requests", type=int, default=10)
    parser.add_argument("--think", type=float, default=1.0)
    parser.add_argument("--displays", type=int, default=20)
    parser.add_argument("--changes", type=int, default=10)
    parser.add_argument("--pairs", type=int, default=3000)
    parser.add_argument("--limiter-clients", type=int, default=100_000)
    parser.add_argument("--role", default="bench", help=argparse.SUPPRESS)
    parser.add_argument("--port", type=int, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args()
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (max(soft, min(hard, 8192)), hard))
    if args.role == "hostile":
        asyncio.run(hostile_crowd(args.port, args.hostile))
        return
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs; client and server share them")
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "bench.db"
        store = open_store(db, "bench")
        demo(store)
        registrations = store.all("SELECT * FROM registrations")
        tokens_ = [payload(store, r) for r in registrations]
        known = {r["code"] for r in registrations}
        unknown = next(c for c in ("222222", "333333", "444444") if c not in known)
        store.close()
        log = Path(folder) / "server.log"
        with server(db, log) as (base, pid):
            asyncio.run(starvation(base, pid, db, tokens_, args))
            asyncio.run(racing_loads(base, db, args.changes))
            asyncio.run(timing(base, tokens_[0], unknown, args.pairs))
            peak = rss_mb(pid, "VmHWM")
        lines = log.read_text(errors="replace").splitlines()
        print(f"server log: {len(lines)} lines, {log.stat().st_size} bytes; peak RSS {peak:.1f} MB")
        for line in lines[-8:]:
            print(f"  | {line[:160]}")
        assert tokens.CODE_LENGTH
    limiter(args.limiter_clients)


if __name__ == "__main__":
    main()
