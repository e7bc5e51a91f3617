"""The village field at 100x30: what is typed finds the listed names from the start of any
word, case and diacritics aside, and the field takes the name exactly as listed."""

from __future__ import annotations

import pytest
from textual.widgets import Input

from kiosk.app import KioskApp
from printing.connections import Dummy
from shared.config import Settings
from shared.db import Store
from tests.tui.screen import screen_text
from tests.tui.test_kiosk import kiosk, type_text
from tui.suggest import word_start_matches

VILLAGES = ["Thôn Đoài", "Thôn Đông", "Thôn Hạ", "Tổ dân phố Minh Khai"]


@pytest.mark.parametrize(
    ("typed", "offered"),
    [
        ("minh", ["Tổ dân phố Minh Khai"]),
        ("KHAI", ["Tổ dân phố Minh Khai"]),
        ("thon d", ["Thôn Đoài", "Thôn Đông"]),
        ("dong", ["Thôn Đông"]),
        ("to dan", ["Tổ dân phố Minh Khai"]),
        ("inh", []),  # inside a word: no
        ("  ", []),
    ],
)
def test_any_word_start_matches(typed: str, offered: list[str]) -> None:
    assert word_start_matches(VILLAGES, typed) == offered


def test_names_that_begin_with_it_come_first() -> None:
    assert word_start_matches(["Xóm Đông", "Đông Hải"], "dong") == ["Đông Hải", "Xóm Đông"]


def village_row(app: KioskApp) -> list[str]:
    """The village field's line and the lines under it, down to the next field."""
    lines = screen_text(app).splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(" Thôn / tổ dân phố"))
    end = next(i for i, line in enumerate(lines) if line.startswith(" Tổ chức đại diện"))
    return [line.strip() for line in lines[start : end - 1]]


async def start_village(pilot: object, app: KioskApp) -> Input:
    await pilot.press("enter")  # type: ignore[attr-defined]
    await type_text(pilot, "Lê Văn An")  # type: ignore[arg-type]
    await pilot.press("enter")  # type: ignore[attr-defined]
    return app.screen.query_one("#input-village", Input)


async def test_a_word_inside_the_name_offers_it_and_enter_takes_it_as_listed(
    store: Store, meeting: int, settings: Settings, printer: Dummy
) -> None:
    app = kiosk(settings, printer)
    async with app.run_test(size=(100, 30)) as pilot:
        field = await start_village(pilot, app)
        await type_text(pilot, "minh")
        shown = village_row(app)
        assert "minh" in shown[0]
        assert "▶ Tổ dân phố Minh Khai" in shown[2]
        assert "Nhấn Enter hoặc → để chọn tên có dấu ▶" in shown[3]
        await pilot.press("enter")  # takes the name, and stays to show it
        assert field.value == "Tổ dân phố Minh Khai" and app.focused is field
        shown = village_row(app)
        assert "Tổ dân phố Minh Khai" in shown[0] and "▶" not in "".join(shown)
        await pilot.press("enter")  # the next Enter goes on
        assert app.focused is not None and app.focused.id == "input-org"


async def test_arrows_choose_among_several_and_right_takes_one(
    store: Store, meeting: int, settings: Settings, printer: Dummy
) -> None:
    app = kiosk(settings, printer)
    async with app.run_test(size=(100, 30)) as pilot:
        field = await start_village(pilot, app)
        await type_text(pilot, "thon d")
        shown = village_row(app)
        assert shown[2:4] == ["▶ Thôn Đoài", "Thôn Đông"]
        await pilot.press("down")
        shown = village_row(app)
        assert shown[2:4] == ["Thôn Đoài", "▶ Thôn Đông"]
        await pilot.press("right")
        assert field.value == "Thôn Đông"
        assert not any("▶" in line for line in village_row(app))


async def test_a_name_not_listed_is_kept_as_typed(
    store: Store, meeting: int, settings: Settings, printer: Dummy
) -> None:
    app = kiosk(settings, printer)
    async with app.run_test(size=(100, 30)) as pilot:
        field = await start_village(pilot, app)
        await type_text(pilot, "Xóm Mới")
        assert len(village_row(app)) == 2  # the field alone: nothing offered
        await pilot.press("enter")
        assert field.value == "Xóm Mới" and app.focused is not None
        assert app.focused.id == "input-org"


async def test_a_listed_name_typed_without_marks_is_stored_as_listed(
    store: Store, meeting: int, settings: Settings, printer: Dummy
) -> None:
    app = kiosk(settings, printer)
    async with app.run_test(size=(100, 30)) as pilot:
        field = await start_village(pilot, app)
        await type_text(pilot, "THON HA")
        await pilot.press("tab")  # leaves without taking the offer
        assert field.value == "Thôn Hạ"
        assert "Thôn Hạ" in village_row(app)[0]


async def test_a_second_enter_already_queued_goes_on_after_the_first_takes_the_name() -> None:
    """A quick hand (or a burst) sends Enter, Enter: the first takes the offered name, the
    second must go on, even when it is handled before the field has heard of its own
    change. (The secretary's written question lost its summary to the village this way.)"""
    from textual.app import App, ComposeResult

    from tui.suggest import ListedInput

    submitted: list[str] = []

    class One(App[None]):
        def compose(self) -> ComposeResult:
            yield ListedInput(VILLAGES, id="village")

        def on_input_submitted(self, event: Input.Submitted) -> None:
            submitted.append(event.value)

    app = One()
    async with app.run_test() as pilot:
        field = app.query_one(ListedInput)
        field.focus()
        field.value = "thon ha"
        await pilot.pause()
        assert field.offered == ["Thôn Hạ"]
        await field.action_submit()  # both Enters before any message is handled
        await field.action_submit()
        await pilot.pause()
        assert field.value == "Thôn Hạ" and submitted == ["Thôn Hạ"]
