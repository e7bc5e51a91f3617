"""The layers hold: shared imports nothing of ours; neither shared nor printing imports
Textual; no two of our modules import each other. The contracts in pyproject.toml say the
same for `lint-imports`."""

import ast
import subprocess
import sys
from pathlib import Path

import grimp
import pytest

from tests.tree import PACKAGES

ROOT = Path(__file__).resolve().parents[2]
OURS = set(PACKAGES)
ALLOWED = {
    "shared": {"shared"},
    "printing": {"shared", "printing"},
    "tui": {"shared", "printing", "tui"},
    "documents": {"shared", "printing", "documents"},
    "kiosk": {"shared", "printing", "tui", "kiosk"},
    "session_console": {"shared", "printing", "documents", "tui", "session_console"},
    "web": {"shared", "web"},
    "office": {"shared", "printing", "documents", "tui", "session_console", "office"},
}
HEADLESS = ("shared", "printing", "documents", "web")


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


@pytest.mark.parametrize("package", HEADLESS)
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


def import_cycles(exclude_type_checking_imports: bool) -> list[list[str]]:
    """Groups of our modules that import each other, directly or through others
    (the strongly connected components of the import graph with more than one module)."""
    graph = grimp.build_graph(
        *sorted(OURS), exclude_type_checking_imports=exclude_type_checking_imports, cache_dir=None
    )
    order: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    cycles: list[list[str]] = []

    def visit(module: str) -> None:  # Tarjan's algorithm
        order[module] = low[module] = len(order)
        stack.append(module)
        for imported in sorted(graph.find_modules_directly_imported_by(module)):
            if imported not in order:
                visit(imported)
                low[module] = min(low[module], low[imported])
            elif imported in stack:
                low[module] = min(low[module], order[imported])
        if low[module] == order[module]:
            group = stack[stack.index(module) :]
            del stack[stack.index(module) :]
            if len(group) > 1:
                cycles.append(sorted(group))

    for module in sorted(graph.modules):
        if module not in order:
            visit(module)
    return cycles


def test_no_import_cycles_at_run_time() -> None:
    """Imports under `if TYPE_CHECKING:` never run, so they are left out here."""
    assert import_cycles(exclude_type_checking_imports=True) == []


def test_no_import_cycles_even_for_type_checking() -> None:
    """A type-only import back is still a dependency (the screens know the App's methods),
    so this test counts imports under `if TYPE_CHECKING:` too."""
    assert import_cycles(exclude_type_checking_imports=False) == []


def test_no_screen_or_dialog_imports_its_app() -> None:
    """Screens post messages and the app (or the kiosk's flow) decides: a screen that knows
    its App class is the import cycle this rule keeps out, type-only imports included."""
    graph = grimp.build_graph(*sorted(OURS), exclude_type_checking_imports=False, cache_dir=None)
    for module in sorted(graph.modules):
        if ".screens" in module or ".dialogs" in module:
            apps = {
                m for m in graph.find_modules_directly_imported_by(module) if m.endswith(".app")
            }
            assert not apps, f"{module} imports {apps}"
