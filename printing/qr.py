"""QR codes drawn to the standard: error correction M, a 4-module quiet zone, and 5-6
printer dots per module (python-escpos' own defaults are below the standard)."""

from __future__ import annotations

import qrcode
from PIL import Image
from qrcode.constants import ERROR_CORRECT_M

QUIET_ZONE = 4


def qr_image(payload: str, max_width: int, module: int = 6) -> tuple[Image.Image, int, int]:
    """The QR as a mode "1" image, with its dots per module and its modules per side.

    Modules shrink to 5, then 4 dots if the paper is too narrow for 6.
    """
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=QUIET_ZONE, box_size=module)
    code.add_data(payload)
    code.make(fit=True)
    size = code.modules_count + 2 * QUIET_ZONE
    while module > 4 and size * module > max_width:
        module -= 1
    code.box_size = module
    picture = code.make_image(fill_color="black", back_color="white").get_image()
    return picture.convert("1"), module, code.modules_count
