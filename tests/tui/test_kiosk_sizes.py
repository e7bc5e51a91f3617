"""The whole kiosk flow at the four screen sizes a hall uses: every text whole (no word
cut at an edge or under another widget), the buttons and the hint bar on screen."""

from __future__ import annotations

import pytest

from kiosk.dialogs import PinDialog
from kiosk.screens import ConsentScreen, RegistrationScreen, TicketScreen
from printing.connections import Dummy
from shared.config import Settings
from shared.db import Store
from tests.tui.screen import screen_text
from tests.tui.test_kiosk import fill_form, kiosk, submit, type_text
from tests.tui.test_kiosk_words import words

SIZES = [(100, 30), (120, 40), (140, 45), (200, 50)]


def lines_with(screen: str, *texts: str) -> None:
    """Each text stands whole on one line of the screen."""
    for text in texts:
        assert any(text in line for line in screen.splitlines()), f"{text!r} cut:\n{screen}"


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
async def test_the_flow_is_whole_at_each_size(
    store: Store, meeting: int, settings: Settings, printer: Dummy, size: tuple[int, int]
) -> None:
    app = kiosk(settings, printer)
    async with app.run_test(size=size) as pilot:
        lines_with(screen_text(app), "ĐĂNG KÝ PHÁT BIỂU", "Nhấn phím Enter để bắt đầu đăng ký")
        await pilot.press("enter")
        await type_text(pilot, "Trần Văn Tâm")
        await pilot.press("enter")
        await type_text(pilot, "thon")
        assert isinstance(app.screen, RegistrationScreen)
        lines_with(
            screen_text(app),
            "Họ và tên *",
            "Thôn / tổ dân phố",
            "▶ Thôn Đoài",
            "Nhấn Enter hoặc → để chọn tên có dấu ▶, ↓ ↑ để đổi",
            "Tổ chức đại diện",
            "Lĩnh vực",
            "Tiếp tục",
            "Hủy",
            "Ctrl+T: English",
        )
        app.reset()  # what the idle timer does
        await pilot.pause()
        await fill_form(pilot, phone="0912345678")
        lines_with(screen_text(app), "Nội dung", "Số điện thoại", "0912345678", "Tiếp tục")
        await submit(pilot, app)
        assert isinstance(app.screen, ConsentScreen)
        consent = screen_text(app)
        lines_with(consent, "Đồng ý sử dụng thông tin cá nhân", "Tôi đồng ý", "Không đồng ý")
        assert "Ông/Bà có quyền xem, sửa hoặc rút lại sự đồng ý" in words(consent)
        await pilot.press("enter")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, TicketScreen)
        lines_with(
            screen_text(app),
            "SỐ THỨ TỰ CỦA ÔNG/BÀ",
            "Trần Văn Tâm",
            "Mã tra cứu:",
            "Trước Ông/Bà còn 0 người",
            "Đã in phiếu. Vui lòng lấy phiếu.",
            "Nhấn Enter để hoàn tất",
        )
        await pilot.press("enter", "ctrl+o")
        assert isinstance(app.screen, PinDialog)
        lines_with(screen_text(app), "Mã PIN của cán bộ vận hành")
        await type_text(pilot, "2468")
        await pilot.press("enter")
        lines_with(screen_text(app), "Chức năng vận hành: thoát ứng dụng", "Thoát ứng dụng")
