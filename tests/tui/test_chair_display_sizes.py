"""The chair's totals and the hall display at the sizes stations run at: the totals are
one count a line in one capitalisation, never wrapped inside an item; the display's
number and timer grow with the screen."""

from __future__ import annotations

import re
from typing import Any

import pytest

from session_console.chair.app import make_chair_app
from session_console.display.app import make_display_app, scales
from shared import questions, speaking
from shared.config import Settings
from shared.db import Store
from shared.i18n import tr
from shared.overview import totals
from tests.tui.screen import screen_text
from tests.waiting import until
from tui import BigText

SIZES = [(100, 30), (120, 40), (140, 45), (200, 50)]


def _held(store: Store, meeting: int) -> None:
    speaking.call(store, meeting)
    speaking.start(store, meeting)
    for number, outcome, extra in (
        (1, "pending", {"body": "Phòng Kinh tế"}),
        (2, "transferred", {"body": "Công an xã", "level": "xã", "document": "5/CV"}),
    ):
        asked = questions.add_question(store, meeting, number=number)
        questions.set_outcome(store, asked["id"], outcome, **extra)


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("lang", ["vi", "en"])
async def test_chair_totals_one_per_line_in_one_style(
    store: Store, queue4: int, settings: Settings, size: tuple[int, int], lang: str
) -> None:
    _held(store, queue4)
    counted = totals(store, queue4)
    expected = [
        (tr("Registered", lang), counted.registered),
        (tr("Spoken", lang), counted.spoken),
        *((tr(label, lang), n) for label, n in counted.breakdown()),
    ]
    settings = Settings(db_path=settings.db_path, language=lang)
    app = make_chair_app(settings)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        lines = screen_text(app).splitlines()
        for label, count in expected:
            told = label[:1].upper() + label[1:]
            assert told[0].isupper()
            # the whole item on one line: its label, then its count
            found = [line for line in lines if re.search(rf"{re.escape(told)}\s+{count}\b", line)]
            assert len(found) == 1, (told, count, "\n".join(lines))
            assert label == told or label not in "\n".join(lines)  # no lower-case twin


async def test_the_display_grows_with_the_screen(
    store: Store, queue4: int, settings: Settings
) -> None:
    speaking.call(store, queue4)
    speaking.start(store, queue4)
    app = make_display_app(settings)
    heights = {}
    async with app.run_test(size=(100, 30)) as pilot:
        for size in SIZES:
            await pilot.resize_terminal(*size)
            number, timer = (app.query_one(f"#{name}", BigText) for name in ("now", "timer"))
            wanted = scales(*size)  # the display looks at its size on its half-second tick

            def settled(
                number: BigText = number, timer: BigText = timer, wanted: Any = wanted
            ) -> bool:
                drawn = (number.size.height // 7, timer.size.height // 7)
                return bool(app.drawn_at == drawn == wanted)

            await until(pilot, settled, f"drawn for {size}")
            rows = [line for line in screen_text(app).splitlines() if "██" in line]
            heights[size] = (number.size.height, timer.size.height, len(rows))
            assert number.size.height >= timer.size.height
            assert number.size.width < size[0] and timer.size.width < size[0]
    assert heights[(100, 30)] == (7, 7, 14)
    assert heights[(200, 50)][0] >= 21 and heights[(200, 50)][1] >= 14
    assert heights[(140, 45)][2] > heights[(120, 40)][2] > heights[(100, 30)][2]
