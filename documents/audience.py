"""Who a meeting's documents speak of and to: the people (residents, or an agency's own
staff), the office that follows items up, Nơi nhận by level and kind, and the archive
line by family (Nghị định 30 for the state, HD 36-HD/VPTW for the party)."""

from __future__ import annotations

import re

from documents.words import sort_key
from shared.meetings import parse_recipients
from shared.record import MeetingRecord
from shared.signers import own_title
from shared.specs import OUTCOMES, meeting_kind

PEOPLE = {"agency": "công chức, viên chức, người lao động"}  # else "Nhân dân"
PERSON = {"agency": "người"}  # who speaks; else "công dân"
ASKER = {"agency": "người có ý kiến"}  # who is answered; else "công dân"

_LEVEL = re.compile(
    r"\b(xã|phường|thị trấn|đặc khu|huyện|quận|thị xã|thành phố|tỉnh)\b", re.IGNORECASE
)


def kind(record: MeetingRecord) -> str:
    return meeting_kind(record.meeting)


def people(record: MeetingRecord) -> str:
    return PEOPLE.get(kind(record), "Nhân dân")


def person(record: MeetingRecord) -> str:
    return PERSON.get(kind(record), "công dân")


def asker(record: MeetingRecord) -> str:
    return ASKER.get(kind(record), "công dân")


def level_word(record: MeetingRecord) -> str:
    """ "xã", "phường", "tỉnh"…: the issuer's level, as its name says."""
    found = _LEVEL.search(record.meeting["issuing_body"] or "")
    return found.group(1).lower() if found else ""


def office(record: MeetingRecord, family: str) -> str:
    """Who follows items up and gathers the reports: named, never a bare "Văn phòng"."""
    if family == "party":
        return "Văn phòng Đảng ủy"
    if kind(record) == "agency":
        return own_title(record.chair_position) or "Thủ trưởng cơ quan"
    where = level_word(record)
    if where == "tỉnh":
        return "Văn phòng UBND tỉnh"
    return f"Văn phòng HĐND và UBND {where}".strip()


def archive(family: str, unit: str) -> str:
    """The last line of Nơi nhận."""
    return "- Lưu Văn phòng Đảng ủy." if family == "party" else f"- Lưu: VT, {unit}."


def bodies(record: MeetingRecord) -> list[str]:
    """The bodies given a task or sent an item, each once, in Vietnamese order."""
    names = {item["body_name"] for item in record.decided if item["body_name"]}
    return sorted(names, key=sort_key)


def recipients(record: MeetingRecord, family: str) -> list[str]:
    """Nơi nhận of the notice: the meeting's own list if set, else by family, kind and
    level (DOMAIN.md): the bodies concerned, the levels above "(để báo cáo)", the Front
    and the villages for residents; for an agency its party committee, union and units."""
    own = parse_recipients(record.meeting.get("recipients") or "")
    if own:
        return own
    where = level_word(record)
    parent = record.meeting["parent_body"]
    above = [f"{parent} (để báo cáo)"] if parent else []
    if family == "party":
        return [*above, *bodies(record), f"Ủy ban MTTQ Việt Nam {where}".strip(), "Các chi bộ"]
    if kind(record) == "agency":
        return [
            *above,
            "Đảng ủy cơ quan",
            "Công đoàn cơ sở",
            *bodies(record),
            "Các phòng, ban, đơn vị",
        ]
    if where == "tỉnh":
        return [
            "Thường trực Tỉnh ủy (để báo cáo)",
            "Thường trực HĐND tỉnh (để báo cáo)",
            *bodies(record),
            "Ủy ban MTTQ Việt Nam tỉnh",
        ]
    return [
        f"Thường trực Đảng ủy {where} (để báo cáo)".replace("  ", " "),
        f"Thường trực HĐND {where} (để báo cáo)".replace("  ", " "),
        *bodies(record),
        f"Ủy ban MTTQ Việt Nam {where}".strip(),
        "Trưởng các thôn, tổ dân phố",
    ]


def minutes_recipients(record: MeetingRecord, family: str) -> list[str]:
    if kind(record) == "agency":
        return ["Chủ tọa hội nghị", "Công đoàn cơ sở"]
    return ["Chủ tọa hội nghị", f"Ủy ban MTTQ Việt Nam {level_word(record)}".strip()]


def is_task(item: dict[str, object]) -> bool:
    return not OUTCOMES[str(item["outcome"])].transfer
