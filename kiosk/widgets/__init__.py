from kiosk.widgets.qr import QrCode, qr_text

__all__ = ["QrCode", "qr_text"]
