"""Telex and VNI: every Vietnamese word of the seed plans and of the message catalogue,
turned into keys by a table of our own (not the engine's), types back to itself."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

from shared.telex import Composer, compose

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO.parent / "shared" / "seeds"
CATALOGUE = REPO / "shared" / "locale" / "vi" / "LC_MESSAGES" / "hallkit.po"

# The independent table: a letter with a shape mark is its base and one key; the tone is
# one key typed at the end of the syllable.
SHAPES = {
    "telex": {"â": "aa", "ă": "aw", "ê": "ee", "ô": "oo", "ơ": "ow", "ư": "uw", "đ": "dd"},
    "vni": {"â": "a6", "ă": "a8", "ê": "e6", "ô": "o6", "ơ": "o7", "ư": "u7", "đ": "d9"},
}
TONES = {  # combining mark -> key
    "telex": {"\u0301": "s", "\u0300": "f", "\u0309": "r", "\u0303": "x", "\u0323": "j"},
    "vni": {"\u0301": "1", "\u0300": "2", "\u0309": "3", "\u0303": "4", "\u0323": "5"},
}
VIETNAMESE = re.compile(
    r"[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]", re.I
)
# Words with rare vowels and initials (ươ, uyê, oă, qu-, gi-), typed as people type them.
RARE = [
    "Nguyễn",
    "Khuyến",
    "Quỳnh",
    "Giữa",
    "Người",
    "Xoắn",
    "Thuở",
    "Khuya",
    "Giặt",
    "Quốc",
    "Huỳnh",
    "Đường",
    "Trương",
    "Ngoằn",
    "Tuyết",
    "Giếng",
    "Gìn",
    "Quyền",
    "Hoạch",
    "Uyển",
]


def keys_for(word: str, mode: str) -> str:
    tone = ""
    typed = ""
    for character in unicodedata.normalize("NFC", word):
        parts = unicodedata.normalize("NFD", character)
        for mark, key in TONES[mode].items():
            if mark in parts:
                tone, parts = key, parts.replace(mark, "")
        base = unicodedata.normalize("NFC", parts)
        shaped = SHAPES[mode].get(base.lower())
        if shaped:
            typed += shaped.upper() if base.isupper() else shaped
        else:
            typed += base
    return typed + tone


def placement_free(word: str) -> tuple[str, str]:
    """A word as letters and its tone, wherever the tone sits (hoà = hòa)."""
    marks = "".join(TONES["telex"])
    decomposed = unicodedata.normalize("NFD", word)
    tone = "".join(c for c in decomposed if c in marks)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in marks)), tone


def syllable(word: str) -> bool:
    """One syllable as people write it: at most one tone; lower, Capitalised or CAPITALS.
    (The seeds also hold "QĐi" of a document number and "trọngcủa", a missing space.)"""
    tones = sum(c in "".join(TONES["telex"]) for c in unicodedata.normalize("NFD", word))
    return tones <= 1 and (word.islower() or word.istitle() or word.isupper())


def vietnamese_words() -> list[str]:
    texts = [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]
    texts += re.findall(r'^msgstr "(.*)"$', CATALOGUE.read_text(encoding="utf-8"), re.M)
    words = {
        unicodedata.normalize("NFC", word)
        for text in texts
        for word in re.findall(r"[^\W\d_]+", text)
        if VIETNAMESE.search(word) and syllable(word)
    }
    return sorted(words | set(RARE))


WORDS = vietnamese_words()


def test_there_are_words_to_type() -> None:
    assert len(WORDS) > 500, len(WORDS)


@pytest.mark.parametrize("mode", ["telex", "vni"])
def test_every_word_of_the_seeds_and_the_catalogue_types_back(mode: str) -> None:
    wrong = {}
    for word in WORDS:
        typed = compose(keys_for(word, mode), mode)
        if placement_free(typed) != placement_free(word) or typed != unicodedata.normalize(
            "NFC", typed
        ):
            wrong[word] = (keys_for(word, mode), typed)
    assert not wrong, f"{len(wrong)} of {len(WORDS)} words typed wrong: {list(wrong.items())[:20]}"


@pytest.mark.parametrize(
    ("keys", "shown"),
    [
        ("Nguyeenx Thij Hoongf", "Nguyễn Thị Hồng"),
        ("hoas", "hóa"),  # the tone moves to its vowel: the traditional placement
        ("ass", "as"),  # a repeated key undoes
        ("ddaay", "đây"),
        ("w", "ư"),
        ("ww", "w"),
        ("tuaanf sau", "tuần sau"),
        ("Windows email", "Windows email"),  # not Vietnamese: left as typed
        ("dduwowngf soos 12", "đường số 12"),
        ("hoasz", "hoa"),  # z removes the tone
        ("hoanfz", "hoan"),  # wherever it was typed
        ("dduwowngfz", "đương"),
        ("z", "z"),
        ("THUYR", "THỦY"),
        ("bbbbbbbbbbbbbbas", "bbbbbbbbbbbbbbas"),  # no syllable is that long
        ("nghieengf khuyeechs", "nghiềng khuyếch"),
    ],
)
def test_telex_as_unikey_types_it(keys: str, shown: str) -> None:
    assert compose(keys) == shown


def test_vni() -> None:
    assert compose("Nguye6n4 d9u7o7ng2 1 2026", "vni") == "Nguyễn đường 1 2026"
    assert compose("hoa1n0", "vni") == "hoan"


def test_off_and_english_type_what_is_typed() -> None:
    assert compose("Nguyeenx", "off") == "Nguyeenx"


def test_composed_text_is_never_converted_again() -> None:
    """An input method sends "ễ" itself; the next key is a letter, not a Telex key."""
    composer = Composer("telex")
    assert composer.key("Nguy", "ễ") is None
    assert composer.key("Nguyễ", "n") is None
    assert composer.key("Nguyễn", "s") is None  # "Nguyễns" as typed: not re-toned


def test_a_word_typed_before_the_cursor_came_back_is_composed_from_its_letters() -> None:
    composer = Composer("telex")
    assert composer.key("Nguyeen", "x") == (7, "Nguyễn")
