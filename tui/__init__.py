"""Textual pieces the stations share (the kiosk and the session console): widgets and the
print worker. Imports only shared, printing and Textual; shared and printing never
import it."""

from tui.big_text import BigText
from tui.commands import StationCommands
from tui.confirm import ConfirmDialog
from tui.footer import FittingFooter
from tui.keys_help import KeysHelp, key_rows
from tui.print_worker import PrintingApp
from tui.suggest import ListedInput, offer_markup
from tui.telex import TelexInput, TelexTextArea

__all__ = [
    "BigText",
    "ConfirmDialog",
    "FittingFooter",
    "KeysHelp",
    "ListedInput",
    "PrintingApp",
    "StationCommands",
    "TelexInput",
    "TelexTextArea",
    "key_rows",
    "offer_markup",
]
