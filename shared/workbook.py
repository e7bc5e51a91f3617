"""Reading .xlsx files offices fill in Excel: the checks every reader shares; and the
guard every cell hallkit's core writes goes through (`put`).

A file is refused whole, naming why: too big, not an Excel workbook (a .csv or .docx
renamed .xlsx), or unreadable. Cell values become text the way a person typed them
(3 not 3.0, a date as dd/mm/yyyy is left to the reader).
"""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path
from typing import Any

from shared.i18n import UserError

MAX_BYTES = 10 * 1024 * 1024
# What a spreadsheet runs as a formula when a cell starts with it: ASCII starts, their
# full-width forms (which some input methods produce and some Excel versions accept), and
# the whitespace CSV readers strip before looking. The exports (documents/
# cells.py) use this guard too.
FORMULA_STARTS = frozenset("=+-@\t\r\n" + "＝＋－＠")


def formula_like(value: object) -> bool:
    """True when a spreadsheet could take `value` for a formula; numbers never are."""
    return isinstance(value, str) and value.lstrip(" ")[:1] in FORMULA_STARTS


def put(sheet: Any, row: int, column: int, value: Any) -> Any:
    """Write one cell of a sheet hallkit sends out: text stays text, exactly as typed (a
    citizen's "=HYPERLINK(…)" is never a formula), numbers stay numbers."""
    cell = sheet.cell(row, column)
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"
        cell.quotePrefix = formula_like(value)
    return cell


def open_workbook(path: Path, *, read_only: bool, data_only: bool) -> Any:
    """The openpyxl workbook at `path`, after the size and type checks."""
    from openpyxl import load_workbook

    try:
        size = path.stat().st_size
    except OSError as error:
        raise UserError(
            "Cannot read {path}: {reason}", path=str(path), reason=error.strerror
        ) from None
    if size > MAX_BYTES:
        raise UserError(
            "{path} is {size} MB; a workbook read in is at most {most} MB.",
            path=path.name,
            size=round(size / 1024 / 1024, 1),
            most=MAX_BYTES // 1024 // 1024,
        )
    if not zipfile.is_zipfile(path):
        raise UserError(
            "{path} is not an Excel workbook (.xlsx); was another file renamed?", path=path.name
        )
    try:
        return load_workbook(path, read_only=read_only, data_only=data_only)
    except Exception:  # openpyxl raises KeyError, BadZipFile, InvalidFileException ...
        raise UserError(
            "{path} is not an Excel workbook (.xlsx); was another file renamed?", path=path.name
        ) from None


def cell_text(value: Any) -> str:
    """A cell's value as the text a person sees in it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)
