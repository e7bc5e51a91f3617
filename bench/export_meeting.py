"""Time to export a meeting of 500 speakers and 2,000 questions in every format.

Run by hand: .venv/bin/python bench/export_meeting.py
"""

from __future__ import annotations

import itertools
import tempfile
import time
from pathlib import Path

from documents.run import export
from shared import meetings, questions, speaking
from shared.db import open_store
from shared.demo import ensure_reference_lists
from shared.registrations import register

SPEAKERS, QUESTIONS = 500, 2000
OUTCOMES = itertools.cycle(
    [
        ("answered", {"answer": "Đã trả lời tại hội nghị."}),
        ("pending", {"body": "Phòng Kinh tế"}),
        ("transferred", {"body": "Công an xã", "level": "xã", "document": "12/CV"}),
        ("written", {}),
    ]
)


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        store = open_store(Path(folder) / "hallkit.db", "bench")
        ensure_reference_lists(store)
        meeting = meetings.create_meeting(
            store,
            title="Hội nghị đối thoại năm 2026",
            date="2026-11-21",
            start_time="08:00",
            issuing_body="Ủy ban nhân dân xã Minh Hòa",
            chair="Nguyễn Văn Hùng",
            secretary="Lê Thị Thanh",
        )
        meetings.set_status(store, meeting, "open")
        started = time.perf_counter()
        for index in range(SPEAKERS):
            register(
                store,
                meeting,
                consent=True,
                name=f"Nguyễn Thị Ánh {index}",
                village="Thôn Đông",
                summary=f"Ý kiến số {index} về đường giao thông",
            )
            speaking.call(store, meeting)
            speaking.start(store, meeting)
            speaking.stop(store, meeting)
        for index in range(QUESTIONS):
            asked = questions.add_question(store, meeting, number=index % SPEAKERS + 1)
            outcome, details = next(OUTCOMES)
            questions.set_outcome(store, asked["id"], outcome, **details)
        print(
            f"built {SPEAKERS} speakers, {QUESTIONS} questions in "
            f"{time.perf_counter() - started:.1f} s"
        )
        for run in range(3):
            began = time.perf_counter()
            _, written = export(store, meeting, Path(folder) / f"out{run}")
            elapsed = time.perf_counter() - began
            size = sum(p.stat().st_size for p in written)
            print(f"export {run + 1}: {elapsed:.2f} s, {len(written)} files, {size / 1024:.0f} KB")
        store.close()


if __name__ == "__main__":
    main()
