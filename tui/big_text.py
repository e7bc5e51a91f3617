"""Numbers and timers seven rows tall, readable from a step back: the kiosk's ticket
number, the hall display's number and timer."""

from __future__ import annotations

from textual.widgets import Static

from shared.glyphs import GLYPH_ROWS, big_text


class BigText(Static):
    DEFAULT_CSS = """
    BigText {
        width: auto;
        height: 7;
    }
    """

    def __init__(self, text: str = "", *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(big_text(text), id=id)

    def show(self, text: str, scale: int = 1) -> None:
        """`text` with each dot `scale` times bigger (the widget grows to fit)."""
        self.styles.height = GLYPH_ROWS * scale
        self.update(big_text(text, scale))
