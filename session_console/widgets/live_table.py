"""A table kept in step with the database without reloading it, drawn line by line.

Textual's DataTable renders every visible row again on any change, through Rich
renderables per cell: with 2,000 registrations, calling the next speaker took 150 ms or
more to reach the screen. This table keeps the rows as plain tuples, draws only the lines
on screen (a line is a few segments, cached until its row, place or the layout changes)
and fits its columns to the width by priority (see `columns.fit`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from session_console.widgets.columns import EDGE, GAP, Column, clip, fit

Cell = str | Text


def _width(cell: Cell) -> int:
    return cell_len(cell) if isinstance(cell, str) else cell.cell_len


class LiveTable(ScrollView, can_focus=True):
    """Rows are (key, cells); cells are plain strings (citizens' text, never markup) or
    Rich `Text` for a styled mark. One row has the cursor; moving it posts
    `RowHighlighted`."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "cursor(-1)", show=False, id="table-up"),
        Binding("down", "cursor(1)", show=False, id="table-down"),
        Binding("pageup", "page(-1)", show=False, id="table-page-up"),
        Binding("pagedown", "page(1)", show=False, id="table-page-down"),
        Binding("home,ctrl+home", "edge(0)", show=False, id="table-first"),
        Binding("end,ctrl+end", "edge(1)", show=False, id="table-last"),
    ]
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "live-table--header",
        "live-table--cursor",
        "live-table--even-row",
        "live-table--odd-row",
    }
    DEFAULT_CSS = """
    LiveTable {
        background: $surface;
        color: $foreground;
        height: auto;
        max-height: 100%;
        overflow-x: hidden;
        &:focus {
            background-tint: $foreground 5%;
            & > .live-table--cursor {
                background: $block-cursor-background;
                color: $block-cursor-foreground;
                text-style: $block-cursor-text-style;
            }
        }
        & > .live-table--header { text-style: bold; background: $panel; color: $foreground; }
        &:ansi > .live-table--header { background: ansi_bright_blue; color: ansi_default; }
        & > .live-table--even-row { background: $surface-lighten-1 50%; }
        &:dark > .live-table--even-row { background: $surface-darken-1 40%; }
        & > .live-table--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
            text-style: $block-cursor-blurred-text-style;
        }
    }
    """

    class RowHighlighted(Message):
        """The cursor is on another row (`key` None: the table is empty)."""

        def __init__(self, table: LiveTable, key: str | None, index: int) -> None:
            super().__init__()
            self.table = table
            self.key = key
            self.index = index

        @property
        def control(self) -> LiveTable:
            return self.table

    def __init__(self, columns: Sequence[Column], *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self.column_spec = list(columns)
        self.shown: dict[str, tuple[Cell, ...]] = {}
        self.order: list[str] = []
        self.cursor_row = 0
        self._widths: dict[str, tuple[int, ...]] = {}
        self._widest = [0] * len(self.column_spec)
        self._counts: list[dict[int, int]] = [{} for _ in self.column_spec]
        self._fitted: tuple[int, list[int]] = (-1, [])
        self._revision: dict[str, int] = {}
        self._revisions = 0
        # Two screens of lines: enough to scroll back and forth, few for the collector.
        self._lines: LRUCache[tuple[Any, ...], Strip] = LRUCache(200)
        self._styles: dict[str, Style] = {}
        self._announced: str | None = None

    # --- the rows ---

    def sync(self, rows: Sequence[tuple[str, tuple[Cell, ...]]]) -> None:
        """Make the table show `rows` (key, cells) in this order; the cursor stays on the
        same row, not the same place. A row given the same cells as last time costs one
        comparison."""
        selected = self.selected_key()
        keys = [key for key, _ in rows]
        shown, widths = self.shown, self._widths
        changed = keys != self.order
        if changed or len(keys) != len(shown):
            fresh = set(keys)
            for key in [key for key in shown if key not in fresh]:
                self._count(widths.pop(key), -1)
                del shown[key], self._revision[key]
        for key, cells in rows:
            before = shown.get(key)
            if before is not cells and before != cells:
                if before is not None:
                    self._count(widths[key], -1)
                shown[key] = cells
                widths[key] = tuple(map(_width, cells))
                self._count(widths[key], 1)
                self._revisions += 1
                self._revision[key] = self._revisions
                changed = True
        if not changed:
            return
        widest = [max(counted, default=0) for counted in self._counts]
        if widest != self._widest:
            self._widest = widest
            self._fitted = (-1, [])
        if keys != self.order:
            self.order = keys
            if selected in shown:
                self.cursor_row = keys.index(selected)
        natural = 2 * EDGE + sum(widest) + GAP * (len(widest) - 1)
        self.virtual_size = Size(natural, len(keys) + 1)
        self._move(self.cursor_row)
        self.refresh()

    def _count(self, widths: tuple[int, ...], step: int) -> None:
        """How many rows have each width, per column: the widest is known without
        measuring every row again when the widest one changes."""
        for counted, width in zip(self._counts, widths, strict=True):
            counted[width] = counted.get(width, 0) + step
            if not counted[width]:
                del counted[width]

    @property
    def row_count(self) -> int:
        return len(self.order)

    def get_row_at(self, index: int) -> tuple[Cell, ...]:
        return self.shown[self.order[index]]

    def selected_key(self) -> str | None:
        return self.order[self.cursor_row] if 0 <= self.cursor_row < len(self.order) else None

    def select(self, key: str) -> None:
        if key in self.shown:
            self._move(self.order.index(key))

    # --- the cursor ---

    @property
    def _page(self) -> int:
        return max(1, self.scrollable_content_region.height - 1)

    def _move(self, index: int) -> None:
        before = self.cursor_row
        self.cursor_row = max(0, min(index, len(self.order) - 1))
        if before != self.cursor_row:
            self.refresh()
        top = round(self.scroll_y)
        if self.cursor_row < top:
            self.scroll_to(y=self.cursor_row, animate=False)
        elif self.cursor_row >= top + self._page:
            self.scroll_to(y=self.cursor_row - self._page + 1, animate=False)
        key = self.selected_key()
        if key != self._announced:
            self._announced = key
            self.post_message(self.RowHighlighted(self, key, self.cursor_row))

    def action_cursor(self, step: int) -> None:
        self._move(self.cursor_row + step)

    def action_page(self, step: int) -> None:
        self._move(self.cursor_row + step * self._page)

    def action_edge(self, end: int) -> None:
        self._move(len(self.order) - 1 if end else 0)

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is not None and offset.y >= 1:
            index = round(self.scroll_y) + offset.y - 1
            if index < len(self.order):
                self._move(index)

    def on_focus(self) -> None:
        self._restyle()

    def on_blur(self) -> None:
        self._restyle()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._restyle()

    def _restyle(self) -> None:
        self._styles.clear()
        self._lines.clear()
        self.refresh()

    # --- drawing ---

    def _style(self, name: str) -> Style:
        if name not in self._styles:
            base = self.rich_style
            self._styles[name] = base + self.get_component_rich_style(name, partial=True)
        return self._styles[name]

    def column_widths(self) -> list[int]:
        """Each column's width now (0: dropped for lack of room)."""
        width = self.scrollable_content_region.width
        if self._fitted[0] != width:
            self._fitted = (width, fit(self.column_spec, self._widest, width))
        return self._fitted[1]

    def _strip(self, cells: Sequence[Cell], style: Style, width: int) -> Strip:
        segments = [Segment(" " * EDGE, style)]
        first = True
        for cell, room in zip(cells, self.column_widths(), strict=True):
            if not room:
                continue
            if not first:
                segments.append(Segment(" " * GAP, style))
            first = False
            if isinstance(cell, str):
                shown = clip(cell, room)
                segments.append(Segment(shown + " " * (room - cell_len(shown)), style))
            else:
                text = cell.copy()
                text.truncate(room, overflow="ellipsis", pad=True)
                segments.extend(Segment.apply_style(text.render(self.app.console), style))
        return Strip(segments).adjust_cell_length(width, style)

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        widths = self.column_widths()
        if y == 0:
            style = self._style("live-table--header")
            key: tuple[Any, ...] = ("header", tuple(widths), width)
            if key not in self._lines:
                labels = [column.label for column in self.column_spec]
                self._lines[key] = self._strip(labels, style, width)
            return self._lines[key]
        index = round(self.scroll_y) + y - 1
        if index >= len(self.order):
            return Strip.blank(width, self.rich_style)
        if index == self.cursor_row:
            name = "live-table--cursor"
        else:
            name = "live-table--even-row" if index % 2 else "live-table--odd-row"
        row = self.order[index]
        key = (row, self._revision[row], name, tuple(widths), width)
        line = self._lines.get(key)
        if line is None:
            line = self._lines[key] = self._strip(self.shown[row], self._style(name), width)
        return line
