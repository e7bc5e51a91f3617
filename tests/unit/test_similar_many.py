"""The fast paths of the similarity check say what the plain ones say: the words of many
texts folded at once are each text's own words, and the recurrence read from plain rows
finds what the rows as dictionaries find."""

from __future__ import annotations

import csv
from pathlib import Path

from rapidfuzz import fuzz

from shared import meetings, prepare, questions, recurrence
from shared.db import Store
from shared.similar import Text

LABELLED = Path(__file__).resolve().parents[2] / "bench" / "similar_opinions.csv"
TRICKY = [
    "",
    "   ",
    "Đề nghị đề nghị xem xét\nkiến nghị",
    "ĐƯỜNG LIÊN THÔN — “xuống cấp”… nhiều ổ gà!",
    "Cử tri thôn Đông phản ánh: tình trạng ô nhiễm",
    "a€ de  nghi x",
]


def test_many_texts_fold_to_each_ones_words() -> None:
    with LABELLED.open(encoding="utf-8", newline="") as file:
        texts = [row["text"] for row in csv.DictReader(file)] + TRICKY
    items = [(n, text, "Giao thông") for n, text in enumerate(texts)]
    many = Text.many(items)
    one = [Text.of(n, text, "Giao thông") for n, text, _ in items]
    assert [(t.key, t.field, t.words) for t in many] == [(t.key, t.field, t.words) for t in one]
    for a, b in zip(many, one, strict=True):  # the words' order does not count
        assert fuzz.token_set_ratio(a.joined, many[0].joined) == fuzz.token_set_ratio(
            b.joined, one[0].joined
        )
    assert Text.many([]) == []


def test_recurrence_from_plain_rows_finds_the_same(store: Store, meeting: int) -> None:
    held = meetings.create_meeting(store, title="Trước", date="2025-12-10", start_time="08:00")
    for summary in ("Đường liên thôn Đông - Đoài xuống cấp", "Trạm y tế thiếu thuốc BHYT"):
        questions.add_question(store, held, summary=summary)
    for summary in ("Sửa đường liên thôn Đoài Đông xuống cấp", "Thiếu thuốc BHYT ở trạm y tế"):
        questions.add_question(store, meeting, summary=summary, source="pre_collected")
    asked = prepare.gathered(store, meeting)
    fast = recurrence.of_meeting(store, meeting, asked)
    plain = recurrence.match(
        asked, recurrence.earlier_items(store, meetings.get_meeting(store, meeting))
    )
    assert fast == plain and len(fast) == 2
    assert recurrence.of_meeting(store, held, prepare.gathered(store, held)) == {}
