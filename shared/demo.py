"""A realistic demo meeting: a commune dialogue with villages, bodies, officials, speakers.

Running it again reuses the demo meeting that is still open instead of adding another.
"""

from __future__ import annotations

import datetime as dt

from shared import events, meetings, questions, reference, speaking
from shared.db import Store
from shared.events import EventKind
from shared.registrations import register

TITLE = "Hội nghị đối thoại giữa Chủ tịch UBND xã với Nhân dân năm 2026"
BODIES = [
    ("Văn phòng HĐND và UBND xã", "xã"),
    ("Phòng Kinh tế", "xã"),
    ("Phòng Văn hóa - Xã hội", "xã"),
    ("Công an xã", "xã"),
    ("Trạm Y tế xã", "xã"),
    ("Sở Nông nghiệp và Môi trường", "tỉnh"),
]
OFFICIALS = [
    ("Nguyễn Văn Hùng", "Chủ tịch UBND xã", "Văn phòng HĐND và UBND xã"),
    ("Trần Thị Mai", "Phó Chủ tịch UBND xã", "Văn phòng HĐND và UBND xã"),
    ("Lê Minh Đức", "Trưởng phòng Kinh tế", "Phòng Kinh tế"),
    ("Phạm Thị Hoa", "Trưởng phòng Văn hóa - Xã hội", "Phòng Văn hóa - Xã hội"),
    ("Đỗ Quang Vinh", "Trưởng Công an xã", "Công an xã"),
    ("Vũ Thị Lan", "Trạm trưởng Trạm Y tế", "Trạm Y tế xã"),
]
VILLAGES = [
    "Thôn Đông",
    "Thôn Đoài",
    "Thôn Trung",
    "Thôn Thượng",
    "Thôn Hạ",
    "Tổ dân phố Minh Khai",
]
FIELDS = [
    "Đất đai",
    "Môi trường",
    "Xây dựng",
    "Giao thông",
    "An sinh xã hội",
    "Y tế",
    "Giáo dục",
    "Cán bộ công chức",
    "An ninh trật tự",
    "Khác",
]
SPEAKERS = [
    (
        "Hoàng Văn Bình",
        "Thôn Đông",
        "Đất đai",
        "Đề nghị cấp giấy chứng nhận quyền sử dụng đất cho 12 hộ đã nộp hồ sơ từ năm 2024.",
    ),
    (
        "Nguyễn Thị Thu Hà",
        "Thôn Đoài",
        "Giao thông",
        "Đường liên thôn Đoài - Trung xuống cấp, mùa mưa ngập sâu, đề nghị sửa chữa.",
    ),
    (
        "Trịnh Đình Quý",
        "Thôn Trung",
        "Môi trường",
        "Bãi rác tạm cạnh kênh N3 gây ô nhiễm, đề nghị di dời.",
    ),
    (
        "Lương Thị Ánh",
        "Tổ dân phố Minh Khai",
        "An sinh xã hội",
        "Hỏi về chế độ trợ cấp cho người cao tuổi từ 75 tuổi theo quy định mới.",
    ),
    (
        "Đặng Văn Toàn",
        "Thôn Thượng",
        "An ninh trật tự",
        "Xe tải chở đất chạy quá tốc độ qua khu dân cư vào buổi tối.",
    ),
    ("Bùi Thị Nguyệt", "Thôn Hạ", "Y tế", "Đề nghị tăng buổi khám cho trẻ em tại trạm y tế."),
    (
        "Phan Văn Đức",
        "Thôn Đông",
        "Xây dựng",
        "Nhà văn hóa thôn Đông xuống cấp, đề nghị hỗ trợ kinh phí sửa chữa.",
    ),
    ("Ngô Thị Hằng", "Thôn Đoài", "Giáo dục", "Đề nghị lắp đèn chiếu sáng trước cổng trường."),
]


def ensure_reference_lists(store: Store) -> None:
    with store.write():
        for name, level in BODIES:
            reference.insert_body(store, name, level)
        for name, position, body in OFFICIALS:
            reference.insert_official(store, name, position, body)
        for village in VILLAGES:
            reference.insert_name(store, "villages", village)
        for field in FIELDS:
            reference.insert_name(store, "fields", field)
        events.record(store, EventKind.DEMO_REFERENCE_LISTS, None, "demo")


def demo(store: Store, today: dt.date | None = None) -> tuple[int, bool]:
    """The id of an open demo meeting, and whether it was made just now."""
    existing = store.one(
        "SELECT id FROM meetings WHERE title = ? AND status <> 'closed' ORDER BY id DESC", (TITLE,)
    )
    if existing:
        return int(existing["id"]), False
    ensure_reference_lists(store)
    meeting_id = meetings.create_meeting(
        store,
        title=TITLE,
        date=(today or dt.date.today()).isoformat(),
        start_time="08:00",
        place="Hội trường UBND xã Minh Hòa",
        issuing_body="Ủy ban nhân dân xã Minh Hòa",
        parent_body="Ủy ban nhân dân tỉnh Phú Thọ",
        level="commune",
        chair="Nguyễn Văn Hùng",
        co_chair="Trần Thị Mai",
        secretary="Lê Thị Thanh",
        speaking_seconds=300,
    )
    meetings.set_status(store, meeting_id, "open")
    for index, (name, village, field, summary) in enumerate(SPEAKERS):
        register(
            store,
            meeting_id,
            consent=True,
            name=name,
            village=village,
            field=field,
            summary=summary,
            phone="0912345678" if index % 3 == 0 else "",
            people=1 + index % 4,
        )
    _first_speakers(store, meeting_id)
    return meeting_id, True


def _first_speakers(store: Store, meeting_id: int) -> None:
    """Three speakers already heard, one answered, one pending, one transferred."""
    outcomes = [
        (
            "answered",
            {"answer": "Hồ sơ đủ điều kiện, UBND xã sẽ trao giấy chứng nhận trong tháng này."},
        ),
        ("pending", {"body": "Phòng Kinh tế"}),
        (
            "transferred",
            {"body": "Sở Nông nghiệp và Môi trường", "level": "tỉnh", "document": "125/UBND-KT"},
        ),
    ]
    for outcome, details in outcomes:
        row = speaking.call(store, meeting_id)
        speaking.start(store, meeting_id)
        speaking.stop(store, meeting_id)
        question = questions.add_question(store, meeting_id, number=row["number"])
        questions.set_outcome(store, question["id"], outcome, **details)
