"""A DataTable kept in step with the database without reloading it: rows are added,
cells updated by key, and the order changed only when it changed, so a table of
thousands of rows repaints in milliseconds on every poll."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.text import Text
from textual.widgets import DataTable


def _plain(cell: object) -> object:
    """Cells hold citizens' text: never read it as markup ("[/b]" in a name is a name)."""
    return Text(cell) if isinstance(cell, str) else cell


class LiveTable(DataTable[Any]):
    def __init__(self, columns: Sequence[tuple[str, str]], *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self.column_spec = list(columns)
        self.shown: dict[str, tuple[str, ...]] = {}
        self.order: list[str] = []

    def on_mount(self) -> None:
        for key, label in self.column_spec:
            self.add_column(label, key=key)

    def sync(self, rows: Sequence[tuple[str, tuple[str, ...]]]) -> None:
        """Make the table show `rows` (key, cells) in this order."""
        keys = [key for key, _ in rows]
        gone = set(self.shown) - set(keys)
        for key in gone:
            self.remove_row(key)
            del self.shown[key]
        column_keys = [key for key, _ in self.column_spec]
        for key, cells in rows:
            before = self.shown.get(key)
            if before is None:
                self.add_row(*map(_plain, cells), key=key)
            elif before != cells:
                for column, old, new in zip(column_keys, before, cells, strict=True):
                    if old != new:
                        self.update_cell(key, column, _plain(new))
            self.shown[key] = cells
        if keys != self.order:
            # The first column is unique (a ticket or question number): sort on it, and keep
            # the cursor on the same row, not the same place.
            selected = self.selected_key()
            rank = {self.shown[key][0]: index for index, key in enumerate(keys)}
            self.sort(self.column_spec[0][0], key=lambda cell: rank.get(str(cell), len(rank)))
            self.order = keys
            if selected in self.shown:
                self.select(selected)

    def selected_key(self) -> str | None:
        if not 0 <= self.cursor_row < self.row_count:
            return None
        return str(self.ordered_rows[self.cursor_row].key.value)

    def select(self, key: str) -> None:
        if key in self.shown:
            self.move_cursor(row=self.get_row_index(key))
