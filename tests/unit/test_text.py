import unicodedata

import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st

from shared.i18n import N_, UserError
from shared.text import (
    clean,
    clean_phone,
    clusters,
    fold,
    mask_phone,
    matches,
    name_sort_key,
    wrap,
)


def test_clean_stores_nfc_and_collapses_whitespace() -> None:
    nfd = unicodedata.normalize("NFD", "Nguyễn   Văn\tĐức ")
    assert nfd != "Nguyễn Văn Đức"
    assert clean(nfd, N_("Full name"), max_len=100) == "Nguyễn Văn Đức"
    assert unicodedata.is_normalized("NFC", clean(nfd, N_("Full name"), max_len=100))


@pytest.mark.parametrize(
    "bad",
    ["Nguyễn\x1b[31mVăn", "An\x00", "Bình\u200bAn", "Lê\u202eTrí", "\ufeffHoa", "Mai\x7f"],
    ids=["escape", "nul", "zero-width", "bidi-override", "bom", "delete"],
)
def test_control_and_format_characters_are_refused(bad: str) -> None:
    with pytest.raises(UserError) as refused:
        clean(bad, N_("Full name"), max_len=100)
    assert (
        refused.value.msgid
        == "{field} contains a control or invisible character ({code}); please retype it."
    )
    assert "Họ và tên" in refused.value.message("vi")
    assert "Full name" in refused.value.message("en")


@pytest.mark.parametrize("empty", ["", "   ", "\n\t ", None])
def test_required_empty_is_refused(empty: str | None) -> None:
    with pytest.raises(UserError, match="must\\ not\\ be\\ empty\\."):
        clean(empty, N_("Full name"), max_len=100, required=True)


def test_too_long_names_the_limit() -> None:
    with pytest.raises(UserError) as refused:
        clean("a" * 10_000, N_("Summary"), max_len=2000)
    assert "10000" in refused.value.message("vi") and "2000" in refused.value.message("vi")


def test_fold_handles_d_with_stroke_and_case() -> None:
    assert fold("NGUYỄN VĂN ĐỨC") == "nguyen van duc"
    assert fold("hoà") == fold("hòa") == "hoa"
    assert fold("uỷ ban") == fold("ủy ban")
    assert matches("nguyen van duc", "Nguyễn Văn Đức")
    assert matches("duc nguyen", "NGUYỄN VĂN ĐỨC")
    assert not matches("nguyen van dung", "Nguyễn Văn Đức")


@given(st.text())
def test_fold_ignores_normal_form_and_is_idempotent(text: str) -> None:
    assert fold(unicodedata.normalize("NFD", text)) == fold(unicodedata.normalize("NFC", text))
    assert fold(fold(text)) == fold(text)


def test_names_sort_by_given_name_then_middle_then_family() -> None:
    names = ["Trần Văn Bình", "Nguyễn Thị An", "Lê Văn An", "Phạm Thị Ánh", "Đỗ Đức"]
    assert sorted(names, key=name_sort_key) == [
        "Nguyễn Thị An",
        "Lê Văn An",
        "Phạm Thị Ánh",
        "Trần Văn Bình",
        "Đỗ Đức",
    ]


def test_vietnamese_letter_and_tone_order() -> None:
    letters = ["Đào", "Dung", "Ân", "Ăn", "An", "Ơn", "Ôn", "On", "Ưu", "Uy", "Ê", "E"]
    assert sorted(letters, key=name_sort_key) == [
        "An", "Ăn", "Ân", "Dung", "Đào", "E", "Ê", "On", "Ôn", "Ơn", "Uy", "Ưu",
    ]  # fmt: skip
    tones = ["Bạ", "Bá", "Bã", "Bả", "Bà", "Ba"]
    assert sorted(tones, key=name_sort_key) == ["Ba", "Bà", "Bả", "Bã", "Bá", "Bạ"]
    assert name_sort_key("Hoà") == name_sort_key("Hòa")


@pytest.mark.parametrize(
    ("given", "stored"),
    [
        ("0912345678", "0912345678"),
        ("091 234 5678", "0912345678"),
        ("+84 912.345.678", "0912345678"),
        ("024 3825 1234", "02438251234"),
        ("", ""),
    ],
)
def test_vietnamese_phone_numbers(given: str, stored: str) -> None:
    assert clean_phone(given) == stored


@pytest.mark.parametrize("bad", ["12345", "+1 415 555 0100", "09123456789", "0912abc678", "８"])
def test_other_phone_numbers_are_refused(bad: str) -> None:
    with pytest.raises(UserError, match="Not\\ a\\ Vietnamese\\ phone\\ number:"):
        clean_phone(bad)


def test_phone_mask_keeps_three_digits() -> None:
    assert mask_phone("0912345678") == "*******678"
    assert mask_phone("") == ""


def width_in_cells(text: str) -> float:
    """A stand-in for a font whose combining marks take some room of their own."""
    return sum(0.5 if unicodedata.combining(c) else 1 for c in text)


WORDS = st.text(st.sampled_from("aăđêơ ưxyz\u0301\u0323"), max_size=300)


@given(WORDS, st.integers(min_value=3, max_value=40), st.sampled_from(["", "  "]))
@example("aađ\u0301", 3, "")  # the mark would fit alone, not with its letter
def test_wrapped_lines_fit_and_keep_every_letter(text: str, width: int, indent: str) -> None:
    text = unicodedata.normalize("NFC", text)
    assume(not any(unicodedata.combining(word[0]) for word in text.split()))
    assume(all(len(indent) + width_in_cells(c) <= width for c in clusters(text)))  # room for one
    lines = wrap(text, width, width_in_cells, indent)
    assert all(width_in_cells(line) <= width for line in lines)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    assert all(line.startswith(indent) for line in lines[1:])
    assert not any(unicodedata.combining(line.strip()[:1] or "a") for line in lines)


def test_a_150_character_word_breaks_between_letters_with_their_marks() -> None:
    word = unicodedata.normalize("NFD", "đường" * 30)  # marks as separate characters
    lines = wrap(f"Đề nghị {word} sớm", 40, width_in_cells, indent="   ")
    assert lines[0] == "Đề nghị"
    assert len(lines) >= 5 and all(width_in_cells(line) <= 40 for line in lines)
    assert "".join(line.strip() for line in lines[1:]) == f"{word} sớm"
    assert all(not unicodedata.combining(line.strip()[0]) for line in lines)


def test_paragraphs_and_empty_text() -> None:
    assert wrap("", 10, len) == []
    assert wrap("một hai ba\nbốn", 7, len, indent="  ") == ["một hai", "  ba", "  bốn"]
