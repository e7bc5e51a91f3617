"""Three fixed meetings the golden documents are made from: a commune's dialogue with
every outcome, a party committee's, and a provincial office's with its own staff (seed
004). Built through the core API, as the CLI would, with fixed dates."""

from __future__ import annotations

from collections.abc import Callable

from shared import agenda, followup, meetings, questions, reference, speaking
from shared.db import Store
from shared.registrations import register

FIELDS = ["Đất đai", "Giao thông", "Giáo dục", "Y tế", "Môi trường", "Cán bộ công chức", "Khác"]


def _lists(
    store: Store, bodies: list[tuple[str, str]], officials: list[tuple[str, str, str]]
) -> None:
    with store.write():
        for name, level in bodies:
            reference.insert_body(store, name, level)
        for name, position, body in officials:
            reference.insert_official(store, name, position, body)
        for field in FIELDS:
            reference.insert_name(store, "fields", field)


def _speak(store: Store, meeting: int, number: int) -> None:
    while True:
        called = speaking.call(store, meeting)
        speaking.start(store, meeting)
        speaking.stop(store, meeting)
        if called["number"] == number:
            return


def commune(store: Store, pad: int = 0) -> int:
    """Xã Sơn Trung: answered, pending, transferred, written reply, withdrawn; a written
    question handed in by a registered citizen who did not speak; pre-collected opinions;
    participants and the program; an extension after the meeting. `pad` lengthens the
    chair's conclusion by that many lines, moving every page break below it."""
    _lists(
        store,
        [
            ("Văn phòng HĐND và UBND xã", "xã"),
            ("Phòng Kinh tế", "xã"),
            ("Phòng Văn hóa - Xã hội", "xã"),
            ("Trạm Y tế xã", "xã"),
            ("Sở Nông nghiệp và Môi trường", "tỉnh"),
            ("Sở Xây dựng", "tỉnh"),
        ],
        [
            ("Trần Văn Lâm", "Chủ tịch UBND xã", "Văn phòng HĐND và UBND xã"),
            ("Phạm Thị Hường", "Phó Chủ tịch UBND xã", "Văn phòng HĐND và UBND xã"),
            ("Lê Quốc Bảo", "Trưởng phòng Kinh tế", "Phòng Kinh tế"),
            ("Đỗ Thị Nga", "Trưởng phòng Văn hóa - Xã hội", "Phòng Văn hóa - Xã hội"),
            ("Vũ Minh Tâm", "Trạm trưởng Trạm Y tế", "Trạm Y tế xã"),
        ],
    )
    meeting = meetings.create_meeting(
        store,
        title="Hội nghị đối thoại giữa Chủ tịch UBND xã với Nhân dân năm 2026",
        date="2026-02-05",
        start_time="08:00",
        place="Hội trường UBND xã Sơn Trung",
        issuing_body="Ủy ban nhân dân xã Sơn Trung",
        parent_body="Ủy ban nhân dân tỉnh Khánh Hòa",
        level="commune",
        chair="Trần Văn Lâm",
        co_chair="Phạm Thị Hường",
        secretary="Nguyễn Thị Kim Oanh",
    )
    meetings.update_meeting(
        store,
        meeting,
        participants="Trần Văn Lâm, Chủ tịch UBND xã; Phạm Thị Hường, Phó Chủ tịch UBND xã; "
        "Lê Quốc Bảo, Trưởng phòng Kinh tế; Đỗ Thị Nga, Trưởng phòng Văn hóa - Xã hội",
    )
    agenda.set_steps(
        store,
        meeting,
        [
            "Tuyên bố lý do, giới thiệu đại biểu",
            "Chủ tịch UBND xã báo cáo tình hình kinh tế - xã hội",
            "Công dân phát biểu ý kiến, lãnh đạo xã trả lời",
            "Chủ tọa kết luận hội nghị",
        ],
    )
    meetings.set_status(store, meeting, "open")
    people = [
        (
            "Nguyễn Hữu Phước",
            "Thôn Tân Phú",
            "Đất đai",
            "Đề nghị cấp giấy chứng nhận quyền sử dụng đất cho 12 hộ đã nộp hồ sơ từ năm 2024.",
        ),
        (
            "Lê Thị Hồng",
            "Thôn Phú Khánh",
            "Giao thông",
            "Đường liên thôn Phú Khánh - Tân Phú xuống cấp, mùa mưa ngập sâu, đề nghị sửa chữa.",
        ),
        (
            "Trương Văn Sáu",
            "Thôn Tân Phú",
            "Môi trường",
            "Bãi rác tạm cạnh kênh N3 gây ô nhiễm, đề nghị di dời.",
        ),
        (
            "Phạm Văn Hải",
            "Thôn Đá Bàn",
            "Giáo dục",
            "Đề nghị lắp đèn chiếu sáng trước cổng Trường Tiểu học Sơn Trung.",
        ),
        ("Hồ Thị Lài", "Thôn Đá Bàn", "Y tế", "Đề nghị tăng buổi khám cho trẻ em tại trạm y tế."),
        (
            "Đinh Văn Khoa",
            "Thôn Phú Khánh",
            "Đất đai",
            "Hỏi về tiến độ bồi thường giải phóng mặt bằng dự án đường tỉnh 9.",
        ),
    ]
    numbers = []
    for index, (name, village, field, summary) in enumerate(people):
        row = register(
            store,
            meeting,
            consent=True,
            name=name,
            village=village,
            field=field,
            summary=summary,
            people=1 + index % 3,
        )
        numbers.append(row["number"])
    handed_in = register(
        store,
        meeting,
        consent=True,
        source="written",
        name="Võ Thị Thanh",
        village="Thôn Tân Phú",
        field="Y tế",
        summary="Hỏi về chế độ bảo hiểm y tế cho người cao tuổi từ 75 tuổi.",
    )
    outcomes: list[tuple[str, dict[str, str], str]] = [
        (
            "answered",
            {"answer": "Hồ sơ đủ điều kiện, UBND xã sẽ trao giấy chứng nhận trong tháng 3/2026."},
            "Trần Văn Lâm",
        ),
        ("pending", {"body": "Phòng Kinh tế"}, "Lê Quốc Bảo"),
        (
            "transferred",
            {"body": "Sở Nông nghiệp và Môi trường", "level": "tỉnh", "document": "27/UBND-KT"},
            "Trần Văn Lâm",
        ),
        ("written", {"body": "Phòng Văn hóa - Xã hội"}, "Đỗ Thị Nga"),
        ("withdrawn", {}, "Vũ Minh Tâm"),
        ("pending", {"body": "Phòng Kinh tế"}, "Phạm Thị Hường"),
    ]
    asked = []
    for number, (outcome, details, official) in zip(numbers, outcomes, strict=True):
        _speak(store, meeting, number)
        question = questions.add_question(store, meeting, number=number, official=official)
        questions.set_outcome(store, question["id"], outcome, **details)
        asked.append(question)
    written = questions.add_question(
        store, meeting, number=handed_in["number"], source="written", official="Vũ Minh Tâm"
    )
    questions.set_outcome(
        store,
        written["id"],
        "written",
        body="Trạm Y tế xã",
        answer="Trạm Y tế xã sẽ trả lời bằng văn bản về thủ tục cấp thẻ.",
    )
    letter = questions.add_question(
        store,
        meeting,
        summary="Đề nghị nạo vét kênh mương nội đồng trước vụ hè thu.",
        raised_by="Hội Nông dân xã",
        field="Khác",
        source="written",
    )
    questions.set_outcome(store, letter["id"], "pending", body="Phòng Kinh tế")
    collected = questions.add_question(
        store,
        meeting,
        summary="Đề nghị sửa chữa cầu tràn thôn Đá Bàn bị hư hỏng sau lũ.",
        raised_by="Trần Văn Tư",
        raised_village="Thôn Đá Bàn",
        field="Giao thông",
        source="pre_collected",
        official="Phạm Thị Hường",
    )
    questions.set_outcome(
        store,
        collected["id"],
        "transferred",
        body="Sở Xây dựng",
        level="tỉnh",
        document="28/UBND-KT",
    )
    agenda.set_conclusion(
        store,
        meeting,
        "Hội nghị diễn ra dân chủ, công khai; các ý kiến của công dân được tiếp thu, trả lời "
        "hoặc giao cơ quan chuyên môn giải quyết theo thẩm quyền."
        + " Các cơ quan, đơn vị khẩn trương thực hiện các nội dung được giao."
        * pad,
    )
    meetings.set_status(store, meeting, "closed", "10:45")
    followup.extend(store, asked[1]["id"], deadline="2026-04-30", reason="Chờ kinh phí")
    followup.answer(
        store, letter["id"], on="2026-03-02", document="35/UBND-KT", summary="Đã nạo vét xong."
    )
    return meeting


def party(store: Store) -> int:
    """Đảng ủy xã Sơn Trung's dialogue, chaired by the Bí thư."""
    _lists(
        store,
        [("Ủy ban nhân dân xã", "xã"), ("Ban Xây dựng Đảng", "xã"), ("Văn phòng Đảng ủy", "xã")],
        [
            ("Hoàng Minh Châu", "Bí thư Đảng ủy xã", "Văn phòng Đảng ủy"),
            ("Ngô Văn Thành", "Trưởng Ban Xây dựng Đảng", "Ban Xây dựng Đảng"),
        ],
    )
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
        secretary="Lý Thị Mỹ",
    )
    meetings.set_status(store, meeting, "open")
    people = [
        (
            "Đặng Văn Toàn",
            "Thôn Tân Phú",
            "Cán bộ công chức",
            "Đề nghị công khai kết quả đánh giá cán bộ thôn.",
        ),
        (
            "Bùi Thị Nguyệt",
            "Thôn Phú Khánh",
            "Đất đai",
            "Đề nghị xử lý dứt điểm tranh chấp đất tại thôn Phú Khánh.",
        ),
        (
            "Phan Văn Đức",
            "Thôn Đá Bàn",
            "Khác",
            "Đề nghị Đảng ủy chỉ đạo sửa chữa nhà văn hóa thôn.",
        ),
    ]
    results: list[tuple[str, dict[str, str]]] = [
        (
            "answered",
            {"answer": "Đảng ủy sẽ chỉ đạo công khai kết quả tại hội nghị thôn tháng 4/2026."},
        ),
        ("pending", {"body": "Ủy ban nhân dân xã"}),
        ("pending", {"body": "Ủy ban nhân dân xã"}),
    ]
    for (name, village, field, summary), (outcome, details) in zip(people, results, strict=True):
        row = register(
            store, meeting, consent=True, name=name, village=village, field=field, summary=summary
        )
        _speak(store, meeting, row["number"])
        question = questions.add_question(store, meeting, number=row["number"])
        questions.set_outcome(store, question["id"], outcome, **details)
    agenda.set_conclusion(store, meeting, "Hội nghị đã lắng nghe, tiếp thu ý kiến của Nhân dân.")
    meetings.set_status(store, meeting, "closed", "16:30")
    return meeting


def agency(store: Store) -> int:
    """Văn phòng UBND tỉnh Khánh Hòa's dialogue with its own staff (seed 004)."""
    _lists(
        store,
        [
            ("Phòng Tổ chức - Hành chính - Quản trị", "tỉnh"),
            ("Phòng Kinh tế ngành", "tỉnh"),
            ("Trung tâm Phục vụ hành chính công", "tỉnh"),
        ],
        [
            ("Nguyễn Huy Anh", "Chánh Văn phòng", "Phòng Tổ chức - Hành chính - Quản trị"),
            (
                "Trần Thị Thu",
                "Trưởng phòng Tổ chức - Hành chính - Quản trị",
                "Phòng Tổ chức - Hành chính - Quản trị",
            ),
        ],
    )
    meeting = meetings.create_meeting(
        store,
        title="Hội nghị đối thoại của Chánh Văn phòng với công chức, viên chức, người lao động năm 2026",
        date="2026-01-20",
        start_time="08:30",
        place="Phòng họp số 1, Văn phòng UBND tỉnh",
        issuing_body="Văn phòng Ủy ban nhân dân tỉnh Khánh Hòa",
        parent_body="Ủy ban nhân dân tỉnh Khánh Hòa",
        level="province",
        kind="agency",
        chair="Nguyễn Huy Anh",
        secretary="Phan Thị Ngọc",
    )
    meetings.set_status(store, meeting, "open")
    people = [
        (
            "Lâm Văn Hòa",
            "Phòng Kinh tế ngành",
            "Cán bộ công chức",
            "Đề nghị cử công chức đi bồi dưỡng ngạch chuyên viên chính.",
        ),
        (
            "Đoàn Thị Vân",
            "Trung tâm Phục vụ hành chính công",
            "Khác",
            "Đề nghị bố trí thêm máy tính cho bộ phận một cửa.",
        ),
    ]
    results: list[tuple[str, dict[str, str]]] = [
        ("answered", {"answer": "Văn phòng sẽ cử 02 công chức đi bồi dưỡng trong quý II/2026."}),
        ("pending", {"body": "Phòng Tổ chức - Hành chính - Quản trị"}),
    ]
    for (name, unit, field, summary), (outcome, details) in zip(people, results, strict=True):
        row = register(
            store, meeting, consent=True, name=name, village=unit, field=field, summary=summary
        )
        _speak(store, meeting, row["number"])
        question = questions.add_question(store, meeting, number=row["number"])
        questions.set_outcome(store, question["id"], outcome, **details)
    agenda.set_conclusion(
        store, meeting, "Hội nghị đã tiếp thu ý kiến của công chức, viên chức, người lao động."
    )
    meetings.set_status(store, meeting, "closed", "10:00")
    return meeting


MEETINGS: dict[str, Callable[[Store], int]] = {"commune": commune, "party": party, "agency": agency}
