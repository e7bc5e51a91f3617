"""Vietnamese typing with no input method: Telex or VNI, composed as the keys arrive.

A kiosk or a bare Linux console has no Vietnamese input method, so the stations compose
the letters themselves, the way Unikey does: `aa`→â, `aw`→ă, `ee`→ê, `oo`→ô, `ow`→ơ,
`uw`/`w`→ư, `dd`→đ; tones `s f r x j`, `z` removes one; a repeated key undoes ("ass" →
"as"); the tone moves to its vowel as letters follow ("hoas" → "hóa"). VNI does the same
with digits (6 ^, 8 ˘, 7 horn, 9 đ; 1 sắc, 2 huyền, 3 hỏi, 4 ngã, 5 nặng, 0 removes).

The engine is `bogo` (the ibus-bogo project's, pure Python, LGPL). It places tones in the
traditional style of official documents ("hòa", "thủy", "Ủy ban"); search and sort treat
both placements as equal (shared.text.fold).

`Composer` keeps the keys of the word being typed, so each key re-composes that word from
its keys (undo and non-Vietnamese words such as "Windows" need the keys, not the letters).
Text that is already composed (an input method is on, or a word was typed before the
cursor moved there) is never converted again: a key after it is inserted as it is.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from typing import Any

import bogo

MODES = ("telex", "vni", "off")
RULES: dict[str, Any] = {
    "telex": bogo.get_telex_definition(),
    "vni": bogo.get_vni_definition(),
}

# The key that removes a tone, and how each mode spells a letter with a shape mark.
REMOVE = {"telex": "z", "vni": "0"}
SPELLING = {
    "telex": {"â": "aa", "ă": "aw", "ê": "ee", "ô": "oo", "ơ": "ow", "ư": "uw", "đ": "dd"},
    "vni": {"â": "a6", "ă": "a8", "ê": "e6", "ô": "o6", "ơ": "o7", "ư": "u7", "đ": "d9"},
}
MAX_KEYS = 12
"""The longest syllable ("nghiêng", "khuyếch") takes 9 keys; a longer word is not one."""
TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"  # huyền, sắc, ngã, hỏi, nặng


def toneless(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in TONE_MARKS))


def spelled(word: str, mode: str) -> str:
    """The keys that type a toneless `word` in `mode` ("đường" has a tone: untoned first)."""
    keys = ""
    for letter in word:
        shaped = SPELLING[mode].get(letter.lower(), letter)
        keys += shaped.upper() if letter.isupper() and len(shaped) > 1 else shaped
    return keys


def compose(keys: str, mode: str = "telex") -> str:
    """The text the keys type in `mode`, word by word (what a field shows after them)."""
    composer = Composer(mode)
    text = ""
    for key in keys:
        edit = composer.key(text, key)
        text = text + key if edit is None else text[: len(text) - edit[0]] + edit[1]
    return text


@dataclass
class Composer:
    """The keys of the word before the cursor, for one text field."""

    mode: str = "telex"
    keys: str = ""
    word: str = field(default="")

    def key(self, before: str, key: str) -> tuple[int, str] | None:
        """A typed `key` with `before` the text left of the cursor: (how many characters
        before the cursor to replace, the text to put there), or None to insert the key
        as it is."""
        if self.mode not in RULES or len(key) != 1 or not key.isascii() or not self._in_word(key):
            self.reset()
            return None
        tail = self._tail(before)
        if tail == self.word and self.keys:
            keys = self.keys
        elif tail.isascii():
            keys = tail  # a plain word typed before the cursor came back to it
        else:  # letters composed elsewhere (an input method): never converted twice
            self.reset()
            return None
        if len(keys) >= MAX_KEYS:
            self.reset()  # not a syllable: typed as it comes
            return None
        if not tail and not key.isalpha():
            self.reset()  # a digit that starts a word is a digit, also in VNI
            return None
        if key.lower() == REMOVE[self.mode] and toneless(tail) != tail:
            self.word = toneless(tail)  # wherever the tone key was typed
            self.keys = spelled(self.word, self.mode)
            return len(tail), self.word
        self.keys = keys + key
        self.word = bogo.process_sequence(self.keys, rules=RULES[self.mode])
        if self.word == tail + key:
            return None
        return len(tail), self.word

    def reset(self) -> None:
        self.keys = self.word = ""

    def _in_word(self, key: str) -> bool:
        return key.isalpha() or (self.mode == "vni" and key.isdigit())

    def _tail(self, before: str) -> str:
        """The word the cursor stands at the end of."""
        start = len(before)
        while start and self._word_character(before[start - 1]):
            start -= 1
        return before[start:]

    def _word_character(self, character: str) -> bool:
        return character.isalpha() or (self.mode == "vni" and character.isdigit())
