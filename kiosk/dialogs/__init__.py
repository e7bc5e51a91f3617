from kiosk.dialogs.duplicate import DuplicateDialog
from kiosk.dialogs.pin import PinDialog

__all__ = ["DuplicateDialog", "PinDialog"]
