"""hallkit web: the citizen's page, the lookup form, published results, the hall display."""

from __future__ import annotations

import contextlib
import ipaddress
from pathlib import Path

import click

from shared.cli.base import Session, need_extra, pass_session
from shared.i18n import UserError


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=int, default=8080, show_default=True, help="Port to listen on.")
@click.option(
    "--forwarded-allow",
    default="",
    help="Comma-separated addresses of reverse proxies whose X-Forwarded-For is trusted for "
    "the rate limit ('*' for any); by default the header is ignored.",
)
@click.option(
    "--db",
    type=click.Path(path_type=Path, dir_okay=False, exists=True),
    help="Database file to serve (default: the one hallkit uses).",
)
@pass_session
def web(session: Session, host: str, port: int, forwarded_allow: str, db: Path | None) -> None:
    """Serve the read-only web face (database opened read-only; --db chooses the file)."""
    need_extra("web", "aiohttp", "jinja2")
    import asyncio

    from web.app import make_app
    from web.guard import run

    trusted = frozenset(a.strip() for a in forwarded_allow.split(",") if a.strip())
    if "*" in trusted and not _loopback(host):
        raise UserError(
            "--forwarded-allow '*' trusts anyone's X-Forwarded-For: only when listening on a"
            " loopback address (a proxy on this machine). Name the proxy's address instead."
        )
    limits = session.settings.web
    app = make_app(db or session.settings.db_path, forwarded_allow=trusted, limits=limits)
    session.say("Serving {url} (Ctrl+C to stop).", url=f"http://{host}:{port}/")
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(run(app, host, port, limits, trusted))
