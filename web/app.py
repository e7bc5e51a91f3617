"""`hallkit web`: the read-only web face, one aiohttp application.

Every response carries the security headers; every error is a page in the visitor's
language, never a traceback; the database is opened with SQLite's `mode=ro` and read off the event loop
(web.reads).
"""

from __future__ import annotations

import logging
from pathlib import Path

import jinja2
from aiohttp import web

from shared.config import WebLimits
from shared.text import show_date
from web import live, routes
from web.guard import mark_requests
from web.headers import HEADERS
from web.ratelimit import RateLimit
from web.reads import Reader

STATIC = Path(__file__).parent / "static"
log = logging.getLogger("hallkit.web")


@web.middleware
async def pages_for_errors(request: web.Request, handler: routes.Handler) -> web.StreamResponse:
    try:
        return await handler(request)
    except web.HTTPException as error:
        if error.status < 400:
            raise
        page = routes.error_page(request, error.status)
        if "Allow" in error.headers:  # a 405 says what is allowed
            page.headers["Allow"] = error.headers["Allow"]
        return page
    except Exception:
        log.exception("error serving %s", request.path)
        return routes.error_page(request, 500)


async def security_headers(request: web.Request, response: web.StreamResponse) -> None:
    response.headers.update(HEADERS)
    if request.path.startswith("/static/") and response.status == 200:
        response.headers["Cache-Control"] = "public, max-age=3600"
    else:
        # Personal pages must stay off shared and browser caches.
        response.headers["Cache-Control"] = "no-store"


def make_app(
    db_path: Path,
    *,
    forwarded_allow: frozenset[str] = frozenset(),
    rate_limit: RateLimit | None = None,
    poll: float = live.POLL_SECONDS,
    limits: WebLimits | None = None,
) -> web.Application:
    """The application; raises UserError if the database cannot be read."""
    reader = Reader(db_path)
    # A lookup form is a few bytes: nobody needs to send the default megabyte.
    app = web.Application(middlewares=[mark_requests, pages_for_errors], client_max_size=16_384)
    app[routes.LIMITS] = limits or WebLimits()
    app[routes.READER] = reader
    app[routes.TRUSTED] = forwarded_allow
    app[routes.LIMIT] = rate_limit or RateLimit()
    app[routes.PAGE_LIMIT] = RateLimit(routes.PAGE_TRIES)
    app[routes.TEMPLATES] = jinja2.Environment(
        loader=jinja2.PackageLoader("web", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
    )
    app[routes.TEMPLATES].filters["date"] = show_date
    app[live.FEED] = live.HallFeed(db_path, reader, poll)
    app.on_response_prepare.append(security_headers)
    app.cleanup_ctx.append(live.feed_context)
    app.on_shutdown.append(live.end_streams)
    app.on_cleanup.append(_close)
    app.add_routes(routes.ROUTES)
    app.router.add_get("/static/{name}", _static)
    return app


# The files shipped beside this module, read once: nothing else is ever served.
_STATIC_FILES = {path.name: path for path in STATIC.iterdir() if path.is_file()}


async def _static(request: web.Request) -> web.StreamResponse:
    path = _STATIC_FILES.get(request.match_info["name"])
    if path is None:
        return routes.not_found(request)
    return web.FileResponse(path)


async def _close(app: web.Application) -> None:
    app[routes.READER].close()
