"""Columns by priority: what a table keeps on a narrow screen, and how it shortens text."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

from session_console.widgets.columns import EDGE, GAP, Column, clip, fit

QUEUE = [
    Column("no", "Số", min_width=3),
    Column("name", "Họ tên", min_width=18, text=True),
    Column("village", "Thôn", priority=3, min_width=10, text=True),
    Column("field", "Lĩnh vực", priority=4, min_width=10, text=True),
    Column("status", "Trạng thái", min_width=14),
    Column("waited", "Chờ (phút)", priority=2),
]
WIDEST = [3, 30, 20, 16, 12, 5]


def used(widths: list[int]) -> int:
    kept = [w for w in widths if w]
    return 2 * EDGE + sum(kept) + GAP * (len(kept) - 1)


def test_everything_fits_on_a_wide_screen() -> None:
    widths = fit(QUEUE, WIDEST, 140)
    assert widths == [3, 30, 20, 16, 14, 10]  # text whole, status and header whole


def test_the_least_important_columns_go_first_and_the_rest_stay_whole() -> None:
    assert fit(QUEUE, WIDEST, 70) == [3, 21, 12, 0, 14, 10]  # field (priority 4) first,
    assert fit(QUEUE, WIDEST, 60) == [3, 25, 0, 0, 14, 10]  # then village (3),
    assert fit(QUEUE, WIDEST, 50) == [3, 27, 0, 0, 14, 0]  # then the minutes waited (2).
    # Down to the one most important column; of equal priority the rightmost goes first.
    assert fit(QUEUE, WIDEST, 10) == [3, 0, 0, 0, 0, 0]


def test_text_shrinks_to_its_minimum_before_a_column_is_dropped() -> None:
    assert fit(QUEUE, WIDEST, 77) == [3, 18, 10, 10, 14, 10]  # every text at its minimum
    assert fit(QUEUE, WIDEST, 85) == [3, 21, 13, 12, 14, 10]  # the room left, shared


def test_text_is_ellipsised_never_cut() -> None:
    assert clip("Nguyễn Thị Thu Hà", 10) == "Nguyễn Th…"
    assert clip("Nguyễn Thị Thu Hà", 17) == "Nguyễn Thị Thu Hà"
    assert clip("会议会议", 5) == "会议…"  # wide characters count double
    assert clip("abc", 0) == ""


@given(
    st.lists(
        st.tuples(
            st.integers(1, 5), st.integers(0, 20), st.booleans(), st.text(min_size=0, max_size=12)
        ),
        min_size=1,
        max_size=8,
    ),
    st.lists(st.integers(0, 40), min_size=8, max_size=8),
    st.integers(1, 220),
)
def test_the_rule_holds_for_any_table(
    specs: list[tuple[int, int, bool, str]], widest: list[int], width: int
) -> None:
    columns = [Column(f"c{i}", label, p, m, t) for i, (p, m, t, label) in enumerate(specs)]
    widest = widest[: len(columns)]
    widths = fit(columns, widest, width)
    kept = [i for i, w in enumerate(widths) if w]
    assert kept, "the most important column is always kept"
    if len(kept) > 1:
        assert used(widths) <= width
    for i in kept:
        assert widths[i] >= cell_len(columns[i].label), "a header is never cut"
        if not columns[i].text:
            assert widths[i] >= widest[i], "a number, status or date is shown whole"
    for dropped in set(range(len(columns))) - set(kept):
        # Nothing kept is less important than what was dropped.
        assert all((columns[i].priority, i) < (columns[dropped].priority, dropped) for i in kept)
