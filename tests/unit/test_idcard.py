"""The ID card's QR: name and village kept, everything else refused or forgotten."""

from __future__ import annotations

import pytest

from shared.i18n import UserError
from shared.idcard import Card, looks_like_card, read_card, village_of

CARD = "001085012345|123456789|Nguyễn Thị Hồng|05061985|Nữ|Thôn 3, Xã Sơn Trung, Huyện Tĩnh Gia, Thanh Hóa|12042021"
VILLAGES = ["Thôn 1", "Thôn 3", "Thôn 13", "Tổ dân phố Minh Khai", "Bản Nà Hẩu"]


def test_a_card_gives_its_name_and_the_first_part_of_its_address() -> None:
    assert read_card(CARD) == Card(name="Nguyễn Thị Hồng", place="Thôn 3")
    assert read_card(CARD.encode()) == read_card(CARD)


def test_nothing_else_of_the_card_is_kept() -> None:
    card = read_card(CARD)
    kept = repr(card) + repr(vars(card))
    for secret in ("001085012345", "123456789", "05061985", "Nữ", "Sơn Trung", "12042021"):
        assert secret not in kept


def test_the_old_id_may_be_empty_and_newer_cards_add_fields() -> None:
    assert read_card(CARD.replace("|123456789|", "||")).name == "Nguyễn Thị Hồng"
    assert read_card(CARD + "|extra|more").place == "Thôn 3"


@pytest.mark.parametrize(
    "payload",
    [
        "001085012345|123456789|Nguyễn Thị Hồng|05061985|Nữ",  # cut off by the scanner
        CARD.replace("001085012345", "00108501234"),  # 11 digits
        CARD.replace("05061985", "35061985"),
        CARD.replace("Nguyễn Thị Hồng", "Hồng"),  # one word is not a full name
        CARD.replace("Nguyễn Thị Hồng", "Nguyễn 7 Hồng"),
        CARD.replace("Thôn 3", "Thôn\x1b[2J3"),
        CARD.replace("|Thôn 3, Xã Sơn Trung, Huyện Tĩnh Gia, Thanh Hóa|", "||"),
        "x" * 10_000,
        "K7QM2D-ABCDEFGHIJ",
        b"\xff\xfe001085012345|",
    ],
)
def test_a_bad_scan_is_refused_with_one_message_that_names_nothing_of_the_card(
    payload: str | bytes,
) -> None:
    with pytest.raises(UserError) as refused:
        read_card(payload)
    assert refused.value.message("vi") == "Không đọc được thẻ, vui lòng quét lại."
    assert "001085012345" not in str(refused.value)


def test_a_card_is_told_from_a_ticket() -> None:
    assert looks_like_card(CARD)
    assert not looks_like_card("K7QM2D-ABCDEFGHIJ")
    assert not looks_like_card("0912345678")


@pytest.mark.parametrize(
    ("place", "village"),
    [
        ("Thôn 3", "Thôn 3"),
        ("THON 3", "Thôn 3"),
        ("tổ dân phố minh khai", "Tổ dân phố Minh Khai"),
        ("Bản Nà Hẩu", "Bản Nà Hẩu"),
        ("Thôn 31", None),
        ("Xóm 3", None),
    ],
)
def test_the_village_is_matched_by_its_words(place: str, village: str | None) -> None:
    assert village_of(place, VILLAGES) == village
