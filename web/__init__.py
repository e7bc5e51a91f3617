"""The read-only web face (`hallkit web`): aiohttp and Jinja2, no Textual.

Nothing is imported here: the package is loaded for its `hallkit web` command on a plain
install, where aiohttp and Jinja2 (the `web` extra) may be missing. The app is
`web.app.make_app`.
"""
