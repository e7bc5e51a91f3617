"""The same data give the same matches whatever the run: Python orders a set of words
differently in each process (PYTHONHASHSEED), and neither the candidates nor a score may
follow that order, or a briefing made twice would not say the same."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = """
import json, random, sys, tempfile
from pathlib import Path
sys.path.insert(0, "bench")
import similar as bench
from shared import prepare, recurrence
from shared.db import open_store
from shared.demo import ensure_reference_lists

rows = bench.labelled()
with tempfile.TemporaryDirectory() as folder:
    store = open_store(Path(folder) / "seed.db", "seed")
    ensure_reference_lists(store)
    rng = random.Random(22)
    held = bench.new_meeting(store, "2025-06-01")
    bench.insert(store, held, bench.synthetic(rows, 3000, rng), "spoken")
    meeting = bench.new_meeting(store, "2026-09-01")
    bench.insert(store, meeting, bench.synthetic(rows, 300, rng), "pre_collected")
    found = recurrence.of_meeting(store, meeting, prepare.gathered(store, meeting))
    groups = prepare.proposals(store, meeting)
    print(json.dumps({
        "recurrence": {k: [(e.question_id, e.score) for e in v] for k, v in found.items()},
        "groups": [(p.keys, p.score) for p, _ in groups],
    }, sort_keys=True))
    store.close()
"""


def _run(seed: str) -> str:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_matches_do_not_follow_the_hash_seed() -> None:
    first = _run("1")
    assert '"recurrence": {"' in first  # it found repeats to compare
    assert _run("2") == first
    assert _run("3") == first
