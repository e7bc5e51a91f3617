"""The signature block follows who signs for whom (DOMAIN.md "Who signs")."""

from __future__ import annotations

import pytest

from shared.signers import UNKNOWN_TITLE, signature_lines


@pytest.mark.parametrize(
    ("issuer", "position", "family", "lines"),
    [
        # the head of a collective body signs on its behalf, without its place
        (
            "Ủy ban nhân dân xã Sơn Trung",
            "Chủ tịch UBND xã",
            "state",
            ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"],
        ),
        # a deputy signs for the head
        (
            "Ủy ban nhân dân xã Sơn Trung",
            "Phó Chủ tịch UBND xã",
            "state",
            ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"],
        ),
        # seed 004: the head of an office signs in his own right
        (
            "Văn phòng Ủy ban nhân dân tỉnh Khánh Hòa",
            "Chánh Văn phòng",
            "state",
            ["CHÁNH VĂN PHÒNG"],
        ),
        (
            "Văn phòng Ủy ban nhân dân tỉnh Khánh Hòa",
            "Phó Chánh Văn phòng UBND tỉnh",
            "state",
            ["KT. CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG"],
        ),
        ("Đảng ủy xã Sơn Trung", "Bí thư Đảng ủy xã", "party", ["T/M ĐẢNG ỦY", "BÍ THƯ"]),
        # no position known: a gap for the clerk, never a guessed title
        ("Ủy ban nhân dân xã Sơn Trung", "", "state", [UNKNOWN_TITLE]),
    ],
)
def test_the_signature_follows_who_signs_for_whom(
    issuer: str, position: str, family: str, lines: list[str]
) -> None:
    assert signature_lines(issuer, position, family) == lines  # type: ignore[arg-type]
