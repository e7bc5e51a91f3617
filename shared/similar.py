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
from functools import lru_cache
from operator import itemgetter
from typing import NamedTuple

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
GROUP_SCORE = 40.0
"""At or above this score two opinions of one field are proposed as one (bench/similar.py)."""
RECUR_SCORE = 40.0
"""At or above this score an opinion is taken as raised before (bench/similar.py)."""
_COMMON = 0.01  # a word in more than this share of the texts finds no candidates alone
_RARE_AT_LEAST = 20  # ... unless the texts are so few that this many is the whole lot
SEED_SLACK = 5.0
CANDIDATES = 20
"""Texts scored against each one: those sharing most of its rarer words."""
_FUZZ_SHARE = 0.3  # the rest of the score is the overlap of the telling words


def _folding_table() -> dict[int, str | None]:
    """shared.text.fold as one str.translate, punctuation made spaces: each Latin letter
    with marks to its bare lower-case letter, combining marks dropped."""
    table: dict[int, str | None] = {
        code: fold(chr(code)) for code in (*range(0xC0, 0x250), *range(0x1E00, 0x1F00))
    }
    table.update({code: None for code in range(0x300, 0x370)})
    table.update({code: chr(code + 32) for code in range(ord("A"), ord("Z") + 1)})
    table.update({code: " " for code in range(0x80) if not chr(code).isalnum()})
    table.update({code: " " for code in _PUNCTUATION})
    return table


_PUNCTUATION = (0xA0, 0x2013, 0x2014, 0x2018, 0x2019, 0x201C, 0x201D, 0x2026)
_FOLDING = _folding_table()


def _folded_lines(texts: Sequence[str]) -> list[str]:
    """The texts folded (no marks, lower case, punctuation as spaces) without the stock
    phrases, in one translate and one pattern pass over all of them joined a line each,
    instead of a dozen calls a text (recurrence folds 20,000)."""
    if not texts:
        return []
    joined = "\n".join(text.replace("\n", " ") for text in texts).translate(_LINES)
    return _PHRASE.sub(" ", joined).split("\n")


def words(text: str) -> tuple[str, ...]:
    """The words of `text` that tell its issue: folded, without the stock phrases."""
    return tuple(word for word in _folded_lines([text])[0].split() if word not in _WORDS)


_LINES = {**_FOLDING, ord("\n"): "\n"}
_PHRASE = re.compile(r"(?<!\S)(?:" + "|".join(p.replace(" ", " +") for p in _PHRASES) + r")(?!\S)")
_STOP = frozenset(_WORDS)


@lru_cache(maxsize=256)
def _folded_field(field: str) -> str:
    return fold(field)


class Text(NamedTuple):
    """A text ready to compare: its telling words, and the form rapidfuzz reads. (A
    named tuple: made 20,000 at a time, it costs a third of a frozen dataclass.)"""

    key: int
    field: str
    words: frozenset[str]
    joined: str

    @classmethod
    def of(cls, key: int, text: str, field: str = "") -> Text:
        found = words(text)
        return cls(key, _folded_field(field), frozenset(found), " ".join(found))

    @classmethod
    def many(cls, items: Sequence[tuple[int, str, str]]) -> list[Text]:
        """`of` for each (key, text, field), the words as a set at C speed: rapidfuzz's
        token_set_ratio reads the words as a set too, so their order does not count."""
        lines = _folded_lines([text for _, text, _ in items])
        fields = {field: _folded_field(field) for field in {field for _, _, field in items}}
        sets = [frozenset(line.split()) - _STOP for line in lines]
        new = tuple.__new__  # a named tuple's own __new__ is a Python function
        return [
            new(cls, (key, fields[field], telling, " ".join(telling)))
            for (key, _, field), telling in zip(items, sets, strict=True)
        ]


def _same_field(a: Text, b: Text) -> bool:
    return not a.field or not b.field or a.field == b.field


class Index:
    """Texts by their words. A word shared by many texts ("đường") weighs less than a
    rare one ("nghĩa trang"), and a text is scored only against the few that share most
    of its rarer words."""

    def __init__(self, texts: Sequence[Text], also: Sequence[Text] = ()) -> None:
        """`texts` are searched; `also` only counts in the words' weights."""
        self.texts = list(texts)
        self.postings: dict[str, list[int]] = defaultdict(list)
        for position, text in enumerate(self.texts):
            for word in text.words:
                self.postings[word].append(position)
        self.postings = dict(self.postings)  # a word not indexed is not added by a lookup
        self.sizes = {word: len(found) for word, found in self.postings.items()}
        counts = Counter(self.sizes)
        counts.update(word for text in also for word in text.words)
        total = len(self.texts) + len(also)
        self.weight = {w: math.log((total + 1) / (n + 1)) + 1 for w, n in counts.items()}
        self.common = max(_RARE_AT_LEAST, int(total * _COMMON))
        weigh = self.weight.__getitem__  # every indexed word has its weight
        self.totals = [sum(map(weigh, text.words)) for text in self.texts]

    def total(self, text: Text) -> float:
        return sum(self.weight.get(w, 1.0) for w in text.words)

    def score(self, a: Text, b: Text, floor: float = 0.0, totals: float = 0.0) -> float:
        """0-100: how much the two say the same thing, whatever the order of the words:
        the weighted share of telling words they have in common, and rapidfuzz's
        token_set_ratio of the two. 0 when it is surely below `floor`. `totals`: the
        two texts' weights, if known."""
        if not a.words or not b.words:
            return 0.0
        weight = self.weight
        shared = sum(weight.get(w, 1.0) for w in a.words & b.words)
        totals = totals or self.total(a) + self.total(b)
        overlap = (1 - _FUZZ_SHARE) * 200 * shared / totals
        if overlap + 100 * _FUZZ_SHARE < floor:
            return 0.0  # cannot reach the floor whatever rapidfuzz says
        fuzzy = fuzz.token_set_ratio(a.joined, b.joined)
        return overlap + _FUZZ_SHARE * fuzzy

    def candidates(self, text: Text, limit: int = CANDIDATES) -> list[int]:
        """The texts sharing most of this one's rarer words (counted in C by Counter)."""
        sizes, postings = self.sizes, self.postings
        # by rarity, then alphabetically: a set's order changes with each run, and the
        # candidates (ties kept in the order counted) must not
        present = sorted((w for w in text.words if w in sizes), key=lambda w: (sizes[w], w))
        absent = len(text.words) - len(present)  # in no indexed text: rare, finding none
        rare = [w for w in present if sizes[w] <= self.common]
        if absent + len(rare) < 2:
            rare = present[: 2 - absent]  # every word is common: the least common find them
        counts: Counter[int] = Counter()
        for word in rare:
            counts.update(postings[word])
        if len(counts) <= limit:
            return list(counts)
        ranked = sorted(counts.items(), key=itemgetter(1), reverse=True)
        return [position for position, _ in ranked[:limit]]

    def matches(self, text: Text, threshold: float) -> list[tuple[Text, float]]:
        """Texts of the same field (or of none) scoring at least `threshold` against
        `text`, best first. `score` inlined, as this runs 2,000 times for recurrence."""
        words, joined, field = text.words, text.joined, text.field
        if not words:
            return []
        texts, totals, weigh = self.texts, self.totals, self.weight.__getitem__
        own = self.total(text)
        share, rest = (1 - _FUZZ_SHARE) * 200, 100 * _FUZZ_SHARE
        found = []
        for position in self.candidates(text):
            other = texts[position]
            if other.key == text.key or (field and other.field and other.field != field):
                continue
            # the words they share are indexed, so each has its weight
            overlap = share * sum(map(weigh, words & other.words)) / (own + totals[position])
            if overlap + rest < threshold or not other.words:
                continue  # cannot reach the threshold whatever rapidfuzz says
            needed = max(0.0, (threshold - overlap) / _FUZZ_SHARE - 1e-9)
            fuzzy = fuzz.token_set_ratio(joined, other.joined, score_cutoff=needed)
            value = overlap + _FUZZ_SHARE * fuzzy
            if value >= threshold:
                found.append((other, value))
        return sorted(found, key=lambda pair: (-pair[1], pair[0].key))


@dataclass(frozen=True)
class Proposal:
    """Opinions proposed as one issue, with the lowest score between linked pairs."""

    keys: tuple[int, ...]
    score: float


def propose_groups(texts: Sequence[Text], threshold: float = GROUP_SCORE) -> list[Proposal]:
    """Groups of one field, largest first. Pairs scoring at least `threshold` are joined,
    best first, but two groups become one only if their first opinions also score at
    least `threshold - SEED_SLACK`: a chain of look-alikes ("đường làng", "đường điện",
    "điện chiếu sáng") does not make one issue. Only a proposal: the secretary confirms."""
    index = Index(texts)
    by_key = {t.key: t for t in texts}
    pairs = sorted(
        {
            (value, min(text.key, other.key), max(text.key, other.key))
            for text in texts
            for other, value in index.matches(text, threshold)
            if other.field == text.field  # grouping needs the same field (or both none)
        },
        key=lambda p: (-p[0], p[1], p[2]),
    )
    seed = {t.key: t.key for t in texts}  # a group's first opinion stands for it
    members: dict[int, list[int]] = {t.key: [t.key] for t in texts}
    weakest: dict[int, float] = {}
    for value, a, b in pairs:
        first, second = seed[a], seed[b]
        if first == second:
            continue
        if index.score(by_key[first], by_key[second]) < threshold - SEED_SLACK:
            continue
        keep, join = min(first, second), max(first, second)
        for key in members.pop(join):
            seed[key] = keep
            members[keep].append(key)
        weakest[keep] = min(value, weakest.get(keep, 100.0), weakest.get(join, 100.0))
    proposals = [
        Proposal(tuple(sorted(keys)), round(weakest[head], 1))
        for head, keys in members.items()
        if len(keys) > 1
    ]
    return sorted(proposals, key=lambda p: (-len(p.keys), -p.score, p.keys))
