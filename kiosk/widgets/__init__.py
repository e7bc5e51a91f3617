from kiosk.widgets.field_list import FieldList, catch_all_last
from kiosk.widgets.form_input import FormInput, ListedFormInput
from kiosk.widgets.idle_warning import IdleWarning
from kiosk.widgets.qr import QrCode, qr_text

__all__ = [
    "FieldList",
    "FormInput",
    "IdleWarning",
    "ListedFormInput",
    "QrCode",
    "catch_all_last",
    "qr_text",
]
