"""How well and how fast `hallkit prepare similar` and the recurrence check find the same
issue: precision and recall on a labelled set, and the time for many opinions.

The labelled set is bench/similar_opinions.csv: 36 issues in the seeds' style, each raised
three times in other words or by other villages (108 opinions); two opinions are the same
issue exactly when they share the issue number. Pairs of one field are what grouping may
propose: the 108 same-issue pairs and every pair of different issues of one field (which
share words: "đường", "trạm y tế", "hộ nghèo").

- similar: every opinion gathered for one meeting; a pair is found when `prepare similar`
  proposes the two in one group.
- recurrence: the first wording of every even-numbered issue is an item of an earlier
  meeting; the other wordings of every issue are gathered for the new one. Each
  (opinion, earlier item) pair is found when the opinion is told as raised before by it.
- timing: N opinions gathered against M items of earlier meetings, made by shuffling and
  cutting the labelled texts and mixing in words of others.

    python bench/similar.py [--opinions 2000] [--earlier 20000]
"""

from __future__ import annotations

import argparse
import csv
import itertools
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from shared import meetings, prepare, recurrence  # noqa: E402
from shared.db import Store, now_iso, open_store  # noqa: E402
from shared.demo import ensure_reference_lists  # noqa: E402

DATA = Path(__file__).with_name("similar_opinions.csv")
VILLAGES = ["Thôn Đông", "Thôn Đoài", "Thôn Trung", "Thôn Thượng", "Thôn Hạ"]


def labelled() -> list[dict[str, str]]:
    with DATA.open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


def new_meeting(store: Store, date: str) -> int:
    meeting = meetings.create_meeting(
        store, title=f"Hội nghị {date}", date=date, start_time="08:00"
    )
    return meeting


def insert(store: Store, meeting: int, rows: list[tuple[str, str]], source: str) -> list[int]:
    """(summary, field) rows as questions of `meeting`, in one transaction; their ids."""
    at = now_iso()
    with store.write():
        start = store.conn.execute(
            "SELECT COALESCE(MAX(number), 0) FROM questions WHERE meeting_id = ?", (meeting,)
        ).fetchone()[0]
        first = store.conn.execute("SELECT COALESCE(MAX(id), 0) FROM questions").fetchone()[0]
        store.conn.executemany(
            "INSERT INTO questions (meeting_id, number, source, summary, field, outcome,"
            " followup_status, deadline, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    meeting,
                    start + n,
                    source,
                    summary,
                    field,
                    "" if source == "pre_collected" else "pending",
                    "" if source == "pre_collected" else "open",
                    "" if source == "pre_collected" else "2025-12-31",
                    at,
                    at,
                )
                for n, (summary, field) in enumerate(rows, start=1)
            ],
        )
    return list(range(first + 1, first + 1 + len(rows)))


def precision_recall(
    found: set[tuple[int, int]], truth: set[tuple[int, int]]
) -> tuple[float, float]:
    hits = len(found & truth)
    return (hits / len(found) if found else 1.0), (hits / len(truth) if truth else 1.0)


def similar_quality(store: Store, rows: list[dict[str, str]]) -> tuple[float, float, int, int]:
    meeting = new_meeting(store, "2026-06-01")
    ids = insert(store, meeting, [(r["text"], r["field"]) for r in rows], "pre_collected")
    issue = dict(zip(ids, (r["issue"] for r in rows), strict=True))
    field = dict(zip(ids, (r["field"] for r in rows), strict=True))
    pairs = [(a, b) for a, b in itertools.combinations(ids, 2) if field[a] == field[b]]
    truth = {(a, b) for a, b in pairs if issue[a] == issue[b]}
    found: set[tuple[int, int]] = set()
    for _, group in prepare.proposals(store, meeting):
        keys = sorted(r["id"] for r in group)
        found.update(itertools.combinations(keys, 2))
    precision, recall = precision_recall(found, truth)
    return precision, recall, len(pairs), len(truth)


def recurrence_quality(store: Store, rows: list[dict[str, str]]) -> tuple[float, float, int]:
    earlier = new_meeting(store, "2025-01-15")
    meeting = new_meeting(store, "2025-03-01")
    by_issue: dict[str, list[dict[str, str]]] = {}
    for row in rows:
        by_issue.setdefault(row["issue"], []).append(row)
    old = [group[0] for issue, group in by_issue.items() if int(issue) % 2 == 0]
    new = [row for group in by_issue.values() for row in group[1:]]
    old_ids = insert(store, earlier, [(r["text"], r["field"]) for r in old], "spoken")
    new_ids = insert(store, meeting, [(r["text"], r["field"]) for r in new], "pre_collected")
    old_issue = dict(zip(old_ids, (r["issue"] for r in old), strict=True))
    new_issue = dict(zip(new_ids, (r["issue"] for r in new), strict=True))
    truth = {(a, b) for a in new_ids for b in old_ids if new_issue[a] == old_issue[b]}
    matched = recurrence.of_meeting(store, meeting, prepare.gathered(store, meeting))
    found = {(a, e.question_id) for a, repeats in matched.items() for e in repeats}
    precision, recall = precision_recall(found, truth)
    return precision, recall, len(new_ids) * len(old_ids)


def synthetic(rows: list[dict[str, str]], count: int, rng: random.Random) -> list[tuple[str, str]]:
    """Texts like the labelled ones: words cut, shuffled, mixed with another's."""
    made = []
    for _ in range(count):
        base, other = rng.choice(rows), rng.choice(rows)
        words = base["text"].split()
        words = rng.sample(words, max(4, int(len(words) * rng.uniform(0.6, 1.0))))
        words += rng.sample(other["text"].split(), 3) + [
            rng.choice(VILLAGES),
            str(rng.randint(1, 99)),
        ]
        rng.shuffle(words)
        made.append((" ".join(words), base["field"]))
    return made


def timing(
    store: Store, rows: list[dict[str, str]], opinions: int, earlier: int
) -> list[tuple[float, float]]:
    """(wall, CPU) seconds of `prepare similar`, then of the recurrence check: the CPU time
    tells the work on a machine others share."""
    rng = random.Random(22)
    held = new_meeting(store, "2025-06-01")
    insert(store, held, synthetic(rows, earlier, rng), "spoken")
    meeting = new_meeting(store, "2026-09-01")
    insert(store, meeting, synthetic(rows, opinions, rng), "pre_collected")
    found: list[tuple[float, float]] = []
    for step in (
        lambda: prepare.proposals(store, meeting),
        lambda: recurrence.of_meeting(store, meeting, prepare.gathered(store, meeting)),
    ):
        started, cpu = time.perf_counter(), time.process_time()
        step()
        found.append((time.perf_counter() - started, time.process_time() - cpu))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--opinions", type=int, default=2000, help="Opinions gathered (timing).")
    parser.add_argument("--earlier", type=int, default=20000, help="Earlier items (timing).")
    args = parser.parse_args()
    rows = labelled()
    with tempfile.TemporaryDirectory() as folder:
        store = open_store(Path(folder) / "bench.db", "bench")
        ensure_reference_lists(store)
        precision, recall, pairs, same = similar_quality(store, rows)
        print(
            f"prepare similar: {len(rows)} opinions, {pairs} pairs of one field ({same} the same"
            f" issue): precision {precision:.2f}, recall {recall:.2f}"
        )
        precision, recall, pairs = recurrence_quality(store, rows)
        print(
            f"recurrence: {pairs} (opinion, earlier item) pairs: precision {precision:.2f}, recall {recall:.2f}"
        )
        store.close()
        store = open_store(Path(folder) / "timing.db", "bench")
        ensure_reference_lists(store)
        (similar_wall, similar_cpu), (again_wall, again_cpu) = timing(
            store, rows, args.opinions, args.earlier
        )
        print(
            f"{args.opinions} opinions, {args.earlier} earlier items: prepare similar"
            f" {similar_wall:.2f} s ({similar_cpu:.2f} s CPU), recurrence {again_wall:.2f} s"
            f" ({again_cpu:.2f} s CPU)"
        )
        store.close()


if __name__ == "__main__":
    main()
