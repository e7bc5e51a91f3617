"""The web face over HTTP: every route, what it must never show, and its headers."""

from __future__ import annotations

import asyncio
import json
import re
import sqlite3
from typing import Any

import pytest
from aiohttp.test_utils import TestClient

from shared import meetings, public, speaking, tokens
from shared.db import Store
from shared.registrations import payload
from web import ratelimit, routes

Row = dict[str, Any]


def citizens(store: Store) -> list[Row]:
    return store.all("SELECT * FROM registrations ORDER BY number")


def token_of(store: Store, registration: Row) -> str:
    return payload(store, registration)


def answered(store: Store) -> Row:
    """The demo's first speaker, whose opinion was answered at the meeting."""
    return citizens(store)[0]


async def test_citizen_page_shows_own_items_with_masked_name(
    client: TestClient, office: Store
) -> None:
    pending = office.one(
        "SELECT r.* FROM registrations r JOIN questions q ON q.registration_id = r.id"
        " WHERE q.outcome = 'pending'"
    )
    assert pending is not None
    response = await client.get(f"/T/{token_of(office, pending)}")
    body = await response.text()
    assert response.status == 200
    assert f"{pending['number']:03d}" in body
    assert public.mask_name(pending["name"]) in body
    assert pending["name"] not in body
    assert "Phòng Kinh tế" in body  # the responsible body
    assert "Số phiếu" in body and 'href="?lang=en">English' in body  # Vietnamese by default
    english = await (await client.get(f"/T/{token_of(office, pending)}?lang=en")).text()
    assert "Ticket number" in english and "Số phiếu" not in english
    assert 'href="?lang=vi">Tiếng Việt' in english
    others = [r for r in citizens(office) if r["id"] != pending["id"]]
    for other in others:
        assert public.mask_name(other["name"]) not in body


async def test_token_in_lower_case_and_as_a_full_url_still_opens(
    client: TestClient, office: Store
) -> None:
    token = token_of(office, answered(office))
    assert (await client.get(f"/t/{token.lower()}")).status == 200


def test_mask_name() -> None:
    assert public.mask_name("Nguyễn Văn An") == "Nguyễn V. A."
    assert public.mask_name("Nguyễn Thị Thu Hà") == "Nguyễn T. T. H."
    assert public.mask_name("An") == "A."
    assert public.mask_name("  ") == ""


async def test_forged_altered_other_meeting_and_unknown_tokens_look_the_same(
    client: TestClient, office: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    citizen = answered(office)
    meeting = meetings.get_meeting(office, citizen["meeting_id"])
    good = token_of(office, citizen)
    code, signature = good.split("-")
    other_meeting = meetings.create_meeting(
        office, title="Khác", date="2026-03-01", start_time="08:00"
    )
    other_uid = meetings.get_meeting(office, other_meeting)["uid"]
    unknown = next(
        c
        for c in ("222222", "333333")
        if office.one("SELECT 1 FROM registrations WHERE code = ?", (c,)) is None
    )
    flipped = ("A" if signature[0] != "A" else "B") + signature[1:]
    bad_tokens = {
        "altered signature": f"{code}-{flipped}",
        "altered code": f"{unknown}-{signature}",
        "other meeting": tokens.sign(office.secret, other_uid, code),
        "other installation": tokens.sign(tokens.new_secret(), meeting["uid"], code),
        "unknown code, genuinely signed": tokens.sign(office.secret, meeting["uid"], unknown),
        "not a token": "hello",
    }
    calls = []
    real = tokens.signature_matches

    def counted(*args: str) -> bool:
        calls.append(args)
        return real(*args)

    monkeypatch.setattr(tokens, "signature_matches", counted)
    pages = {}
    for why, token in bad_tokens.items():
        response = await client.get(f"/T/{token}")
        pages[why] = (response.status, await response.text())
    assert {status for status, _ in pages.values()} == {404}
    assert len({text for _, text in pages.values()}) == 1, "a bad token told itself apart"
    # The same work whatever was wrong: one HMAC per meeting each, unknown code or not.
    assert len(calls) == len(bad_tokens) * len(office.all("SELECT id FROM meetings"))
    assert (await client.get(f"/T/{good}")).status == 200


async def test_lookup_by_typed_code_in_any_case(client: TestClient, office: Store) -> None:
    citizen = answered(office)
    form = await client.get("/tra-cuu")
    assert form.status == 200 and 'name="code"' in await form.text()
    typed = f"{citizen['code'][:4].lower()}-{citizen['code'][4:].lower()}"
    response = await client.post("/tra-cuu", data={"code": typed})
    body = await response.text()
    assert response.status == 200
    assert f"{citizen['number']:03d}" in body
    assert public.mask_name(citizen["name"]) not in body  # a typed code shows no name
    wrong = await client.post("/tra-cuu", data={"code": "ZZZZ-ZZ"})
    assert wrong.status == 404
    assert "ZZZZ-ZZ" in await wrong.text()


async def test_lookup_rate_limit_answers_429_with_the_wait(client: TestClient) -> None:
    for _ in range(ratelimit.TRIES):
        assert (await client.post("/tra-cuu", data={"code": "ZZZZZZ"})).status == 404
    refused = await client.post(
        "/tra-cuu", data={"code": "ZZZZZZ"}, headers={"X-Forwarded-For": "203.0.113.9"}
    )
    assert refused.status == 429  # X-Forwarded-For is not trusted unless asked
    wait = int(refused.headers["Retry-After"])
    assert 1 <= wait <= 60
    assert f"{wait}" in await refused.text()
    assert (await client.get("/tra-cuu")).status == 200  # the form itself is not limited


async def test_forwarded_for_is_trusted_only_when_asked(demo_db: Any) -> None:
    from aiohttp.test_utils import TestServer

    from web.app import make_app

    app = make_app(demo_db, forwarded_allow=frozenset({"127.0.0.1"}))
    async with TestClient(TestServer(app)) as proxied:
        for _ in range(ratelimit.TRIES):
            headers = {"X-Forwarded-For": "198.51.100.1"}
            assert (
                await proxied.post("/tra-cuu", data={"code": "x"}, headers=headers)
            ).status == 404
        first = {"X-Forwarded-For": "198.51.100.1"}
        second = {"X-Forwarded-For": "198.51.100.2"}
        assert (await proxied.post("/tra-cuu", data={"code": "x"}, headers=first)).status == 429
        assert (await proxied.post("/tra-cuu", data={"code": "x"}, headers=second)).status == 404


def test_enumerating_codes_at_the_rate_limit_is_infeasible() -> None:
    """The README's arithmetic: the whole code space takes one address a century and more;
    even a meeting of 2,000 tickets takes it a month, on average, to hit one code."""
    space = len(tokens.CODE_ALPHABET) ** tokens.CODE_LENGTH
    per_day = ratelimit.TRIES * 24 * 60 * 60 / ratelimit.WINDOW_SECONDS
    assert space == 887_503_681
    assert per_day == 14_400
    years_for_all = space / per_day / 365
    assert years_for_all > 150
    days_to_hit_one_of_2000 = space / 2000 / per_day
    assert days_to_hit_one_of_2000 > 30


async def test_results_only_for_published_meetings(client: TestClient, office: Store) -> None:
    meeting = meetings.get_meeting(office, answered(office)["meeting_id"])
    url = f"/ket-qua/{meeting['uid']}"
    unpublished = await client.get(url)
    unknown = await client.get("/ket-qua/0123456789abcdef")
    assert unpublished.status == unknown.status == 404
    assert await unpublished.text() == await unknown.text()
    meetings.set_published(office, meeting["id"])
    shown = await client.get(url)
    body = await shown.text()
    assert shown.status == 200
    for field in ("Đất đai", "Giao thông", "Môi trường"):
        assert field in body
    # One speaker per village in the demo: below the threshold, no village is named.
    assert "Thôn Đông" not in body
    assert "Sở Nông nghiệp và Môi trường" in body
    meetings.set_published(office, meeting["id"], False)
    assert (await client.get(url)).status == 404


async def test_display_page_and_its_event_stream(client: TestClient, office: Store) -> None:
    meeting_id = answered(office)["meeting_id"]
    page = await client.get("/man-hinh")
    assert page.status == 200
    assert '<script src="/static/display.js"' in await page.text()
    async with client.get("/man-hinh/su-kien") as stream:
        assert stream.headers["Content-Type"] == "text/event-stream"
        first = await read_event(stream)
        assert first["number"] is None and first["meeting"]
        called = speaking.call(office, meeting_id)
        state = await read_event(stream)
        assert (state["number"], state["state"]) == (called["number"], "called")
        assert state["name"] == ""  # names are off by default
        speaking.start(office, meeting_id)
        assert (await read_event(stream))["state"] == "speaking"
        speaking.pause(office, meeting_id)
        paused = await read_event(stream)
        assert paused["state"] == "paused" and not paused["running"]
        meetings.update_meeting(office, meeting_id, display_names=True)
        assert (await read_event(stream))["name"] == called["name"]


async def read_event(stream: Any) -> dict[str, Any]:
    """The next state event; a missing one fails in seconds rather than hanging."""
    return await asyncio.wait_for(_next_event(stream), 5)


async def _next_event(stream: Any) -> dict[str, Any]:
    data = ""
    while True:
        line = (await stream.content.readline()).decode()
        if not line:
            raise EOFError(f"the stream ended ({stream.status})")
        if line.startswith("data: "):
            data = line[6:]
        elif line == "\n" and data:
            return dict(json.loads(data))


async def test_no_phone_or_full_name_anywhere(client: TestClient, office: Store) -> None:
    """Every route, for every demo citizen, with each of them at the lectern in turn."""
    everyone = citizens(office)
    meeting_id = everyone[0]["meeting_id"]
    meetings.set_published(office, meeting_id)
    uid = meetings.get_meeting(office, meeting_id)["uid"]
    phones = {r["phone"] for r in everyone if r["phone"]}
    assert phones
    bodies = [await (await client.get(u)).text() for u in ("/", "/tra-cuu", f"/ket-qua/{uid}")]
    for citizen in everyone:
        bodies.append(await (await client.get(f"/T/{token_of(office, citizen)}")).text())
        bodies.append(await (await client.post("/tra-cuu", data={"code": citizen["code"]})).text())
        if citizen["status"] == "waiting":
            speaking.call(office, meeting_id, citizen["number"])
            bodies.append(await (await client.get("/man-hinh")).text())
            async with client.get("/man-hinh/su-kien") as stream:
                bodies.append(str(await read_event(stream)))
            speaking.no_show(office, meeting_id, citizen["number"])
    for body in bodies:
        for citizen in everyone:
            assert citizen["name"] not in body
        for phone in phones:
            assert phone not in body


SECURITY = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


async def test_security_headers_on_every_response(client: TestClient, office: Store) -> None:
    token = token_of(office, answered(office))
    responses = [
        await client.get("/"),
        await client.get(f"/T/{token}"),
        await client.get("/T/forged"),
        await client.get("/tra-cuu"),
        await client.get("/man-hinh"),
        await client.get("/static/display.js"),
        await client.get("/no/such/page"),
    ]
    for response in responses:
        for header, value in SECURITY.items():
            assert response.headers[header] == value
        csp = response.headers["Content-Security-Policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    for response in responses[:5]:
        assert response.headers["Cache-Control"] == "no-store"
        body = await response.text()
        assert not re.search(r"<script(?![^>]*\bsrc=)", body), "inline script"
        assert " style=" not in body and "<style" not in body


async def test_errors_are_pages_never_tracebacks(
    client: TestClient, office: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_: object) -> None:
        raise RuntimeError("secret internals")

    monkeypatch.setattr(public, "citizen_by_token", broken)
    crashed = await client.get(f"/T/{token_of(office, answered(office))}")
    assert crashed.status == 500
    body = await crashed.text()
    assert "<h1>" in body and "secret internals" not in body and "Traceback" not in body
    missing = await client.get("/nothing-here?lang=en")
    assert missing.status == 404 and "Not found" in await missing.text()
    wrong_method = await client.delete("/tra-cuu")
    assert wrong_method.status == 405 and "<h1>" in await wrong_method.text()
    listing = await client.get("/static/")
    assert listing.status in (403, 404) and "display.js" not in await listing.text()


async def test_the_database_is_open_read_only(client: TestClient) -> None:
    store = client.app[routes.READER].store()
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        store.conn.execute("UPDATE meetings SET title = 'x'")


async def test_a_closed_display_leaves_no_subscriber(client: TestClient, office: Store) -> None:
    from web.live import FEED

    feed = client.app[FEED]
    async with client.get("/man-hinh/su-kien") as stream:
        await read_event(stream)
        assert len(feed.subscribers) == 1
    speaking.call(office, citizens(office)[0]["meeting_id"])  # a write to a closed tab ends it

    async def gone() -> None:
        while feed.subscribers:
            await asyncio.sleep(0.01)

    await asyncio.wait_for(gone(), 5)
