"""Who signs a document and how the signature block reads (Nghị định 30, HD 36-HD/VPTW).

"TM." (party: "T/M") when the head signs on behalf of a collective body (an Ủy ban nhân
dân, a Đảng ủy); "KT." ("K/T") when a deputy signs for the head; nothing when the head of
an office signs in their own right (seed 004: "CHÁNH VĂN PHÒNG / Nguyễn Huy Anh"). The
title is the signer's own position, never a default."""

from __future__ import annotations

import re
from typing import Literal

Family = Literal["state", "party"]
UNKNOWN_TITLE = "." * 30  # a gap for the clerk: no position was recorded for the signer

# Bodies that decide collectively, so their head signs "TM." the body.
COLLECTIVE = (
    "Ủy ban nhân dân",
    "Hội đồng nhân dân",
    "Ban Thường vụ",
    "Ban Chấp hành",
    "Đảng ủy",
)
# Where a position's own title ends and the body it belongs to starts:
# "Chủ tịch UBND xã" -> "Chủ tịch", "Chánh Văn phòng UBND tỉnh" -> "Chánh Văn phòng".
_BODY_START = re.compile(
    r"\s+(?:UBND|HĐND|ĐU|Ủy ban|Uỷ ban|Hội đồng|Đảng ủy|Đảng uỷ|Ban Thường vụ|Ban Chấp hành|"
    r"xã|phường|thị trấn|đặc khu|huyện|quận|thị xã|thành phố|tỉnh)\b.*$",
    re.IGNORECASE,
)
_PLACE = re.compile(
    r"\s+(?:xã|phường|thị trấn|đặc khu|huyện|quận|thị xã|thành phố|tỉnh)\s.*$", re.IGNORECASE
)


def own_title(position: str) -> str:
    """The signer's title without the body it belongs to."""
    return _BODY_START.sub("", position.strip()).strip()


def collective(issuing_body: str) -> str:
    """The collective body a head signs for, without its place ("Ủy ban nhân dân xã Sơn
    Trung" -> "Ủy ban nhân dân"), or "" when the issuer is an office with a single head."""
    body = issuing_body.strip().replace("Uỷ", "Ủy").replace("uỷ", "ủy")
    for name in COLLECTIVE:
        if body.casefold().startswith(name.casefold()):
            return _PLACE.sub("", body)
    return ""


def signature_lines(issuing_body: str, position: str, family: Family = "state") -> list[str]:
    """The signature block's lines above the name, upper case as printed."""
    title = own_title(position)
    if not title:
        return [UNKNOWN_TITLE]
    lines = []
    body = collective(issuing_body)
    if body:
        lines.append(f"{'T/M' if family == 'party' else 'TM.'} {body}")
    if title.casefold().startswith("phó "):
        head = title[4:]
        lines.append(f"{'K/T' if family == 'party' else 'KT.'} {head}")
    lines.append(title)
    return [line.upper() for line in lines]
