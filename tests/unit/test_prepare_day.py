"""On the day: a question logged at the meeting is offered the gathered opinions that say
the same (its field first), is linked to one by the secretary, and its outcome starts from
the answer and body prepared before the meeting. Opinions typed in at the office follow
the rules of imported ones."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from shared import meetings, prepare, prepared, questions
from shared.cli import cli, load_station_commands
from shared.db import Store, open_store
from shared.events import undo_last
from shared.i18n import UserError
from shared.merge import merge
from tests.conftest import snapshot

load_station_commands()  # `prepare` is the office's (office/cli.py)

ROAD = "Đường liên thôn Đông - Đoài xuống cấp, nhiều ổ gà"


@pytest.fixture
def gathered(store: Store, meeting: int) -> dict[str, int]:
    made = {
        "road": prepare.add_opinion(
            store, meeting, summary=ROAD, village="Thôn Đông", people=12, field="Giao thông"
        ),
        # the same words in another field: offered, but after the field's own
        "road_land": prepare.add_opinion(
            store, meeting, summary="Thu hồi đất làm đường liên thôn, ổ gà", field="Đất đai"
        ),
        "health": prepare.add_opinion(
            store, meeting, summary="Trạm y tế thiếu thuốc bảo hiểm", field="Y tế"
        ),
    }
    prepare.assign(store, made["road"]["id"], "Phòng Kinh tế")
    prepare.answer(store, made["road"]["id"], "Quý 2 sẽ sửa tuyến đường")
    return {key: int(row["id"]) for key, row in made.items()}


def test_offers_are_the_same_field_first_then_by_words(
    store: Store, meeting: int, gathered: dict[str, int]
) -> None:
    found = prepared.offers(store, meeting, "Đường thôn Đông nhiều ổ gà quá", "Giao thông")
    assert [o.row["id"] for o in found] == [gathered["road"], gathered["road_land"]]
    assert [o.same_field for o in found] == [True, False]
    assert found[0].row["prep_answer"] == "Quý 2 sẽ sửa tuyến đường"
    # diacritics and word order aside
    again = prepared.offers(store, meeting, "o ga nhieu, duong lien thon", "Giao thông")
    assert again[0].row["id"] == gathered["road"]
    assert prepared.offers(store, meeting, "Điện chiếu sáng hỏng", "Giao thông") == []


def test_a_group_is_offered_once_by_its_head(
    store: Store, meeting: int, gathered: dict[str, int]
) -> None:
    other = prepare.add_opinion(
        store,
        meeting,
        summary="Đường liên thôn nhiều ổ gà",
        village="Thôn Đoài",
        field="Giao thông",
    )
    prepare.group(store, [gathered["road"], other["id"]])
    found = prepared.offers(store, meeting, "đường liên thôn ổ gà", "Giao thông")
    assert other["id"] not in [o.row["id"] for o in found]
    # linked to a member, the question takes the group's head (which holds the answer)
    asked = questions.add_question(store, meeting, summary="Đường ổ gà", source="written")
    assert prepared.link(store, asked["id"], other["id"])["linked_opinion"] == gathered["road"]


def test_a_station_keeps_its_index_until_the_opinions_change(
    store: Store, meeting: int, gathered: dict[str, int]
) -> None:
    offers = prepared.Offers(store, meeting)
    index = offers._current()
    prepare.answer(store, gathered["health"], "Đã bổ sung thuốc")
    assert offers._current() is index  # an answer coming in changes no index ...
    found = offers.find("Trạm y tế thiếu thuốc", "Y tế")
    assert found[0].row["prep_answer"] == "Đã bổ sung thuốc"  # ... and is read fresh
    added = prepare.add_opinion(store, meeting, summary="Chợ xã xuống cấp", field="Khác")
    assert offers._current() is not index
    assert offers.find("chợ xuống cấp", "")[0].row["id"] == added["id"]


def test_linking_is_stored_undone_and_starts_the_outcome(
    store: Store, meeting: int, gathered: dict[str, int]
) -> None:
    asked = questions.add_question(store, meeting, summary="Đường thôn Đông", source="written")
    assert prepared.outcome_start(store, asked) == {"answer": "", "body": ""}
    linked = prepared.link(store, asked["id"], gathered["road"])
    assert linked["linked_opinion"] == gathered["road"]
    assert prepared.outcome_start(store, linked) == {
        "answer": "Quý 2 sẽ sửa tuyến đường",
        "body": "Phòng Kinh tế",
    }
    # a gathered question starts from its own prepared answer
    road = questions.get_question(store, gathered["road"])
    assert prepared.outcome_start(store, road)["answer"] == "Quý 2 sẽ sửa tuyến đường"
    # what the meeting recorded wins over what was prepared
    questions.set_outcome(store, asked["id"], "pending", body="Công an xã")
    done = questions.get_question(store, asked["id"])
    assert prepared.outcome_start(store, done)["body"] == "Công an xã"
    undo_last(store, meeting)  # the outcome
    undo_last(store, meeting)  # the link
    assert questions.get_question(store, asked["id"])["linked_opinion"] is None


def test_a_link_is_refused_when_it_makes_no_sense(
    store: Store, meeting: int, gathered: dict[str, int]
) -> None:
    asked = questions.add_question(store, meeting, summary="Đường thôn Đông", source="written")
    other = meetings.create_meeting(store, title="Khác", date="2026-03-10", start_time="08:00")
    elsewhere = prepare.add_opinion(store, other, summary=ROAD, field="Giao thông")
    before = snapshot(store)
    refusals = [
        (gathered["road"], gathered["health"], "gathered before the meeting"),
        (asked["id"], asked["id"], "was not gathered"),
        (asked["id"], elsewhere["id"], "another meeting"),
        (asked["id"], 999, "no question 999"),
    ]
    for question, opinion, said in refusals:
        with pytest.raises(UserError) as refused:
            prepared.link(store, question, opinion)
        assert said in refused.value.message("en"), said
    assert snapshot(store) == before


def test_an_opinion_typed_in_follows_the_rules_of_imported_ones(store: Store, meeting: int) -> None:
    row = prepare.add_opinion(
        store,
        meeting,
        summary="Cán bo\u0323\u0302 địa chính nhận tiền",  # typed decomposed: stored composed
        village="Thôn Hạ",
        people="3",
        field="Cán bộ công chức",
        kind="to_cao",
        urgency="Cấp thiết",
    )
    assert row["summary"] == "Cán bộ địa chính nhận tiền"
    assert (row["source"], row["kind"], row["urgency"], row["people"]) == (
        "pre_collected",
        "to_cao",
        "high",
        3,
    )
    before = snapshot(store)
    for bad in (
        {"people": "0"},
        {"people": "ba"},
        {"urgency": "gấp lắm"},
        {"kind": "khen"},
        {"summary": ""},
        {"summary": "x\x07y"},
    ):
        with pytest.raises(UserError):
            prepare.add_opinion(store, meeting, **{"summary": "Đường", **bad})
    assert snapshot(store) == before


def run(db: Path, *args: str) -> Result:
    return CliRunner().invoke(cli, ["--db", str(db), "--lang", "en", *args])


def test_prepare_lists_every_subcommand_and_links_from_the_command_line(
    store: Store, meeting: int, gathered: dict[str, int], db_path: Path
) -> None:
    shown = run(db_path, "prepare", "--help")
    assert shown.exit_code == 0, shown.output
    for command in ("add", "answer", "answers", "assign", "group", "link", "list"):
        assert f"  {command} " in shown.output, (command, shown.output)
    for command in ("requests", "similar", "ungroup"):
        assert f"  {command}" in shown.output, (command, shown.output)
    added = run(
        db_path, "prepare", "add", "--text", "Xin lắp đèn đường", "--village", "Thôn Hạ",
        "--people", "4", "--kind", "phan_anh", "--urgency", "low",
    )  # fmt: skip
    assert added.exit_code == 0, added.output
    row = questions.get_question(store, int(added.output.strip()))
    assert (row["people"], row["kind"], row["urgency"]) == (4, "phan_anh", "low")
    asked = questions.add_question(store, meeting, summary="Đường hỏng", source="written")
    linked = run(db_path, "prepare", "link", str(asked["id"]), str(gathered["road"]))
    assert linked.exit_code == 0 and "linked" in linked.output, linked.output
    assert questions.get_question(store, asked["id"])["linked_opinion"] == gathered["road"]
    run(db_path, "prepare", "link", str(asked["id"]))
    assert questions.get_question(store, asked["id"])["linked_opinion"] is None


def test_a_merged_file_keeps_its_links_and_groups(
    store: Store, meeting: int, gathered: dict[str, int], tmp_path: Path
) -> None:
    other_path = tmp_path / "other.db"
    other = open_store(other_path, "laptop")
    from shared.demo import ensure_reference_lists

    ensure_reference_lists(other)
    held = meetings.create_meeting(other, title="Thôn Bắc", date="2026-02-12", start_time="08:00")
    one = prepare.add_opinion(other, held, summary=ROAD, field="Giao thông")
    two = prepare.add_opinion(other, held, summary="Đường liên thôn ổ gà", field="Giao thông")
    prepare.group(other, [one["id"], two["id"]])
    asked = questions.add_question(other, held, summary="Đường", source="written")
    prepared.link(other, asked["id"], one["id"])
    other.close()
    merge(store, other_path)
    copied = store.one("SELECT id FROM meetings WHERE title = 'Thôn Bắc'")
    assert copied is not None
    rows = {
        r["summary"]: r
        for r in store.all("SELECT * FROM questions WHERE meeting_id = ?", (copied["id"],))
    }
    head = rows[ROAD]["id"]
    assert rows["Đường liên thôn ổ gà"]["grouped_into"] == head
    assert rows["Đường"]["linked_opinion"] == head
