from session_console.widgets.columns import Column
from session_console.widgets.live_table import LiveTable

__all__ = ["Column", "LiveTable"]
