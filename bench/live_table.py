"""The console's table on its own, 2,000 rows at 140x40: one row is called (its status
changes and it moves first) and the screen repaints. LiveTable against Textual's
DataTable, and `textual-fastdatatable` when it is installed (it is not a dependency:
it brings pyarrow, and its rows cannot be reordered but by sorting on a column).

Run by hand: .venv/bin/python bench/live_table.py [--samples 30]
"""

from __future__ import annotations

import argparse
import asyncio
import importlib
import importlib.util
import random
import statistics
from typing import Any

from console_station import painted  # run from bench/, beside it
from textual.app import App, ComposeResult
from textual.widget import Widget
from textual.widgets import DataTable

from session_console.widgets import Column, LiveTable

ROWS = 2000
LABELS = ["no", "name", "village", "field", "status", "waited", "rank"]


def make_rows() -> list[list[Any]]:
    return [
        [f"{i + 1:04d}", f"Nguyễn Văn {i}", "Thôn Đông", "Giao thông", "đang chờ", "5 ph", i]
        for i in range(ROWS)
    ]


class Host(App[None]):
    def __init__(self, table: Widget) -> None:
        super().__init__()
        self.table = table

    def compose(self) -> ComposeResult:
        yield self.table


async def measure(kind: str, samples: int) -> tuple[list[float], list[float]]:
    rows = make_rows()
    table: Any
    if kind == "LiveTable":
        table = LiveTable([Column(label, label) for label in LABELS[:6]])
    elif kind == "DataTable":
        table = DataTable(cursor_type="row", zebra_stripes=True)
    else:
        fast: Any = importlib.import_module("textual_fastdatatable")
        backend = fast.ArrowBackend.from_records([LABELS, *rows], has_header=True)
        table = fast.DataTable(backend=backend, cursor_type="row", zebra_stripes=True)
    app = Host(table)
    walls: list[float] = []
    cpus: list[float] = []
    async with app.run_test(size=(140, 40)) as pilot:
        if kind == "DataTable":
            for label in LABELS:
                table.add_column(label, key=label)
            for row in rows:
                table.add_row(*row, key=row[0])
        elif kind == "LiveTable":
            table.sync([(row[0], tuple(row[:6])) for row in rows])
        await pilot.pause()
        position = {row[0]: index for index, row in enumerate(rows)}
        chosen = random.Random(1)
        for sample in range(samples):
            row = rows[chosen.randrange(1, ROWS)]
            row[4], row[6] = "đã gọi", -sample - 1
            order = sorted(rows, key=lambda r: int(r[6]))

            def call(
                row: list[Any] = row, order: list[list[Any]] = order, at: int = position[row[0]]
            ) -> None:
                if kind == "LiveTable":
                    table.sync([(r[0], tuple(r[:6])) for r in order])
                elif kind == "DataTable":
                    table.update_cell(row[0], "status", row[4])
                    table.update_cell(row[0], "rank", row[6])
                    table.sort("rank")
                else:
                    table.update_cell(at, 4, row[4])
                    table.update_cell(at, 6, row[6])
                    table.sort("rank")

            wall, cpu = await painted(app, call)
            walls.append(wall)
            cpus.append(cpu)
            position = {r[0]: index for index, r in enumerate(order)}
    return walls, cpus


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--samples", type=int, default=30)
    samples = parser.parse_args().samples
    kinds = ["LiveTable", "DataTable"]
    if importlib.util.find_spec("textual_fastdatatable"):
        kinds.append("textual-fastdatatable")
    for kind in kinds:
        walls, cpus = asyncio.run(measure(kind, samples))
        figures = "   ".join(
            f"{what} p50 {statistics.median(v) * 1000:6.1f} ms"
            f" p95 {statistics.quantiles(v, n=20, method='inclusive')[18] * 1000:6.1f} ms"
            for what, v in (("repaint", walls), ("processor", cpus))
        )
        print(f"{kind:22} {figures}")


if __name__ == "__main__":
    main()
