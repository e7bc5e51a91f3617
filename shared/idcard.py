"""The chip ID card's QR code (Căn cước công dân / Thẻ căn cước): name and village only.

A 2D scanner reads `số định danh|số CMND cũ|Họ và tên|ngày sinh ddmmyyyy|giới tính|nơi
thường trú|ngày cấp ddmmyyyy` (the old ID may be empty; newer cards add fields). The law
asks for the minimum (DOMAIN.md, personal data): `read_card` returns the name and the
village and nothing else, so the ID number, birth date, sex, full address and issue date
are never held past the call. A refusal names no field of the card either.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from shared.i18n import N_, UserError
from shared.text import fold

MAX_PAYLOAD = 1024  # a card's QR holds ~150 characters; more is noise
_ID = re.compile(r"\d{12}")
_OLD_ID = re.compile(r"(\d{9})?")
_DATE = re.compile(r"(0[1-9]|[12]\d|3[01])(0[1-9]|1[0-2])(19|20)\d\d")
_NAME = re.compile(r"[^\W\d_]+(?: [^\W\d_]+)+")
_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f]")
UNREADABLE = N_("The card could not be read. Please scan it again.")
CARD_READ = N_("ID card read: only the name and the village are kept.")


@dataclass(frozen=True)
class Card:
    """What a card scan keeps: the name as printed, and the first part of the address."""

    name: str
    place: str


def looks_like_card(payload: str) -> bool:
    """A card's QR starts with a 12-digit number and a bar; a ticket's never does."""
    return bool(re.match(r"\s*\d{12}\|", payload))


def read_card(payload: str | bytes) -> Card:
    """The name and the first part of the address, or UserError(UNREADABLE)."""
    if isinstance(payload, bytes):
        try:
            payload = payload.decode("utf-8")
        except UnicodeDecodeError:
            raise UserError(UNREADABLE) from None
    payload = unicodedata.normalize("NFC", payload.strip())
    fields = payload.split("|")
    if len(payload) > MAX_PAYLOAD or _CONTROLS.search(payload) or len(fields) < 7:
        raise UserError(UNREADABLE)
    number, old, name, born, _sex, address, issued = (field.strip() for field in fields[:7])
    name = " ".join(name.split())
    if not (
        _ID.fullmatch(number)
        and _OLD_ID.fullmatch(old)
        and _NAME.fullmatch(name)
        and _DATE.fullmatch(born)
        and _DATE.fullmatch(issued)
        and address
    ):
        raise UserError(UNREADABLE)
    return Card(name=name, place=address.split(",")[0].strip())


def village_of(place: str, villages: Iterable[str]) -> str | None:
    """The listed village the address starts with, by its words, diacritics and case aside
    ("THÔN 3" or "thon 3" -> "Thôn 3"); None when none or more than one fits."""
    wanted = fold(place).split()
    found = [v for v in villages if fold(v).split() == wanted]
    return found[0] if len(found) == 1 else None
