"""Meetings prepared before they are held, for the briefing, the public notice and the
cover letters: built through the core API with fixed dates. The boundaries are in them:
a body late with its answers, an opinion without an answer, one raised at two earlier
meetings and overdue there, a group of three sources, a denunciation, an opinion not yet
assigned; the notice's last day to go out is TODAY - 3 for the commune's meeting."""

from __future__ import annotations

import datetime as dt

from shared import agenda, meetings, prepare, questions, reference
from shared.db import Store

TODAY = dt.date(2026, 2, 2)  # Monday; the meeting is on Thursday 05/02/2026
MEETING_DAY = "2026-02-05"
SEND_BY = dt.date(2026, 1, 29)  # 7 days before: the notice's last day
FIELDS = ["Đất đai", "Giao thông", "Giáo dục", "Y tế", "Môi trường", "An ninh trật tự", "Khác"]
STEPS = [
    "Tuyên bố lý do, giới thiệu đại biểu",
    "Chủ tịch UBND xã thông tin tình hình kinh tế - xã hội năm 2025 và nhiệm vụ năm 2026",
    "Nhân dân phát biểu ý kiến, kiến nghị; Chủ tịch UBND xã và các cơ quan chuyên môn trả lời",
    "Chủ tịch UBND xã kết luận hội nghị",
]


def _lists(store: Store) -> None:
    with store.write():
        for name in ("Phòng Kinh tế", "Phòng Văn hóa - Xã hội", "Trạm Y tế xã", "Công an xã"):
            reference.insert_body(store, name, "xã")
        for name, position, body in (
            ("Trần Văn Lâm", "Chủ tịch UBND xã", "Phòng Kinh tế"),
            ("Lê Quốc Bảo", "Trưởng phòng Kinh tế", "Phòng Kinh tế"),
            ("Đỗ Thị Nga", "Trưởng phòng Văn hóa - Xã hội", "Phòng Văn hóa - Xã hội"),
        ):
            reference.insert_official(store, name, position, body)
        for field in FIELDS:
            reference.insert_name(store, "fields", field)


def _earlier(store: Store, date: str, deadline: str, summary: str) -> None:
    """A meeting held before, whose road item is still pending past `deadline`."""
    held = meetings.create_meeting(
        store, title=f"Hội nghị đối thoại {date}", date=date, start_time="08:00"
    )
    meetings.set_status(store, held, "open")
    road = questions.add_question(store, held, summary=summary, field="Giao thông")
    questions.set_outcome(store, road["id"], "pending", body="Phòng Kinh tế")
    store.conn.execute("UPDATE questions SET deadline = ? WHERE id = ?", (deadline, road["id"]))
    store.conn.commit()
    clinic = questions.add_question(
        store, held, summary="Trạm y tế xã thiếu thuốc bảo hiểm y tế", field="Y tế"
    )
    questions.set_outcome(store, clinic["id"], "answered", answer="Đã bổ sung thuốc.")
    meetings.set_status(store, held, "closed", "11:00")


def _gather(
    store: Store,
    meeting: int,
    summary: str,
    field: str,
    village: str,
    people: int,
    *,
    kind: str = "",
    urgency: str = "normal",
    origin: str = "Phiếu lấy ý kiến",
    raised_by: str = "",
) -> int:
    row = questions.add_question(
        store,
        meeting,
        summary=summary,
        field=field,
        kind=kind,
        source="pre_collected",
        raised_village=village,
        raised_by=raised_by,
    )
    store.conn.execute(
        "UPDATE questions SET people = ?, urgency = ?, origin = ? WHERE id = ?",
        (people, urgency, origin, row["id"]),
    )
    store.conn.commit()
    return int(row["id"])


def commune(store: Store) -> int:
    """Xã Sơn Trung prepares its dialogue of 05/02/2026, as of Monday 02/02/2026."""
    _lists(store)
    _earlier(store, "2025-06-12", "2025-07-12", "Đường liên thôn Phú Khánh - Tân Phú xuống cấp")
    _earlier(store, "2025-12-10", "2026-01-09", "Đường liên thôn Tân Phú - Phú Khánh hư hỏng nặng")
    meeting = meetings.create_meeting(
        store,
        title="Hội nghị đối thoại giữa Chủ tịch UBND xã với Nhân dân năm 2026",
        date=MEETING_DAY,
        start_time="08:00",
        place="Hội trường UBND xã Sơn Trung",
        issuing_body="Ủy ban nhân dân xã Sơn Trung",
        parent_body="Ủy ban nhân dân tỉnh Khánh Hòa",
        level="commune",
        chair="Trần Văn Lâm",
        secretary="Nguyễn Thị Kim Oanh",
    )
    agenda.set_steps(store, meeting, STEPS)
    road = [
        _gather(
            store,
            meeting,
            "Đề nghị sửa chữa đường liên thôn Phú Khánh - Tân Phú, mùa mưa ngập sâu",
            "Giao thông",
            village,
            people,
            urgency="high",
            origin=origin,
        )
        for village, people, origin in (
            ("Thôn Phú Khánh", 12, "Phiếu lấy ý kiến"),
            ("Thôn Tân Phú", 8, "Phiếu lấy ý kiến"),
            ("", 1, "Báo cáo tổng hợp của Ủy ban MTTQ xã"),
        )
    ]
    prepare.group(store, road)
    prepare.assign(store, road[0], "Phòng Kinh tế", official="Lê Quốc Bảo")  # due 29/01: late
    land = _gather(
        store,
        meeting,
        "Chậm cấp giấy chứng nhận quyền sử dụng đất cho các hộ đã nộp hồ sơ từ năm 2024",
        "Đất đai",
        "Thôn Đá Bàn",
        5,
    )
    prepare.assign(store, land, "Phòng Kinh tế", official="Lê Quốc Bảo")
    prepare.answer(
        store,
        land,
        "Phòng Kinh tế đã rà soát 12 hồ sơ; 9 hồ sơ đủ điều kiện sẽ được cấp giấy trong "
        "tháng 3/2026, 3 hồ sơ cần bổ sung giấy tờ.",
    )
    school = _gather(
        store,
        meeting,
        "Đề nghị lắp đèn chiếu sáng trước cổng Trường Tiểu học Sơn Trung",
        "Giáo dục",
        "Thôn Tân Phú",
        3,
        urgency="low",
    )
    prepare.assign(store, school, "Phòng Văn hóa - Xã hội", due="2026-02-03")  # not late yet
    clinic = _gather(
        store,
        meeting,
        "Trạm y tế xã thường xuyên thiếu thuốc bảo hiểm y tế",
        "Y tế",
        "Thôn Phú Khánh",
        4,
        origin="Thư gửi UBND xã",
    )
    prepare.assign(store, clinic, "Trạm Y tế xã")
    prepare.answer(store, clinic, "Trạm Y tế đã bổ sung danh mục thuốc từ tháng 01/2026.")
    _gather(
        store,
        meeting,
        "Tố cáo cán bộ địa chính thu tiền trái quy định khi làm hồ sơ đất",
        "Đất đai",
        "Thôn Đá Bàn",
        1,
        kind="to_cao",
        urgency="high",
        raised_by="Nguyễn Văn Bí Mật",
    )  # not assigned yet; the denouncer and the village stay secret
    return meeting


def party(store: Store) -> int:
    """Đảng ủy xã Sơn Trung's dialogue of 12/03/2026: one opinion, answered."""
    _lists(store)
    meeting = meetings.create_meeting(
        store,
        title="Hội nghị đối thoại giữa Bí thư Đảng ủy xã với Nhân dân năm 2026",
        date="2026-03-12",
        start_time="14:00",
        place="Hội trường Đảng ủy xã Sơn Trung",
        issuing_body="Đảng ủy xã Sơn Trung",
        parent_body="Đảng bộ tỉnh Khánh Hòa",
        level="party",
        chair="Hoàng Minh Châu",
        chair_position="Bí thư Đảng ủy xã",
    )
    opinion = _gather(
        store,
        meeting,
        "Đề nghị công khai kết quả đánh giá cán bộ thôn",
        "Khác",
        "Thôn Tân Phú",
        2,
    )
    prepare.assign(store, opinion, "Phòng Văn hóa - Xã hội", due="2026-03-05")
    return meeting


PREPARED = {"commune": commune, "party": party}
