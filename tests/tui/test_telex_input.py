"""TelexInput in a running app: keys compose Vietnamese in the station's typing mode."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Input

from shared.config import Settings
from tui.telex import TelexInput, TelexTextArea


class Fields(App[None]):
    def __init__(self, settings: Settings) -> None:
        super().__init__()
        self.settings = settings

    def compose(self) -> ComposeResult:
        yield TelexInput(id="name", max_length=20)
        yield TelexInput(id="phone", restrict=r"[0-9+ ]*")
        yield TelexTextArea("Đường ", id="note")


async def typed(settings: Settings, *keys: str, paste: str = "") -> tuple[str, str]:
    app = Fields(settings)
    async with app.run_test() as pilot:
        await pilot.press(*keys)
        if paste:
            app.query_one("#name", Input).insert_text_at_cursor(paste)
        await pilot.press("tab", *"0912", "s")
        return app.query_one("#name", Input).value, app.query_one("#phone", Input).value


async def test_telex_is_on_in_vietnamese() -> None:
    name, phone = await typed(Settings(language="vi"), *"Nguyeenx", "space", *"Thij")
    assert name == "Nguyễn Thị"
    assert phone == "0912"  # a digits-only field composes nothing (the "s" is refused)


async def test_typing_is_off_in_english_unless_set() -> None:
    assert (await typed(Settings(language="en"), *"Nguyeenx"))[0] == "Nguyeenx"
    assert (await typed(Settings(language="en", typing="telex"), *"Nguyeenx"))[0] == "Nguyễn"


async def test_vni_and_off() -> None:
    assert (await typed(Settings(typing="vni"), *"Nguye6n4"))[0] == "Nguyễn"
    assert (await typed(Settings(typing="off"), *"Nguyeenx"))[0] == "Nguyeenx"


async def test_a_paste_is_kept_as_it_came() -> None:
    assert (await typed(Settings(), paste="aa dd Nguyeenx"))[0] == "aa dd Nguyeenx"


async def test_the_limit_holds_while_composing() -> None:
    """At the limit a tone key still changes the last word (it adds no letter)."""
    name, _ = await typed(Settings(), *"x" * 16, "space", *"hoa", "s")
    assert name == "x" * 16 + " hóa"


async def test_a_text_area_composes_at_its_cursor() -> None:
    app = Fields(Settings())
    async with app.run_test() as pilot:
        area = app.query_one("#note", TelexTextArea)
        area.focus()
        area.move_cursor((0, 6))
        await pilot.press(*"Nguyeenx", "space", *"Thij")
        assert area.text == "Đường Nguyễn Thị"
