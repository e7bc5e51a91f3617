"""Every bench runs, at its smallest sizes, so none can rot between the hand-runs that
give the figures (bench/*.py). Each is a real process, as a developer runs it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SMALLEST = {
    "card.py": ["--runs", "2", "--keys", "100"],
    "console_station.py": ["--samples", "2"],
    "export_meeting.py": [],
    "kiosk_station.py": ["--runs", "1"],
    "live_table.py": ["--samples", "2"],
    "offer.py": ["--opinions", "50", "--samples", "10"],
    "registrations.py": ["--processes", "2", "--per-process", "10"],
    "similar.py": ["--opinions", "50", "--earlier", "200"],
    "tickets.py": ["--runs", "2"],
    "web_hostile.py": [
        *("--hostile", "10", "--clients", "2", "--requests", "2", "--think", "0"),
        *("--displays", "1", "--changes", "2", "--pairs", "20", "--limiter-clients", "100"),
    ],
    "web_load.py": ["--clients", "2", "--requests", "2", "--streams", "1", "--think", "0"],
}


def test_every_bench_is_run_here() -> None:
    assert {path.name for path in (REPO / "bench").glob("*.py")} == set(SMALLEST)


@pytest.mark.parametrize("bench", sorted(SMALLEST))
def test_the_bench_runs_at_its_smallest_size(bench: str) -> None:
    ran = subprocess.run(
        [sys.executable, str(REPO / "bench" / bench), *SMALLEST[bench]],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert ran.returncode == 0, ran.stdout[-2000:] + ran.stderr[-3000:]
    assert "Traceback" not in ran.stderr
