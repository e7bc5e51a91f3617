from session_console.widgets.live_table import LiveTable

__all__ = ["LiveTable"]
