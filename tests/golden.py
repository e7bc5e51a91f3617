"""Golden files: what people read, kept as text beside the tests, so a change is a diff
someone reviews. `HALLKIT_UPDATE_GOLDEN=1` writes what is found as the new golden file."""

import difflib
import os
from pathlib import Path

import pytest


def matches_golden(found: str, golden: Path, what: str, source: str) -> None:
    """Fail with the unified diff of `golden` against `found` (`what` names the thing
    compared, `source` where `found` came from)."""
    if os.environ.get("HALLKIT_UPDATE_GOLDEN") == "1":
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(found, encoding="utf-8")
    expected = golden.read_text(encoding="utf-8") if golden.exists() else ""
    if found != expected:
        diff = "".join(
            difflib.unified_diff(
                expected.splitlines(keepends=True),
                found.splitlines(keepends=True),
                f"golden/{golden.name}",
                source,
            )
        )
        pytest.fail(f"{what} differs from its golden file:\n{diff}", pytrace=False)
