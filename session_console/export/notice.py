"""Thông báo kết luận (Mẫu 1.4), drafted from the meeting: details, conclusions by field,
the tasks table (body, content, deadline) and the duty to report."""

from __future__ import annotations

from docx.document import Document as DocumentType
from docx.shared import Cm

from session_console.export.layout import (
    CELL_STYLE,
    Family,
    Heading,
    body,
    header,
    new_document,
    recipients,
    signatures,
    title,
    to_bytes,
    with_style,
)
from session_console.export.words import clock_time, locality, long_date, sentence, short_date
from shared.i18n import tr
from shared.record import MeetingRecord

TASK_COLUMNS = ("STT", "Cơ quan thực hiện", "Nội dung", "Thời hạn")
TASK_WIDTHS_CM = (1.2, 4.5, 8.0, 2.8)


def tasks_table(document: DocumentType, record: MeetingRecord) -> None:
    table = document.add_table(rows=1, cols=len(TASK_COLUMNS))
    table.style = "Table Grid"
    table.autofit = False
    for column, width in zip(table.columns, TASK_WIDTHS_CM, strict=True):
        column.width = Cm(width)
    for cell, text in zip(table.rows[0].cells, TASK_COLUMNS, strict=True):
        _cell_text(cell, text, bold=True)
    for index, item in enumerate(record.pending, start=1):
        who = item["citizen"] or ""
        content = f"{item['summary']}" + (f" (ý kiến của {who})" if who else "")
        cells = table.add_row().cells
        values = (str(index), item["body_name"], content, short_date(item["deadline"]))
        for cell, text, width in zip(cells, values, TASK_WIDTHS_CM, strict=True):
            cell.width = Cm(width)
            _cell_text(cell, text)


def _cell_text(cell: object, text: str, bold: bool = False) -> None:
    paragraph = cell.paragraphs[0]  # type: ignore[attr-defined]
    with_style(paragraph, CELL_STYLE)
    paragraph.add_run(text).bold = bold or None


def docx(
    record: MeetingRecord, number: str = "", family: Family = "state", abbreviation: str = "UBND"
) -> bytes:
    meeting = record.meeting
    document = new_document(meeting["issuing_body"], record.date)
    header(
        document,
        Heading(
            meeting["parent_body"],
            meeting["issuing_body"],
            number,
            "TB",
            abbreviation,
            locality(meeting["issuing_body"]),
            record.date,
            family,
            record.draft,
        ),
    )
    title(document, "THÔNG BÁO", f"Kết luận của chủ tọa tại {meeting['title']}")
    body(
        document,
        f"Vào lúc {clock_time(meeting['start_time'])}, {long_date(record.date)}, "
        f"tại {meeting['place'] or '...'}, {meeting['issuing_body']} tổ chức "
        f"{meeting['title']}. Chủ tọa: {meeting['chair'] or '...'}.",
    )
    totals = record.totals
    body(
        document,
        f"Hội nghị đã nghe {totals.spoken} công dân phát biểu; tổng số {totals.questions} ý kiến, "
        "trong đó "
        + ", ".join(f"{n} ý kiến {tr(label, 'vi')}" for label, n in totals.breakdown() if n)
        + ".",
    )
    body(document, "Sau khi nghe ý kiến của Nhân dân và phần trả lời, chủ tọa kết luận như sau:")
    body(document, "1. Đánh giá chung", bold=True)
    body(document, meeting["conclusion"] or "...")
    body(document, "2. Kết luận theo lĩnh vực", bold=True)
    by_field: dict[str, list[str]] = {}
    for speaker in record.speakers:
        for question in speaker.questions:
            by_field.setdefault(question["field"] or "Khác", []).append(question["summary"])
    for question in record.standalone:
        by_field.setdefault(question["field"] or "Khác", []).append(question["summary"])
    for field, summaries in sorted(by_field.items()):
        body(document, f"- {field}: " + sentence("; ".join(s.rstrip(".") for s in summaries)))
    body(document, "3. Giao nhiệm vụ", bold=True)
    if record.pending:
        tasks_table(document, record)
    else:
        body(document, "Không có nội dung phải giải quyết sau hội nghị.")
    body(document, "4. Chế độ báo cáo", bold=True)
    body(
        document,
        "Các cơ quan được giao nhiệm vụ giải quyết, trả lời công dân theo thời hạn "
        "trên và báo cáo kết quả về Văn phòng để tổng hợp.",
    )
    chair_title = "Chủ tịch" if record.meeting["level"] != "party" else "Bí thư"
    signatures(
        document, ("", "", ""), (f"TM. {meeting['issuing_body']}", chair_title, meeting["chair"])
    )
    bodies = sorted({item["body_name"] for item in record.pending if item["body_name"]})
    recipients(
        document,
        [
            *bodies,
            "Ủy ban MTTQ Việt Nam",
            "Thường trực HĐND",
            "Đảng ủy",
            "Trưởng các thôn, tổ dân phố",
            "Lưu: VT",
        ],
    )
    return to_bytes(document)
