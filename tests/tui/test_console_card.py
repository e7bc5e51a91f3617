"""A citizen's ID card scanned at the console: told apart from a ticket, by a keyboard-wedge
scanner (a burst of keys) or a serial one (a pty pair). Over the walk-in form it fills the
name and the village; at the queue or in the find field it finds the citizen or offers the
walk-in form, filled. No field of the card but its name and village is ever shown."""

from __future__ import annotations

import dataclasses
import time
from pathlib import Path

from textual.widgets import Input, Select

from printing.connections import Dummy
from session_console.console.app import ConsoleApp, make_console_app
from session_console.console.dialogs.form import FormDialog
from shared.config import Settings
from shared.db import Store
from tests.tui.screen import screen_text
from tests.tui.test_console import selected, toasts, typed
from tests.tui.test_kiosk_card import until
from tests.unit.test_scanner import Device
from tui import ConfirmDialog
from tui.textual_private import rendered_strips

CARD = (
    "036190001234|162345678|Phạm Thị Hương|14021990|Nữ|"
    "Tổ dân phố Minh Khai, Phường Hà Đông, Hà Nội|20052022"
)
REGISTERED = CARD.replace("Phạm Thị Hương", "Lê Thị Hoa")  # queue4's number 002
SECRETS = ("036190001234", "162345678", "14021990", "20052022", "Hà Đông", "Nữ")


def seen(app: ConsoleApp) -> str:
    """Everything the secretary can read: the top screen, the queue under it, the toasts,
    and what any text field holds."""
    fields = " ".join(str(field.value) for field in app.screen.query(Input))
    under = " ".join(
        strip.text for strip in rendered_strips(app.screen_stack[0])
    )  # the queue, also under a dialog
    return "\n".join([screen_text(app), under, toasts(app), fields])


def no_secret(app: ConsoleApp) -> None:
    shown = seen(app)
    for secret in SECRETS:
        assert secret not in shown, secret


async def test_a_card_over_the_walk_in_form_fills_name_and_village(
    store: Store, queue4: int, settings: Settings, printer: Dummy
) -> None:
    app = make_console_app(settings, queue4, connect_printer=lambda: printer)
    async with app.run_test(size=(140, 45), notifications=True) as pilot:
        await pilot.press("i")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FormDialog)
        typed(app, CARD + "\r", at=time.monotonic(), gap=0.002)  # a wedge scanner's burst
        await until(lambda: form.query_one("#f-name", Input).value)
        await pilot.pause()
        assert form.query_one("#f-name", Input).value == "Phạm Thị Hương"
        assert form.query_one("#f-village", Input).value == "Tổ dân phố Minh Khai"
        assert app.focused is form.query_one("#f-org")  # on to what is left to fill
        assert "chỉ giữ lại họ tên và thôn" in screen_text(app)
        no_secret(app)


async def test_a_card_over_a_written_question_fills_who_handed_it_in(
    store: Store, queue4: int, settings: Settings, printer: Dummy
) -> None:
    app = make_console_app(settings, queue4, connect_printer=lambda: printer)
    async with app.run_test(size=(140, 45), notifications=True) as pilot:
        await pilot.press("t")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FormDialog)
        typed(app, CARD + "\r", at=time.monotonic(), gap=0.002)
        await until(lambda: form.query_one("#f-raised_by", Input).value)
        assert form.query_one("#f-raised_by", Input).value == "Phạm Thị Hương"
        assert form.query_one("#f-raised_village", Input).value == "Tổ dân phố Minh Khai"
        assert app.focused is form.query_one("#f-summary")
        no_secret(app)


async def test_a_card_at_the_queue_offers_the_walk_in_form_filled(
    store: Store, queue4: int, settings: Settings, printer: Dummy
) -> None:
    app = make_console_app(settings, queue4, connect_printer=lambda: printer)
    async with app.run_test(size=(140, 45), notifications=True) as pilot:
        typed(app, CARD + "\r", at=time.monotonic(), gap=0.002)
        await until(lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.pause()
        assert "Phạm Thị Hương" in screen_text(app)
        assert "Không tìm thấy" not in toasts(app)
        no_secret(app)
        await pilot.press("right", "enter")  # yes (the safe "not now" has the focus)
        await until(
            lambda: (
                isinstance(app.screen, FormDialog) and app.screen.query_one("#f-name", Input).value
            )
        )
        form = app.screen
        assert form.query_one("#f-village", Input).value == "Tổ dân phố Minh Khai"
        no_secret(app)


async def test_a_card_in_the_find_field_finds_the_citizen(
    store: Store, queue4: int, settings: Settings, printer: Dummy
) -> None:
    app = make_console_app(settings, queue4, connect_printer=lambda: printer)
    async with app.run_test(size=(140, 45), notifications=True) as pilot:
        await pilot.press("slash")
        scan = app.query_one("#scan", Input)
        assert app.focused is scan
        typed(app, REGISTERED + "\r", at=time.monotonic(), gap=0.002)
        await until(lambda: "Lê Thị Hoa" in toasts(app))
        await pilot.pause()
        assert selected(app)["name"] == "Lê Thị Hoa"
        assert "002" in toasts(app)
        assert scan.value == ""
        no_secret(app)


async def test_a_card_cut_off_is_refused_and_never_lands_in_a_field(
    store: Store, queue4: int, settings: Settings, printer: Dummy
) -> None:
    app = make_console_app(settings, queue4, connect_printer=lambda: printer)
    async with app.run_test(size=(140, 45), notifications=True) as pilot:
        await pilot.press("i")
        await pilot.pause()
        form = app.screen
        typed(app, CARD[:40] + "\r", at=time.monotonic(), gap=0.002)  # the scanner cut off
        await until(lambda: "Không đọc được thẻ" in toasts(app))
        typed(app, CARD[:30], at=time.monotonic(), gap=0.002)  # and no Enter at all
        await until(lambda: not app.bursts.held)  # let go after the pause, as a person's
        assert form.query_one("#f-name", Input).value == ""
        no_secret(app)


async def test_a_serial_scanner_at_the_console(
    store: Store, queue4: int, settings: Settings, printer: Dummy, tmp_path: Path
) -> None:
    """Cards and tickets on a serial scanner; the top bar says whether it is connected,
    and it is read again once plugged back."""
    device = Device(tmp_path / "ttyACM0")
    scanning = dataclasses.replace(settings, scanner=f"serial:{device.path}?baud=9600")
    app = make_console_app(scanning, queue4, connect_printer=lambda: printer)
    async with app.run_test(size=(140, 45), notifications=True) as pilot:
        await until(lambda: "đã kết nối" in screen_text(app))
        await pilot.press("i")
        await pilot.pause()
        form = app.screen
        device.send(CARD.encode() + b"\r\n")
        await until(lambda: form.query_one("#f-name", Input).value == "Phạm Thị Hương")
        assert form.query_one("#f-village", Input).value == "Tổ dân phố Minh Khai"
        no_secret(app)
        await pilot.press("escape", "right", "enter")  # discard? yes
        await until(lambda: len(app.screen_stack) == 1)
        device.unplug()
        await until(lambda: "đang chờ thiết bị" in screen_text(app))
        device.plug()
        await until(lambda: "đã kết nối" in screen_text(app))
        device.send(REGISTERED.encode() + b"\r\n")
        await until(lambda: selected(app)["name"] == "Lê Thị Hoa")
        device.send(b"x" * 3000 + b"\r\n" + REGISTERED.encode()[:50] + b"\r\n")  # noise, cut
        await until(lambda: toasts(app).count("Không đọc được thẻ") >= 2)
        assert "xxxx" not in seen(app)
        assert not isinstance(app.focused, Select)
        no_secret(app)
    device.unplug()
