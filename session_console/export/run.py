"""`hallkit export`: every document of one meeting into a folder, atomically, reproducibly."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from session_console.export import handout, minutes, notice, pending
from session_console.export.files import write_atomic
from session_console.export.layout import Family
from shared.db import Store
from shared.record import MeetingRecord, gather


@dataclass(frozen=True)
class Options:
    minutes_number: str = ""
    notice_number: str = ""
    family: Family = "state"
    abbreviation: str = ""
    unit: str = "VP"
    csv_separator: str = ","
    """The drafting unit kept on file: "- Lưu: VT, VP." in Nơi nhận."""

    @property
    def short_name(self) -> str:
        return self.abbreviation or ("ĐU" if self.family == "party" else "UBND")


def documents(record: MeetingRecord, options: Options) -> list[tuple[str, Callable[[], bytes]]]:
    """(file name, how to make it) for each document, in the order they are written."""
    stem = f"hoi-nghi-{record.meeting['id']}"
    short = options.short_name
    return [
        (
            f"{stem}-bien-ban.docx",
            lambda: minutes.docx(
                record, options.minutes_number, options.family, short, options.unit
            ),
        ),
        (
            f"{stem}-bien-ban.md",
            lambda: minutes.markdown(
                record, options.minutes_number, short, options.family, options.unit
            ).encode(),
        ),
        (f"{stem}-kien-nghi-chua-giai-quyet.xlsx", lambda: pending.xlsx_bytes(record)),
        (
            f"{stem}-kien-nghi-chua-giai-quyet.csv",
            lambda: pending.csv_bytes(record, options.csv_separator),
        ),
        (
            f"{stem}-thong-bao-ket-luan.docx",
            lambda: notice.docx(record, options.notice_number, options.family, short, options.unit),
        ),
        (f"{stem}-cam-ket-giai-quyet.pdf", lambda: handout.pdf_bytes(record)),
    ]


def export(
    store: Store,
    meeting_id: int,
    out: Path,
    options: Options | None = None,
    progress: Callable[[str], None] | None = None,
) -> tuple[MeetingRecord, list[Path]]:
    record = gather(store, meeting_id)
    written = []
    for name, make in documents(record, options or Options()):
        if progress:
            progress(name)
        written.append(write_atomic(out / name, make()))
    return record, written
