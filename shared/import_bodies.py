"""`hallkit import bodies`: the responsible bodies questions are assigned or transferred to.

A list of bodies is often typed by hand, one name a line, or kept as a spreadsheet with a
"Cơ quan" column (and maybe "Cấp"). Unlike the other lists, it is taken line by line: a
good line is added, a body already in the list or repeated in the file (ignoring case and
diacritics) is reported and never doubled, a bad line is reported with its reason. Every
line that was not added is named, so nothing is dropped without a word.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from shared import events
from shared.db import Store
from shared.events import EventKind
from shared.i18n import UserError
from shared.importing import HEADERS, csv_dialect, read_text
from shared.reference import add_body
from shared.text import fold

# a CSV's columns, folded; a file whose first line names none of these is a plain list
NAME_HEADERS = (
    *HEADERS["body"],
    "ten co quan",
    "co quan chiu trach nhiem",
    "name",
    "ten",
)
LEVEL_HEADERS = ("level", "cap", "cap tham quyen")

Status = Literal["added", "present", "repeated", "refused"]


@dataclass(frozen=True)
class BodyLine:
    """What became of one line of the file."""

    line: int
    name: str
    status: Status
    listed: str = ""
    """present: the body as the list spells it."""
    first: int = 0
    """repeated: the line that had it first."""
    reason: UserError | None = None
    """refused: why."""


@dataclass
class BodiesImport:
    lines: list[BodyLine] = field(default_factory=list)

    def count(self, *statuses: Status) -> int:
        return sum(1 for line in self.lines if line.status in statuses)


def read_bodies(path: Path, encoding: str = "utf-8") -> list[tuple[int, str, str]]:
    """(line number, name, level) for every non-blank line: from a CSV whose header names
    the body column, else each line is one name (commas and all)."""
    text = read_text(path, encoding)
    if not text.strip():
        raise UserError("{path} is empty.", path=str(path))
    try:
        reader = csv.reader(io.StringIO(text, newline=""), csv_dialect(text))
        header = next(reader)
        names = [i for i, title in enumerate(header) if fold(title) in NAME_HEADERS]
        if not names:
            return _plain(text)
        levels = [i for i, title in enumerate(header) if fold(title) in LEVEL_HEADERS]
        found = []
        for cells in reader:
            if any(cell.strip() for cell in cells):
                found.append((reader.line_num, _cell(cells, names[0]), _cell(cells, *levels)))
        return found
    except csv.Error as error:
        raise UserError(
            "Cannot read the CSV {path}: {reason}", path=str(path), reason=str(error)
        ) from None


def _cell(cells: list[str], *index: int) -> str:
    return cells[index[0]] if index and index[0] < len(cells) else ""


def _plain(text: str) -> list[tuple[int, str, str]]:
    return [(n, line, "") for n, line in enumerate(text.splitlines(), start=1) if line.strip()]


def import_bodies(store: Store, path: Path, encoding: str = "utf-8") -> BodiesImport:
    """Add the file's bodies to the list (`reference.add_body`), one transaction."""
    result = BodiesImport()
    seen: dict[str, int] = {}
    rows = read_bodies(path, encoding)
    with store.write():
        for line, name, level in rows:
            key = fold(name)
            if key in seen:
                result.lines.append(BodyLine(line, name.strip(), "repeated", first=seen[key]))
                continue
            try:
                row, added = add_body(store, name, level)
            except UserError as error:
                result.lines.append(BodyLine(line, name.strip(), "refused", reason=error))
                continue
            seen[key] = line
            status: Status = "added" if added else "present"
            result.lines.append(BodyLine(line, str(row["name"]), status, listed=str(row["name"])))
        events.record(
            store,
            EventKind.IMPORT_BODIES,
            None,
            path.name,
            added=result.count("added"),
            present=result.count("present", "repeated"),
            refused=result.count("refused"),
        )
    return result
