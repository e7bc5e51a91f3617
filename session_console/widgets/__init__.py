from session_console.widgets.columns import Column
from session_console.widgets.live_table import LiveTable
from session_console.widgets.text import show

__all__ = ["Column", "LiveTable", "show"]
