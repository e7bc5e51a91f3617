"""The cover letter (công văn, NĐ 30 Mẫu 1.5) sent with each body's request file: "V/v đề
nghị chuẩn bị nội dung trả lời ý kiến, kiến nghị của cử tri", to the body, with the number
of opinions, the file attached, where to send it back and by when."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from documents.layout import (
    Family,
    Heading,
    Text,
    body,
    closing,
    end_body,
    header,
    line,
    new_document,
    text_line,
    to_bytes,
)
from documents.public_notice import office
from documents.words import clock_time, locality, long_date, short_date
from shared.signers import signature_lines
from shared.specs import meeting_kind

Row = Mapping[str, Any]


def subject(meeting: Row) -> str:
    """The letter's summary (V/v …): voters (cử tri) for a dialogue with residents, the
    staff for an agency's dialogue with its own people."""
    who = "công chức, viên chức, người lao động" if meeting_kind(meeting) == "agency" else "cử tri"
    return f"V/v đề nghị chuẩn bị nội dung trả lời ý kiến, kiến nghị của {who}"


def paragraphs(
    meeting: Row,
    body_name: str,
    count: int,
    due: str,
    attached: str,
    family: Family,
) -> list[str]:
    issuer = meeting["issuing_body"]
    people = (
        "công chức, viên chức, người lao động" if meeting_kind(meeting) == "agency" else "cử tri"
    )
    day = dt.date.fromisoformat(meeting["date"])
    return [
        f"Thực hiện kế hoạch tổ chức {meeting['title']} vào lúc "
        f"{clock_time(meeting['start_time'])}, {long_date(day)}, tại "
        f"{meeting['place'] or '...'}, {issuer} đã tổng hợp ý kiến, kiến nghị của {people} "
        "gửi trước hội nghị.",
        f"{issuer} đề nghị {body_name} nghiên cứu, chuẩn bị nội dung trả lời {count} ý kiến, "
        f"kiến nghị thuộc lĩnh vực phụ trách (danh sách kèm theo, tệp {attached}); ghi nội "
        "dung trả lời vào cột \u201cNội dung trả lời\u201d, không sửa các cột khác, và gửi "
        f"lại tệp về {office(meeting, family)} chậm nhất ngày "
        f"{short_date(due)} để tổng hợp, báo cáo chủ tọa hội nghị.",
        f"Đề nghị {body_name} quan tâm, thực hiện.",
    ]


def docx(
    meeting: Row,
    chair_position: str,
    body_name: str,
    count: int,
    due: str,
    attached: str,
    issued: dt.date,
    family: Family = "state",
    abbreviation: str = "UBND",
    unit: str = "VP",
) -> bytes:
    """One body's letter, dated the day it is sent. A công văn's number reads
    "Số: …/UBND-VP" (the issuer, then the drafting unit); the party's "Số …-CV/ĐU"."""
    document = new_document(meeting["issuing_body"], issued)
    document.core_properties.title = subject(meeting)
    party = family == "party"
    header(
        document,
        Heading(
            meeting["parent_body"],
            meeting["issuing_body"],
            "",
            "CV" if party else abbreviation,
            abbreviation if party else unit,
            locality(meeting["issuing_body"]),
            issued,
            family,
        ),
    )
    left = document.tables[-1].rows[0].cells[0]
    width = left.width.cm if left.width is not None else 7.5
    text_line(left, Text(subject(meeting), 12), width, after=0)
    line(document, after=6)
    line(document, f"Kính gửi: {body_name}.", size=14, align="center", after=12)
    for text in paragraphs(meeting, body_name, count, due, attached, family):
        last = body(document, text)
    end_body(last)
    archive = "- Lưu Văn phòng Đảng ủy." if party else f"- Lưu: VT, {unit}."
    closing(
        document,
        (signature_lines(meeting["issuing_body"], chair_position, family), meeting["chair"]),
        ["Như trên"],
        archive,
    )
    return to_bytes(document)
