"""The web face under a hostile internet (issue 19): the display never lies, no one can
starve it, nothing leaks."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
import sqlite3
import threading
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from aiohttp.test_utils import TestClient, TestServer
from multidict import CIMultiDict

from shared import meetings, public, questions, retention, speaking, tokens
from shared.config import WebLimits
from shared.db import Store, open_readonly
from shared.i18n import UserError
from shared.registrations import payload
from tests.web.test_pages import read_event
from web import guard, live, ratelimit
from web.app import make_app


def open_meeting(store: Store) -> int:
    row = store.one("SELECT id FROM meetings WHERE status = 'open'")
    assert row is not None
    return int(row["id"])


async def test_every_display_gets_every_change_in_order_whatever_others_load(
    demo_db: Path, office: Store
) -> None:
    """Another client reloads /man-hinh (and opens streams) right after each change: the
    open display must still receive each change, in order."""
    # A slow poll leaves time for the other loads to land between a change and its push.
    app = make_app(demo_db, poll=0.3)
    async with TestClient(TestServer(app)) as client:
        meeting_id = open_meeting(office)
        async with client.get("/man-hinh/su-kien") as display:
            await read_event(display)
            called = speaking.call(office, meeting_id)
            steps = [
                ((called["number"], "called"), lambda: None),
                ((called["number"], "speaking"), lambda: speaking.start(office, meeting_id)),
                ((called["number"], "paused"), lambda: speaking.pause(office, meeting_id)),
                ((called["number"], "speaking"), lambda: speaking.resume(office, meeting_id)),
                ((None, ""), lambda: speaking.stop(office, meeting_id)),
            ]
            for expected, change in steps:
                change()
                for _ in range(3):
                    assert (await client.get("/man-hinh")).status == 200
                async with client.get("/man-hinh/su-kien") as other:
                    await read_event(other)
                state = await read_event(display)
                assert (state["number"], state["state"]) == expected


@contextlib.asynccontextmanager
async def guarded(
    db: Path, limits: WebLimits, trusted: frozenset[str] = frozenset()
) -> AsyncIterator[int]:
    """The app behind its guard on a real socket, as `hallkit web` serves it; the port."""
    app = make_app(db, poll=0.02, limits=limits, forwarded_allow=trusted)
    runner, listening = await guard.serve(app, "127.0.0.1", 0, limits, trusted)
    try:
        yield int(listening.sockets[0].getsockname()[1])
    finally:
        listening.close()
        await runner.cleanup()


async def connect(port: int, source: str = "127.0.0.1") -> tuple[Any, Any]:
    return await asyncio.open_connection("127.0.0.1", port, local_addr=(source, 0))


async def closed_by_server(reader: asyncio.StreamReader) -> bytes:
    """Everything the server sends until it closes the connection (or 10 s pass)."""
    return await asyncio.wait_for(reader.read(), 10)


async def get(port: int, path: str, source: str = "127.0.0.1") -> tuple[int, bytes]:
    reader, writer = await connect(port, source)
    writer.write(f"GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode())
    answer = await closed_by_server(reader)
    writer.close()
    return int(answer.split(b" ", 2)[1]), answer


async def test_streams_are_capped_in_all_and_per_client_with_a_clear_503(
    demo_db: Path,
) -> None:
    limits = WebLimits(streams=3, streams_per_client=2)
    app = make_app(demo_db, poll=0.02, limits=limits, forwarded_allow=frozenset({"127.0.0.1"}))
    async with TestClient(TestServer(app)) as client:
        a = {"X-Forwarded-For": "198.51.100.1"}
        b = {"X-Forwarded-For": "198.51.100.2"}
        async with (
            client.get("/man-hinh/su-kien", headers=a) as one,
            client.get("/man-hinh/su-kien", headers=a) as two,
        ):
            await read_event(one)
            await read_event(two)
            third = await client.get("/man-hinh/su-kien", headers=a)
            assert third.status == 503 and third.headers["Retry-After"]
            assert "Máy chủ đang bận" in await third.text()
            assert third.headers["Content-Security-Policy"]
            async with client.get("/man-hinh/su-kien", headers=b) as other:
                await read_event(other)  # another address still gets one
                past_total = await client.get(
                    "/man-hinh/su-kien", headers={"X-Forwarded-For": "198.51.100.3"}
                )
                assert past_total.status == 503
        feed = client.app[live.FEED]
        while feed.per_client:  # closed streams are given back
            await asyncio.sleep(0.05)
        async with client.get("/man-hinh/su-kien", headers=a) as again:
            await read_event(again)


async def test_a_slow_or_silent_connection_is_closed_after_its_deadline(demo_db: Path) -> None:
    async with guarded(demo_db, WebLimits(request_seconds=1)) as port:
        silent = await connect(port)
        slow_reader, slow_writer = await connect(port)
        slow_writer.write(b"GET / HTTP/1.1\r\nHost: x\r\n")
        assert await closed_by_server(silent[0]) == b""
        assert await closed_by_server(slow_reader) == b""
        assert (await get(port, "/"))[0] == 200


async def test_idle_connections_cannot_starve_the_server(
    demo_db: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Past the caps the oldest silent connection makes room; when nothing can make
    room, a short 503; the refusals are logged once, not per attempt."""
    limits = WebLimits(connections=12, connections_per_client=5, request_seconds=60)
    caplog.set_level(logging.WARNING, "hallkit.web")
    async with guarded(demo_db, limits) as port:
        # One address holds 30 silent connections: it keeps 5 at most, the oldest dropped.
        hoard = [await connect(port, "127.0.0.2") for _ in range(30)]
        dropped = [c for c in hoard[:25] if await closed_by_server(c[0]) == b""]
        assert len(dropped) == 25
        # Many addresses fill the total: a real visitor still gets in.
        crowd = [await connect(port, f"127.0.1.{i}") for i in range(1, 40)]
        assert (await get(port, "/", "127.0.0.9"))[0] == 200
        # When every connection is busy (a display stream each), a newcomer gets a 503.
        busy = []
        for i in range(12):
            reader, writer = await connect(port, f"127.0.2.{i}")
            writer.write(b"GET /man-hinh/su-kien HTTP/1.1\r\nHost: x\r\n\r\n")
            assert b"200 OK" in await reader.readline()
            busy.append((reader, writer))
        status, answer = await get(port, "/", "127.0.0.8")
        assert status == 503 and b"Retry-After" in answer
        for _ in range(20):
            assert (await get(port, "/", "127.0.0.8"))[0] == 503
        for _, writer in [*hoard, *crowd, *busy]:
            writer.close()
    refusals = [r for r in caplog.records if "refused" in r.getMessage()]
    assert len(refusals) == 1, [r.getMessage() for r in refusals]


async def test_the_feed_survives_a_database_error_and_no_snapshot_is_pinned(
    client: TestClient, office: Store, caplog: pytest.LogCaptureFixture
) -> None:
    """A name that is not valid UTF-8 (a bad merge) breaks reading the hall's state: the
    display shows a neutral "updating" state, the error is logged once, and once the row
    is repaired everything is current again, a withdrawn publication included."""
    caplog.set_level(logging.WARNING)
    meeting_id = open_meeting(office)
    uid = meetings.get_meeting(office, meeting_id)["uid"]
    meetings.set_published(office, meeting_id)
    assert (await client.get(f"/ket-qua/{uid}")).status == 200
    async with client.get("/man-hinh/su-kien") as display:
        await read_event(display)
        waiting = speaking.queue(office, meeting_id, "id, number, status")
        following, last = waiting[0], waiting[-1]
        with office.write():
            office.conn.execute(
                "UPDATE registrations SET name = CAST(x'4e67ff' AS TEXT) WHERE id = ?",
                (last["id"],),
            )
        speaking.call(office, meeting_id, following["number"])
        assert (await read_event(display))["state"] == "updating"
        page = await client.get("/man-hinh")
        assert page.status == 200 and "Đang cập nhật" in await page.text()
        speaking.start(office, meeting_id)
        for _ in range(3):  # reloads while the row is bad: still no 500
            assert (await client.get("/man-hinh")).status == 200
        with office.write():
            office.conn.execute(
                "UPDATE registrations SET name = 'Lê Văn Tư' WHERE id = ?", (last["id"],)
            )
        state = await read_event(display)
        assert (state["number"], state["state"]) == (following["number"], "speaking")
        meetings.set_published(office, meeting_id, False)
        assert (await client.get(f"/ket-qua/{uid}")).status == 404
        assert (await client.get("/man-hinh")).status == 200
    # Logged once each (the feed, and the page loads), not per poll or per load.
    logged = [r.getMessage() for r in caplog.records if "read the database" in r.getMessage()]
    assert len([m for m in logged if m.startswith("the hall display cannot")]) == 1, logged
    assert len(logged) <= 2, logged


async def test_unknown_and_badly_signed_codes_do_the_same_work(
    client: TestClient, office: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The signature is checked before any lookup: a code that exists with a bad
    signature runs the very same queries, with the same answers, as an unknown code."""
    registration = office.all("SELECT * FROM registrations ORDER BY number")[0]
    good = payload(office, registration)
    code, signature = good.split("-")
    flipped = ("A" if signature[0] != "A" else "B") + signature[1:]
    unknown = next(
        c
        for c in ("222222", "333333")
        if office.one("SELECT 1 FROM registrations WHERE code = ?", (c,)) is None
    )
    work: list[tuple[str, bool | int]] = []
    real_one, real_all = Store.one, Store.all

    def one(self: Store, sql: str, params: tuple[Any, ...] = ()) -> Any:
        row = real_one(self, sql, params)
        if threading.current_thread().name.startswith("hallkit-web-db"):  # not the feed
            work.append((sql, row is None))
        return row

    def all_(self: Store, sql: str, params: tuple[Any, ...] = ()) -> Any:
        rows = real_all(self, sql, params)
        if threading.current_thread().name.startswith("hallkit-web-db"):
            work.append((sql, len(rows)))
        return rows

    monkeypatch.setattr(Store, "one", one)
    monkeypatch.setattr(Store, "all", all_)
    done = []
    for token in (f"{code}-{flipped}", f"{unknown}-{signature}"):
        work.clear()
        assert (await client.get(f"/T/{token}")).status == 404
        done.append(list(work))
    assert done[0] == done[1]
    work.clear()
    assert (await client.get(f"/T/{good}")).status == 200


async def test_the_citizen_page_is_rate_limited_too(client: TestClient) -> None:
    statuses = [(await client.get("/T/222222-AAAAAAAAAA")).status for _ in range(40)]
    assert statuses[0] == 404 and statuses[-1] == 429
    refused = await client.get("/T/222222-AAAAAAAAAA")
    assert 1 <= int(refused.headers["Retry-After"]) <= 60


def test_only_ascii_makes_a_token() -> None:
    """`str.upper()` turns "ſ" into "S" and "ı" into "I": no alias of a real token."""
    for alias in ("K7QMſD-AAAAAAAAAA", "K7QM2D-AAAAAAAAAı"):
        with pytest.raises(UserError):
            tokens.parse(alias)
    assert tokens.parse("k7qm2d-aaaaaaaaaa") == ("K7QM2D", "AAAAAAAAAA")


async def test_forwarded_for_takes_the_right_most_untrusted_hop_across_all_lines(
    demo_db: Path,
) -> None:
    """Behind a proxy that appends its own X-Forwarded-For line, a forged first line must
    not give a fresh client each time."""
    app = make_app(demo_db, forwarded_allow=frozenset({"127.0.0.1", "10.0.0.2"}))
    async with TestClient(TestServer(app)) as proxied:
        statuses = []
        for i in range(ratelimit.TRIES + 5):
            headers = CIMultiDict(
                [
                    ("X-Forwarded-For", f"198.51.100.{i}"),
                    ("X-Forwarded-For", "203.0.113.7, 10.0.0.2"),
                ]
            )
            response = await proxied.post("/tra-cuu", data={"code": "x"}, headers=headers)
            statuses.append(response.status)
        assert statuses.count(404) == ratelimit.TRIES and statuses[-1] == 429


def test_an_ipv6_64_is_one_client() -> None:
    limit = ratelimit.RateLimit(tries=3)
    waits = [limit.retry_after(f"2001:db8:1:2::{i:x}", now=100.0) for i in range(1, 6)]
    assert waits[:3] == [0, 0, 0] and all(waits[3:])
    assert limit.retry_after("2001:db8:1:3::1", now=100.0) == 0  # another /64


def test_the_limiter_is_bounded_and_constant_time() -> None:
    limit = ratelimit.RateLimit()
    for i in range(ratelimit.MAX_CLIENTS * 2):
        limit.retry_after(f"10.{i >> 16 & 255}.{i >> 8 & 255}.{i & 255}", now=1000.0)
    assert len(limit) <= ratelimit.MAX_CLIENTS
    # The most recent clients are still counted.
    recent = f"10.{(2 * ratelimit.MAX_CLIENTS - 1) >> 16 & 255}.{(2 * ratelimit.MAX_CLIENTS - 1) >> 8 & 255}.{(2 * ratelimit.MAX_CLIENTS - 1) & 255}"
    for _ in range(ratelimit.TRIES):
        limit.retry_after(recent, now=1000.0)
    assert limit.retry_after(recent, now=1000.0) > 0


def test_forwarded_allow_star_is_refused_on_a_reachable_address(demo_db: Path) -> None:
    from click.testing import CliRunner

    from shared.cli import cli, load_station_commands

    load_station_commands()
    result = CliRunner().invoke(
        cli,
        [
            "--db",
            str(demo_db),
            "--lang",
            "en",
            "web",
            "--host",
            "0.0.0.0",
            "--forwarded-allow",
            "*",
        ],
    )
    assert result.exit_code == 1 and "loopback" in result.output


def test_purge_anonymises_written_and_pre_collected_questions_on_their_own(
    office: Store,
) -> None:
    """A meeting with no registration at all: its written and pre-collected questions
    still follow the retention rule, and purge says so."""
    old = meetings.create_meeting(office, title="Cũ", date="2020-01-10", start_time="08:00")
    for source, name in (("written", "Trần Văn Bốn"), ("pre_collected", "Đỗ Thị Năm")):
        questions.add_question(
            office,
            old,
            summary="Đường hỏng",
            source=source,
            raised_by=name,
            raised_village="Thôn Tây",
        )
    with office.write():
        office.conn.execute(
            "UPDATE questions SET followup_status = 'closed' WHERE meeting_id = ?", (old,)
        )
    assert retention.purge(office, "2020-06-01", 24, today=dt.date(2026, 12, 1)) == 2
    rows = office.all(
        "SELECT raised_by, raised_village FROM questions WHERE meeting_id = ?", (old,)
    )
    assert rows == [{"raised_by": "", "raised_village": ""}] * 2
    with pytest.raises(UserError):
        retention.purge(office, "2020-06-01", 24, today=dt.date(2026, 12, 1))


def test_purge_clears_the_village_a_spoken_question_repeats(office: Store) -> None:
    registration = office.one(
        "SELECT r.id, r.meeting_id FROM registrations r JOIN questions q"
        " ON q.registration_id = r.id LIMIT 1"
    )
    assert registration is not None
    with office.write():
        office.conn.execute(
            "UPDATE questions SET raised_village = 'Xóm Lẻ', followup_status = 'closed'"
            " WHERE registration_id = ?",
            (registration["id"],),
        )
        office.conn.execute(
            "UPDATE questions SET followup_status = 'closed' WHERE meeting_id = ?",
            (registration["meeting_id"],),
        )
    retention.purge(office, "2099-01-01", 1, today=dt.date(2099, 1, 1))
    assert office.one("SELECT 1 FROM questions WHERE raised_village = 'Xóm Lẻ'") is None


async def test_a_purged_citizens_page_shows_no_masked_placeholder(
    client: TestClient, office: Store
) -> None:
    registration = office.all("SELECT * FROM registrations ORDER BY number")[0]
    token = payload(office, registration)
    with office.write():
        office.conn.execute("UPDATE questions SET followup_status = 'closed'")
    retention.purge(office, "2099-01-01", 1, today=dt.date(2099, 1, 1))
    body = await (await client.get(f"/T/{token}")).text()
    assert "ẩ." not in body and "(đã" not in body


async def test_results_hide_denunciations_withdrawn_opinions_and_small_villages(
    demo_db: Path, office: Store
) -> None:
    meeting_id = office.all("SELECT meeting_id FROM registrations")[0]["meeting_id"]
    uid = meetings.get_meeting(office, meeting_id)["uid"]
    denounced = questions.add_question(
        office,
        meeting_id,
        summary="Tố cáo cán bộ địa chính nhận tiền",
        kind="to_cao",
        raised_by="Phan Văn Sáu",
        raised_village="Thôn Đông",
    )
    withdrawn = questions.add_question(
        office,
        meeting_id,
        summary="Xin rút ý kiến về cống thoát nước",
        raised_by="Vũ Thị Bảy",
        raised_village="Thôn Đông",
    )
    with office.write():
        office.conn.execute(
            "UPDATE questions SET outcome = 'withdrawn' WHERE id = ?", (withdrawn["id"],)
        )
    questions.add_question(
        office,
        meeting_id,
        summary="Xin làm cầu qua suối",
        raised_by="Hà Văn Tám",
        raised_village="Xóm Lẻ",
    )
    meetings.set_published(office, meeting_id)
    villages = office.all(
        "SELECT COALESCE(NULLIF(q.raised_village, ''), r.village) AS village,"
        " count(DISTINCT COALESCE('r' || q.registration_id, 'q' || q.id)) AS people"
        " FROM questions q LEFT JOIN registrations r ON r.id = q.registration_id"
        " WHERE q.meeting_id = ? GROUP BY 1",
        (meeting_id,),
    )
    people = {v["village"]: v["people"] for v in villages}
    assert people["Xóm Lẻ"] == 1 and people["Thôn Đông"] >= 3
    app = make_app(demo_db, limits=WebLimits(village_min_speakers=3))
    async with TestClient(TestServer(app)) as client:
        body = await (await client.get(f"/ket-qua/{uid}")).text()
    assert "Tố cáo cán bộ" not in body and "nhận tiền" not in body
    assert "cống thoát nước" not in body
    assert "Xin làm cầu qua suối" in body
    assert "Xóm Lẻ" not in body  # one person: singled out
    assert "Thôn Đông" in body
    assert denounced["kind"] == "to_cao"


async def test_aiohttps_own_errors_carry_our_headers_echo_nothing_and_log_once(
    demo_db: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    async with guarded(demo_db, WebLimits()) as port:
        answers = []
        for i in range(20):
            reader, writer = await connect(port)
            writer.write(
                f"GET /?q=<script>{i} HTTP/1.1\r\nHost: x\r\nBad<script>Header: y\r\n\r\n".encode()
            )
            answers.append(await closed_by_server(reader))
            writer.close()
        ok = await get(port, "/")
    for answer in answers:
        head, _, body = answer.partition(b"\r\n\r\n")
        assert head.split(b" ", 2)[1] == b"400"
        assert b"X-Content-Type-Options: nosniff" in head
        assert b"Content-Security-Policy:" in head
        assert b"aiohttp" not in head and b"Python" not in head
        assert b"<script>" not in body and b"Header" not in body
        assert "Yêu cầu không hợp lệ".encode() in body
    assert b"aiohttp" not in ok[1].partition(b"\r\n\r\n")[0]
    logged = [
        r for r in caplog.records if r.levelno >= logging.INFO and "request" in r.getMessage()
    ]
    assert len(logged) <= 1, [r.getMessage() for r in logged]
    assert not any(r.exc_info for r in caplog.records)


async def test_405_says_allow_and_a_missing_static_file_is_a_page_not_cached(
    client: TestClient,
) -> None:
    wrong = await client.delete("/tra-cuu")
    assert wrong.status == 405 and set(wrong.headers["Allow"].split(",")) >= {"GET", "POST"}
    missing = await client.get("/static/nope.js")
    assert missing.status == 404 and "<h1>" in await missing.text()
    assert missing.headers["Cache-Control"] == "no-store"
    assert "aiohttp" not in missing.headers.get("Server", "")


def test_empty_foreign_and_newer_files_are_told_apart(demo_db: Path, tmp_path: Path) -> None:
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    foreign = tmp_path / "foreign.db"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE photos (id INTEGER)")
    conn.commit()
    conn.close()
    for path in (empty, foreign):
        with pytest.raises(UserError, match="not a hallkit database"):
            open_readonly(path)
    conn = sqlite3.connect(demo_db)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at)"
        " VALUES ('hallkit', 'm999_from_the_future', '2030-01-01')"
    )
    conn.commit()
    conn.close()
    with pytest.raises(UserError, match="newer"):
        open_readonly(demo_db)


async def test_a_database_without_a_secret_gives_404s_not_500s(demo_db: Path) -> None:
    conn = sqlite3.connect(demo_db)
    conn.execute("DELETE FROM meta WHERE key = 'secret'")
    conn.commit()
    conn.close()
    async with TestClient(TestServer(make_app(demo_db))) as client:
        assert (await client.get("/T/K7QM2D-AAAAAAAAAA")).status == 404


def test_with_two_meetings_open_the_display_shows_the_one_at_the_lectern(office: Store) -> None:
    first = open_meeting(office)
    second = meetings.create_meeting(
        office, title="Hội nghị thứ hai", date="2026-03-02", start_time="08:00"
    )
    meetings.set_status(office, second, "open")
    assert public.hall_state(office)["meeting"] == ""  # neither has anyone at the lectern
    called = speaking.call(office, first)
    state = public.hall_state(office)
    assert state["number"] == called["number"] and state["meeting"]


async def test_a_malformed_or_file_upload_is_a_400_page_echoing_nothing(
    client: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.ERROR)
    broken = await client.post(
        "/tra-cuu",
        data=b"--xx\r\nContent-Disposition: form-data; name=code\r\n\r\nAAAA",
        headers={"Content-Type": "multipart/form-data; boundary=yy"},
    )
    assert broken.status in (400, 404) and "<h1>" in await broken.text()
    form = aiohttp.FormData()
    form.add_field("code", b"SECRETFILE<b>", filename="x.txt")
    upload = await client.post("/tra-cuu", data=form)
    body = await upload.text()
    assert upload.status in (400, 404) and "SECRETFILE" not in body and "x.txt" not in body
    assert not [r for r in caplog.records if r.exc_info]
