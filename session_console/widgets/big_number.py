"""Numbers and timers seven rows tall, for the hall display and the chair."""

from __future__ import annotations

from textual.widgets import Static

from shared.glyphs import big_text


class BigText(Static):
    DEFAULT_CSS = """
    BigText {
        width: auto;
        height: 7;
    }
    """

    def show(self, text: str) -> None:
        self.update(big_text(text))
