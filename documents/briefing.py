"""Tài liệu phục vụ hội nghị: the chair's briefing before the meeting. Page one counts the
gathered opinions by field and by body and names the bodies still late; then, field by
field, most urgent first, each opinion with its sources and people, its history at
earlier meetings, the body and official preparing the answer, and the answer (or, in red,
that there is none yet)."""

from __future__ import annotations

from collections.abc import Sequence

from docx.document import Document as DocumentType
from docx.shared import Cm, Pt
from docx.text.paragraph import Paragraph
from lxml import etree

from documents.layout import (
    CELL_STYLE,
    TEXT_WIDTH_CM,
    Family,
    Text,
    body,
    columns,
    fill_cell,
    fit_sized,
    keep_with_next,
    line,
    new_document,
    rows_whole,
    rule,
    text_line,
    to_bytes,
)
from documents.words import KIND, clock_time, locality, long_date, sentence, short_date
from shared.briefing import UNASSIGNED, BodyCount, Briefing
from shared.prepare import Opinion

RED = "C00000"
OTHER_FIELD = "Khác"
UNASSIGNED_WORDS = "(chưa giao)"
NO_ANSWER = "chưa có nội dung trả lời"
SECRET_SOURCE = "giữ bí mật thông tin người tố cáo (Luật Tố cáo)"
URGENCY_WORDS = {"high": "cấp thiết", "normal": "bình thường", "low": "không cấp thiết"}
FIELD_COLUMNS = (
    "STT",
    "Lĩnh vực",
    "Số nội dung",
    "Số người",
    "Cấp thiết",
    "Đã nêu trước",
    "Đã có trả lời",
)
FIELD_WIDTHS_CM = (1.4, 4.2, 2.1, 2.0, 2.1, 2.3, 2.4)
BODY_COLUMNS = (
    "STT",
    "Cơ quan chuẩn bị",
    "Số nội dung",
    "Đã trả lời",
    "Chưa trả lời",
    "Tình trạng",
)
BODY_WIDTHS_CM = (1.4, 4.8, 2.1, 2.1, 2.1, 4.0)


def grid(
    document: DocumentType,
    headings: Sequence[str],
    widths: Sequence[float],
    rows: Sequence[Sequence[str]],
    total: Sequence[str] = (),
) -> None:
    """A bordered table, its header repeated on every page, no row split; `total`, a last
    row in bold."""
    every = [*rows, total] if total else list(rows)
    table = document.add_table(rows=1 + len(every), cols=len(headings))
    table.style = "Table Grid"
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Cm(width)
    for number, row in enumerate(table._tbl.tr_lst):
        values = headings if number == 0 else every[number - 1]
        bold = number == 0 or (bool(total) and number == len(every))
        for tc, text, width in zip(row.tc_lst, values, widths, strict=True):
            fill_cell(tc, text, CELL_STYLE, width, bold=bold)
    rows_whole(table, header=True)


def _head(document: DocumentType, briefing: Briefing, family: Family) -> None:
    """The issuer on the left (as on every document it files), on the right that the
    paper is for the meeting only, and the place and day it was made."""
    meeting = briefing.meeting
    left_cm = 7.5
    right_cm = round(TEXT_WIDTH_CM - left_cm, 2)
    left, right = columns(document, (left_cm, right_cm))
    size = 14 if family == "party" else 13
    text_line(left, Text(meeting["parent_body"], size), left_cm, upper=True, smallest=12)
    issuer, broken = fit_sized(Text(meeting["issuing_body"].upper(), size, bold=True), left_cm, 12)
    text_line(left, issuer, left_cm)
    if family == "party":
        line(left, "*", size=14, align="center", after=0)
    else:
        rule(left, left_cm, round(0.4 * max(issuer.width(p) for p in broken), 2))
    text_line(right, Text("LƯU HÀNH NỘI BỘ", 13, bold=True), right_cm, after=6)
    place = f"{locality(meeting['issuing_body'])}, {long_date(briefing.today)}"
    text_line(right, Text(place, 14, italic=True), right_cm)


def _title(document: DocumentType, briefing: Briefing) -> None:
    meeting = briefing.meeting
    line(document, "TÀI LIỆU PHỤC VỤ HỘI NGHỊ", size=14, bold=True, align="center", after=0)
    summary = Text(meeting["title"], 14, bold=True)
    text_line(document, summary, TEXT_WIDTH_CM)
    rule(document, TEXT_WIDTH_CM, 5.0)
    line(
        document,
        f"(Ý kiến, kiến nghị thu thập trước hội nghị; tình hình đến ngày "
        f"{short_date(briefing.today.isoformat())})",
        size=14,
        italic=True,
        align="center",
        after=12,
    )


def _counts(document: DocumentType, briefing: Briefing) -> None:
    found = briefing.opinions
    urgent = sum(f.urgent for f in briefing.fields)
    again = sum(f.raised_before for f in briefing.fields)
    answered = sum(f.answered for f in briefing.fields)
    meeting = briefing.meeting
    body(
        document,
        f"Hội nghị: {clock_time(meeting['start_time'])}, {long_date(briefing.meeting_day)}"
        f", tại {meeting['place'] or '...'}; chủ tọa: {meeting['chair'] or '...'}.",
    )
    body(document, "I. TỔNG HỢP", bold=True)
    body(
        document,
        f"Trước hội nghị đã thu thập {briefing.gathered} ý kiến, kiến nghị của "
        f"{briefing.people} người, tổng hợp thành {len(found)} nội dung; trong đó {urgent} "
        f"nội dung cấp thiết, {again} nội dung đã nêu tại hội nghị trước, {answered} nội "
        f"dung đã có nội dung trả lời, {len(found) - answered} nội dung {NO_ANSWER}.",
    )
    body(document, "1. Theo lĩnh vực", bold=True)
    grid(
        document,
        FIELD_COLUMNS,
        FIELD_WIDTHS_CM,
        [
            (
                str(n),
                f.name or OTHER_FIELD,
                str(f.opinions),
                str(f.people),
                str(f.urgent),
                str(f.raised_before),
                str(f.answered),
            )
            for n, f in enumerate(briefing.fields, start=1)
        ],
        (
            "",
            "Tổng số",
            str(len(found)),
            str(briefing.people),
            str(urgent),
            str(again),
            str(answered),
        ),
    )
    _spaced(body(document, "2. Theo cơ quan chuẩn bị nội dung trả lời", bold=True))
    grid(
        document,
        BODY_COLUMNS,
        BODY_WIDTHS_CM,
        [
            (
                str(n),
                b.name or UNASSIGNED_WORDS,
                str(b.opinions),
                str(b.answered),
                str(b.waiting),
                _body_state(briefing, b),
            )
            for n, b in enumerate(briefing.bodies, start=1)
        ],
        (
            "",
            "Tổng số",
            str(len(found)),
            str(answered),
            str(len(found) - answered),
            "",
        ),
    )
    _spaced(body(document, "3. Cơ quan chậm gửi nội dung trả lời", bold=True))
    late = briefing.late_bodies
    if not late:
        body(document, "Không có cơ quan chậm gửi nội dung trả lời.")
    for index, count in enumerate(late):
        end = "." if index == len(late) - 1 else ";"
        body(
            document,
            f"- {count.name}: {count.late} nội dung chưa trả lời, hạn "
            f"{short_date(count.due)}, quá hạn {briefing.overdue_days(count)} ngày{end}",
        )
    waiting = next((b for b in briefing.bodies if b.name == UNASSIGNED), None)
    if waiting:
        body(document, f"Nội dung chưa giao cơ quan chuẩn bị trả lời: {waiting.opinions}.")


def _body_state(briefing: Briefing, count: BodyCount) -> str:
    if count.name == UNASSIGNED:
        return "Chưa giao"
    if count.late:
        return f"Chậm, quá hạn {briefing.overdue_days(count)} ngày"
    if count.waiting:
        return f"Đang chuẩn bị, hạn {short_date(count.due)}"
    return "Đã trả lời đủ"


def _spaced(paragraph: Paragraph) -> None:
    paragraph.paragraph_format.space_before = Pt(6)


def _sources(opinion: Opinion) -> str:
    row = opinion.row
    if row["kind"] == "to_cao":  # the denouncer and anything naming them stay secret
        listed = SECRET_SOURCE
    else:
        listed = "; ".join(
            (", ".join(x for x in (s["raised_village"], s["raised_by"], s["origin"]) if x) or "-")
            + f" ({s['people']} người)"
            for s in opinion.sources
        )
    return (
        f"Nguồn: {listed}. Tổng số: {opinion.people} người; "
        f"{KIND.get(row['kind'], 'ý kiến')}; mức độ: {URGENCY_WORDS[row['urgency']]}."
    )


def _history(briefing: Briefing, opinion: Opinion) -> str:
    earlier = briefing.repeats.get(opinion.row["id"], [])
    if not earlier:
        return ""
    times = len({e.meeting_id for e in earlier}) + 1
    told = "; ".join(e.told("vi", briefing.today) for e in earlier)
    return f"Nêu lần thứ {times}: {told}."


def _preparer(row: dict[str, object]) -> str:
    if not row["prep_body_name"]:
        return "Cơ quan chuẩn bị: chưa giao."
    official = ", ".join(
        str(x) for x in (row["prep_official_name"], row["prep_official_position"]) if x
    )
    return (
        f"Cơ quan chuẩn bị: {row['prep_body_name']}"
        + (f" ({official})" if official else "")
        + f"; hạn {short_date(str(row['prep_due']))}."
    )


def _answer(document: DocumentType, opinion: Opinion) -> Paragraph:
    """ "Nội dung trả lời: …", or its lack in red (and "quá hạn" when the body is late)."""
    if opinion.row["prep_answer"]:
        return body(document, f"Nội dung trả lời: {sentence(opinion.row['prep_answer'])}")
    paragraph = body(document, "Nội dung trả lời: ")
    run = etree.SubElement(paragraph._p, f"{{{_W}}}r")
    properties = etree.SubElement(run, f"{{{_W}}}rPr")
    etree.SubElement(properties, f"{{{_W}}}b")
    etree.SubElement(properties, f"{{{_W}}}color").set(f"{{{_W}}}val", RED)
    late = " (cơ quan chuẩn bị đã quá hạn)" if opinion.status == "late" else ""
    etree.SubElement(run, f"{{{_W}}}t").text = f"{NO_ANSWER}{late}."
    return paragraph


_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _opinions(document: DocumentType, briefing: Briefing) -> None:
    part = body(document, "II. Ý KIẾN, KIẾN NGHỊ THEO LĨNH VỰC", bold=True)
    part.paragraph_format.page_break_before = True
    for number, (name, found) in enumerate(briefing.by_field(), start=1):
        people = sum(o.people for o in found)
        heading = f"{number}. {name or OTHER_FIELD} ({len(found)} nội dung, {people} người)"
        _spaced(body(document, heading, bold=True))
        for index, opinion in enumerate(found, start=1):
            row = opinion.row
            lead = f"{number}.{index}. {sentence(row['summary'])}"
            if row["urgency"] == "high":
                lead = f"{number}.{index}. [CẤP THIẾT] {sentence(row['summary'])}"
            paragraphs = [_lead(document, lead), body(document, _sources(opinion))]
            history = _history(briefing, opinion)
            if history:
                paragraphs.append(body(document, history))
            paragraphs.append(body(document, _preparer(row)))
            paragraphs.append(_answer(document, opinion))
            for paragraph in paragraphs[:-1]:  # an opinion is never cut by a page break
                keep_with_next(paragraph)


def _lead(document: DocumentType, text: str) -> Paragraph:
    paragraph = body(document, text)
    for run in paragraph.runs:
        run.bold = True
    return paragraph


def docx(briefing: Briefing, family: Family = "state") -> bytes:
    """The briefing as of `briefing.today` (the date it is made, on its first page)."""
    meeting = briefing.meeting
    document = new_document(meeting["issuing_body"], briefing.today)
    document.core_properties.title = f"Tài liệu phục vụ {meeting['title']}"
    _head(document, briefing, family)
    _title(document, briefing)
    _counts(document, briefing)
    if briefing.opinions:
        _opinions(document, briefing)
    return to_bytes(document)
