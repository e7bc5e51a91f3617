"""The stations' layers: tui/ holds the Textual pieces the kiosk and the session console
share; it imports only shared and printing (and Textual), and neither of those imports
it; the two stations never import each other; no screen imports its App; no cycles."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
OURS = ("shared", "printing", "tui", "kiosk", "session_console")


def module_name(path: Path) -> str:
    return ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")


def imports(path: Path) -> set[str]:
    """Every module of ours that `path` imports, TYPE_CHECKING blocks included."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
        else:
            continue
        found.update(name for name in names if name.split(".")[0] in OURS)
    return found


def graph() -> dict[str, set[str]]:
    modules = {module_name(p): p for package in OURS for p in (ROOT / package).rglob("*.py")}
    return {name: {m for m in imports(path) if m in modules} for name, path in modules.items()}


@pytest.mark.parametrize(
    ("package", "allowed"),
    [
        ("tui", {"shared", "printing", "tui"}),
        ("shared", {"shared"}),
        ("printing", {"shared", "printing"}),
        ("kiosk", {"shared", "printing", "tui", "kiosk"}),
        ("session_console", {"shared", "printing", "tui", "session_console"}),
    ],
)
def test_what_each_package_may_import(package: str, allowed: set[str]) -> None:
    used = {
        target.split(".")[0]
        for name, targets in graph().items()
        if name.split(".")[0] == package
        for target in targets
    }
    assert used <= allowed


def test_no_screen_or_dialog_imports_its_app() -> None:
    for name, targets in graph().items():
        if ".screens" in name or ".dialogs" in name:
            assert not {t for t in targets if t.endswith(".app") or ".app." in t}, name


def test_no_import_cycles() -> None:
    edges = graph()
    state: dict[str, int] = {}  # 1: on the path, 2: done

    def visit(name: str, path: list[str]) -> None:
        state[name] = 1
        for target in sorted(edges[name]):
            if target == name:
                continue  # `from package import module` in the package itself
            if state.get(target) == 1:
                cycle = path[path.index(target) :] + [target] if target in path else [target]
                raise AssertionError(" -> ".join(cycle))
            if target not in state:
                visit(target, path + [target])
        state[name] = 2

    for name in sorted(edges):
        if name not in state:
            visit(name, [name])
