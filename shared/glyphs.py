"""Digits drawn as blocks of text, seven rows tall, for the stations' large numbers
(the kiosk's ticket number, the hall display). Plain text: no Textual here."""

from __future__ import annotations

# 5 x 7 dot digits.
GLYPHS = {
    "0": ["01110", "10001", "10001", "10001", "10001", "10001", "01110"],
    "1": ["00100", "01100", "00100", "00100", "00100", "00100", "01110"],
    "2": ["01110", "10001", "00001", "00010", "00100", "01000", "11111"],
    "3": ["11110", "00001", "00001", "01110", "00001", "00001", "11110"],
    "4": ["00010", "00110", "01010", "10010", "11111", "00010", "00010"],
    "5": ["11111", "10000", "11110", "00001", "00001", "10001", "01110"],
    "6": ["00110", "01000", "10000", "11110", "10001", "10001", "01110"],
    "7": ["11111", "00001", "00010", "00100", "01000", "01000", "01000"],
    "8": ["01110", "10001", "10001", "01110", "10001", "10001", "01110"],
    "9": ["01110", "10001", "10001", "01111", "00001", "00010", "01100"],
    ":": ["00000", "00100", "00100", "00000", "00100", "00100", "00000"],
    "+": ["00000", "00100", "00100", "11111", "00100", "00100", "00000"],
    "-": ["00000", "00000", "00000", "11111", "00000", "00000", "00000"],
    " ": ["00000", "00000", "00000", "00000", "00000", "00000", "00000"],
}


GLYPH_ROWS = 7


def big_text(digits: str, scale: int = 1) -> str:
    """Each dot two cells wide, so the digits look square in a terminal; `scale` draws
    each dot as a square of `scale` x `scale` of those (a bigger screen, bigger digits)."""
    rows = []
    for row in range(GLYPH_ROWS):
        cells = (
            "".join(("██" if dot == "1" else "  ") * scale for dot in GLYPHS[d][row])
            for d in digits
        )
        rows.extend(["  ".join(cells).rstrip()] * scale)
    return "\n".join(rows)


def big_width(digits: str, scale: int = 1) -> int:
    """Cells `big_text(digits, scale)` takes across."""
    return len(digits) * 10 * scale + max(len(digits) - 1, 0) * 2
