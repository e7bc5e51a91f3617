"""Save SVG screenshots of the kiosk, the console, the chair's view and the hall display
into docs/ (run by hand).

.venv/bin/python docs/screenshots.py
"""

from __future__ import annotations

import asyncio
import datetime as dt
import tempfile
from pathlib import Path

from kiosk.app import make_kiosk_app
from office.followup.app import make_followup_app
from office.prepare.app import make_prepare_app
from printing.connections import Dummy, parse_url
from session_console.chair.app import make_chair_app
from session_console.console.app import make_console_app
from session_console.display.app import make_display_app
from shared import meetings, prepare
from shared.config import Settings
from shared.db import open_store
from shared.demo import demo

DOCS = Path(__file__).resolve().parent


async def kiosk_screens(db: Path) -> None:
    settings = Settings(db_path=db, station="kiosk-1")
    app = make_kiosk_app(settings, connect_printer=lambda: Dummy(parse_url("dummy:")))
    async with app.run_test(size=(100, 32)) as pilot:

        async def shot(name: str) -> None:
            await pilot.pause(0.3)
            app.save_screenshot(f"kiosk-{name}.svg", str(DOCS))

        await shot("welcome")
        await pilot.press("enter")
        await pilot.press(*["space" if c == " " else c for c in "Trần Văn Tâm"])
        await pilot.press("enter", *"thon d")
        await shot("village")
        await pilot.press(
            "right",
            "enter",
            "enter",
            "down",
            "enter",
            *["space" if c == " " else c for c in "Đường ngập"],
            "enter",
            *"12345",
        )
        app.screen.query_one("#continue").focus()
        await pilot.press("enter")
        await shot("form")
        app.screen.query_one("#input-phone").value = "0912 345 678"  # type: ignore[attr-defined]
        app.screen.query_one("#continue").focus()
        await pilot.pause(0.3)
        await pilot.press("enter")
        await shot("consent")
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await shot("ticket")
        await pilot.press("enter", "ctrl+o")
        await shot("pin")
        await pilot.press(*"0000", "enter")
        await shot("operator")
        await pilot.press("escape")
        store = open_store(db)
        meeting = meetings.current_meeting(store)
        meetings.set_registration(store, meeting["id"], False)
        store.close()
        await pilot.pause(1)
        await shot("closed")


async def hall_screens(db: Path) -> None:
    """The console mid-meeting, then the chair's view and the hall display beside it."""
    settings = Settings(db_path=db, station="secretary")
    console = make_console_app(settings, connect_printer=lambda: Dummy(parse_url("dummy:")))
    async with console.run_test(size=(140, 36)) as pilot:
        await pilot.press("n", "s")
        await pilot.pause(1.2)
        await pilot.press("q")
        await pilot.click("#dialog-ok")
        await pilot.pause(0.3)
        console.save_screenshot("console.svg", str(DOCS))
    console = make_console_app(settings, connect_printer=lambda: Dummy(parse_url("dummy:")))
    async with console.run_test(size=(100, 30)) as pilot:
        await pilot.pause(0.5)
        await pilot.press("f1")
        await pilot.pause(0.3)
        console.save_screenshot("console-help.svg", str(DOCS))
    apps = (
        ("chair", make_chair_app(settings)),
        ("display", make_display_app(settings)),
        ("followup", make_followup_app(settings)),
    )
    for name, app in apps:
        async with app.run_test(size=(120, 34)) as pilot:
            await pilot.pause(0.6)
            app.save_screenshot(f"{name}.svg", str(DOCS))


# The next meeting's gathered opinions: (village, people, field, urgency, kind, summary).
GATHERED = [
    ("Thôn Đoài", 14, "Giao thông", "high", "kien_nghi",
     "Đường liên thôn Đoài - Trung vẫn ngập sâu mỗi khi mưa, chưa được sửa chữa"),
    ("Thôn Trung", 9, "Giao thông", "high", "kien_nghi",
     "Tuyến đường liên thôn Trung đi Đoài mùa mưa ngập sâu, đề nghị sửa chữa"),
    ("Thôn Trung", 22, "Môi trường", "high", "phan_anh",
     "Bãi rác tạm cạnh kênh N3 vẫn chưa di dời, gây ô nhiễm"),
    ("Thôn Đông", 12, "Đất đai", "normal", "kien_nghi",
     "Chậm cấp giấy chứng nhận quyền sử dụng đất cho các hộ đã nộp hồ sơ"),
    ("Thôn Hạ", 4, "Y tế", "normal", "kien_nghi",
     "Trạm y tế xã thiếu thuốc bảo hiểm y tế cho người cao tuổi"),
    ("Tổ dân phố Minh Khai", 6, "An sinh xã hội", "low", "kien_nghi",
     "Đề nghị hướng dẫn thủ tục hưởng trợ cấp người khuyết tật"),
    ("Thôn Thượng", 1, "Cán bộ công chức", "normal", "to_cao",
     "Tố cáo cán bộ thu tiền sai quy định khi làm thủ tục"),
]  # fmt: skip


def prepared_meeting(db: Path) -> int:
    """A meeting planned for 10/12/2026: its opinions gathered, two of them grouped, the
    answers asked of the bodies, one received, one body late."""
    store = open_store(db, "office")
    meeting = meetings.create_meeting(
        store,
        title="Hội nghị đối thoại tháng 12/2026",
        date="2026-12-10",
        start_time="08:00",
        chair="Nguyễn Văn Hùng",
    )
    ids = [
        prepare.add_opinion(
            store, meeting, village=village, people=people, field=field, urgency=urgency,
            kind=kind, summary=summary, origin="Phiếu lấy ý kiến",
        )["id"]
        for village, people, field, urgency, kind, summary in GATHERED
    ]  # fmt: skip
    prepare.group(store, [ids[0], ids[1]])
    prepare.assign(store, ids[0], "Phòng Kinh tế", official="Lê Minh Đức", due="2026-12-08")
    prepare.answer(store, ids[0], "Đã bố trí vốn, khởi công sửa tuyến đường trong quý I/2027.")
    prepare.assign(store, ids[2], "Phòng Kinh tế", due="2026-12-03")
    prepare.assign(store, ids[3], "Phòng Kinh tế", official="Lê Minh Đức", due="2026-12-08")
    prepare.assign(store, ids[4], "Trạm Y tế xã", official="Vũ Thị Lan", due="2026-12-08")
    store.close()
    return meeting


async def prepare_screen(db: Path, meeting: int) -> None:
    app = make_prepare_app(Settings(db_path=db, station="office"), meeting, dt.date(2026, 12, 4))
    async with app.run_test(size=(150, 30)) as pilot:
        await pilot.pause(0.6)
        app.save_screenshot("prepare.svg", str(DOCS))


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "hallkit.db"
        store = open_store(db)
        demo(store, dt.date(2026, 11, 21))
        store.close()
        asyncio.run(kiosk_screens(db))
        store = open_store(db)
        meetings.set_registration(store, meetings.current_meeting(store)["id"], True)
        store.close()
        asyncio.run(hall_screens(db))
        asyncio.run(prepare_screen(db, prepared_meeting(db)))
    for svg in sorted(DOCS.glob("*.svg")):
        print(svg.relative_to(DOCS.parent))


if __name__ == "__main__":
    main()
