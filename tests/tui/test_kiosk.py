"""The kiosk driven as a citizen would, with the keyboard, against a real database."""

from __future__ import annotations

import unicodedata
from typing import Any

import pytest
from textual import events
from textual.command import CommandPalette
from textual.pilot import Pilot
from textual.widgets import Input, Static

from kiosk.app import LOCKED_KEYS, KioskApp, make_kiosk_app
from kiosk.dialogs import DuplicateDialog, PinDialog
from kiosk.screens import (
    ConsentScreen,
    NoticeScreen,
    RegistrationScreen,
    TicketScreen,
    WelcomeScreen,
)
from printing.connections import Dummy
from shared import meetings
from shared.config import Settings
from shared.db import Store, open_store
from shared.registrations import register
from tests.conftest import snapshot
from tests.waiting import until
from tui import ConfirmDialog

SIZES = [(100, 40), (80, 24)]


def kiosk(settings: Settings, printer: Dummy, **options: Any) -> KioskApp:
    return make_kiosk_app(settings, connect_printer=lambda: printer, **options)


def text_of(app: KioskApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


async def type_text(pilot: Pilot[None], text: str) -> None:
    await pilot.press(*[" " if c == " " else c for c in text])


async def fill_form(
    pilot: Pilot[None], name: str = "Trần Văn Tâm", field: bool = True, phone: str = ""
) -> None:
    """Welcome -> form, keyboard only: name, village (completed), field, phone."""
    await pilot.press("enter")
    await type_text(pilot, name)
    await pilot.press("enter")
    await type_text(pilot, "thon dong")
    await pilot.press("right", "enter", "enter")  # accept "Thôn Đông", skip organisation
    if field:
        await pilot.press("enter", "down", "enter")  # open the list, take the first field
    else:
        await pilot.press("tab")
    await type_text(pilot, "Đường ngập")
    await pilot.press("enter")
    await type_text(pilot, phone)
    await pilot.press("enter")


async def submit(pilot: Pilot[None], app: KioskApp) -> None:
    await pilot.press("enter")  # Continue
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES, ids=["100x40", "80x24"])
async def test_a_full_registration(
    store: Store, meeting: int, settings: Settings, printer: Dummy, size: tuple[int, int]
) -> None:
    app = kiosk(settings, printer)
    async with app.run_test(size=size) as pilot:
        assert "Nhấn phím Enter" in text_of(app, "#press-enter")
        await fill_form(pilot, phone="0912 345 678")
        assert app.focused is not None and app.focused.id == "continue"
        await submit(pilot, app)
        assert isinstance(app.screen, ConsentScreen)
        await pilot.press("enter")  # "Tôi đồng ý" has the focus
        await pilot.pause()
        assert isinstance(app.screen, TicketScreen)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "Đã in phiếu" in text_of(app, "#print-state")
        assert "0912" not in "".join(str(w.render()) for w in app.screen.query(Static))
        await pilot.press("enter")
        assert isinstance(app.screen, WelcomeScreen)
    [row] = store.all("SELECT * FROM registrations")
    assert (row["name"], row["village"], row["field"]) == (
        "Trần Văn Tâm",
        "Thôn Đông",
        "An ninh trật tự",
    )
    assert (row["phone"], row["source"], row["station"]) == ("0912345678", "kiosk", "kiosk-1")
    assert len(printer.jobs) == 1


async def test_every_validation_error_is_shown_beside_its_field(
    store: Store, meeting: int, settings: Settings, printer: Dummy
) -> None:
    before = snapshot(store)
    app = kiosk(settings, printer)
    async with app.run_test(size=(100, 40)) as pilot:
        await fill_form(pilot, name="   ", phone="12345")
        await submit(pilot, app)
        assert isinstance(app.screen, RegistrationScreen)
        assert text_of(app, "#error-name") == "Họ và tên không được để trống."
        assert "0xxxxxxxxx" in text_of(app, "#error-phone")
        assert text_of(app, "#error-village") == ""
        assert app.focused is not None and app.focused.id == "input-name"
        app.screen.query_one("#input-name", Input).value = "Lê\u200bVăn"
        button = app.screen.query_one("#continue")
        button.focus()
        # a pressed button ignores presses while it shows it was pressed
        await until(pilot, lambda: not button.has_class("-active"), "the button to take presses")
        await submit(pilot, app)
        assert "ký tự điều khiển hoặc ký tự ẩn" in text_of(app, "#error-name")
    assert snapshot(store) == before


async def test_refusing_consent_registers_nothing(
    store: Store, meeting: int, settings: Settings, printer: Dummy
) -> None:
    before = snapshot(store)
    app = kiosk(settings, printer)
    async with app.run_test(size=(100, 40)) as pilot:
        await fill_form(pilot)
        await submit(pilot, app)
        await pilot.press("right", "enter")  # "Không đồng ý"
        await pilot.pause()
        assert isinstance(app.screen, NoticeScreen)
        assert "chưa đồng ý" in text_of(app, "#notice-text")
        await pilot.press("enter")
        assert isinstance(app.screen, WelcomeScreen)
    assert snapshot(store) == before


async def test_a_printer_that_is_off_keeps_the_registration(
    store: Store, meeting: int, settings: Settings, printer_off: Dummy
) -> None:
    app = kiosk(settings, printer_off)
    async with app.run_test(size=(100, 40)) as pilot:
        await fill_form(pilot)
        await submit(pilot, app)
        await pilot.press("enter")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        message = text_of(app, "#print-state")
        assert "Máy in chưa in được phiếu" in message and "001" in message
    [row] = store.all("SELECT * FROM registrations")
    [job] = store.all("SELECT * FROM print_jobs")
    assert (job["registration_id"], job["status"]) == (row["id"], "failed")
    assert "Connection refused" in job["last_error"]


class Clock:
    """The kiosk's idle clock, moved by the test: no test waits on the wall clock."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


async def test_an_abandoned_form_is_cleared(
    store: Store, meeting: int, settings: Settings, printer: Dummy
) -> None:
    clock = Clock()
    app = kiosk(settings, printer, idle_seconds=90, clock=clock)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("enter")
        await type_text(pilot, "Bí Mật")
        clock.now += 89
        app.clear_if_idle()  # what the kiosk's one-second timer calls
        await pilot.press("x")  # a key within the limit starts the wait again
        clock.now += 89
        app.clear_if_idle()
        await pilot.pause()
        assert isinstance(app.screen, RegistrationScreen)
        assert app.screen.query_one("#input-name", Input).value == "Bí Mậtx"
        clock.now += 2
        app.clear_if_idle()
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
        await pilot.press("enter")
        assert app.screen.query_one("#input-name", Input).value == ""


# The keys a kiosk must lock, written here so that dropping one from kiosk.app.LOCKED_KEYS
# fails its own case below; a key the app adds is tested too. F2 switches the typing on
# the form only (tests/tui/test_kiosk_typing.py) and does nothing elsewhere.
MUST_LOCK = [
    *("ctrl+q", "ctrl+c", "ctrl+x", "ctrl+v", "ctrl+z", "ctrl+backslash", "ctrl+p", "ctrl+s"),
    *("super+c", "super+x", "super+v", *[f"f{n}" for n in range(1, 13) if n != 2]),
]


@pytest.mark.parametrize("key", [*dict.fromkeys(MUST_LOCK + LOCKED_KEYS.split(",")), "escape"])
async def test_each_locked_key_does_nothing(
    store: Store, meeting: int, settings: Settings, printer: Dummy, key: str
) -> None:
    """Each key of the kiosk's lock list on its own reaches the lock, on Welcome and in a
    form whose name is selected while the clipboard holds a phone number, so that a cut,
    paste, undo, quit or palette would show."""
    app = kiosk(settings, printer)
    swallowed: list[str] = []
    app.action_nothing = lambda: swallowed.append(type(app.screen).__name__)  # type: ignore[method-assign]
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press(key)
        await pilot.pause()
        assert app.is_running and app.return_code is None
        assert isinstance(app.screen, WelcomeScreen)
        await pilot.press("enter")
        name = app.screen.query_one("#input-name", Input)
        name.value = "Lê An"
        name.action_select_all()
        app.copy_to_clipboard("0912345678")
        await pilot.press(key)
        await pilot.pause()
        if key == "escape":  # the form asks before it throws anything away; Escape: no
            assert isinstance(app.screen, ConfirmDialog)
            await pilot.press("escape")
        assert app.is_running and app.return_code is None
        assert isinstance(app.screen, RegistrationScreen)
        assert (name.value, app.clipboard) == ("Lê An", "0912345678")
    # escape is not in the list: the form asks about its own, the app's binding the rest
    assert swallowed == ["WelcomeScreen"] + ["RegistrationScreen"] * (key != "escape")


async def test_the_command_palette_never_opens(
    store: Store, meeting: int, settings: Settings, printer: Dummy
) -> None:
    app = kiosk(settings, printer)
    async with app.run_test(size=(100, 40)) as pilot:
        for screen in (WelcomeScreen, RegistrationScreen):
            await pilot.press("ctrl+p")
            await app.run_action("command_palette")  # what a click on a header's icon runs
            await pilot.pause()
            assert not any(isinstance(s, CommandPalette) for s in app.screen_stack)
            assert isinstance(app.screen, screen)
            await pilot.press("enter")


async def test_the_operator_pin(
    store: Store, meeting: int, settings: Settings, printer: Dummy
) -> None:
    app = kiosk(settings, printer)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("ctrl+o")
        assert isinstance(app.screen, PinDialog)
        await type_text(pilot, "1111")
        await pilot.press("enter")
        assert text_of(app, "#pin-error") == "Mã PIN không đúng."
        assert app.is_running and not app.screen.query_one("#pin-choices").display
        await type_text(pilot, "2468")
        await pilot.press("enter")
        assert app.screen.query_one("#pin-choices").display
        await pilot.press("enter")  # "Thoát ứng dụng" has the focus
        await pilot.pause()
    assert app.return_code == 0


async def test_registration_closed_while_the_form_is_open(
    store: Store, meeting: int, settings: Settings, printer: Dummy
) -> None:
    app = kiosk(settings, printer)
    async with app.run_test(size=(100, 40)) as pilot:
        await fill_form(pilot)
        secretary = open_store(settings.db_path, "console")
        meetings.set_registration(secretary, meeting, False)
        secretary.close()
        app.poll()  # what the kiosk's half-second timer calls
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
        assert "Đã hết thời gian đăng ký" in text_of(app, "#call-to-action")
        await pilot.press("enter")
        assert isinstance(app.screen, WelcomeScreen)  # takes no input
    assert store.all("SELECT * FROM registrations") == []


async def test_the_language_switch(
    store: Store, meeting: int, settings: Settings, printer: Dummy
) -> None:
    app = kiosk(settings, printer)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("ctrl+t")
        assert text_of(app, "#press-enter") == "Press Enter to start"
        await pilot.press("enter")
        assert text_of(app, "#label-name") == "Full name *"
        app.screen.query_one("#continue").focus()
        await submit(pilot, app)
        assert text_of(app, "#error-name") == "Full name must not be empty."
        await pilot.press("ctrl+t")
        assert text_of(app, "#label-name") == "Họ và tên *"


async def test_a_decomposed_name_is_stored_composed(
    store: Store, meeting: int, settings: Settings, printer: Dummy
) -> None:
    nfd = unicodedata.normalize("NFD", "Nguyễn Thị Ánh")
    app = kiosk(settings, printer)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("enter")
        app.screen.query_one("#input-name", Input).post_message(events.Paste(nfd))
        await pilot.pause()
        assert app.screen.query_one("#input-name", Input).value == nfd
        await pilot.press("tab", "tab", "tab", "tab", "tab", "tab")
        await submit(pilot, app)
        await pilot.press("enter")
        await pilot.pause()
        await app.workers.wait_for_complete()
    [row] = store.all("SELECT name FROM registrations")
    assert row["name"] == "Nguyễn Thị Ánh" and unicodedata.is_normalized("NFC", row["name"])


async def test_a_likely_duplicate_asks_first(
    store: Store, meeting: int, settings: Settings, printer: Dummy
) -> None:
    register(store, meeting, consent=True, name="Trần Văn Tâm", village="Thôn Đông")
    app = kiosk(settings, printer)
    async with app.run_test(size=(100, 40)) as pilot:
        await fill_form(pilot)
        await submit(pilot, app)
        assert isinstance(app.screen, DuplicateDialog)
        await pilot.press("left", "enter")  # "Đúng, là tôi"
        await pilot.pause()
        assert isinstance(app.screen, NoticeScreen)
        assert "đã đăng ký rồi" in text_of(app, "#notice-text")
        assert "001" not in text_of(app, "#notice-text")  # nobody learns another's number
    assert len(store.all("SELECT * FROM registrations")) == 1


async def test_no_open_meeting_takes_no_input(
    store: Store, settings: Settings, printer: Dummy
) -> None:
    app = kiosk(settings, printer)
    async with app.run_test(size=(80, 24)) as pilot:
        assert "chưa có hội nghị" in text_of(app, "#meeting-title")
        await pilot.press("enter")
        assert isinstance(app.screen, WelcomeScreen)


async def test_markup_in_a_name_and_the_clipboard_do_not_reach_the_next_citizen(
    store: Store, meeting: int, settings: Settings, printer: Dummy
) -> None:
    app = kiosk(settings, printer)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("enter")
        name = app.screen.query_one("#input-name", Input)
        name.value = "Lê [/b] An"
        name.action_select_all()
        await pilot.press("ctrl+x")  # locked: nothing is cut into the clipboard
        assert name.value == "Lê [/b] An"
        app.copy_to_clipboard("0912345678")  # as if something had been copied before
        app.screen.query_one("#continue").focus()
        await submit(pilot, app)
        await pilot.press("enter")  # consent
        await pilot.pause()
        assert isinstance(app.screen, TicketScreen)
        assert "Lê [/b] An" in text_of(app, "#ticket-name")
        await pilot.press("enter")  # back to Welcome: the next citizen
        assert app.clipboard == ""
        await pilot.press("enter", "ctrl+v")
        assert app.screen.query_one("#input-name", Input).value == ""


async def test_three_wrong_pins_rest_the_operator_key(
    store: Store, meeting: int, settings: Settings, printer: Dummy
) -> None:
    app = kiosk(settings, printer)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("ctrl+o")
        for _ in range(3):
            await type_text(pilot, "9999")
            await pilot.press("enter")
        assert not isinstance(app.screen, PinDialog)
        await pilot.press("ctrl+o")
        assert not isinstance(app.screen, PinDialog)  # resting: no fourth guess now
