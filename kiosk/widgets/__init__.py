from kiosk.widgets.big_number import BigNumber
from kiosk.widgets.qr import QrCode, qr_text
from kiosk.widgets.suggest import FoldedSuggester

__all__ = ["BigNumber", "FoldedSuggester", "QrCode", "qr_text"]
