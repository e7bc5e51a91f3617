"""On the day, at the console and the chair: a question logged is offered the gathered
opinions that say the same, Enter links one, its outcome starts from the prepared answer
and body, and the chair reads that answer while the question is on the floor."""

from __future__ import annotations

import datetime as dt

from textual.widgets import Input, Static

from printing.connections import Dummy
from session_console.chair.app import make_chair_app
from session_console.console.app import make_console_app
from session_console.console.dialogs import FormDialog
from session_console.console.dialogs.offers import OfferDialog
from session_console.widgets import LiveTable
from shared import meetings, prepare, questions, speaking
from shared.config import Settings
from shared.db import Store
from shared.prepared import link
from shared.registrations import register
from tests.waiting import after_calls, until

ANSWER = "Quý 2 năm 2026 sẽ sửa tuyến đường liên thôn"
TODAY = dt.date.today()  # the earlier meeting's item is 20 days overdue from today


def prepared_meeting(store: Store, meeting: int) -> int:
    """A gathered opinion with its answer prepared; a speaker at the lectern who raises
    the same issue in other words."""
    road = prepare.add_opinion(
        store,
        meeting,
        summary="Đường liên thôn Đông - Đoài xuống cấp, nhiều ổ gà",
        village="Thôn Đông",
        field="Giao thông",
    )
    prepare.add_opinion(store, meeting, summary="Trạm y tế thiếu thuốc", field="Y tế")
    prepare.assign(store, road["id"], "Phòng Kinh tế")
    prepare.answer(store, road["id"], ANSWER)
    register(
        store,
        meeting,
        consent=True,
        name="Lê Văn An",
        village="Thôn Đông",
        field="Giao thông",
        summary="Đường thôn Đông nhiều ổ gà, đi lại khó khăn",
    )
    register(store, meeting, consent=True, name="Trần Thị Bình", summary="Chợ xã chật")
    speaking.call(store, meeting)
    speaking.start(store, meeting)
    return int(road["id"])


async def test_a_question_logged_is_offered_and_linked_with_one_key(
    store: Store, meeting: int, settings: Settings, printer: Dummy
) -> None:
    road = prepared_meeting(store, meeting)
    app = make_console_app(settings, connect_printer=lambda: printer)
    async with app.run_test(size=(140, 36), notifications=True) as pilot:
        await pilot.press("q")
        assert isinstance(app.screen, FormDialog)
        await pilot.click("#dialog-ok")
        assert isinstance(app.screen, OfferDialog)  # offered, nothing linked yet
        offers = app.screen.query_one("#offers", LiveTable)
        assert offers.row_count == 1 and offers.selected_key() == str(road)
        said = str(app.screen.query_one("#offer-answer", Static).render())
        assert ANSWER in said, said
        asked = store.one("SELECT * FROM questions WHERE source = 'spoken'")
        assert asked is not None and asked["linked_opinion"] is None
        await pilot.press("enter")
        assert not isinstance(app.screen, OfferDialog)
        assert questions.get_question(store, asked["id"])["linked_opinion"] == road

        await pilot.press("o")  # the outcome starts from what was prepared
        assert isinstance(app.screen, FormDialog)
        assert app.screen.query_one("#f-answer", Input).value == ANSWER
        assert app.screen.query_one("#f-body", Input).value == "Phòng Kinh tế"
        app.screen.query_one("#f-answer", Input).value = ANSWER + ", trước 30/6"
        await pilot.click("#dialog-ok")  # editable: what is saved is what was typed
        done = questions.get_question(store, asked["id"])
        assert (done["outcome"], done["answer"]) == ("answered", ANSWER + ", trước 30/6")


async def test_esc_links_nothing_and_an_unmatched_question_is_not_interrupted(
    store: Store, meeting: int, settings: Settings, printer: Dummy
) -> None:
    prepared_meeting(store, meeting)
    app = make_console_app(settings, connect_printer=lambda: printer)
    async with app.run_test(size=(140, 36), notifications=True) as pilot:
        await pilot.press("q")
        await pilot.click("#dialog-ok")
        assert isinstance(app.screen, OfferDialog)
        await pilot.press("escape")
        asked = store.one("SELECT * FROM questions WHERE source = 'spoken'")
        assert asked is not None and asked["linked_opinion"] is None
        await pilot.press("j")  # offered again on the key
        assert isinstance(app.screen, OfferDialog)
        await pilot.press("escape")

        await pilot.press("t")  # a written question no gathered opinion matches
        dialog = app.screen
        assert isinstance(dialog, FormDialog)
        dialog.query_one("#f-summary", Input).value = "Xin lắp thêm đèn chiếu sáng ở chợ"
        await pilot.click("#dialog-ok")
        assert not isinstance(app.screen, OfferDialog | FormDialog)


async def test_the_chair_reads_the_prepared_answer_of_the_question_on_the_floor(
    store: Store, meeting: int, settings: Settings
) -> None:
    road = prepared_meeting(store, meeting)
    app = make_chair_app(settings)
    async with app.run_test(size=(140, 40)) as pilot:
        shown = app.query_one("#prepared", Static)
        assert not shown.display  # no question logged yet
        # the gathered opinions are no written questions handed to the secretary
        assert not app.query_one("#written", Static).display
        asked = questions.add_question(store, meeting, number=1)
        await after_calls(pilot, app, "refresh_all")  # the chair polls the file
        assert not shown.display  # logged, not linked: nothing prepared for it
        link(store, asked["id"], road)
        await until(pilot, lambda: shown.display and ANSWER in str(shown.render()), "answer")
        title = str(app.query_one("#prepared-title", Static).render())
        assert f"câu hỏi #{asked['number']}" in title and "Phòng Kinh tế" in title, title
        speaking.stop(store, meeting)  # the speaker leaves: the question leaves the floor
        await until(pilot, lambda: not shown.display, "the prepared answer gone")


async def test_the_chair_reads_what_earlier_meetings_heard_of_the_question_on_the_floor(
    store: Store, meeting: int, settings: Settings
) -> None:
    """The road was left pending at a meeting in December and is overdue: the chair sees
    that in red above the prepared answer, as the briefing says it."""
    from tests.unit.test_prepare_recurrence import earlier_meeting

    meetings.set_status(store, earlier_meeting(store)["meeting"], "closed")
    road = prepared_meeting(store, meeting)
    asked = questions.add_question(store, meeting, number=1)
    link(store, asked["id"], road)
    app = make_chair_app(settings, today=TODAY)
    async with app.run_test(size=(140, 40)) as pilot:
        shown = app.query_one("#prepared", Static)
        await pilot.wait_for_scheduled_animations()
        said = str(shown.render())
        assert "đã nêu tại hội nghị ngày 10/12/2025" in said, said
        assert "chưa giải quyết, quá hạn 20 ngày" in said and ANSWER in said
        assert said.index("10/12/2025") < said.index(ANSWER)  # the history first


async def test_an_offer_says_what_earlier_meetings_heard_of_it(
    store: Store, meeting: int, settings: Settings, printer: Dummy
) -> None:
    from tests.unit.test_prepare_recurrence import earlier_meeting

    meetings.set_status(store, earlier_meeting(store)["meeting"], "closed")
    prepared_meeting(store, meeting)
    app = make_console_app(settings, connect_printer=lambda: printer)
    async with app.run_test(size=(140, 36), notifications=True) as pilot:
        await pilot.press("q")
        await pilot.click("#dialog-ok")
        assert isinstance(app.screen, OfferDialog)
        said = str(app.screen.query_one("#offer-answer", Static).render())
        assert "đã nêu tại hội nghị ngày 10/12/2025" in said, said
        assert "quá hạn 20 ngày" in said and ANSWER in said
