"""The one guard every spreadsheet cell hallkit writes goes through (.xlsx and .csv).

What citizens and staff typed (a name, a body, a summary) must stay text: a value that
a spreadsheet would run as a formula (`=HYPERLINK(...)`, `+1`, `@SUM`, a leading tab or
carriage return) must not. CSV has no types, so such a value gets the apostrophe Excel
and LibreOffice read as "text"; an .xlsx cell is typed text, exactly as written, with the
quote-prefix flag so re-entering the cell in Excel keeps it text.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from openpyxl.cell.cell import Cell
from openpyxl.worksheet.worksheet import Worksheet

from shared.workbook import formula_like  # the one guard, also for the sheets sent out


def csv_row(values: Iterable[Any]) -> list[str]:
    """One CSV row, each formula-like value led by an apostrophe."""
    return [f"'{value}" if formula_like(value) else str(value) for value in values]


def append_row(sheet: Worksheet, values: Iterable[Any]) -> None:
    """Append one row to an .xlsx sheet: text is text (never a formula), numbers stay numbers."""
    cells = []
    for value in values:
        cell = Cell(sheet, value=value)
        if isinstance(value, str):
            cell.data_type = "s"
            cell.quotePrefix = formula_like(value)
        cells.append(cell)
    sheet.append(cells)
