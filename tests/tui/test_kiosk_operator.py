"""The operator's dialog at 100x30: a PIN first, then a menu that says it is one, both a
box in the middle of the screen over what the citizen was doing."""

from __future__ import annotations

import pytest

from kiosk.dialogs import PinDialog
from printing.connections import Dummy
from shared import meetings
from shared.config import Settings
from shared.db import Store
from tests.tui.screen import screen_text
from tests.tui.test_kiosk import kiosk, type_text


@pytest.mark.parametrize("other_meeting", [True, False], ids=["switch", "exit-only"])
async def test_the_accepted_pin_turns_into_a_centred_operator_menu(
    store: Store, meeting: int, settings: Settings, printer: Dummy, other_meeting: bool
) -> None:
    if other_meeting:
        other = meetings.create_meeting(
            store, title="Hội nghị thôn Đông", date="2026-02-11", start_time="14:00", chair="A"
        )
        meetings.set_status(store, other, "open")
    app = kiosk(settings, printer, meeting_id=meeting)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+o")
        assert isinstance(app.screen, PinDialog)
        assert "Mã PIN của cán bộ vận hành" in screen_text(app)
        await type_text(pilot, "2468")
        await pilot.press("enter")
        await pilot.pause()
        shown = screen_text(app)
        box = app.screen.query_one("#pin-box").region
    assert "Mã PIN" not in shown
    if other_meeting:
        assert "Chức năng vận hành: thoát hoặc chuyển hội nghị" in shown
        assert "Chuyển sang hội nghị" in shown
    else:
        assert "Chức năng vận hành: thoát ứng dụng" in shown
    assert "Thoát ứng dụng" in shown and "Hủy" in shown
    assert shown.count("Chuyển sang hội nghị") == other_meeting
    # a box in the middle, the welcome screen around it: not the whole screen
    assert box.height <= 18 and box.width <= 64  # the screen is 30 high
    assert abs(box.y - (30 - box.bottom)) <= 1 and abs(box.x - (100 - box.right)) <= 1
