from session_console.widgets.big_number import BigText
from session_console.widgets.live_table import LiveTable

__all__ = ["BigText", "LiveTable"]
