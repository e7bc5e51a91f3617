"""The read-only web face (`hallkit web`): aiohttp and Jinja2, no Textual.

Nothing is imported here: the base install has neither aiohttp nor Jinja2, and importing
this package must not need them. Import `make_app` from `session_console.web.app`.
"""
