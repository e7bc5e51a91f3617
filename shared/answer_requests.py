"""The request for answers the office sends each body (one .xlsx with its opinions and an
empty answer column), and the filled file read back in.

Every row carries a hidden, signed id (column A, locked under sheet protection), and the
file a signed token naming its meeting and body, so each answer finds its opinion and an
edited id, a row pasted from another meeting's file or a foreign file is refused. A file
is read whole or not at all: any refusal names the row and the reason, and nothing of
that file is stored.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from shared import events, prepare, recurrence
from shared.db import Store
from shared.events import EventKind
from shared.i18n import LANGUAGES, N_, UserError, tr
from shared.meetings import get_meeting
from shared.specs import KINDS
from shared.text import fold, show_date
from shared.workbook import cell_text, open_workbook, put

Row = dict[str, Any]
FILE_MARK = "hallkit-request"
HEADER_ROW = 4
# (column header msgid, width); column A is the hidden id, the answer is the last column
COLUMNS: tuple[tuple[str, int], ...] = (
    (N_("Id"), 14),
    (N_("No."), 6),
    (N_("Opinion"), 50),
    (N_("Sources"), 28),
    (N_("People"), 8),
    (N_("Field"), 16),
    (N_("Kind"), 12),
    (N_("Urgency"), 12),
    (N_("Raised before"), 36),
    (N_("Official"), 22),
    (N_("Due"), 12),
    (N_("Answer"), 60),
)
ANSWER_COLUMN = len(COLUMNS)  # 1-based
_ROW_ID = re.compile(r"(\d+)-([0-9a-f]{12})")


def _sign(secret: str, text: str) -> str:
    return hmac.new(secret.encode(), text.encode(), hashlib.sha256).hexdigest()[:12]


def row_id(store: Store, meeting: Row, question_id: int) -> str:
    signed = "{}:{}".format(meeting["uid"], question_id)
    return f"{question_id}-{_sign(store.secret, signed)}"


def file_token(store: Store, meeting: Row, body_id: int) -> str:
    signed = f"{meeting['uid']}|{body_id}"
    return f"{FILE_MARK}|{signed}|{_sign(store.secret, signed)}"


def file_name(meeting_id: int, body: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", fold(body)).strip("-")
    return f"hoi-nghi-{meeting_id}-de-nghi-tra-loi-{slug}.xlsx"


@dataclass
class BodyRequest:
    """What one body is asked to answer: its opinions, the earliest due date, the file."""

    body_id: int
    body: str
    opinions: list[prepare.Opinion]
    due: str
    file_name: str


def body_requests(store: Store, meeting_id: int, today: dt.date) -> list[BodyRequest]:
    """The assigned opinions of the meeting, one request a body (by body id); refused when
    none is assigned."""
    found = [o for o in prepare.opinions(store, meeting_id, today) if o.row["prep_body_id"]]
    if not found:
        raise UserError(
            "No opinion of meeting {meeting} is assigned to a body.", meeting=meeting_id
        )
    bodies: dict[int, list[prepare.Opinion]] = {}
    for opinion in found:
        key = opinion.row["prep_body_id"]
        bodies[key] = [*bodies.get(key, []), opinion]  # (no .append: test_spreadsheets)
    return [
        BodyRequest(
            body_id,
            opinions[0].row["prep_body_name"],
            opinions,
            min(o.row["prep_due"] for o in opinions),
            file_name(meeting_id, opinions[0].row["prep_body_name"]),
        )
        for body_id, opinions in sorted(bodies.items())
    ]


def write_requests(store: Store, meeting_id: int, folder: Path, lang: str) -> list[Path]:
    """One .xlsx per body with opinions assigned in the meeting; the paths written."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, Protection

    meeting = get_meeting(store, meeting_id)
    today = dt.date.today()
    requests = body_requests(store, meeting_id, today)
    found = [o for r in requests for o in r.opinions]
    repeats = recurrence.of_meeting(store, meeting_id, [o.row for o in found])
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for request in requests:
        body_id, opinions, body, due = request.body_id, request.opinions, request.body, request.due
        book = Workbook()
        sheet = book.active
        sheet.title = tr("Answers requested", lang)[:31]
        put(sheet, 1, 1, file_token(store, meeting, body_id))
        put(sheet, 1, 2, tr("Request to prepare answers: {body}", lang, body=body)).font = Font(
            bold=True, size=13
        )
        put(
            sheet,
            2,
            2,
            tr(
                'Meeting "{title}" on {date}. Please write each answer in the column "{answer}" and send this file back by {due}; change nothing else.',
                lang,
                title=meeting["title"],
                date=show_date(meeting["date"]),
                answer=tr("Answer", lang),
                due=show_date(due),
            ),
        )
        for column, (header, width) in enumerate(COLUMNS, start=1):
            cell = put(sheet, HEADER_ROW, column, tr(header, lang))
            cell.font = Font(bold=True)
            letter = cell.column_letter
            sheet.column_dimensions[letter].width = width
        for number, opinion in enumerate(opinions, start=1):
            row = opinion.row
            earlier = repeats.get(row["id"], [])
            values = (
                row_id(store, meeting, row["id"]),
                number,
                row["summary"],
                "; ".join(
                    ", ".join(x for x in (s["raised_village"], s["origin"]) if x) or "-"
                    for s in opinion.sources
                ),
                opinion.people,
                row["field"],
                tr(KINDS[row["kind"]], lang),
                tr(prepare.URGENCY[row["urgency"]].label, lang),
                earlier[0].told(lang, today) if earlier else "",
                row["prep_official_name"],
                show_date(row["prep_due"]),
                row["prep_answer"],
            )
            for column, value in enumerate(values, start=1):
                cell = put(sheet, HEADER_ROW + number, column, value)
                cell.alignment = Alignment(wrap_text=True, vertical="top")
            sheet.cell(HEADER_ROW + number, ANSWER_COLUMN).protection = Protection(locked=False)
        sheet.column_dimensions["A"].hidden = True
        sheet.freeze_panes = sheet.cell(HEADER_ROW + 1, 3)
        sheet.protection.sheet = True  # the ids are locked; the answers are not
        sheet.protection.formatColumns = False
        sheet.protection.formatRows = False
        path = folder / request.file_name
        temporary = path.with_suffix(".tmp")
        book.save(temporary)
        temporary.replace(path)
        written += [path]
    with store.write():
        events.record(
            store,
            EventKind.PREPARE_REQUESTS,
            meeting_id,
            f"meeting:{meeting_id}",
            bodies=len(requests),
            opinions=len(found),
        )
    return written


@dataclass
class ReadResult:
    meeting_id: int
    body: str
    stored: int
    unchanged: int
    empty: int


def _refused(path: Path, row: int, reason: UserError) -> UserError:
    return UserError(
        "{path}, row {row}: {reason} Nothing of this file was stored.",
        path=path.name,
        row=row,
        reason=reason,
    )


def _headers_ok(values: list[str]) -> int:
    """The first column (1-based) whose header is not the one written, or 0."""
    for column, (header, _) in enumerate(COLUMNS, start=1):
        text = fold(values[column - 1]) if column <= len(values) else ""
        if column == 1:
            continue  # the hidden id column's header is checked with its ids
        if text not in {fold(tr(header, lang)) for lang in LANGUAGES}:
            return column
    return 0


def read_answers(store: Store, path: Path) -> ReadResult:
    """Store the answers of one filled request, or refuse the file whole."""
    book = open_workbook(path, read_only=False, data_only=False)
    sheet = next(
        (s for s in book.worksheets if cell_text(s["A1"].value).startswith(FILE_MARK + "|")),
        None,
    )
    if sheet is None:
        raise _refused(path, 1, UserError("This is not a request for answers written by hallkit."))
    meeting, body = _file_owner(store, path, cell_text(sheet["A1"].value))
    for merged in sheet.merged_cells.ranges:
        raise _refused(
            path,
            merged.min_row,
            UserError("Merged cells ({cells}): unmerge them.", cells=str(merged)),
        )
    rows = list(sheet.iter_rows())
    header = [cell_text(c.value) for c in rows[HEADER_ROW - 1]] if len(rows) >= HEADER_ROW else []
    moved = _headers_ok(header)
    if moved:
        expected = tr(COLUMNS[moved - 1][0], "vi")
        raise _refused(
            path,
            HEADER_ROW,
            UserError(
                'The columns were moved or deleted: column {column} should be "{header}".',
                column=moved,
                header=expected,
            ),
        )
    answers: list[tuple[Row, str]] = []
    unchanged = empty = 0
    seen: dict[int, int] = {}
    for cells in rows[HEADER_ROW:]:
        number = cells[0].row
        for cell in cells:
            if cell.data_type == "f":
                raise _refused(
                    path,
                    number,
                    UserError("A formula in {cell}: paste the values only.", cell=cell.coordinate),
                )
        values = [cell_text(c.value) for c in cells]
        if not any(v.strip() for v in values):
            continue
        try:
            opinion = _opinion_of(store, meeting, body, values[0])
            if opinion["id"] in seen:
                raise UserError("This opinion is already on row {row}.", row=seen[opinion["id"]])
            seen[opinion["id"]] = number
            text = values[ANSWER_COLUMN - 1] if len(values) >= ANSWER_COLUMN else ""
            if not text.strip():
                empty += 1
                continue
            text = prepare.clean_answer(text)
            if opinion["prep_answer"] == text:
                unchanged += 1
                continue
            if opinion["prep_answer"]:
                raise UserError(
                    'Opinion {question} was answered already (on {date}); change that answer with "hallkit prepare answer".',
                    question=opinion["id"],
                    date=show_date(opinion["prep_answered_at"]),
                )
        except UserError as error:
            raise _refused(path, number, error) from None
        answers += [(opinion, text)]
    with store.write():
        for opinion, text in answers:
            prepare.record_answer(store, opinion, text, path.name)
        events.record(
            store,
            EventKind.PREPARE_ANSWERS_READ,
            meeting["id"],
            f"meeting:{meeting['id']}",
            file=path.name,
            body=body["name"],
            stored=len(answers),
        )
    return ReadResult(meeting["id"], body["name"], len(answers), unchanged, empty)


def _file_owner(store: Store, path: Path, token: str) -> tuple[Row, Row]:
    """The meeting and body the file was written for, if its token is ours and intact."""
    parts = token.split("|")
    if len(parts) != 4 or not hmac.compare_digest(
        _sign(store.secret, f"{parts[1]}|{parts[2]}").encode(), parts[3].encode()
    ):
        raise _refused(
            path, 1, UserError("This file was not written by this installation, or was changed.")
        )
    meeting = store.one("SELECT * FROM meetings WHERE uid = ?", (parts[1],))
    body = store.one("SELECT * FROM bodies WHERE id = ?", (int(parts[2]),))
    if meeting is None or body is None:
        raise _refused(path, 1, UserError("This file is for a meeting or body no longer here."))
    if meeting["status"] == "closed":
        raise _refused(
            path,
            1,
            UserError(
                "Meeting {meeting} is closed; it can no longer be changed.", meeting=meeting["id"]
            ),
        )
    return meeting, body


def _opinion_of(store: Store, meeting: Row, body: Row, text: str) -> Row:
    """The opinion a row's hidden id names, if it belongs to this file's meeting and body."""
    found = _ROW_ID.fullmatch(text.strip())
    if not found:
        raise UserError("The hidden id of this row was changed.")
    question_id = int(found.group(1))
    opinion = store.one("SELECT * FROM questions WHERE id = ?", (question_id,))
    if opinion is None or opinion["meeting_id"] != meeting["id"]:
        raise UserError("This row is an opinion of another meeting.")
    if row_id(store, meeting, question_id) != text.strip():
        raise UserError("The hidden id of this row was changed.")
    if opinion["grouped_into"] is not None:
        raise UserError(
            "Opinion {question} was grouped into opinion {head} since the request was written.",
            question=question_id,
            head=opinion["grouped_into"],
        )
    if opinion["prep_body_id"] != body["id"]:
        raise UserError(
            "Opinion {question} is now assigned to {body}, not to this body.",
            question=question_id,
            body=opinion["prep_body_name"] or "-",
        )
    return opinion
