"""Journey: a citizen with no input method writes Vietnamese at the kiosk, in Telex
(the Vietnamese kiosk's default) or in VNI (F2 on the form), keys only, on a real pty.

The keys are plain ASCII, as a bare terminal sends them; the database gets the name,
organisation and summary in full Vietnamese. Before issue 23 the registration read
"Nguyeenx Thij Hoongf".
"""

from __future__ import annotations

from pathlib import Path

import pytest

from shared.db import open_store
from tests.tui.terminal import Terminal
from tests.tui.test_journey_citizen import (
    DOWN,
    ENTER,
    PACE,
    WORDS,
    Citizen,
    start_kiosk,
)

F2 = "\x1bOQ"
TYPED = {
    "telex": {
        "name": "Nguyeenx Thij Hoongf",
        "org": "Hooij Phuj nuwx",
        "summary": "DDuwowngf lieen thoon ngaapj khi muwa, xin cho bieets khi naof suwar",
    },
    "vni": {
        "name": "Nguye6n4 Thi5 Ho6ng2",
        "org": "Ho6i5 Phu5 nu74",
        "summary": "D9u7o7ng2 lie6n tho6n nga6p5 khi mu7a, xin cho bie6t1 khi na2o su7a3",
    },
}
MEANT = {
    "name": "Nguyễn Thị Hồng",
    "org": "Hội Phụ nữ",
    "summary": "Đường liên thôn ngập khi mưa, xin cho biết khi nào sửa",
}


@pytest.mark.parametrize("pace", [PACE, 0.0], ids=["person", "burst"])
@pytest.mark.parametrize("mode", ["telex", "vni"])
def test_a_citizen_writes_vietnamese_with_no_input_method(
    db_path: Path, terminals: list[Terminal], mode: str, pace: float
) -> None:
    words = WORDS["vi"]
    terminal = start_kiosk(db_path, "vi")
    terminals.append(terminal)
    terminal.wait_until_shown(words.welcome)
    citizen = Citizen(terminal, pace)
    typed = TYPED[mode]
    citizen.press(ENTER)
    citizen.sees(words.form)
    citizen.sees("Gõ kiểu Telex")
    if mode == "vni":
        citizen.press(F2)
        citizen.sees("Gõ kiểu VNI")
    citizen.type(typed["name"])
    citizen.sees(MEANT["name"])
    citizen.press(ENTER)
    citizen.type("minh")
    citizen.sees("▶ Tổ dân phố Minh Khai")
    citizen.press(ENTER, ENTER)  # takes the village, on to the organisation
    citizen.type(typed["org"])
    citizen.press(ENTER, ENTER)  # on to the field list, which opens
    citizen.sees("Cán bộ công chức")
    citizen.press(DOWN, DOWN, ENTER, ENTER)  # the second field, on to the summary
    citizen.type(typed["summary"])
    citizen.sees(MEANT["summary"])
    citizen.press(ENTER, ENTER, ENTER)  # no phone; Continue
    citizen.sees(words.consent_agree)
    citizen.press(ENTER)
    citizen.send_burst()

    terminal.wait_until_shown(words.ticket, timeout=30)
    store = open_store(db_path)
    try:
        row = store.one(
            "SELECT name, org, summary FROM registrations WHERE name = ?", (MEANT["name"],)
        )
    finally:
        store.close()
    assert row is not None, terminal.shown()
    assert dict(row) == MEANT
