"""The registration form's rules for Enter, ↓ ↑ and letters, the limits said out loud, the
idle warning and the layout bits a citizen trips on (issue 18). The whole path is walked
in tests/tui/test_journey_citizen.py; these pin each rule down."""

from __future__ import annotations

import pytest
from textual import events
from textual.pilot import Pilot
from textual.widgets import Input, Static

from kiosk.app import KioskApp
from kiosk.screens import ConsentScreen, RegistrationScreen, TicketScreen, WelcomeScreen
from kiosk.widgets import FieldList, catch_all_last
from printing.connections import Dummy
from shared.config import Settings
from shared.db import Store
from tests.tui.screen import screen_text
from tests.tui.test_kiosk import Clock, fill_form, kiosk, submit, text_of, type_text


def focused_id(app: KioskApp) -> str:
    return app.focused.id or "" if app.focused is not None else ""


def field_list(app: KioskApp) -> FieldList:
    return app.screen.query_one("#input-field", FieldList)


def summary(app: KioskApp) -> Input:
    return app.screen.query_one("#input-summary", Input)


async def on_field_list(app: KioskApp, pilot: Pilot[None]) -> None:
    """Welcome -> the form, the focus on the field list."""
    await app.run_action("start")
    await pilot.pause()
    field_list(app).focus()
    await pilot.pause()


async def test_enter_on_a_chosen_field_goes_on_and_letters_never_change_it(
    store: Store, meeting: int, settings: Settings, printer: Dummy
) -> None:
    """Textual's Select opened again on this Enter: the citizen looped, and the summary
    typed next searched the list and the following Enter changed the field."""
    app = kiosk(settings, printer)
    async with app.run_test(size=(100, 30)) as pilot:
        await on_field_list(app, pilot)
        await pilot.press("enter")  # opens the list
        assert field_list(app).expanded
        await pilot.press("down", "enter")  # its first field
        assert field_list(app).value == "An ninh trật tự"
        assert not field_list(app).expanded and focused_id(app) == "input-field"
        await pilot.press("enter")  # goes on, as from every other field
        assert not field_list(app).expanded
        assert focused_id(app) == "input-summary"
        await pilot.press("shift+tab")  # back: how to go on and how to change, in words
        assert "Enter: sang ô tiếp theo · ↓: chọn lĩnh vực khác" in screen_text(app)
        await pilot.press("tab")
        await type_text(pilot, "moi truong")
        await pilot.press("enter")
        assert focused_id(app) == "input-phone"
        assert field_list(app).value == "An ninh trật tự"
        assert summary(app).value == "moi truong"


async def test_the_prompt_line_answers_the_list_too(
    store: Store, meeting: int, settings: Settings, printer: Dummy
) -> None:
    """A citizen with no field takes the list's first line; Enter then goes on."""
    app = kiosk(settings, printer)
    async with app.run_test(size=(100, 30)) as pilot:
        await on_field_list(app, pilot)
        await pilot.press("enter", "enter")  # opens on the prompt line, takes it
        assert field_list(app).is_blank() and not field_list(app).expanded
        await pilot.press("enter")
        assert focused_id(app) == "input-summary"


async def test_letters_on_the_list_open_or_closed_go_to_the_summary(
    store: Store, meeting: int, settings: Settings, printer: Dummy
) -> None:
    app = kiosk(settings, printer)
    async with app.run_test(size=(100, 30)) as pilot:
        await on_field_list(app, pilot)
        await pilot.press("enter", "down", "down", "enter")
        assert field_list(app).value == "An sinh xã hội"
        await pilot.press("down")  # opens it again, on the chosen field
        assert field_list(app).expanded
        await type_text(pilot, "Moi")  # Textual's type-to-search picked "Môi trường"
        assert not field_list(app).expanded
        assert focused_id(app) == "input-summary" and summary(app).value == "Moi"
        assert field_list(app).value == "An sinh xã hội"


def test_the_catch_all_entry_comes_last() -> None:
    assert catch_all_last(["Đất đai", "Giáo dục", "Khác", "Môi trường", "Y tế"]) == [
        "Đất đai",
        "Giáo dục",
        "Môi trường",
        "Y tế",
        "Khác",
    ]
    assert catch_all_last(["Lĩnh vực khác", "An ninh"])[-1] == "Lĩnh vực khác"
    assert catch_all_last(["Other", "Health"]) == ["Health", "Other"]
    assert catch_all_last(["Khác biệt", "Y tế"]) == ["Khác biệt", "Y tế"]  # not the word


async def test_khac_is_the_last_line_of_the_kiosk_list(
    store: Store, meeting: int, settings: Settings, printer: Dummy
) -> None:
    app = kiosk(settings, printer)
    async with app.run_test(size=(100, 30)) as pilot:
        await on_field_list(app, pilot)
        await pilot.press("enter")
        lines = [line.strip("▊▎ ") for line in screen_text(app).splitlines()]
        shown = [line for line in lines if line in {"An ninh trật tự", "Y tế", "Khác"}]
        assert shown == ["An ninh trật tự", "Y tế", "Khác"]  # all at once, Khác last
        await pilot.press("end")  # the list's last line
        await pilot.press("up", "enter")
        assert field_list(app).value == "Y tế"  # the last field; then Khác
        await pilot.press("down", "end", "enter")
        assert field_list(app).value == "Khác"


async def test_the_summary_says_it_is_full_and_refuses_more_out_loud(
    store: Store, meeting: int, settings: Settings, printer: Dummy
) -> None:
    """At 300 characters the counter turns into a warning, and letters typed after it
    are refused with a message: the end of a sentence is never dropped without a word."""
    app = kiosk(settings, printer)
    async with app.run_test(size=(100, 30)) as pilot:
        await app.run_action("start")
        await pilot.pause()
        summary(app).focus()
        summary(app).value = "a" * 297
        await pilot.pause()
        counter = app.screen.query_one("#summary-count", Static)
        assert counter.has_class("-near") and not counter.has_class("-full")
        await type_text(pilot, "bcdefg")
        assert summary(app).value == "a" * 297 + "bcd"
        assert text_of(app, "#summary-count") == "300/300 ký tự: đã đủ, không gõ thêm được"
        assert counter.has_class("-full")
        error = app.screen.query_one("#error-summary", Static)
        assert error.display and error.has_class("-refused")
        assert text_of(app, "#error-summary") == (
            "Ô này tối đa 300 ký tự: 3 ký tự gõ thêm không được nhận."
        )
        await pilot.press("backspace")  # room again: the refusal has been read
        assert not error.display
        assert text_of(app, "#summary-count") == "299/300 ký tự"


async def test_a_paste_takes_what_fits_and_says_what_it_did_not(
    store: Store, meeting: int, settings: Settings, printer: Dummy
) -> None:
    """A paste (a browser's, if the kiosk is served) was kept to its first line, and
    refused whole past the limit."""
    app = kiosk(settings, printer)
    async with app.run_test(size=(100, 30)) as pilot:
        await app.run_action("start")
        await pilot.pause()
        app.lang = "en"
        summary(app).focus()
        summary(app).value = "x" * 290
        summary(app).post_message(events.Paste("first line\nsecond line"))
        await pilot.pause()
        assert summary(app).value == "x" * 290 + "first line"
        assert text_of(app, "#error-summary") == (
            "At most 300 characters here: 12 more typed were not taken."
        )


async def test_the_phone_says_which_keys_it_does_not_take(
    store: Store, meeting: int, settings: Settings, printer: Dummy
) -> None:
    app = kiosk(settings, printer)
    async with app.run_test(size=(100, 30)) as pilot:
        await app.run_action("start")
        await pilot.pause()
        app.screen.query_one("#input-phone", Input).focus()
        await type_text(pilot, "09o1x2")
        assert app.screen.query_one("#input-phone", Input).value == "0912"
        assert text_of(app, "#error-phone") == (
            "Số điện thoại chỉ gồm chữ số, dấu cách và + . - ( ): 2 ký tự khác không được nhận."
        )
        await pilot.press("backspace")
        assert text_of(app, "#error-phone") == ""


@pytest.mark.parametrize(
    ("lang", "fifteen", "ten"),
    [
        ("vi", "Còn 15 giây… Nhấn phím bất kỳ để tiếp tục.", "Còn 10 giây…"),
        ("en", "15 seconds left… Press any key to continue.", "10 seconds left…"),
    ],
)
async def test_the_idle_form_is_announced_15_seconds_before_it_is_cleared(
    store: Store,
    meeting: int,
    settings: Settings,
    printer: Dummy,
    lang: str,
    fifteen: str,
    ten: str,
) -> None:
    """No wall clock: the test moves the kiosk's clock and calls what its one-second
    timer calls."""
    clock = Clock()
    app = kiosk(settings, printer, idle_seconds=90, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        app.lang = lang
        await pilot.press("enter")
        await type_text(pilot, "Bí Mật")
        clock.now += 74.5
        app.clear_if_idle()
        await pilot.pause()
        assert fifteen not in screen_text(app)
        clock.now += 1  # 75.5 s: 14.5 s left
        app.clear_if_idle()
        await pilot.pause()
        assert fifteen in screen_text(app)
        clock.now += 5
        app.clear_if_idle()
        await pilot.pause()
        assert ten in screen_text(app)
        await pilot.press("enter")  # any key keeps the form; this one does nothing else
        assert isinstance(app.screen, RegistrationScreen)
        assert "…" not in screen_text(app)
        assert focused_id(app) == "input-name"
        clock.now += 80
        app.clear_if_idle()
        await pilot.pause()
        await pilot.press("x")  # a letter keeps the form and is typed, not lost
        assert app.screen.query_one("#input-name", Input).value == "Bí Mậtx"
        assert "…" not in screen_text(app)
        clock.now += 89
        app.clear_if_idle()
        clock.now += 2
        app.clear_if_idle()
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)


async def test_the_key_that_keeps_the_consent_does_not_agree(
    store: Store, meeting: int, settings: Settings, printer: Dummy
) -> None:
    clock = Clock()
    app = kiosk(settings, printer, idle_seconds=90, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await fill_form(pilot)
        await submit(pilot, app)
        assert isinstance(app.screen, ConsentScreen)
        clock.now += 80
        app.clear_if_idle()
        await pilot.pause()
        assert "Còn 10 giây" in screen_text(app)
        await pilot.press("enter")  # "Tôi đồng ý" has the focus: this Enter is not it
        await pilot.pause()
        assert isinstance(app.screen, ConsentScreen)
        assert store.all("SELECT * FROM registrations") == []
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, TicketScreen)
        clock.now += 40  # the ticket: nothing typed is lost, nothing to announce
        app.clear_if_idle()
        await pilot.pause()
        assert "giây" not in screen_text(app)


@pytest.mark.parametrize(
    "size", [(80, 24), (100, 30), (140, 45)], ids=["80x24", "100x30", "140x45"]
)
async def test_every_label_ends_before_its_field(
    store: Store, meeting: int, settings: Settings, printer: Dummy, size: tuple[int, int]
) -> None:
    """ "Organisation represented" ran into the field's border."""
    app = kiosk(settings, printer)
    async with app.run_test(size=size) as pilot:
        for lang in ("en", "vi"):
            app.lang = lang
            await app.run_action("start")
            await pilot.pause()
            rows = [line for line in screen_text(app).splitlines() if "▊" in line]
            labels = [row.split("▊")[0] for row in rows if row.split("▊")[0].strip()]
            assert labels, screen_text(app)
            assert all(label.endswith("  ") for label in labels), labels
            if lang == "en":
                assert any("Organisation represented" in label for label in labels)
            app.reset()
            await pilot.pause()


@pytest.mark.parametrize(
    "size", [(80, 24), (100, 30), (140, 45)], ids=["80x24", "100x30", "140x45"]
)
async def test_the_correct_fields_message_leaves_both_buttons_seen(
    store: Store, meeting: int, settings: Settings, printer: Dummy, size: tuple[int, int]
) -> None:
    """The toast saying so covered "Hủy"; the message now stands above the buttons."""
    app = kiosk(settings, printer)
    async with app.run_test(size=size) as pilot:
        await app.run_action("start")
        await pilot.pause()
        app.screen.query_one("#continue").focus()
        await submit(pilot, app)
        await pilot.pause()
        shown = screen_text(app)
        assert "Vui lòng sửa các ô được đánh dấu." in shown
        buttons = [line for line in shown.splitlines() if "Tiếp tục" in line]
        assert buttons and "Hủy" in buttons[0], shown


async def test_the_idle_check_as_the_kiosk_closes_does_nothing(
    store: Store, meeting: int, settings: Settings, printer: Dummy
) -> None:
    """The once-a-second idle check can fire as the kiosk closes, its screens already
    gone: it did `self.screen` and the closing kiosk failed (seen once in CI)."""
    app = kiosk(settings, printer, idle_seconds=90, clock=Clock())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter")  # a form open: the check has work to do
        await pilot.pause()
    assert not app.screen_stack  # closed
    app.clear_if_idle()  # the last tick, late
