"""How fast and how well the console offers the gathered opinions for a question logged
on the day (shared/prepared.py, the `Offers` a console keeps).

A meeting holds N gathered opinions (texts made from the labelled set
bench/similar_opinions.csv by cutting, shuffling and mixing words, as bench/similar.py
does) plus every wording but the first of each labelled issue. Each first wording is then
logged as a spoken question:

- timing: the time of `Offers.find` per logged question, p50/p95/max, with the index
  built (what the console pays while logging) and cold (the first question after the
  gathered opinions changed, which rebuilds it);
- quality: how often an opinion of the same issue is among the offers (hit), and first.

    python bench/offer.py [--opinions 2000] [--samples 300]
"""

from __future__ import annotations

import argparse
import csv
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from shared import meetings  # noqa: E402
from shared.db import Store, now_iso, open_store  # noqa: E402
from shared.demo import ensure_reference_lists  # noqa: E402
from shared.prepared import Offers  # noqa: E402

DATA = Path(__file__).with_name("similar_opinions.csv")
VILLAGES = ["Thôn Đông", "Thôn Đoài", "Thôn Trung", "Thôn Thượng", "Thôn Hạ"]


def labelled() -> list[dict[str, str]]:
    with DATA.open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


def synthetic(
    rows: list[dict[str, str]], count: int, rng: random.Random
) -> list[tuple[str, str, str]]:
    """(summary, field, issue): a labelled text cut and shuffled, with words of another."""
    made = []
    for _ in range(count):
        base, other = rng.choice(rows), rng.choice(rows)
        words = base["text"].split()
        words = rng.sample(words, max(4, int(len(words) * rng.uniform(0.6, 1.0))))
        words += rng.sample(other["text"].split(), 3) + [rng.choice(VILLAGES)]
        rng.shuffle(words)
        made.append((" ".join(words), base["field"], base["issue"]))
    return made


def gather(store: Store, meeting: int, rows: list[tuple[str, str]]) -> list[int]:
    """(summary, field) rows gathered for `meeting`, in one transaction; their ids."""
    at = now_iso()
    with store.write():
        start = store.conn.execute(
            "SELECT COALESCE(MAX(number), 0) FROM questions WHERE meeting_id = ?", (meeting,)
        ).fetchone()[0]
        first = store.conn.execute("SELECT COALESCE(MAX(id), 0) FROM questions").fetchone()[0]
        store.conn.executemany(
            "INSERT INTO questions (meeting_id, number, source, summary, field, created_at,"
            " updated_at) VALUES (?, ?, 'pre_collected', ?, ?, ?, ?)",
            [
                (meeting, start + n, summary, field, at, at)
                for n, (summary, field) in enumerate(rows, start=1)
            ],
        )
    return list(range(first + 1, first + 1 + len(rows)))


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--opinions", type=int, default=2000, help="Opinions gathered.")
    parser.add_argument("--samples", type=int, default=300, help="Questions logged (timing).")
    args = parser.parse_args()
    rows = labelled()
    rng = random.Random(22)
    with tempfile.TemporaryDirectory() as folder:
        store = open_store(Path(folder) / "offer.db", "bench")
        ensure_reference_lists(store)
        meeting = meetings.create_meeting(
            store, title="Hội nghị", date="2026-09-01", start_time="08:00"
        )
        made = synthetic(rows, args.opinions, rng)
        ids = gather(store, meeting, [(summary, field) for summary, field, _ in made])
        expected: dict[str, set[int]] = {}
        for question_id, (_, _, issue) in zip(ids, made, strict=True):
            expected.setdefault(issue, set()).add(question_id)
        by_issue: dict[str, list[dict[str, str]]] = {}
        for row in rows:
            by_issue.setdefault(row["issue"], []).append(row)
        by_issue_keys = list(by_issue)
        for issue, group in by_issue.items():
            ids = gather(store, meeting, [(r["text"], r["field"]) for r in group[1:]])
            expected.setdefault(issue, set()).update(ids)
        offers = Offers(store, meeting)
        asked = [(group[0]["text"], group[0]["field"]) for group in by_issue.values()]
        more = synthetic(rows, max(0, args.samples - len(asked)), rng)
        asked += [(summary, field) for summary, field, _ in more]

        cold = []
        for summary, field in asked[: max(3, args.samples // 30)]:
            offers = Offers(store, meeting)  # opinions added or grouped since the last one
            started = time.perf_counter()
            offers.find(summary, field)
            cold.append((time.perf_counter() - started) * 1000)
        warm = []
        for summary, field in asked[: args.samples]:
            started = time.perf_counter()
            offers.find(summary, field)
            warm.append((time.perf_counter() - started) * 1000)

        prepared = 0.0  # a body's answer comes in: the index stays, the offers read it
        with store.write():
            store.conn.execute(
                "UPDATE questions SET prep_answer = 'x', updated_at = ? WHERE id = ?",
                (now_iso(), max(expected[by_issue_keys[0]])),
            )
        for summary, field in asked[:20]:
            started = time.perf_counter()
            offers.find(summary, field)
            prepared = max(prepared, (time.perf_counter() - started) * 1000)
        hits = first = 0
        for issue, group in by_issue.items():
            found = [o.row["id"] for o in offers.find(group[0]["text"], group[0]["field"])]
            hits += bool(set(found) & expected[issue])
            first += bool(found) and found[0] in expected[issue]
        store.close()
    total = args.opinions + sum(len(g) - 1 for g in by_issue.values())
    print(
        f"offer while logging a question, {total} gathered opinions: p50"
        f" {statistics.median(warm):.1f} ms, p95 {percentile(warm, 0.95):.1f} ms, max"
        f" {max(warm):.1f} ms ({len(warm)} questions)"
    )
    print(
        f"first question after a change (index rebuilt): p50 {statistics.median(cold):.1f} ms,"
        f" max {max(cold):.1f} ms ({len(cold)} runs)"
    )
    print(f"after an answer came in (no rebuild): max {prepared:.1f} ms over 20 questions")
    print(
        f"quality: {len(by_issue)} issues asked again, an opinion of the same issue offered"
        f" {hits}/{len(by_issue)}, offered first {first}/{len(by_issue)}"
    )


if __name__ == "__main__":
    main()
