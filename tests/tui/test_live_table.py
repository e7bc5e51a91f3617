"""The live table on its own: rows kept in step by key, the cursor moved by keys and the
mouse, and only what fits drawn, with the least important columns dropped."""

from __future__ import annotations

from textual import on
from textual.app import App, ComposeResult

from session_console.widgets import Column, LiveTable
from tests.tui.screen import screen_text

COLUMNS = [
    Column("no", "Số", min_width=3),
    Column("name", "Họ tên", min_width=12, text=True),
    Column("note", "Ghi chú dài", priority=3, min_width=12, text=True),
    Column("status", "Trạng thái", min_width=14),
]


def rows(count: int) -> list[tuple[str, tuple[str, ...]]]:
    return [(f"k{i}", (f"{i:03d}", f"Người số {i}", "ghi chú", "đang chờ")) for i in range(count)]


class Host(App[None]):
    def __init__(self) -> None:
        super().__init__()
        self.highlighted: list[str | None] = []

    def compose(self) -> ComposeResult:
        yield LiveTable(COLUMNS, id="t")

    def on_mount(self) -> None:
        self.query_one(LiveTable).focus()

    @on(LiveTable.RowHighlighted, "#t")
    def _moved(self, event: LiveTable.RowHighlighted) -> None:
        self.highlighted.append(event.key)


async def test_keys_and_the_mouse_move_the_cursor_and_say_so() -> None:
    app = Host()
    async with app.run_test(size=(60, 12)) as pilot:
        table = app.query_one(LiveTable)
        table.sync(rows(100))
        await pilot.pause()
        assert app.highlighted == ["k0"] and table.selected_key() == "k0"
        await pilot.press("down", "down")
        assert table.selected_key() == "k2" and app.highlighted[-1] == "k2"
        await pilot.press("pagedown")  # a page is what shows below the header
        assert table.cursor_row == 2 + table.size.height - 1
        await pilot.press("end")
        await pilot.pause()
        assert table.selected_key() == "k99" and "099" in screen_text(app)
        assert "000" not in screen_text(app)  # only the rows that fit are drawn
        await pilot.press("home", "up")
        await pilot.pause()
        assert table.selected_key() == "k0" and "000" in screen_text(app)
        await pilot.click(LiveTable, offset=(5, 4))  # the header is line 0
        assert table.selected_key() == "k3"
        await pilot.click(LiveTable, offset=(5, 0))
        assert table.selected_key() == "k3"


async def test_sync_keeps_the_cursor_on_its_row_and_changes_only_what_changed() -> None:
    app = Host()
    async with app.run_test(size=(60, 12)) as pilot:
        table = app.query_one(LiveTable)
        table.sync(rows(5))
        table.select("k3")
        reordered = [rows(5)[3], *rows(5)[:3]]  # k4 gone, k3 first
        table.sync(reordered)
        await pilot.pause()
        assert table.selected_key() == "k3" and table.cursor_row == 0
        assert [table.get_row_at(i)[0] for i in range(table.row_count)] == [
            "003",
            "000",
            "001",
            "002",
        ]
        table.sync([(key, (*cells[:3], "đã gọi")) for key, cells in reordered])
        await pilot.pause()
        assert "đã gọi" in screen_text(app) and "đang chờ" not in screen_text(app)
        table.sync([])
        await pilot.pause()
        assert table.selected_key() is None and app.highlighted[-1] is None


async def test_a_narrow_table_drops_a_column_rather_than_cutting_headers() -> None:
    app = Host()
    async with app.run_test(size=(44, 8)) as pilot:
        app.query_one(LiveTable).sync(rows(3))
        await pilot.pause()
        shown = screen_text(app)
        assert "Trạng thái" in shown and "đang chờ" in shown and "Ghi chú" not in shown
    app = Host()
    async with app.run_test(size=(70, 8)) as pilot:
        app.query_one(LiveTable).sync(rows(3))
        await pilot.pause()
        assert "Ghi chú dài" in screen_text(app)
