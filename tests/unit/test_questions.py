import datetime as dt

import pytest

from shared import meetings, questions, reference
from shared.db import Store
from shared.i18n import UserError
from shared.registrations import register
from tests.conftest import snapshot


@pytest.fixture
def asked(store: Store, meeting: int) -> int:
    register(
        store,
        meeting,
        consent=True,
        name="Hoàng Văn Bình",
        field="Đất đai",
        summary="Cấp giấy chứng nhận quyền sử dụng đất",
    )
    return int(questions.add_question(store, meeting, number=1)["id"])


def test_question_from_a_speaker_is_prefilled(store: Store, meeting: int, asked: int) -> None:
    row = questions.get_question(store, asked)
    assert row["summary"] == "Cấp giấy chứng nhận quyền sử dụng đất"
    assert row["field"] == "Đất đai" and row["source"] == "spoken"
    assert row["official_name"] == "Nguyễn Văn Hùng"  # the chair by default
    assert row["number"] == 1


def test_standalone_written_question(store: Store, meeting: int) -> None:
    row = questions.add_question(
        store, meeting, summary="Hỏi về lịch tiêm chủng", field="y te", official="vu thi lan"
    )
    assert (row["source"], row["registration_id"], row["field"]) == ("written", None, "Y tế")
    assert row["official_name"] == "Vũ Thị Lan"


def test_answered_needs_the_answer(store: Store, asked: int) -> None:
    before = snapshot(store)
    with pytest.raises(UserError, match="must\\ not\\ be\\ empty\\."):
        questions.set_outcome(store, asked, "answered")
    assert snapshot(store) == before
    row = questions.set_outcome(store, asked, "answered", answer="Sẽ trao sổ trong tháng 3.")
    assert (row["followup_status"], row["deadline"]) == ("closed", "")


def test_pending_proposes_the_meeting_rule(store: Store, asked: int) -> None:
    with pytest.raises(UserError, match="must\\ not\\ be\\ empty\\."):
        questions.set_outcome(store, asked, "pending")
    with pytest.raises(UserError, match='No\\ body\\ "'):
        questions.set_outcome(store, asked, "pending", body="Bộ Ngoại giao")
    row = questions.set_outcome(store, asked, "pending", body="phong kinh te")
    # Meeting on 2026-02-10, 30 calendar days -> 2026-03-12 (a Thursday).
    assert (row["body_name"], row["deadline"]) == ("Phòng Kinh tế", "2026-03-12")
    assert (row["deadline_rule"], row["deadline_basis"]) == ("pending_answer", "30 calendar")
    assert row["followup_status"] == "open"
    edited = questions.set_outcome(
        store, asked, "pending", body="Phòng Kinh tế", deadline="20/03/2026"
    )
    assert (edited["deadline"], edited["deadline_basis"]) == ("2026-03-20", "manual")
    with pytest.raises(UserError, match="The\\ deadline"):
        questions.set_outcome(store, asked, "pending", body="Phòng Kinh tế", deadline="2026-01-01")


def test_transferred_needs_body_level_and_document(store: Store, asked: int) -> None:
    with pytest.raises(UserError, match="must\\ not\\ be\\ empty\\."):
        questions.set_outcome(store, asked, "transferred", body="Sở Nông nghiệp và Môi trường")
    row = questions.set_outcome(
        store,
        asked,
        "transferred",
        body="Sở Nông nghiệp và Môi trường",
        level="tỉnh",
        document="125/UBND-KT",
    )
    assert (row["transfer_level"], row["transfer_doc"]) == ("tỉnh", "125/UBND-KT")
    # citizen notice: 10 working days after 2026-02-10, across Tết
    assert (row["deadline"], row["deadline_basis"]) == ("2026-03-03", "10 working")


def test_outcome_changes_are_events_until_the_meeting_closes(
    store: Store, meeting: int, asked: int
) -> None:
    questions.set_outcome(store, asked, "pending", body="Phòng Kinh tế")
    questions.set_outcome(store, asked, "written")
    outcomes = store.conn.execute(
        "SELECT json_extract(data, '$.before'), json_extract(data, '$.outcome') FROM events"
        " WHERE kind = 'question.outcome' ORDER BY id"
    ).fetchall()
    assert outcomes == [("", "pending"), ("pending", "written")]
    meetings.set_status(store, meeting, "closed")
    with pytest.raises(UserError, match="is\\ closed;\\ it\\ can\\ no\\ longer\\ be\\ changed\\."):
        questions.set_outcome(store, asked, "answered", answer="Muộn rồi")


def test_assign_and_unknown_official(store: Store, asked: int) -> None:
    assert questions.assign(store, asked, "le minh duc")["official_name"] == "Lê Minh Đức"
    with pytest.raises(UserError, match='No\\ official\\ "'):
        questions.assign(store, asked, "Không Ai Cả")
    with pytest.raises(UserError, match='";\\ be\\ more\\ precise\\ or\\ give\\ the\\ id\\.'):
        questions.assign(store, asked, "thi")


def test_a_deleted_body_keeps_its_name_on_the_item(store: Store, asked: int) -> None:
    questions.set_outcome(store, asked, "pending", body="Công an xã")
    body_id = reference.find_body(store, "Công an xã")["id"]
    store.conn.execute("UPDATE officials SET body_id = NULL WHERE body_id = ?", (body_id,))
    store.conn.execute("DELETE FROM bodies WHERE id = ?", (body_id,))
    row = questions.get_question(store, asked)
    assert (row["body_id"], row["body_name"]) == (None, "Công an xã")


def test_items_open_and_overdue(store: Store, meeting: int, asked: int) -> None:
    questions.set_outcome(store, asked, "pending", body="Phòng Kinh tế")
    other = questions.add_question(store, meeting, summary="Đèn đường thôn Hạ")
    questions.set_outcome(store, other["id"], "answered", answer="Đã lắp.")
    assert [r["id"] for r in questions.items(store)] == [asked]
    assert questions.items(store, overdue=True, today=dt.date(2026, 3, 12)) == []
    overdue = questions.items(store, overdue=True, today=dt.date(2026, 3, 13))
    assert [(r["id"], r["citizen"]) for r in overdue] == [(asked, "Hoàng Văn Bình")]


def test_chair_totals_equal_direct_counts(store: Store, meeting: int, asked: int) -> None:
    from shared.overview import pending_by_body, totals

    questions.set_outcome(store, asked, "pending", body="Phòng Kinh tế")
    for summary, outcome, extra in (
        ("Hỏi A", "answered", {"answer": "Đã rõ"}),
        ("Hỏi B", "transferred", {"body": "Công an xã", "level": "xã", "document": "1/CV"}),
        ("Hỏi C", "written", {}),
    ):
        row = questions.add_question(store, meeting, summary=summary, raised_by="Hội Nông dân")
        questions.set_outcome(store, row["id"], outcome, **extra)
    counted = totals(store, meeting)
    direct = store.conn.execute(
        "SELECT (SELECT count(*) FROM registrations WHERE meeting_id = :m),"
        " (SELECT count(*) FROM questions WHERE meeting_id = :m AND outcome = 'answered'),"
        " (SELECT count(*) FROM questions WHERE meeting_id = :m AND outcome = 'pending'),"
        " (SELECT count(*) FROM questions WHERE meeting_id = :m AND outcome = 'transferred'),"
        " (SELECT count(*) FROM questions WHERE meeting_id = :m AND outcome = 'written')",
        {"m": meeting},
    ).fetchone()
    assert (
        (
            counted.registered,
            counted.by_outcome["answered"],
            counted.by_outcome["pending"],
            counted.by_outcome["transferred"],
            counted.by_outcome["written"],
        )
        == direct
        == (1, 1, 1, 1, 1)
    )
    assert list(pending_by_body(store, meeting)) == ["", "Công an xã", "Phòng Kinh tế"]


def test_agenda_and_conclusion(store: Store, meeting: int) -> None:
    from shared import agenda

    agenda.set_steps(store, meeting, ["Khai mạc", "Báo cáo tình hình", "Đối thoại", "Kết luận"])
    assert [s["current"] for s in agenda.steps(store, meeting)] == [True, False, False, False]
    agenda.go_to_step(store, meeting, 3)
    assert [s["title"] for s in agenda.steps(store, meeting) if s["current"]] == ["Đối thoại"]
    with pytest.raises(UserError, match="There\\ is\\ no\\ step"):
        agenda.go_to_step(store, meeting, 9)
    assert agenda.set_conclusion(store, meeting, "  Giao Phòng Kinh tế  trả lời ") == (
        "Giao Phòng Kinh tế trả lời"
    )


def test_every_breakdown_sums_to_its_total(store: Store, meeting: int, asked: int) -> None:
    """Each outcome of the spec, a withdrawn one and one without an outcome yet: the
    counts printed by the chair, the minutes and the notice add up to the questions."""
    from shared.overview import totals
    from shared.specs import OUTCOMES_SPEC

    details = {
        "answered": {"answer": "Đã rõ"},
        "pending": {"body": "Phòng Kinh tế"},
        "transferred": {"body": "Công an xã", "level": "xã", "document": "1/CV"},
    }
    for spec in OUTCOMES_SPEC:
        for source in ("written", "pre_collected"):
            row = questions.add_question(
                store,
                meeting,
                summary=f"{spec.key} {source}",
                raised_by="Hội Nông dân",
                source=source,
            )
            questions.set_outcome(store, row["id"], spec.key, **details.get(spec.key, {}))
    counted = totals(store, meeting)
    direct = store.conn.execute(
        "SELECT count(*) FROM questions WHERE meeting_id = ?", (meeting,)
    ).fetchone()[0]
    assert counted.questions == direct == 2 * len(OUTCOMES_SPEC) + 1
    assert sum(n for _, n in counted.breakdown()) == counted.questions
    assert sum(counted.by_source.values()) == counted.questions
    assert len(counted.breakdown()) == len(OUTCOMES_SPEC) + 1  # "no outcome yet" too
