"""The pages: a citizen's own items, the lookup form, published results, the display."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

import jinja2
from aiohttp import web

from shared import public
from shared.config import WebLimits
from shared.i18n import DEFAULT_LANGUAGE, LANGUAGES, tr
from web import live
from web.live import FEED
from web.ratelimit import RateLimit, client_address, client_key
from web.reads import Reader
from web.texts import LANGUAGE_NAME, texts

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
READER = web.AppKey("reader", Reader)
TRUSTED = web.AppKey("trusted", frozenset)
LIMIT = web.AppKey("limit", RateLimit)
PAGE_LIMIT = web.AppKey("page_limit", RateLimit)
# A citizen reloads their page a few times, not hundreds: /T/ is limited too, or it would
# go round /tra-cuu's limit.
PAGE_TRIES = 30
LIMITS = web.AppKey("limits", WebLimits)
TEMPLATES = web.AppKey("templates", jinja2.Environment)
ROUTES = web.RouteTableDef()


def language(request: web.Request) -> str:
    lang = request.query.get("lang", DEFAULT_LANGUAGE)
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE


def render(request: web.Request, template: str, status: int = 200, **context: Any) -> web.Response:
    lang = language(request)
    other = next(code for code in LANGUAGES if code != lang)
    page = (
        request.app[TEMPLATES]
        .get_template(template)
        .render(
            t=texts(lang),
            lang=lang,
            suffix="" if lang == DEFAULT_LANGUAGE else f"?lang={lang}",
            # Relative, so a page never echoes its own path (a bad token's page is one page).
            switch=f"?lang={other}",
            other_language=tr(LANGUAGE_NAME, other),
            **context,
        )
    )
    return web.Response(text=page, status=status, content_type="text/html", charset="utf-8")


def error_page(request: web.Request, status: int) -> web.Response:
    if status == 404:
        return not_found(request)
    if status == 503:
        return render(request, "busy.html", status=503)
    return render(request, "error.html", status=status)


def not_found(request: web.Request) -> web.Response:
    return render(request, "not_found.html", status=404)


def too_many(request: web.Request, wait: int) -> web.Response:
    response = render(request, "too_many.html", status=429, seconds=wait)
    response.headers["Retry-After"] = str(wait)
    return response


@ROUTES.get("/")
async def home(request: web.Request) -> web.Response:
    return render(request, "home.html")


@ROUTES.get("/T/{token}")
@ROUTES.get("/t/{token}")
async def citizen(request: web.Request) -> web.Response:
    wait = request.app[PAGE_LIMIT].retry_after(client_address(request, request.app[TRUSTED]))
    if wait:
        return too_many(request, wait)
    shown = await request.app[READER](public.citizen_by_token, request.match_info["token"])
    if shown is None:
        return not_found(request)
    return render(request, "citizen.html", shown=shown)


@ROUTES.get("/tra-cuu")
async def lookup_form(request: web.Request) -> web.Response:
    return render(request, "lookup.html", typed="", missing=False)


@ROUTES.post("/tra-cuu")
async def lookup(request: web.Request) -> web.Response:
    wait = request.app[LIMIT].retry_after(client_address(request, request.app[TRUSTED]))
    if wait:
        return too_many(request, wait)
    # A form sent a byte at a time holds a connection: it gets as long as headers do.
    try:
        async with asyncio.timeout(request.app[LIMITS].request_seconds):
            form = await request.post()
    except (ValueError, TypeError, AssertionError, TimeoutError, web.HTTPException):
        # A malformed body (or one too large): a page, no traceback, nothing echoed.
        return error_page(request, 400)
    code = form.get("code", "")
    # A file sent as the code is nobody's code: never echoed back.
    typed = code[:40] if isinstance(code, str) else ""
    shown = await request.app[READER](public.citizen_by_code, typed)
    if shown is None:
        return render(request, "lookup.html", status=404, typed=typed, missing=True)
    return render(request, "citizen.html", shown=shown)


@ROUTES.get("/ket-qua/{uid}")
async def results(request: web.Request) -> web.Response:
    shown = await request.app[READER](
        public.published_results,
        request.match_info["uid"],
        request.app[LIMITS].village_min_speakers,
    )
    if shown is None:
        return not_found(request)
    return render(request, "results.html", shown=shown)


@ROUTES.get("/man-hinh")
async def display(request: web.Request) -> web.Response:
    """The first state is in the page itself; /static/display.js keeps it live."""
    return render(request, "display.html", state=await request.app[FEED].current())


@ROUTES.get("/man-hinh/su-kien")
async def display_stream(request: web.Request) -> web.StreamResponse:
    feed = request.app[FEED]
    limits = request.app[LIMITS]
    client = client_key(client_address(request, request.app[TRUSTED]))
    if (
        len(feed.subscribers) >= limits.streams
        or feed.per_client[client] >= limits.streams_per_client
    ):
        feed.refused(f"(last from {client})")
        page = error_page(request, 503)
        page.headers["Retry-After"] = str(live.STREAM_RETRY_SECONDS)
        return page
    feed.per_client[client] += 1
    try:
        return await live.stream(request, feed)
    finally:
        feed.per_client[client] -= 1
        if feed.per_client[client] <= 0:
            del feed.per_client[client]
