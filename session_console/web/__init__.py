"""The read-only web face (`hallkit web`): aiohttp and Jinja2, no Textual."""

from session_console.web.app import make_app

__all__ = ["make_app"]
