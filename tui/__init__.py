"""Textual pieces the stations share (the kiosk and the session console): widgets and the
print worker. Imports only shared, printing and Textual; shared and printing never
import it."""

from tui.big_text import BigText
from tui.confirm import ConfirmDialog
from tui.print_worker import PrintingApp
from tui.suggest import FoldedSuggester, ListedInput

__all__ = ["BigText", "ConfirmDialog", "FoldedSuggester", "ListedInput", "PrintingApp"]
