"""Vietnamese wording shared by the documents: dates, times, outcomes, kinds."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Any

from shared.i18n import tr
from shared.specs import OUTCOMES, outcome_label

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


# Vietnamese alphabetical order: a ă â b c d đ e ê … (code points put "Đ" after "Z").
ALPHABET = "aăâbcdđeêghiklmnoôơpqrstuưvxy"
TONES = "\u0300\u0301\u0303\u0309\u0323"  # huyền, sắc, ngã, hỏi, nặng (ngang first)
TONE_ORDER = {"": 0, "\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}


def sort_key(text: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Sorts Vietnamese text as a dictionary does: letters first, then tones."""
    letters: list[int] = []
    tones: list[int] = []
    for char in text.lower():
        parts = unicodedata.normalize("NFD", char)
        tone = next((mark for mark in parts if mark in TONES), "")
        base = unicodedata.normalize("NFC", "".join(m for m in parts if m not in TONES))
        position = ALPHABET.find(base)
        letters.append(position if position >= 0 else 100 + ord(base[:1] or " "))
        tones.append(TONE_ORDER[tone])
    return tuple(letters), tuple(tones)
