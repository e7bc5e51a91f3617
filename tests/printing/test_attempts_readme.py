"""The print queue's retries, pinned against what the README promises people, not against
the constants they are made of (`range(jobs.MAX_ATTEMPTS)` agrees with any value)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from printing import jobs
from printing.documents import ticket_for
from shared.db import Store

README = Path(__file__).resolve().parents[2] / "README.md"
WORDS = {"three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8}


def promised() -> tuple[int, list[int]]:
    """(attempts in all, the back-offs in seconds) as the README's print section says."""
    text = " ".join(README.read_text(encoding="utf-8").split())
    found = re.search(r"retried after ([\d, and]+) s \((\w+) attempts in all\)", text)
    assert found, "the README no longer states the print retries"
    delays = [int(n) for n in re.findall(r"\d+", found.group(1))]
    return WORDS[found.group(2)], delays


def test_a_failing_printer_is_tried_as_often_and_as_late_as_the_readme_says(
    store: Store, citizen: dict[str, Any]
) -> None:
    attempts, delays = promised()
    document = ticket_for(store, citizen["id"], "vi")
    job_id = jobs.enqueue(
        store, document, meeting_id=citizen["meeting_id"], registration_id=citizen["id"]
    )
    moment, tried, waited = 1000.0, 0, []
    while True:
        job = jobs.claim(store, now=moment)
        if job is None:
            break
        tried += 1
        failed = jobs.finish(store, job, "dummy:", error="offline", now=moment)
        waited.append(failed["next_try"] - moment)
        assert jobs.claim(store, now=failed["next_try"] - 0.5) is None  # not before its time
        moment = failed["next_try"]
    assert tried == attempts
    assert waited[: attempts - 1] == delays  # every promised wait, and no other
    assert jobs.get_job(store, job_id)["status"] == "failed"
