"""The clerk's "must edit" items of issue 20, each as the rule the documents now follow."""

from __future__ import annotations

import pytest

from shared import meetings, questions
from shared.db import Store
from shared.i18n import UserError
from shared.reference import insert_body
from shared.registrations import register


def test_a_commune_never_assigns_a_task_to_a_provincial_body(store: Store, meeting: int) -> None:
    """Item 4: a "tỉnh" body gets a transfer, not a task."""
    meetings.update_meeting(store, meeting, level="commune")
    row = register(store, meeting, consent=True, name="Lê Văn An", summary="Đường tỉnh hư hỏng")
    asked = questions.add_question(store, meeting, number=row["number"])
    with pytest.raises(UserError, match="transferred"):
        questions.set_outcome(store, asked["id"], "pending", body="Sở Nông nghiệp và Môi trường")
    with pytest.raises(UserError, match="higher level"):
        questions.set_outcome(store, asked["id"], "written", body="Sở Nông nghiệp và Môi trường")
    insert_body(store, "Sở Xây dựng", "Tỉnh")
    with pytest.raises(UserError, match="higher level"):
        questions.set_outcome(store, asked["id"], "pending", body="So Xay dung")
    moved = questions.set_outcome(
        store,
        asked["id"],
        "transferred",
        body="Sở Nông nghiệp và Môi trường",
        level="tỉnh",
        document="27/UBND-KT",
    )
    assert moved["outcome"] == "transferred"
    assert questions.set_outcome(store, asked["id"], "pending", body="Phòng Kinh tế")["body_name"]
