"""A ticket number seven rows tall, readable from a step back by anyone."""

from __future__ import annotations

from textual.widgets import Static

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
}


def big_text(digits: str) -> str:
    """Each dot two cells wide, so the digits look square in a terminal."""
    rows = []
    for row in range(7):
        cells = ("".join("██" if dot == "1" else "  " for dot in GLYPHS[d][row]) for d in digits)
        rows.append("  ".join(cells).rstrip())
    return "\n".join(rows)


class BigNumber(Static):
    DEFAULT_CSS = """
    BigNumber {
        width: auto;
        height: 7;
    }
    """

    def __init__(self, digits: str, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(big_text(digits), id=id)
        self.digits = digits
