"""Numbers and timers seven rows tall, readable from a step back: the kiosk's ticket
number, the hall display's number and timer."""

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

    def __init__(self, text: str = "", *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(big_text(text), id=id)

    def show(self, text: str) -> None:
        self.update(big_text(text))
