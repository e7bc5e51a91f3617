"""A ticket number seven rows tall, readable from a step back by anyone."""

from __future__ import annotations

from textual.widgets import Static

from shared.glyphs import big_text


class BigNumber(Static):
    DEFAULT_CSS = """
    BigNumber {
        width: auto;
        height: 7;
    }
    """

    def __init__(self, digits: str, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(big_text(digits), id=id)
