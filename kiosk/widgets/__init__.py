from kiosk.widgets.big_number import BigNumber, big_text
from kiosk.widgets.qr import QrCode, qr_text
from kiosk.widgets.suggest import FoldedSuggester

__all__ = ["BigNumber", "FoldedSuggester", "QrCode", "big_text", "qr_text"]
