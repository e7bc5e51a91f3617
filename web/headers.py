"""The headers every response carries, aiohttp's own error answers included."""

from __future__ import annotations

HEADERS = {
    # No inline script or style anywhere: the display's script is /static/display.js.
    "Content-Security-Policy": (
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self';"
        " img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    # The token is in the URL: never send it on to another site.
    "Referrer-Policy": "no-referrer",
    # Not "Python/3.11 aiohttp/3.x": no version for anyone to look up.
    "Server": "hallkit",
}
