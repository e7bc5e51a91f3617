"""Fixtures the document tests share."""

from __future__ import annotations

import pytest

from shared import meetings, questions, speaking
from shared.db import Store
from shared.registrations import register


@pytest.fixture
def held(store: Store, meeting: int) -> int:
    """A meeting with three speakers: answered, pending, transferred; one written question."""
    meetings.update_meeting(
        store,
        meeting,
        issuing_body="Ủy ban nhân dân xã Minh Hòa",
        parent_body="Ủy ban nhân dân tỉnh Phú Thọ",
        secretary="Lê Thị Thanh",
        place="Hội trường UBND xã",
    )
    outcomes = [
        ("Hoàng Văn Bình", "answered", {"answer": "Sẽ cấp sổ trong tháng 3."}),
        ("Nguyễn Thị Thu Hà", "pending", {"body": "Phòng Kinh tế"}),
        (
            "Trịnh Đình Quý",
            "transferred",
            {"body": "Sở Nông nghiệp và Môi trường", "level": "tỉnh", "document": "125/UBND-KT"},
        ),
    ]
    for name, outcome, details in outcomes:
        row = register(
            store,
            meeting,
            consent=True,
            name=name,
            village="Thôn Đông",
            summary=f"Ý kiến của {name}",
            phone="0912345678",
        )
        speaking.call(store, meeting)
        speaking.start(store, meeting)
        speaking.stop(store, meeting)
        asked = questions.add_question(store, meeting, number=row["number"])
        questions.set_outcome(store, asked["id"], outcome, **details)
    written = questions.add_question(
        store, meeting, summary="Hỏi về lịch tiêm chủng", raised_by="Hội Phụ nữ xã"
    )
    questions.set_outcome(store, written["id"], "pending", body="Trạm Y tế xã")
    return meeting
