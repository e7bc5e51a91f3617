"""Which opinions say the same thing: the same road raised by three villages, the same
complaint back for the third meeting running.

Texts are compared folded (shared.text.fold: no diacritics, no case), without the words
every opinion has ("đề nghị", "cử tri", "thôn"), word order aside, with rapidfuzz. Only
pairs sharing a rare word are scored, so 2,000 opinions against 20,000 earlier items take
well under a second. Nothing here changes the database: grouping waits for the secretary.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from shared.text import fold

# Folded words (and phrases) that say nothing about the issue: how opinions are worded,
# who raised them, where. A phrase is removed before the single words.
_PHRASES = (
    "de nghi",
    "kien nghi",
    "phan anh",
    "cu tri",
    "nhan dan",
    "nguoi dan",
    "ba con",
    "xem xet",
    "giai quyet",
    "co tham quyen",
    "to dan pho",
    "khu dan cu",
    "dia phuong",
    "hien nay",
    "tinh trang",
    "nhieu nam",
    "kip thoi",
)
_WORDS = set(
    "a bi bo cac can cho chua co cua da dang de den di do duoc gay hay khi khong la lai "
    "lam len ma moi mot nao nay neu nhieu nhu nhung o ong phai qua ra rat roi sau se som "
    "tai the thi thon tren trong tu tuy va van ve viec voi vi xa xin hai nam cung".split()
)
_NOT_LETTERS = re.compile(r"[^a-z0-9 ]+")
GROUP_SCORE = 40.0
"""At or above this score two opinions of one field are proposed as one (bench/similar.py)."""
RECUR_SCORE = 40.0
"""At or above this score an opinion is taken as raised before (bench/similar.py)."""
_COMMON = 0.05  # a word in more than this share of the texts finds no candidates alone
_FUZZ_SHARE = 0.3  # the rest of the score is the overlap of the telling words


def words(text: str) -> tuple[str, ...]:
    """The words of `text` that tell its issue: folded, without the stock phrases."""
    folded = " " + _NOT_LETTERS.sub(" ", fold(text)) + " "
    for phrase in _PHRASES:
        folded = folded.replace(f" {phrase} ", " ")
    return tuple(word for word in folded.split() if word not in _WORDS)


@dataclass(frozen=True)
class Text:
    """A text ready to compare: its telling words, and the form rapidfuzz reads."""

    key: int
    field: str
    words: frozenset[str]
    joined: str

    @classmethod
    def of(cls, key: int, text: str, field: str = "") -> Text:
        found = words(text)
        return cls(key, fold(field), frozenset(found), " ".join(found))


def _same_field(a: Text, b: Text) -> bool:
    return not a.field or not b.field or a.field == b.field


class Index:
    """Texts by their words. A word shared by many texts ("đường") weighs less than a
    rare one ("nghĩa trang"), and a text is scored only against those sharing a word
    rare enough to mean something."""

    def __init__(self, texts: Sequence[Text], also: Sequence[Text] = ()) -> None:
        """`texts` are searched; `also` only counts in the words' weights."""
        self.texts = list(texts)
        self.postings: dict[str, list[int]] = defaultdict(list)
        for position, text in enumerate(self.texts):
            for word in text.words:
                self.postings[word].append(position)
        counts = Counter(word for text in (*self.texts, *also) for word in text.words)
        total = len(self.texts) + len(also)
        self.weight = {w: math.log((total + 1) / (n + 1)) + 1 for w, n in counts.items()}
        self.common = max(20, int(total * _COMMON))

    def score(self, a: Text, b: Text) -> float:
        """0-100: how much the two say the same thing, whatever the order of the words:
        the weighted share of telling words they have in common, and rapidfuzz's
        token_set_ratio of the two."""
        if not a.words or not b.words:
            return 0.0
        weight = self.weight
        shared = sum(weight.get(w, 1.0) for w in a.words & b.words)
        whole = sum(weight.get(w, 1.0) for w in a.words) + sum(weight.get(w, 1.0) for w in b.words)
        overlap = 200 * shared / whole
        fuzzy = fuzz.token_set_ratio(a.joined, b.joined)
        return round((1 - _FUZZ_SHARE) * overlap + _FUZZ_SHARE * fuzzy, 1)

    def candidates(self, text: Text) -> set[int]:
        ranked = sorted(text.words, key=lambda w: len(self.postings.get(w, ())))
        rare = [w for w in ranked if len(self.postings.get(w, ())) <= self.common] or ranked[:2]
        found: set[int] = set()
        for word in rare:
            found.update(self.postings.get(word, ()))
        return found

    def matches(self, text: Text, threshold: float) -> list[tuple[Text, float]]:
        """Texts of the same field (or of none) scoring at least `threshold` against
        `text`, best first."""
        found = []
        for position in self.candidates(text):
            other = self.texts[position]
            if other.key == text.key or not _same_field(text, other):
                continue
            value = self.score(text, other)
            if value >= threshold:
                found.append((other, value))
        return sorted(found, key=lambda pair: (-pair[1], pair[0].key))


@dataclass(frozen=True)
class Proposal:
    """Opinions proposed as one issue, with the lowest score between linked pairs."""

    keys: tuple[int, ...]
    score: float


def propose_groups(texts: Sequence[Text], threshold: float = GROUP_SCORE) -> list[Proposal]:
    """Groups of the same field linked by pairs scoring at least `threshold` (single link),
    largest first. Only a proposal: the secretary confirms each."""
    index = Index(texts)
    parent = {t.key: t.key for t in texts}
    weakest: dict[int, float] = {}

    def root(key: int) -> int:
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    for text in texts:
        for other, value in index.matches(text, threshold):
            if other.field != text.field:
                continue  # grouping needs the same field, an empty one included
            a, b = root(text.key), root(other.key)
            low = min(value, weakest.get(a, 100.0), weakest.get(b, 100.0))
            if a != b:
                parent[max(a, b)] = min(a, b)
            weakest[min(a, b)] = low
    members: dict[int, list[int]] = defaultdict(list)
    for text in texts:
        members[root(text.key)].append(text.key)
    proposals = [
        Proposal(tuple(sorted(keys)), weakest.get(head, 100.0))
        for head, keys in members.items()
        if len(keys) > 1
    ]
    return sorted(proposals, key=lambda p: (-len(p.keys), -p.score, p.keys))
