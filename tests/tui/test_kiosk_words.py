"""How the kiosk and its ticket speak to a citizen: "Ông/Bà" to one citizen, "Quý vị" to
the public, never the familiar "bạn" (DOMAIN.md); every sentence whole on a 100x30
screen and on the narrowest paper."""

from __future__ import annotations

import re

from kiosk.screens import ConsentScreen, NoticeScreen, TicketScreen, WelcomeScreen
from printing.connections import Dummy
from shared import meetings
from shared.config import Settings
from shared.db import Store
from shared.registrations import register
from tests.tui.screen import screen_text
from tests.tui.test_kiosk import fill_form, kiosk, submit

FAMILIAR = re.compile(r"\bbạn\b", re.IGNORECASE)


def words(screen: str) -> str:
    """The screen's text as one line: borders gone, wrapped lines joined."""
    return " ".join(re.sub(r"[\u2500-\u259f▊▎▔▁]", " ", screen).split())


async def test_every_kiosk_screen_says_ong_ba(
    store: Store, meeting: int, settings: Settings, printer_off: Dummy
) -> None:
    seen: dict[str, str] = {}
    app = kiosk(settings, printer_off)
    async with app.run_test(size=(100, 30)) as pilot:
        await fill_form(pilot)
        await submit(pilot, app)
        assert isinstance(app.screen, ConsentScreen)
        seen["consent"] = words(screen_text(app))
        await pilot.press("enter")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, TicketScreen)
        seen["ticket"] = words(screen_text(app))
    assert "Để mời Ông/Bà phát biểu theo thứ tự, ghi biên bản hội nghị" in seen["consent"]
    assert "Ông/Bà có quyền xem, sửa hoặc rút lại sự đồng ý" in seen["consent"]
    assert "SỐ THỨ TỰ CỦA ÔNG/BÀ" in seen["ticket"]
    assert "Trước Ông/Bà còn 0 người" in seen["ticket"]
    assert "thư ký sẽ in lại phiếu cho Ông/Bà." in seen["ticket"]  # the printer is off
    for name, text in seen.items():
        assert not FAMILIAR.search(text), f"{name}: {text}"


async def test_refusal_duplicate_and_closed_say_ong_ba_or_quy_vi(
    store: Store, meeting: int, settings: Settings, printer: Dummy
) -> None:
    register(store, meeting, consent=True, name="Trần Văn Tâm", village="Thôn Đông")
    seen: list[str] = []
    app = kiosk(settings, printer)
    async with app.run_test(size=(100, 30)) as pilot:
        await fill_form(pilot)
        await submit(pilot, app)
        seen.append(words(screen_text(app)))
        assert "Đó có phải là Ông/Bà không?" in seen[-1]
        await pilot.press("enter")  # "Không, người khác": on to consent
        await pilot.pause()
        await pilot.press("right", "enter")  # "Không đồng ý"
        await pilot.pause()
        assert isinstance(app.screen, NoticeScreen)
        seen.append(words(screen_text(app)))
        assert "Ông/Bà chưa đồng ý nên chưa thể đăng ký." in seen[-1]
        await pilot.press("enter")
        meetings.set_registration(store, meeting, False)
        app.load_meeting()
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
        seen.append(words(screen_text(app)))
        assert "Quý vị vẫn có thể gửi câu hỏi bằng văn bản" in seen[-1]
    for text in seen:
        assert not FAMILIAR.search(text), text
