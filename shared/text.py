"""Vietnamese text: cleaning on the way in, folding for search, sorting names.

Terminals and input methods may send decomposed (NFD) text, so everything is stored
NFC. Control and format characters (ESC, zero-width, bidi overrides) are refused
rather than stripped: a name that silently changes is worse than a clear message.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable

from shared.i18n import N_, Label, UserError

_REFUSED_CATEGORIES = {"Cc", "Cf", "Cs", "Co", "Cn"}
_WHITESPACE = re.compile(r"\s+")

# Vietnamese alphabet order, with the Latin letters it lacks slotted in.
_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_LETTER_RANK = {letter: rank for rank, letter in enumerate(_ALPHABET)}
# Tone marks in dictionary order: none < huyền < hỏi < ngã < sắc < nặng.
_TONE_RANK = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
_LETTER_MARKS = {"\u0306", "\u0302", "\u031b"}  # breve, circumflex, horn
# What a terminal obeys instead of showing: C0 controls, DEL, C1 controls (8-bit CSI,
# OSC ...), and the bidi overrides that reorder what is shown around them.
_TERMINAL_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def show_date(iso: str) -> str:
    """A stored ISO date as people read it on screens and paper: dd/mm/yyyy."""
    return dt.date.fromisoformat(iso[:10]).strftime("%d/%m/%Y") if iso else ""


def show_moment(iso: str) -> str:
    """A stored time (ISO, with its offset) as people read it: this machine's local time,
    dd/mm/yyyy HH:MM. A time stored without an offset is taken as local already."""
    if not iso:
        return ""
    moment = dt.datetime.fromisoformat(iso)
    return moment.astimezone().strftime("%d/%m/%Y %H:%M")


def clean(value: str | None, label: str, *, max_len: int, required: bool = False) -> str:
    """NFC-normalise, collapse whitespace and refuse what a person cannot have meant.

    Returns "" for an empty optional value. Raises `UserError` naming the field.
    """
    text = unicodedata.normalize("NFC", value or "")
    for char in text:
        if char in "\t\n\r":
            continue
        if unicodedata.category(char) in _REFUSED_CATEGORIES:
            raise UserError(
                "{field} contains a control or invisible character ({code}); please retype it.",
                field=Label(label),
                code=f"U+{ord(char):04X}",
            )
    text = _WHITESPACE.sub(" ", text).strip()
    if required and not text:
        raise UserError("{field} must not be empty.", field=Label(label))
    if len(text) > max_len:
        raise UserError(
            "{field} is too long: {length} characters, at most {max}.",
            field=Label(label),
            max=max_len,
            length=len(text),
        )
    return text


def printable(text: str, keep: str = "") -> str:
    """`text` made safe to write to a terminal: every control character is shown as an
    escape (ESC as `\\x1b`, U+202E as `\\u202e`), so a value typed by anyone cannot
    retitle, clear or rewrite the terminal it is echoed to. Characters in `keep` (the
    line breaks of a multi-line message we wrote ourselves) pass through.
    """

    def shown(match: re.Match[str]) -> str:
        char = match.group()
        if char in keep:
            return char
        code = ord(char)
        return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"

    return _TERMINAL_CONTROLS.sub(shown, text)


def fold(text: str) -> str:
    """Diacritic- and case-insensitive form for search: "NGUYỄN VĂN ĐỨC" -> "nguyen van duc"."""
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _WHITESPACE.sub(" ", bare.casefold()).strip()


def matches(query: str, text: str) -> bool:
    """True when every word of the folded query appears in the folded text."""
    haystack = fold(text)
    return all(word in haystack for word in fold(query).split())


def _word_key(word: str) -> tuple[tuple[int, ...], int]:
    """Letters first (a < ă < â, d < đ ...), the tone only to break ties."""
    letters: list[int] = []
    tone = 0
    for char in unicodedata.normalize("NFD", word.lower()):
        if char in _TONE_RANK:
            tone = _TONE_RANK[char]
        elif char in _LETTER_MARKS and letters and letters[-1] < len(_ALPHABET):
            composed = unicodedata.normalize("NFC", _ALPHABET[letters[-1]] + char)
            letters[-1] = _LETTER_RANK.get(composed, letters[-1])
        elif char in _LETTER_RANK:
            letters.append(_LETTER_RANK[char])
        elif not unicodedata.combining(char):
            letters.append(len(_ALPHABET) + ord(char))
    return tuple(letters), tone


def sort_key(text: str) -> tuple[tuple[tuple[int, ...], int], ...]:
    """Vietnamese alphabetical order for place and body names, word by word (d < đ)."""
    return tuple(_word_key(word) for word in unicodedata.normalize("NFC", text).split())


def name_sort_key(name: str) -> tuple[tuple[tuple[int, ...], int], ...]:
    """Sort key for official lists: given name, then middle names, then family name."""
    words = unicodedata.normalize("NFC", name).split()
    if not words:
        return ()
    ordered = [words[-1], *words[1:-1], words[0]] if len(words) > 1 else words
    return tuple(_word_key(word) for word in ordered)


_PHONE_SEPARATORS = re.compile(r"[\s.\-()]")


def clean_phone(value: str | None) -> str:
    """A Vietnamese number as 0xxxxxxxxx (or an 11-digit 02x landline); "" when absent.

    Accepts +84 and spaces, dots, dashes or brackets between the digits.
    """
    raw = clean(value, N_("Phone"), max_len=30)
    if not raw:
        return ""
    digits = _PHONE_SEPARATORS.sub("", raw)
    if digits.startswith("+84"):
        digits = "0" + digits[3:]
    mobile = len(digits) == 10 and digits[1] != "0"
    landline = len(digits) == 11 and digits[1] == "2"
    if not (digits.isascii() and digits.isdigit() and digits[0] == "0" and (mobile or landline)):
        raise UserError(
            "Not a Vietnamese phone number: {phone}. Use 0xxxxxxxxx or +84xxxxxxxxx.", phone=raw
        )
    return digits


def mask_phone(phone: str) -> str:
    """What documents and screens show of a phone: the last three digits."""
    return "" if not phone else "*" * (len(phone) - 3) + phone[-3:]


def clusters(word: str) -> list[str]:
    """The characters of `word`, each with its combining marks: where a word may break."""
    found: list[str] = []
    for char in word:
        if found and unicodedata.combining(char):
            found[-1] += char
        else:
            found.append(char)
    return found


def wrap(text: str, width: float, measure: Callable[[str], float], indent: str = "") -> list[str]:
    """Lines of `text` that `measure` finds no wider than `width`, for paper of any kind.

    Breaks at spaces; a word wider than a line breaks between characters, keeping each
    combining mark with its letter. Every line after a paragraph's first, and every
    paragraph after the first ("\n"), starts with `indent`. Returns [] for empty text.
    """
    lines: list[str] = []
    for number, paragraph in enumerate(text.split("\n") if text else []):
        line = indent if number else ""
        for word in paragraph.split():
            fresh = not line.strip()
            candidate = line + word if fresh else f"{line} {word}"
            if measure(candidate) <= width:
                line = candidate
                continue
            if not fresh:
                lines.append(line)
                line = indent
            for cluster in clusters(word):
                if line.strip() and measure(line + cluster) > width:
                    lines.append(line)
                    line = indent
                line += cluster
        lines.append(line)
    return lines
