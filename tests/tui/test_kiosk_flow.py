"""The kiosk's screens post what the citizen did and the flow decides: the posted messages
recorded with `message_hook`, as harlequin's tests do."""

from __future__ import annotations

from collections.abc import Callable

from textual.message import Message
from textual.pilot import Pilot
from textual.widgets import Static

from kiosk.app import KioskApp, make_kiosk_app
from kiosk.dialogs import DuplicateDialog
from kiosk.screens import (
    ConsentScreen,
    NoticeScreen,
    RegistrationScreen,
    TicketScreen,
    WelcomeScreen,
)
from printing.connections import Dummy
from shared.config import Settings
from shared.db import Store
from shared.registrations import register
from tests.conftest import snapshot
from tests.tui.test_kiosk import fill_form, submit
from tui import ConfirmDialog, PrintingApp

FLOW = (
    RegistrationScreen.Submitted,
    RegistrationScreen.Cancelled,
    DuplicateDialog.Answered,
    ConsentScreen.Answered,
    PrintingApp.JobAttempted,
    PrintingApp.WorkerFailed,
)


def recording(
    settings: Settings, printer: Dummy, connect: Callable[[], Dummy] | None = None
) -> tuple[KioskApp, list[Message]]:
    messages: list[Message] = []
    return make_kiosk_app(settings, connect_printer=connect or (lambda: printer)), messages


async def consent_and_print(pilot: Pilot[None], app: KioskApp) -> None:
    await submit(pilot, app)
    await pilot.press("enter")  # "I agree" has the focus
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


def flow(messages: list[Message]) -> list[Message]:
    """The flow's messages once each (the hook sees a message at every node it bubbles to)."""
    once = {id(m): m for m in messages if isinstance(m, FLOW)}
    return list(once.values())


async def test_a_registration_posts_submitted_answered_and_the_printed_job(
    store: Store, meeting: int, settings: Settings, printer: Dummy
) -> None:
    app, messages = recording(settings, printer)
    async with app.run_test(size=(100, 40), message_hook=messages.append) as pilot:
        await fill_form(pilot, phone="0912 345 678")
        await consent_and_print(pilot, app)
        assert isinstance(app.screen, TicketScreen)
    submitted, answered, printed = flow(messages)
    assert isinstance(submitted, RegistrationScreen.Submitted)
    assert submitted.values == {
        "name": "Trần Văn Tâm",
        "village": "Thôn Đông",
        "org": "",
        "field": "An ninh trật tự",
        "summary": "Đường ngập",
        "phone": "0912 345 678",
    }  # as typed: the flow cleans them, not the screen
    assert answered == ConsentScreen.Answered(agreed=True)
    [row] = store.all("SELECT id, phone FROM registrations")
    assert isinstance(printed, PrintingApp.JobAttempted)
    assert (printed.job["registration_id"], printed.job["status"]) == (row["id"], "done")
    assert row["phone"] == "0912345678"


async def test_errors_go_back_to_the_form_and_nothing_else_is_asked(
    store: Store, meeting: int, settings: Settings, printer: Dummy
) -> None:
    app, messages = recording(settings, printer)
    async with app.run_test(size=(100, 40), message_hook=messages.append) as pilot:
        await fill_form(pilot, name=" ")
        await submit(pilot, app)
        assert isinstance(app.screen, RegistrationScreen)
        assert app.screen.query_one("#error-name", Static).display
    [submitted] = flow(messages)
    assert isinstance(submitted, RegistrationScreen.Submitted)
    assert store.all("SELECT * FROM registrations") == []


async def test_someone_else_with_the_same_name_goes_on_to_consent(
    store: Store, meeting: int, settings: Settings, printer: Dummy
) -> None:
    register(store, meeting, consent=True, name="Trần Văn Tâm", village="Thôn Đông")
    app, messages = recording(settings, printer)
    async with app.run_test(size=(100, 40), message_hook=messages.append) as pilot:
        await fill_form(pilot)
        await submit(pilot, app)
        await pilot.press("enter")  # "No, someone else" has the focus
        await pilot.pause()
        assert isinstance(app.screen, ConsentScreen)
        assert [type(s) for s in app.screen_stack] == [
            WelcomeScreen,
            RegistrationScreen,
            ConsentScreen,
        ]  # the dialog is gone, the form waits under the consent
        await pilot.press("right", "enter")  # "I do not agree"
        await pilot.pause()
        assert isinstance(app.screen, NoticeScreen)
    assert [type(m) for m in flow(messages)] == [
        RegistrationScreen.Submitted,
        DuplicateDialog.Answered,
        ConsentScreen.Answered,
    ]
    assert flow(messages)[1:] == [
        DuplicateDialog.Answered(same=False),
        ConsentScreen.Answered(agreed=False),
    ]
    assert len(store.all("SELECT * FROM registrations")) == 1
    assert app.flow.details is None  # nothing typed is kept for the next citizen


async def test_cancel_posts_cancelled_and_saves_nothing(
    store: Store, meeting: int, settings: Settings, printer: Dummy
) -> None:
    before = snapshot(store)
    app, messages = recording(settings, printer)
    async with app.run_test(size=(100, 40), message_hook=messages.append) as pilot:
        await fill_form(pilot)
        app.screen.query_one("#cancel").focus()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)  # details typed: asked first
        await pilot.press("right", "enter")  # from "Keep editing" to "Discard"
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
    assert [type(m) for m in flow(messages)] == [RegistrationScreen.Cancelled]
    assert snapshot(store) == before


async def test_a_failing_print_worker_says_so_on_the_ticket(
    store: Store, meeting: int, settings: Settings, printer: Dummy
) -> None:
    def broken() -> Dummy:
        raise OSError("no such device")

    app, messages = recording(settings, printer, broken)
    async with app.run_test(size=(100, 40), message_hook=messages.append) as pilot:
        await fill_form(pilot)
        await consent_and_print(pilot, app)
        state = str(app.screen.query_one("#print-state", Static).render())
        assert "Máy in chưa in được phiếu" in state
    failed = [m for m in flow(messages) if isinstance(m, PrintingApp.WorkerFailed)]
    assert failed and isinstance(failed[0].error, OSError)
