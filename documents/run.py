"""`hallkit export`: every document of one meeting into a folder, atomically, reproducibly."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from documents import handout, minutes, notice, pending
from documents.files import write_atomic
from documents.layout import Family
from shared.db import Store
from shared.i18n import N_, Label, UserError
from shared.record import MeetingRecord, gather


@dataclass(frozen=True)
class Options:
    minutes_number: str = ""
    notice_number: str = ""
    family: Family | None = None
    """None: the meeting's own (a party committee's meeting gets the party layout)."""
    abbreviation: str = ""
    unit: str = "VP"
    """The drafting unit kept on file: "- Lưu: VT, VP." in Nơi nhận."""
    csv_separator: str = ","
    status_date: dt.date | None = None
    """The day the follow-up list's status is given as of (default: the day of the
    meeting's last recorded change)."""
    notice_date: dt.date | None = None
    """The day the notice is issued (it is issued after the meeting); None leaves the day
    blank for the clerk."""

    def short_name(self, family: Family) -> str:
        return self.abbreviation or ("ĐU" if family == "party" else "UBND")


FAMILY_NAMES: dict[str, str] = {
    "state": N_("state administrative (NĐ 30)"),
    "party": N_("party committee"),
}


def family_of(meeting: Mapping[str, Any], asked: Family | None = None) -> Family:
    """The layout family a meeting's documents use: the party committee's for a meeting at
    the party level, else the state's (NĐ 30). Asking for the other one is refused: a party
    header over a people's committee (or the reverse) is not a document anyone may file."""
    own: Family = "party" if meeting.get("level") == "party" else "state"
    if asked and asked != own:
        raise UserError(
            "Meeting {meeting} is held at the {level} level, so its documents use the {own} "
            "layout, not {asked}; change the meeting's --level if that is wrong.",
            meeting=meeting.get("id", ""),
            level=meeting.get("level", ""),
            own=Label(FAMILY_NAMES[own]),
            asked=Label(FAMILY_NAMES[asked]),
        )
    return own


def documents(record: MeetingRecord, options: Options) -> list[tuple[str, Callable[[], bytes]]]:
    """(file name, how to make it) for each document, in the order they are written."""
    stem = f"hoi-nghi-{record.meeting['id']}"
    family = family_of(record.meeting, options.family)
    short = options.short_name(family)
    made = [
        (
            f"{stem}-bien-ban.docx",
            lambda: minutes.docx(record, options.minutes_number, family, short, options.unit),
        ),
        (
            f"{stem}-bien-ban.md",
            lambda: minutes.markdown(
                record, options.minutes_number, short, family, options.unit
            ).encode(),
        ),
        (f"{stem}-kien-nghi-chua-giai-quyet.xlsx", lambda: pending.xlsx_bytes(record)),
        (
            f"{stem}-kien-nghi-chua-giai-quyet.csv",
            lambda: pending.csv_bytes(record, options.csv_separator),
        ),
        (
            f"{stem}-thong-bao-ket-luan.docx",
            lambda: notice.docx(
                record, options.notice_number, family, short, options.unit, options.notice_date
            ),
        ),
        (f"{stem}-cam-ket-giai-quyet.pdf", lambda: handout.pdf_bytes(record)),
    ]
    if record.draft:  # an open meeting's documents say so in their names too, for the files
        made = [(draft_name(name), make) for name, make in made]
    return made


def draft_name(name: str) -> str:
    """hoi-nghi-3-bien-ban.docx → hoi-nghi-3-bien-ban-du-thao.docx."""
    stem, dot, suffix = name.rpartition(".")
    return f"{stem}-du-thao{dot}{suffix}"


def export(
    store: Store,
    meeting_id: int,
    out: Path,
    options: Options | None = None,
    progress: Callable[[str], None] | None = None,
) -> tuple[MeetingRecord, list[Path]]:
    record = gather(store, meeting_id)
    if options and options.status_date:
        record.as_of = options.status_date
    family_of(record.meeting, (options or Options()).family)  # refused before any file
    written = []
    for name, make in documents(record, options or Options()):
        if progress:
            progress(name)
        written.append(write_atomic(out / name, make()))
    return record, written
