"""A document records its day (DOMAIN.md): after `followup extend` and `followup
transfer`, a fresh export of the minutes and the notice still says what the meeting
decided; the follow-up list carries the follow-up."""

from __future__ import annotations

from pathlib import Path

from docx import Document

from documents.run import export
from shared import followup
from shared.db import Store
from tests.documents.meetings import commune


def _text(path: Path) -> str:
    document = Document(str(path))
    cells = [p.text for t in document.tables for c in t._cells for p in c.paragraphs]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def test_follow_up_never_rewrites_the_minutes_or_the_notice(store: Store, tmp_path: Path) -> None:
    meeting = commune(store)  # item 2's deadline 09/03/2026 is extended to 30/04/2026
    item = store.one(
        "SELECT id FROM questions WHERE meeting_id = ? AND summary LIKE 'Hỏi về tiến độ%'",
        (meeting,),
    )
    assert item is not None
    followup.transfer(store, item["id"], body="Phòng Văn hóa - Xã hội")
    _, written = export(store, meeting, tmp_path)
    made = {p.name.split("-", 3)[-1].replace("-du-thao", ""): p for p in written}
    for name in ("bien-ban.docx", "thong-bao-ket-luan.docx"):
        text = _text(made[name])
        assert "30/04/2026" not in text, name
        assert "Phòng Kinh tế trả lời, hạn 09/03/2026" in text, name
        assert "Đường liên thôn" in text and "09/03/2026" in text
    assert "30/04/2026" not in made["bien-ban.md"].read_text(encoding="utf-8")
    listed = made["kien-nghi-chua-giai-quyet.csv"].read_text(encoding="utf-8-sig")
    assert "30/04/2026" in listed  # the follow-up list shows the extension
