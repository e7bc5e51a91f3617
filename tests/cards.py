"""Synthetic citizens' ID cards (Căn cước công dân QR payloads) for the card tests: names
with every vowel and every tone, addresses with thôn, tổ dân phố, ấp, bản, buôn and khóm,
half of them written before the 2025 merger of communes (with a district)."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

VOWELS = ("a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y")
TONES = ("", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323")  # ngang sắc huyền hỏi ngã nặng
ONSETS = ("Th", "Ng", "Kh", "Ph", "Tr", "H", "L", "M", "B", "S", "V", "X")
RARE = (  # ươ, uyê, oă, qu-, gi-, and more
    "Nguyệt", "Khuyến", "Hoằng", "Thược", "Quỳnh", "Giang", "Xuyến", "Tuyết", "Hoạch",
    "Khoẳng", "Quyết", "Giới", "Luyện", "Cường", "Thuở", "Ngoãn", "Quắc", "Giữ",
    "Khuê", "Thoại", "Uyên", "Oanh", "Hượu", "Yến", "Nhuận", "Phượng", "Quế", "Giáp",
)  # fmt: skip
FAMILIES = (
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ",
    "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý",
)  # fmt: skip
MIDDLES = ("Văn", "Thị", "Hữu", "Đức", "Minh", "Quỳnh", "Ngọc")
# (the village as listed, the address as a card writes it: before the merger, after it)
PLACES = (
    ("Thôn 3", "Thôn 3, Xã Sơn Trung, Huyện Tĩnh Gia, Tỉnh Thanh Hóa", "Thôn 3, Xã Tĩnh Gia, Tỉnh Thanh Hóa"),
    ("Tổ dân phố 5", "Tổ dân phố 5, Phường Quang Trung, Quận Hà Đông, TP Hà Nội", "Tổ dân phố 5, Phường Hà Đông, TP Hà Nội"),
    ("Ấp Tân Hòa", "Ấp Tân Hoà, Xã Tân Hòa, Huyện Lai Vung, Tỉnh Đồng Tháp", "ẤP TÂN HÒA, Xã Lai Vung, Tỉnh Đồng Tháp"),
    ("Bản Nà Hẩu", "Bản Nà Hẩu, Xã Nà Hẩu, Huyện Văn Yên, Tỉnh Yên Bái", "Bản Nà Hẩu, Xã Nà Hẩu, Tỉnh Lào Cai"),
    ("Buôn Ma Lang", "Buôn Ma Lang, Xã Ea Tu, TP Buôn Ma Thuột, Tỉnh Đắk Lắk", "buôn ma lang, Phường Tân An, Tỉnh Đắk Lắk"),
    ("Khóm 2", "Khóm 2, Thị trấn Cái Đôi Vàm, Huyện Phú Tân, Tỉnh Cà Mau", "Khóm 2, Xã Cái Đôi Vàm, Tỉnh Cà Mau"),
)  # fmt: skip
VILLAGES = tuple(village for village, _, _ in PLACES)


@dataclass(frozen=True)
class SyntheticCard:
    number: str
    old_number: str
    name: str
    born: str
    sex: str
    address: str
    issued: str
    village: str

    @property
    def payload(self) -> str:
        fields = (self.number, self.old_number, self.name, self.born, self.sex)
        return "|".join((*fields, self.address, self.issued))

    @property
    def secrets(self) -> tuple[str, ...]:
        """What must never be stored, logged or printed (the old ID when it has one; the
        district of an old-style address)."""
        found = [self.number, self.born, self.issued]
        if self.old_number:
            found.append(self.old_number)
        found += [part.strip() for part in self.address.split(",")[1:] if "Huyện" in part]
        return tuple(found)


def given_name(index: int) -> str:
    """Every vowel under every tone first (12 x 6), then rare vowel groups."""
    if index < len(VOWELS) * len(TONES):
        vowel, tone = VOWELS[index // len(TONES)], TONES[index % len(TONES)]
        return ONSETS[index % len(ONSETS)] + unicodedata.normalize("NFC", vowel + tone) + "n"
    return RARE[(index - len(VOWELS) * len(TONES)) % len(RARE)]


def card(index: int) -> SyntheticCard:
    """Card `index` (0..111): its name's family and middle names differ from every other
    card's, diacritics aside, so no two are taken for the same citizen."""
    village, before, after = PLACES[index % len(PLACES)]
    name = f"{FAMILIES[index % 16]} {MIDDLES[index // 16]} {given_name(index)}"
    return SyntheticCard(
        number=f"{10**11 + 7_654_321 * (index + 1):012d}",
        old_number=f"{1_000_000 * 7 + 31_337 * (index + 1):09d}" if index % 2 else "",
        name=name.upper() if index % 10 == 9 else name,  # some cards print capitals
        born=f"{1 + index % 28:02d}{1 + index % 12:02d}{1940 + index % 60}",
        sex="Nữ" if index % 2 else "Nam",
        address=before if index % 2 == 0 else after,
        issued=f"{1 + (index * 7) % 28:02d}{1 + (index * 5) % 12:02d}{2021 + index % 4}",
        village=village,
    )


CARDS = tuple(card(index) for index in range(100))
