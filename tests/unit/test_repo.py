"""The repository as a newcomer clones it."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.skipif(
    shutil.which("git") is None or not (REPO / ".git").exists(), reason="not a git checkout"
)
def test_gitignore_ignores_no_tracked_file() -> None:
    """A pattern that matches a tracked file hides the next new file beside it."""
    ignored = subprocess.run(
        ["git", "ls-files", "--cached", "--ignored", "--exclude-standard"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert ignored == []


def test_every_package_is_installed_type_checked_and_layered() -> None:
    """A top-level package added or moved is in the import contracts (where PACKAGES comes
    from), the installed packages and mypy's files; the layering test knows its place."""
    from tests.tree import PACKAGES, PYPROJECT, ROOT
    from tests.unit.test_layering import ALLOWED

    on_disk = {
        path.parent.name
        for path in ROOT.glob("*/__init__.py")
        if path.parent.name not in ("tests", "docs", "bench")
    }
    assert on_disk == set(PACKAGES)
    assert set(ALLOWED) == set(PACKAGES)
    installed = PYPROJECT["tool"]["setuptools"]["packages"]["find"]["include"]
    assert {name.removesuffix("*") for name in installed} == set(PACKAGES)
    assert set(PACKAGES) <= set(PYPROJECT["tool"]["mypy"]["files"])
