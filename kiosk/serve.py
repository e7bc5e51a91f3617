"""hallkit serve STATION: a station in a browser on another device, through textual-serve.

textual-serve has no access control, so every request needs the token (in the query
once, then a cookie), the websocket must come from the page's own origin, and the
static folder is not listed. Each browser session runs its own app process (~35 MB), so
a station serves at most `serve_sessions` at once; the next gets a 503 "full" page.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import html
import logging
import re
import secrets
import shlex
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import click

from shared.cli.base import Session, need_extra, pass_session
from shared.config import MAX_SERVE_SESSIONS
from shared.i18n import LANGUAGES, N_, UserError, tr

STATIONS = ("kiosk", "console", "chair", "display")
COOKIE = "hallkit_token"
TOKEN_SHORTEST = 12


Handler = Callable[[Any], Awaitable[Any]]

# Vietnamese stacks two marks over a letter (ễ, ỗ, ặ): at xterm.js's default line height
# of 1.0 the upper mark is cut off ("Nguyễn" reads "Nguyên"). The page uses Roboto Mono
# (shipped inside textual-serve, every Vietnamese letter; served from this machine, as the
# hall's network may be offline) with taller lines, then Debian's Liberation Mono 2.
PAGE = Path(__file__).parent / "serve_page"


def inline_script_hashes(page: str) -> list[str]:
    """The CSP sources of the page's inline scripts (it has no inline handlers), so that
    script-src allows them and nothing injected."""
    scripts = re.findall(r"<script>(.*?)</script>", page, flags=re.DOTALL)
    return [
        "'sha256-" + base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() + "'"
        for s in scripts
    ]


SCRIPT_SOURCES = " ".join(
    ["'self'", *inline_script_hashes((PAGE / "app_index.html").read_text(encoding="utf-8"))]
)
HEADERS = {
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "frame-ancestors 'none'; base-uri 'none'; object-src 'none'; "
    f"script-src {SCRIPT_SOURCES}",
}
FONT_FAMILY = "'Roboto Mono', 'Liberation Mono', 'DejaVu Sans Mono', monospace"
LINE_HEIGHT = 1.3
SCRIPT_PATCHES = (
    (
        "fontFamily:\"'Roboto Mono', Monaco, 'Courier New', monospace\"",
        f'fontFamily:"{FONT_FAMILY}",lineHeight:{LINE_HEIGHT}',
    ),
    # measure the cells once the font has loaded, not with a fallback's metrics
    ("window.onload=e=>{", "window.onload=async e=>{await document.fonts.ready;"),
)


def legible_script(script: str) -> str:
    """textual-serve's page script with the font and line height above. A version of
    textual-serve whose script reads otherwise is served as it is (tests/tui/test_serve
    checks that every patch applies to the installed one)."""
    if any(script.count(old) != 1 for old, _ in SCRIPT_PATCHES):
        return script
    for old, new in SCRIPT_PATCHES:
        script = script.replace(old, new)
    return script


def origin_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def refused(why: str) -> str:
    """A refusal, in every interface language: who reads it may not know which is set."""
    said = (
        tr(
            "hallkit refused: {why}. Open the link that hallkit serve printed.",
            lang,
            why=tr(why, lang),
        )
        for lang in LANGUAGES
    )
    return "\n".join(said) + "\n"


def full_page(station: str, max_sessions: int) -> str:
    """What the browser one session too many shows, in every interface language."""
    parts = [
        "<h1>"
        + html.escape(tr("The {station} station is full", lang, station=station))
        + "</h1><p>"
        + html.escape(
            tr(
                "This station is open in {max} browsers, the most it serves at once. "
                "Close a page showing it, then reload this one, or ask the staff in charge.",
                lang,
                max=max_sessions,
            )
        )
        + "</p>"
        for lang in LANGUAGES
    ]
    title = html.escape(tr("The {station} station is full", LANGUAGES[0], station=station))
    return (
        f'<!doctype html><html lang="{LANGUAGES[0]}"><head><meta charset="utf-8">'
        f"<title>{title}</title></head><body>{'<hr>'.join(parts)}</body></html>\n"
    )


def make_server(
    command: str, host: str, port: int, public_url: str, token: str, max_sessions: int = 4
) -> Any:
    """A textual-serve Server that checks the token and the websocket's Origin, and runs
    at most `max_sessions` app processes at once."""
    from aiohttp import web

    from tui.textual_private import serve_server_class

    allowed_origin = origin_of(public_url)
    station = command.rsplit(" ", 1)[-1]
    live = 0  # websockets being served, one app process each

    @web.middleware
    async def guard(request: web.Request, handler: Handler) -> web.StreamResponse:
        nonlocal live
        given = request.query.get("token") or request.cookies.get(COOKIE, "")
        if not hmac.compare_digest(given.encode(), token.encode()):
            return web.Response(
                status=403,
                text=refused(N_("the link's token is missing or wrong")),
                headers=HEADERS,
            )
        if request.path == "/ws" and request.headers.get("Origin") != allowed_origin:
            return web.Response(status=403, text=refused(N_("this page came from another site")))
        if request.path in ("/", "/ws") and live >= max_sessions:
            return web.Response(
                status=503,
                text=full_page(station, max_sessions),
                content_type="text/html",
                headers={"Retry-After": "30"},
            )
        if request.path == "/" and "token" in request.query:
            # The token goes into a cookie and out of the address bar (and so out of the
            # browser's history and of a photo of the screen): the page loads again without it.
            kept = request.url.with_query({k: v for k, v in request.query.items() if k != "token"})
            moved = web.Response(status=303, headers={**HEADERS, "Location": kept.path_qs})
            moved.set_cookie(
                COOKIE, token, httponly=True, samesite="Lax"
            )  # Lax: a link from a chat app still works
            return moved
        if request.path == "/ws":
            live += 1  # no await since the count: two cannot take the last place
            try:
                return await handler(request)  # returns when the session ends
            finally:
                live -= 1
        response: web.StreamResponse = await handler(request)
        if not response.prepared:
            response.headers.update(HEADERS)
        return response

    class GuardedServer(serve_server_class()):  # type: ignore[misc]
        def initialize_logging(self) -> None:
            super().initialize_logging()
            # The access log would write the token of every first request (?token=…).
            logging.getLogger("aiohttp.access").setLevel(logging.WARNING)

        async def build_app(self) -> web.Application:
            import aiohttp_jinja2
            import jinja2

            app = web.Application(middlewares=[guard])
            aiohttp_jinja2.setup(app, loader=jinja2.FileSystemLoader(PAGE))
            original = (self.statics_path / "js" / "textual.js").read_text(encoding="utf-8")
            script = legible_script(original)

            async def page_script(request: web.Request) -> web.Response:
                return web.Response(text=script, content_type="application/javascript")

            app.add_routes(
                [
                    web.get("/", self.handle_index, name="index"),
                    web.get("/hallkit/textual.js", page_script),
                    web.get("/ws", self.handle_websocket, name="websocket"),
                    web.get("/download/{key}", self.handle_download, name="download"),
                    web.static("/static", self.statics_path, show_index=False, name="static"),
                ]
            )
            app.on_startup.append(self.on_startup)
            app.on_shutdown.append(self.on_shutdown)
            return app

    return GuardedServer(
        command,
        host=host,
        port=port,
        public_url=public_url,
        title=f"hallkit {station}",
    )


@click.command()
@click.argument("station", type=click.Choice(STATIONS))
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, help="Port to listen on.")
@click.option(
    "--public-url",
    default="",
    help="The address browsers use, e.g. http://192.168.1.20:8000 (needed with --host 0.0.0.0).",
)
@click.option("--token", default="", help="Access token (default: a new random one).")
@click.option(
    "--max-sessions",
    type=click.IntRange(1, MAX_SERVE_SESSIONS),
    default=None,
    help="Browser sessions served at once (default: serve_sessions in hallkit.toml, 4).",
)
@pass_session
def serve(
    session: Session,
    station: str,
    host: str,
    port: int,
    public_url: str,
    token: str,
    max_sessions: int | None,
) -> None:
    """Serve a station to browsers on the hall's network (needs hallkit[web])."""
    from shared.cli import cli

    need_extra("web", "aiohttp", "textual_serve")
    if station not in cli.commands:
        raise UserError("The {station} station is not in this version yet.", station=station)
    if host == "0.0.0.0" and not public_url:  # noqa: S104
        raise UserError("Listening on 0.0.0.0 needs --public-url (this machine's LAN address).")
    public_url = (public_url or f"http://{host}:{port}").rstrip("/")
    if token and len(token) < TOKEN_SHORTEST:
        raise UserError(
            "The token must be at least {count} characters long (or leave it out for a"
            " random one).",
            count=TOKEN_SHORTEST,
        )
    token = token or secrets.token_urlsafe(16)
    settings = session.settings
    options = ["--db", str(settings.db_path), "--lang", settings.language]
    if settings.config_path:
        options = ["--config", str(settings.config_path), *options]
    command = shlex.join([sys.executable, "-m", "shared.cli", *options, station])
    session.say(
        "Serving the {station} station. Open in a browser: {url}",
        station=station,
        url=f"{public_url}/?token={token}",
    )
    cap = max_sessions or settings.serve_sessions
    make_server(command, host, port, public_url, token, cap).serve()
