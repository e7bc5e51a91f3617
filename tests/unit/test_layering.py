"""shared imports nothing of ours; neither shared nor printing imports Textual."""

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
OURS = {"shared", "printing", "kiosk", "session_console"}
ALLOWED = {"shared": {"shared"}, "printing": {"shared", "printing"}}


def imported_packages(package: str) -> set[str]:
    found: set[str] = set()
    for path in (ROOT / package).rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                found.add(node.module.split(".")[0])
    return found


@pytest.mark.parametrize("package", sorted(ALLOWED))
def test_dependency_direction(package: str) -> None:
    assert imported_packages(package) & OURS <= ALLOWED[package]


@pytest.mark.parametrize("package", sorted(ALLOWED))
def test_headless_packages_do_not_load_textual(package: str) -> None:
    modules = sorted(
        p.relative_to(ROOT).with_suffix("")
        for p in (ROOT / package).rglob("*.py")
        if p.name != "__main__.py"  # runs the command line when imported
    )
    names = [".".join(m.parts).removesuffix(".__init__") for m in modules]
    code = (
        "import importlib, sys\n"
        f"for name in {names!r}: importlib.import_module(name)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'textual'))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert result.stdout.strip() == "[]"
