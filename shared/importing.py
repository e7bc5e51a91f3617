"""CSV imports of the reference lists and of opinions collected before the meeting
(opinions from an Excel workbook too: offices live in Excel).

A file is imported whole or not at all: one transaction, one event. Headers may be
English or Vietnamese, with or without diacritics. Entries already in the database
are skipped (re-importing a file adds nothing); a row repeated inside the file is an
error, since it usually means a copy-and-paste slip.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from shared import events
from shared.db import Store, now_iso
from shared.events import EventKind
from shared.i18n import N_, UserError
from shared.meetings import editable_meeting
from shared.prepare import parse_urgency
from shared.questions import insert_question
from shared.reference import check_field, insert_name, insert_official
from shared.registrations import parse_kind
from shared.specs import QUESTION_SUMMARY_LIMIT
from shared.text import clean, fold
from shared.workbook import cell_text, open_workbook

# column -> accepted headers, folded
HEADERS: dict[str, tuple[str, ...]] = {
    "name": ("name", "ho ten", "ho va ten", "ten", "nguoi phat bieu", "nguoi kien nghi"),
    "position": ("position", "chuc vu"),
    "body": ("body", "co quan", "don vi", "phong ban"),
    "village": ("village", "thon", "to dan pho", "thon/to dan pho", "dia chi"),
    "summary": (
        "summary",
        "noi dung",
        "y kien",
        "noi dung kien nghi",
        "noi dung y kien",
        "y kien, kien nghi",
        "noi dung y kien, kien nghi",
    ),
    "field": ("field", "linh vuc"),
    "kind": ("kind", "loai", "phan loai"),
    "people": ("people", "so nguoi"),
    "urgency": ("urgency", "muc do", "muc do cap thiet", "do cap thiet"),
    "origin": ("origin", "source", "nguon", "nguon y kien", "hinh thuc"),
}
KINDS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    # kind: (required columns, optional columns)
    "officials": (("name",), ("position", "body")),
    "villages": (("name",), ()),
    "fields": (("name",), ()),
    "opinions": (
        ("summary",),
        ("name", "village", "field", "kind", "people", "urgency", "origin"),
    ),
}


@dataclass
class ImportResult:
    added: int
    skipped: int


def read_text(path: Path, encoding: str = "utf-8") -> str:
    """The file's text; refuses what it cannot read or decode, naming the fix."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise UserError(
            "Cannot read {path}: {reason}", path=str(path), reason=error.strerror
        ) from None
    try:
        is_utf8 = codecs.lookup(encoding).name == "utf-8"
        text = data.decode("utf-8-sig" if is_utf8 else encoding)
    except UnicodeDecodeError:
        raise UserError(
            '{path} is not UTF-8. Save it from Excel as "CSV UTF-8", or add --encoding cp1258 for a Windows-Vietnamese file.',
            path=str(path),
        ) from None
    except LookupError:
        raise UserError("Unknown encoding: {encoding}.", encoding=encoding) from None
    return text


def read_csv(path: Path, kind: str, encoding: str = "utf-8") -> list[tuple[int, dict[str, str]]]:
    """(line number, row by column) for each data row; refuses what it cannot read."""
    text = read_text(path, encoding)
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), csv_dialect(text)))
    except csv.Error as error:
        raise UserError(
            "Cannot read the CSV {path}: {reason}", path=str(path), reason=str(error)
        ) from None
    if not rows:
        raise UserError("{path} is empty.", path=str(path))
    columns = _columns(rows[0], kind)
    parsed = []
    for line, cells in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in cells):
            continue
        parsed.append((line, {c: cells[i] if i < len(cells) else "" for c, i in columns.items()}))
    return parsed


HEADER_ROWS = 10  # a title or two may sit above an Excel table's header


def read_xlsx(path: Path, kind: str) -> list[tuple[int, dict[str, str]]]:
    """(Excel row number, row by column) for each data row of the first sheet that has the
    required headers in one of its first rows; columns are found by their header text."""
    book = open_workbook(path, read_only=True, data_only=True)
    try:
        for sheet in book.worksheets:
            rows = [
                (number, [cell_text(v) for v in values])
                for number, values in enumerate(sheet.iter_rows(values_only=True), start=1)
            ]
            for position, (_, header) in enumerate(rows[:HEADER_ROWS]):
                try:
                    columns = _columns(header, kind)
                except UserError:
                    continue
                return [
                    (number, {c: cells[i] if i < len(cells) else "" for c, i in columns.items()})
                    for number, cells in rows[position + 1 :]
                    if any(cell.strip() for cell in cells)
                ]
    finally:
        book.close()
    _columns([], kind)  # no sheet has the headers: refuse naming the first one missing
    return []


def csv_dialect(text: str) -> type[csv.Dialect]:
    """Commas, or semicolons if the first line has more of them."""
    first = text.split("\n", 1)[0]
    return csv.excel if first.count(",") >= first.count(";") else _Semicolon


class _Semicolon(csv.excel):
    """Excel in a Vietnamese locale saves CSV with semicolons."""

    delimiter = ";"


def _headers(kind: str, column: str) -> tuple[str, ...]:
    """A list of villages may head its column "Thôn", a list of fields "Lĩnh vực"."""
    if column == "name" and kind in ("villages", "fields"):
        return HEADERS["name"] + HEADERS[kind.removesuffix("s")]
    if column == "village" and kind == "opinions":  # an agency gathers by unit
        return HEADERS["village"] + ("don vi", "phong ban", "thon/don vi", "thon, to dan pho")
    return HEADERS[column]


def _columns(header: list[str], kind: str) -> dict[str, int]:
    required, optional = KINDS[kind]
    found: dict[str, int] = {}
    for index, title in enumerate(header):
        for column in (*required, *optional):
            if fold(title) in _headers(kind, column) and column not in found:
                found[column] = index
    missing = [c for c in required if c not in found]
    if missing:
        expected = ", ".join(_headers(kind, missing[0])[:2])
        raise UserError(
            'The file has no "{column}" column (header: {expected}).',
            column=missing[0],
            expected=expected,
        )
    return found


def _no_repeats(rows: list[tuple[int, dict[str, str]]]) -> None:
    seen: dict[tuple[str, ...], int] = {}
    for line, row in rows:
        key = tuple(fold(v) for v in row.values())
        if key in seen:
            raise UserError(
                "Line {line} repeats line {first}; nothing was imported. Fix the file and retry.",
                line=line,
                first=seen[key],
            )
        seen[key] = line


def import_csv(
    store: Store, kind: str, path: Path, meeting_id: int | None = None, encoding: str = "utf-8"
) -> ImportResult:
    if kind not in KINDS:
        raise UserError(
            "Cannot import {kind} (choose: {choices}).", kind=kind, choices=", ".join(KINDS)
        )
    if kind == "opinions" and meeting_id is None:
        raise UserError("Name the meeting (--meeting).")
    excel = path.suffix.casefold() == ".xlsx"
    rows = read_xlsx(path, kind) if excel else read_csv(path, kind, encoding)
    _no_repeats(rows)
    insert = _inserter(store, kind, meeting_id)
    added = 0
    with store.write():
        for line, row in rows:
            try:
                added += insert(row)
            except UserError as error:
                if excel:
                    raise UserError(
                        "Row {row}: {reason} Nothing was imported.", row=line, reason=error
                    ) from None
                raise UserError(
                    "Line {line}: {reason} Nothing was imported.", line=line, reason=error
                ) from None
        events.record(
            store,
            EventKind(f"import.{kind}"),
            meeting_id,
            str(path.name),
            added=added,
            rows=len(rows),
        )
    return ImportResult(added=added, skipped=len(rows) - added)


def _inserter(store: Store, kind: str, meeting_id: int | None) -> Callable[[dict[str, str]], int]:
    if kind == "officials":
        return lambda r: _counted(
            insert_official(
                store, r["name"], r.get("position", ""), r.get("body", ""), new_body=True
            )
        )
    if kind in ("villages", "fields"):
        return lambda r: _counted(insert_name(store, kind, r["name"]))
    assert meeting_id is not None
    editable_meeting(store, meeting_id)
    return lambda r: _insert_opinion(store, meeting_id, r)


def _counted(new_id: int | None) -> int:
    return 0 if new_id is None else 1


def _insert_opinion(store: Store, meeting_id: int, row: dict[str, str]) -> int:
    summary = clean(row["summary"], N_("Summary"), max_len=QUESTION_SUMMARY_LIMIT, required=True)
    raised_by = clean(row.get("name"), N_("Full name"), max_len=200)
    village = clean(row.get("village"), N_("Village / residential group"), max_len=100)
    if store.one(
        "SELECT 1 FROM questions WHERE meeting_id = ? AND summary = ? AND raised_by = ?"
        " AND raised_village = ? AND source = 'pre_collected'",
        (meeting_id, summary, raised_by, village),
    ):
        return 0  # the same opinion from the same person, imported before
    at = now_iso()
    question: dict[str, Any] = {
        "meeting_id": meeting_id,
        "source": "pre_collected",
        "raised_by": raised_by,
        "raised_village": village,
        "people": _people(row.get("people", "")),
        "summary": summary,
        "field": check_field(store, clean(row.get("field"), N_("Field"), max_len=100)),
        "kind": parse_kind(row.get("kind") or "kien_nghi"),
        "urgency": parse_urgency(row.get("urgency", "")),
        "origin": clean(row.get("origin"), N_("Source"), max_len=200),
        "created_at": at,
        "updated_at": at,
    }
    insert_question(store, question)
    return 1


def _people(text: str) -> int:
    text = text.strip()
    if not text:
        return 1
    if not text.isdecimal() or not 1 <= int(text) <= 10_000:
        raise UserError("Invalid number of people: {people}.", people=text)
    return int(text)
