"""Thông báo kết luận (Mẫu 1.4), drafted from the meeting: details, conclusions by field,
the tasks table (body, content, deadline) and the duty to report."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence

from docx.document import Document as DocumentType
from docx.shared import Cm, Pt
from docx.text.paragraph import Paragraph

from documents import audience
from documents.layout import (
    CELL_STYLE,
    NO_BREAK_HYPHEN,
    Family,
    Heading,
    body,
    closing,
    end_body,
    fill_cell,
    header,
    new_document,
    rows_whole,
    title,
    to_bytes,
)
from documents.words import (
    OWN_OFFICE,
    clock_time,
    locality,
    long_date,
    outcome_text,
    sentence,
    short_date,
    sort_key,
)
from shared.i18n import tr
from shared.record import MeetingRecord, Row
from shared.signers import signature_lines
from shared.specs import OUTCOMES, outcome_label

TASK_COLUMNS = ("STT", "Cơ quan thực hiện", "Nội dung", "Thời hạn")
TASK_WIDTHS_CM = (1.4, 4.3, 8.0, 2.8)
TRANSFER_COLUMNS = (
    "STT",
    "Nội dung",
    "Cơ quan có thẩm quyền",
    "Văn bản chuyển",
    "Thông báo cho công dân chậm nhất ngày",
)
TRANSFER_WIDTHS_CM = (1.4, 4.8, 3.9, 3.3, 3.1)  # "27/UBND-KT" on one line at 13 pt


def tasks(record: MeetingRecord) -> list[Row]:
    """Items for bodies under the issuing authority: pending and written replies."""
    return [item for item in record.decided if not OUTCOMES[item["outcome"]].transfer]


def transfers(record: MeetingRecord) -> list[Row]:
    """Items sent to a competent body the issuing authority does not command."""
    return [item for item in record.decided if OUTCOMES[item["outcome"]].transfer]


def _content(item: Row) -> str:
    who = item["citizen"] or ""
    return f"{item['summary']}" + (f" (ý kiến của {who})" if who else "")


def _grid(
    document: DocumentType,
    headings: tuple[str, ...],
    widths: tuple[float, ...],
    rows: Sequence[Sequence[str]],
) -> None:
    table = document.add_table(rows=1 + len(rows), cols=len(headings))
    table.style = "Table Grid"
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Cm(width)
    # Row by row through the XML: python-docx's `row.cells` walks the whole table each
    # time, which makes a 1,500-row table take seconds.
    for number, row in enumerate(table._tbl.tr_lst):
        values = headings if number == 0 else rows[number - 1]
        for tc, text, width in zip(row.tc_lst, values, widths, strict=True):
            fill_cell(tc, text, CELL_STYLE, width, bold=number == 0)
    rows_whole(table, header=True)


def tasks_table(document: DocumentType, record: MeetingRecord) -> None:
    rows = [
        (
            str(index),
            item["body_name"] or item.get("answering_body") or OWN_OFFICE,
            _content(item),
            short_date(item["deadline"]),
        )
        for index, item in enumerate(tasks(record), start=1)
    ]
    _grid(document, TASK_COLUMNS, TASK_WIDTHS_CM, rows)


def transfers_table(document: DocumentType, record: MeetingRecord) -> None:
    rows = [
        (
            str(index),
            _content(item),
            item["body_name"] + (f" ({item['transfer_level']})" if item["transfer_level"] else ""),
            (item["transfer_doc"] or "").replace("-", NO_BREAK_HYPHEN),
            short_date(item["deadline"]),
        )
        for index, item in enumerate(transfers(record), start=1)
    ]
    _grid(document, TRANSFER_COLUMNS, TRANSFER_WIDTHS_CM, rows)


def docx(
    record: MeetingRecord,
    number: str = "",
    family: Family = "state",
    abbreviation: str = "UBND",
    unit: str = "VP",
    issued: dt.date | None = None,
) -> bytes:
    """The notice, dated `issued` (it is issued days after the meeting), else with the
    day left for the clerk to write in."""
    meeting = record.meeting
    document = new_document(meeting["issuing_body"], issued or record.date)
    document.core_properties.title = f"Kết luận của chủ tọa tại {meeting['title']}"
    header(
        document,
        Heading(
            meeting["parent_body"],
            meeting["issuing_body"],
            number,
            "TB",
            abbreviation,
            locality(meeting["issuing_body"]),
            issued,
            family,
            record.draft,
            year=record.date.year,
        ),
    )
    title(document, "THÔNG BÁO", f"Kết luận của chủ tọa tại {meeting['title']}", family)
    body(
        document,
        f"Vào lúc {clock_time(meeting['start_time'])}, {long_date(record.date)}, "
        f"tại {meeting['place'] or '...'}, {meeting['issuing_body']} tổ chức "
        f"{meeting['title']}. Chủ tọa: {meeting['chair'] or '...'}.",
    )
    totals = record.totals
    by_source = totals.by_source
    spoken = by_source.get("spoken", 0)
    others = [
        f"{by_source[source]} ý kiến {words}"
        for source, words in (
            ("written", "gửi bằng văn bản"),
            ("pre_collected", "thu thập trước hội nghị"),
        )
        if by_source.get(source)
    ]
    body(
        document,
        f"Hội nghị đã nghe {totals.spoken} {audience.person(record)} phát biểu {spoken} ý kiến"
        + (f"; ngoài ra nhận {' và '.join(others)}" if others else "")
        + f". Tổng số {totals.questions} ý kiến, trong đó "
        + ", ".join(f"{n} ý kiến {tr(label, 'vi')}" for label, n in totals.breakdown() if n)
        + ".",
    )
    body(
        document,
        f"Sau khi nghe ý kiến của {audience.people(record)} và phần trả lời, chủ tọa kết luận "
        "như sau:",
    )
    body(document, "1. Đánh giá chung", bold=True)
    body(document, meeting["conclusion"] or "...")
    body(document, "2. Kết luận theo lĩnh vực", bold=True)
    for line in field_conclusions(record):
        body(document, line, keep=line.endswith(":"))
    part = 3
    asker = audience.asker(record)
    if tasks(record):
        if family == "party":
            spaced(body(document, f"{part}. Đề nghị, giao nhiệm vụ", bold=True))
            intro = (
                "Đề nghị các cơ quan, đơn vị liên quan lãnh đạo, chỉ đạo giải quyết, trả lời "
                f"{asker} các nội dung sau:"
            )
        else:
            spaced(body(document, f"{part}. Giao nhiệm vụ", bold=True))
            intro = (
                f"Giao các cơ quan, đơn vị thuộc {meeting['issuing_body']} giải quyết, trả lời "
                f"{asker} các nội dung sau:"
            )
        body(document, intro, keep=True)
        tasks_table(document, record)
        part += 1
    if transfers(record):
        spaced(body(document, f"{part}. Các nội dung chuyển cơ quan có thẩm quyền", bold=True))
        body(
            document,
            "Các nội dung không thuộc thẩm quyền đã được chuyển đến cơ quan có thẩm quyền "
            f"giải quyết; {audience.office(record, family)} theo dõi và thông báo cho {asker} "
            "theo thời hạn dưới đây:",
            keep=True,
        )
        transfers_table(document, record)
        part += 1
    spaced(body(document, f"{part}. Chế độ báo cáo", bold=True))
    last = body(
        document,
        f"Các cơ quan, đơn vị được giao nhiệm vụ giải quyết, trả lời {asker} theo thời hạn "
        f"trên và báo cáo kết quả về {audience.office(record, family)} để tổng hợp.",
    )
    end_body(last)
    closing(
        document,
        (signature_lines(meeting["issuing_body"], record.chair_position, family), meeting["chair"]),
        audience.recipients(record, family),
        audience.archive(family, unit),
    )
    return to_bytes(document)


def spaced(paragraph: Paragraph) -> None:
    """Room above a heading (it may follow a table)."""
    paragraph.paragraph_format.space_before = Pt(6)


def field_conclusions(record: MeetingRecord) -> list[str]:
    """Section 2's paragraphs: per field, the chair's conclusion as the secretary recorded
    it (`hallkit meeting field-conclusion`); a field without one gets a bullet an item,
    drafted from what became of it."""
    recorded = json.loads(record.meeting.get("field_conclusions") or "{}")
    lines = []
    drafted = dict(conclusions_by_field(record))
    fields = sorted(set(drafted) | set(recorded), key=lambda name: (name == "Khác", sort_key(name)))
    for field in fields:
        if recorded.get(field):
            lines.append(f"- {field}: {sentence(recorded[field])}")
        else:
            lines.append(f"- {field}:")
            lines += [f"+ {item}" for item in drafted.get(field, [])]
    return lines


def conclusions_by_field(record: MeetingRecord) -> list[tuple[str, list[str]]]:
    """Per field, in Vietnamese order, what was concluded on each question that was not
    withdrawn: the answer given, or who settles it and by when."""
    by_field: dict[str, list[str]] = {}
    questions = [q for s in record.speakers for q in s.questions] + record.standalone
    for question in questions:
        if question["outcome"] in ("withdrawn", None, ""):
            continue
        if question["outcome"] == "answered":
            detail = str(question["answer"])
        else:  # "chuyển cơ quan có thẩm quyền: Sở …" would be a second colon
            label = tr(outcome_label(question["outcome"]), "vi")
            detail = outcome_text(question).replace(f"{label}: ", f"{label}, ", 1)
        text = f"{question['summary'].rstrip('.')}: {detail}"
        by_field.setdefault(question["field"] or "Khác", []).append(sentence(text))
    return sorted(by_field.items(), key=lambda pair: (pair[0] == "Khác", sort_key(pair[0])))
