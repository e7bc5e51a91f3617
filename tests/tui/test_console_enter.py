"""The console's forms with Enter, as a secretary goes through them: a list left blank
opens once, then Enter goes on (it reopened each time: open, blank taken, open, and the
save was never reached); a check box is ticked with Space and Enter goes on from it (Enter
ticked and unticked the walk-in's consent, its last field); a speaker found after the
written questions were shown shows the speaker's questions."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets import Input, Static

from printing.connections import Dummy
from session_console.console.app import ConsoleApp, make_console_app
from session_console.console.dialogs.form import FieldCheckbox, FieldSelect, FormDialog
from shared import questions
from shared.config import Settings
from shared.db import Store
from shared.registrations import register
from tests.tui.screen import screen_text


async def open_form(app: ConsoleApp, pilot: Pilot[None], key: str) -> FormDialog:
    """The console's form that `key` opens, open."""
    await pilot.press(key)
    await pilot.pause()
    form = app.screen
    assert isinstance(form, FormDialog)
    return form


async def test_enter_opens_a_blank_list_once_then_goes_on_and_saves(
    store: Store, queue4: int, settings: Settings, printer: Dummy
) -> None:
    app = make_console_app(settings, queue4, connect_printer=lambda: printer)
    async with app.run_test(size=(140, 45)) as pilot:
        form = await open_form(app, pilot, "t")
        form.query_one("#f-raised_by", Input).value = "Trần Văn Lâm"
        form.query_one("#f-summary", Input).value = "Đề nghị công khai danh sách hộ nghèo"
        field = form.query_one("#f-field", FieldSelect)
        field.focus()
        await pilot.pause()
        assert field.value is FieldSelect.NULL

        await pilot.press("enter")  # the list opens: the secretary sees the fields
        await pilot.pause()
        assert field.expanded
        await pilot.press("enter")  # "Choose…" taken: left blank, the list closed
        await pilot.pause()
        assert not field.expanded and app.focused is field
        await pilot.press("enter")  # goes on, not round again
        await pilot.pause()
        assert not field.expanded
        assert app.focused is form.query_one("#f-kind")
        await pilot.press("enter", "enter")  # the kind as proposed, the chair answers: saved
        await pilot.pause()
        assert app.screen is not form
    written = store.one("SELECT * FROM questions WHERE source = 'written'")
    assert written is not None
    assert (written["raised_by"], written["field"]) == ("Trần Văn Lâm", "")


async def test_space_ticks_the_consent_and_enter_saves_from_it(
    store: Store, queue4: int, settings: Settings, printer: Dummy
) -> None:
    app = make_console_app(settings, queue4, connect_printer=lambda: printer)
    async with app.run_test(size=(140, 45)) as pilot:
        form = await open_form(app, pilot, "i")
        form.query_one("#f-name", Input).value = "Võ Văn Tám"
        consent = form.query_one("#f-consent", FieldCheckbox)
        consent.focus()
        await pilot.pause()
        assert "Phím cách: đánh dấu hoặc bỏ" in screen_text(app)  # said under the box
        await pilot.press("enter")  # unticked: the save is refused, in words, and stays
        await pilot.pause()
        assert app.screen is form and not consent.value
        assert "Cần có sự đồng ý của công dân" in str(
            form.query_one("#dialog-error", Static).render()
        )
        await pilot.press("space")
        await pilot.pause()
        assert consent.value and app.focused is consent
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is not form
    walk_in = store.one("SELECT * FROM registrations WHERE name = 'Võ Văn Tám'")
    assert walk_in is not None and walk_in["consent_at"]


async def test_a_speaker_found_after_the_written_questions_shows_their_own(
    store: Store, queue4: int, settings: Settings, printer: Dummy
) -> None:
    questions.add_question(store, queue4, source="written", summary="Hỏi về chợ", raised_by="An")
    questions.add_question(store, queue4, number=2, summary="Đường thôn Đoài")
    register(store, queue4, consent=True, name="Lê Thị Hoa", village="Thôn Hạ")  # two of them
    app = make_console_app(settings, queue4, connect_printer=lambda: printer)
    async with app.run_test(size=(140, 45)) as pilot:
        await pilot.press("v")  # the written questions
        await pilot.pause()
        assert "Câu hỏi bằng văn bản (1)" in screen_text(app)
        await pilot.press("slash", *"le thi hoa", "enter")  # the find field keeps the focus
        await pilot.pause()
        shown = screen_text(app)
        assert "Câu hỏi của số 002" in shown and "Đường thôn Đoài" in shown
        assert "Câu hỏi bằng văn bản (1)" not in shown
