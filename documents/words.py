"""Vietnamese wording shared by the documents: dates, times, outcomes, kinds."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from shared.i18n import tr
from shared.specs import OUTCOMES, outcome_label
from shared.text import sort_key as text_sort_key

KIND = {
    "kien_nghi": "kiến nghị",
    "phan_anh": "phản ánh",
    "khieu_nai": "khiếu nại",
    "to_cao": "tố cáo",
}


OWN_OFFICE = "Văn phòng"  # who prepares a written reply no body was named for


def long_date(day: dt.date) -> str:
    """ "ngày 05 tháng 01 năm 2026", "ngày 21 tháng 3 năm 2026": Nghị định 30 writes a
    leading zero for days below 10 and for months 1 and 2 only."""
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"


def short_date(iso: str) -> str:
    return dt.date.fromisoformat(iso).strftime("%d/%m/%Y") if iso else ""


def clock_time(hhmm: str) -> str:
    """ "08:00" -> "08 giờ 00"."""
    if not hhmm:
        return "... giờ ..."
    hours, minutes = hhmm.split(":")
    return f"{int(hours):02d} giờ {minutes}"


def locality(issuing_body: str) -> str:
    """The place name for the date line: "Ủy ban nhân dân xã Minh Hòa" -> "Minh Hòa"."""
    found = re.search(
        r"(?:xã|phường|thị trấn|huyện|quận|thị xã|thành phố|tỉnh)\s+(.+)$",
        issuing_body,
        re.IGNORECASE,
    )
    place = found.group(1).strip() if found else issuing_body
    return place.title() if place.isupper() else place  # "KINH MÔN" -> "Kinh Môn"


def outcome_text(question: dict[str, Any]) -> str:
    """What became of a question, as the minutes write it."""
    outcome = question["outcome"]
    label = tr(outcome_label(outcome), "vi")
    if not outcome:
        return label
    return tr(
        OUTCOMES[outcome].minutes,
        "vi",
        label=label,
        answer=question["answer"],
        body=question["body_name"],
        level=question["transfer_level"],
        document=question["transfer_doc"],
        deadline=short_date(question["deadline"]) or "...",
    )


def sentence(text: str) -> str:
    """Text ending with one full stop, whatever the citizen typed."""
    text = text.strip()
    return text if text.endswith((".", "!", "?", "…")) else f"{text}."


def sort_key(text: str) -> tuple[tuple[tuple[int, ...], int], ...]:
    """Vietnamese order, syllable by syllable, each by its letters then its tone:
    "Giao thông" before "Giáo dục" (giao < giáo), "Đất đai" after "Dân cư"."""
    return text_sort_key(text)
