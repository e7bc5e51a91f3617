"""Every kind of event is told in words: the undo notice says which change it put back
("Đã hoàn tác: rút đăng ký số 003"), never a stored kind string or an event id."""

from __future__ import annotations

import json
import string
from pathlib import Path

import pytest

from shared import events, questions, speaking
from shared.db import Store
from shared.events import EVENT_LABELS, EventKind
from shared.i18n import LANGUAGES, UserError, tr
from shared.registrations import register
from tests.unit.test_cli import run
from tests.unit.test_events import write_every_kind

PLACEHOLDERS = {"number", "question", "step", "place"}


def test_every_kind_has_a_label_with_known_placeholders() -> None:
    assert set(EVENT_LABELS) == set(EventKind)
    for kind, label in EVENT_LABELS.items():
        named = {name for _, name, _, _ in string.Formatter().parse(label) if name}
        assert named <= PLACEHOLDERS, kind
        assert tr(label, "vi") != label, f"{kind} has no Vietnamese"


def test_every_event_the_core_writes_is_told_with_its_number(
    store: Store, meeting: int, tmp_path: Path
) -> None:
    write_every_kind(store, meeting, tmp_path)
    logged = store.all("SELECT id, kind, subject, data FROM events ORDER BY id")
    assert {row["kind"] for row in logged} == set(EventKind)
    for row in logged:
        told = {lang: events.describe(store, row, lang) for lang in LANGUAGES}
        for text in told.values():
            assert text and "{" not in text and "?" not in text, row
        assert row["kind"] not in told["vi"]  # words, not the stored string
        data = json.loads(row["data"])
        subject, _, key = row["subject"].partition(":")
        if subject == "registration":
            assert f"số {data['number']:03d}" in told["vi"], row
        if subject == "question":
            asked = questions.get_question(store, int(key))
            assert f"câu hỏi số {asked['number']}" in told["vi"], row


def test_the_undone_change_is_named(store: Store, meeting: int) -> None:
    for name in ("Hoàng Văn Bình", "Lê Thị Hoa", "Trần Quốc Toản"):
        register(store, meeting, consent=True, name=name, summary=f"Ý kiến của {name}")
    asked = questions.add_question(store, meeting, number=1)
    questions.set_outcome(store, asked["id"], "answered", answer="Đã có kế hoạch")
    speaking.withdraw(store, meeting, 3)
    speaking.move(store, meeting, 2, 1)
    said = [events.describe(store, events.undo_last(store, meeting), "vi") for _ in range(3)]
    assert said == [
        "chuyển số 002 đến vị trí 1",
        "rút đăng ký số 003",
        f"kết quả câu hỏi số {asked['number']}",
    ]
    with pytest.raises(UserError, match="Nothing left to undo"):
        events.undo_last(store, meeting)


def test_the_cli_says_what_it_undid(store: Store, meeting: int, db_path: Path) -> None:
    register(store, meeting, consent=True, name="Lê Thị Hoa", summary="Đường làng")
    speaking.call(store, meeting)
    said = run("queue", "undo", db=db_path)
    assert said.exit_code == 0 and said.output.strip() == "Đã hoàn tác: gọi số 001"
    speaking.call(store, meeting)
    said = run("--lang", "en", "queue", "undo", db=db_path)
    assert said.output.strip() == "Undone: call of number 001"
