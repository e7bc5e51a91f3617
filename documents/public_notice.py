"""Thông báo tổ chức hội nghị: the one-page public notice of a meeting (seed 001: read on
the loudspeakers and posted on the notice boards at least 7 days before), from the
meeting's settings: time, place, chair, who takes part, content, and how and until when
to send opinions. NĐ 30 layout, or HD 36 for a party committee's meeting."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any

from docx.shared import Pt

from documents.layout import (
    Family,
    Heading,
    body,
    closing,
    end_body,
    header,
    new_document,
    to_bytes,
)
from documents.layout import title as title_block
from documents.words import clock_time, locality, long_date, sentence, short_date
from shared.briefing import NoticeDates
from shared.signers import signature_lines
from shared.specs import meeting_kind

Row = Mapping[str, Any]
BODY_PT = 13
WEEKDAYS = ("thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật")
_LEVEL = re.compile(
    r"\b(xã|phường|thị trấn|đặc khu|huyện|quận|thị xã|thành phố|tỉnh)\b", re.IGNORECASE
)


def level_word(meeting: Row) -> str:
    found = _LEVEL.search(meeting["issuing_body"] or "")
    return found.group(1).lower() if found else ""


def office(meeting: Row, family: Family) -> str:
    """Who receives the opinions: the office that serves the issuer, named."""
    if family == "party":
        return "Văn phòng Đảng ủy"
    if meeting_kind(meeting) == "agency":
        return f"Văn phòng {meeting['issuing_body']}"
    where = level_word(meeting)
    return "Văn phòng UBND tỉnh" if where == "tỉnh" else f"Văn phòng HĐND và UBND {where}".strip()


def people(meeting: Row) -> str:
    return (
        "công chức, viên chức, người lao động" if meeting_kind(meeting) == "agency" else "Nhân dân"
    )


def recipients(meeting: Row, family: Family) -> list[str]:
    """Who must have the notice to spread it: the levels above, the Front, the villages
    and the commune's loudspeakers; for an agency its party committee, union and units."""
    where = level_word(meeting)
    parent = meeting["parent_body"]
    above = [f"{parent} (để báo cáo)"] if parent else []
    if family == "party":
        return [*above, f"Ủy ban MTTQ Việt Nam {where}".strip(), "Các chi bộ"]
    if meeting_kind(meeting) == "agency":
        return [*above, "Đảng ủy cơ quan", "Công đoàn cơ sở", "Các phòng, ban, đơn vị"]
    return [
        f"Thường trực Đảng ủy {where} (để báo cáo)".replace("  ", " "),
        f"Thường trực HĐND {where} (để báo cáo)".replace("  ", " "),
        f"Ủy ban MTTQ Việt Nam {where}".strip(),
        "Các cơ quan, đơn vị liên quan",
        "Trưởng các thôn, tổ dân phố (để thông báo)",
        "Công chức Văn hóa - Xã hội (để thông báo trên hệ thống truyền thanh)",
    ]


def paragraphs(
    meeting: Row, chair_position: str, program: list[str], dates: NoticeDates, family: Family
) -> list[str]:
    """The body, paragraph by paragraph (the last ends with "./.")."""
    kind = meeting_kind(meeting)
    where = level_word(meeting)
    day = dates.meeting_day
    chair = meeting["chair"] or "..."
    position = chair_position
    found = [
        f"{meeting['issuing_body']} thông báo tổ chức {meeting['title']} như sau:",
        f"1. Thời gian: {clock_time(meeting['start_time'])}, {WEEKDAYS[day.weekday()]}, "
        f"{long_date(day)}.",
        f"2. Địa điểm: {meeting['place'] or '...'}.",
        f"3. Chủ trì: {chair}"
        + (f", {position}" if position else "")
        + (f"; đồng chủ trì: {meeting['co_chair']}" if meeting["co_chair"] else "")
        + ".",
    ]
    if kind == "agency":
        found.append(
            "4. Thành phần: Lãnh đạo cơ quan, lãnh đạo các phòng, ban, đơn vị, Công đoàn cơ "
            "sở và công chức, viên chức, người lao động của cơ quan."
        )
    else:
        found.append(
            f"4. Thành phần: Lãnh đạo {meeting['issuing_body']}, Ủy ban MTTQ Việt Nam "
            f"{where}, các cơ quan, đơn vị liên quan và Nhân dân trên địa bàn {where}.".replace(
                "  ", " "
            )
        )
    found.append("5. Nội dung:")
    steps = program or [
        f"{chair} thông tin tình hình kinh tế - xã hội và những vấn đề {people(meeting)} quan tâm",
        f"Đối thoại, trả lời ý kiến, kiến nghị của {people(meeting)}",
    ]
    found += [f"- {sentence(step).rstrip('.')};" for step in steps[:-1]]
    found.append(f"- {sentence(steps[-1])}")
    channels = (
        "qua lãnh đạo phòng, ban, đơn vị"
        if kind == "agency"
        else "qua Trưởng thôn, tổ dân phố, Ban công tác Mặt trận các thôn"
    )
    found.append(
        f"6. Gửi ý kiến, kiến nghị: {people(meeting)} có ý kiến, kiến nghị gửi bằng văn bản "
        f"(phiếu lấy ý kiến, đơn, thư) {channels} hoặc gửi trực tiếp về "
        f"{office(meeting, family)} chậm nhất ngày "
        f"{short_date(dates.opinions_by.isoformat())}; tại hội nghị, người có ý kiến đăng "
        "ký phát biểu tại bàn tiếp đón."
    )
    spread = (
        "Đề nghị các phòng, ban, đơn vị thông báo đến công chức, viên chức, người lao động "
        "biết, tham gia."
        if kind == "agency"
        else "Đề nghị Trưởng các thôn, tổ dân phố thông báo trên hệ thống loa truyền thanh, "
        "niêm yết tại nhà văn hóa thôn, tổ dân phố để Nhân dân biết, tham gia."
    )
    found.append(spread)
    return found


def docx(
    meeting: Row,
    chair_position: str,
    program: list[str],
    dates: NoticeDates,
    issued: dt.date,
    number: str = "",
    family: Family = "state",
    abbreviation: str = "UBND",
    unit: str = "VP",
) -> bytes:
    """The notice, dated the day it is issued."""
    document = new_document(meeting["issuing_body"], issued)
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
        ),
    )
    title_block(document, "THÔNG BÁO", f"Về việc tổ chức {meeting['title']}", family)
    for text in paragraphs(meeting, chair_position, program, dates, family):
        last = body(document, text, keep=text.endswith(":"))
        for run in last.runs:  # 13 pt (NĐ 30 allows 13-14): the notice is one page
            run.font.size = Pt(BODY_PT)
    end_body(last)
    archive = "- Lưu Văn phòng Đảng ủy." if family == "party" else f"- Lưu: VT, {unit}."
    closing(
        document,
        (signature_lines(meeting["issuing_body"], chair_position, family), meeting["chair"]),
        recipients(meeting, family),
        archive,
    )
    return to_bytes(document)
