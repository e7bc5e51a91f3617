"""A QR code drawn in the terminal with half blocks: two modules to a character cell."""

from __future__ import annotations

import qrcode
from qrcode.constants import ERROR_CORRECT_M
from textual.widgets import Static

_CELLS = {(False, False): " ", (True, False): "▀", (False, True): "▄", (True, True): "█"}


def qr_text(payload: str, border: int = 2) -> str:
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=border)
    code.add_data(payload)
    code.make(fit=True)
    matrix = code.get_matrix()
    if len(matrix) % 2:
        matrix.append([False] * len(matrix[0]))
    return "\n".join(
        "".join(_CELLS[(top, bottom)] for top, bottom in zip(upper, lower, strict=True))
        for upper, lower in zip(matrix[::2], matrix[1::2], strict=True)
    )


class QrCode(Static):
    """Dark modules on a light ground, whatever the terminal's colours."""

    DEFAULT_CSS = """
    QrCode {
        width: auto;
        height: auto;
        color: black;
        background: white;
    }
    """

    def __init__(self, payload: str, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(qr_text(payload), id=id)
