"""The private names of Textual and textual-serve that hallkit uses sit in one module,
tui/textual_private.py, which lists them (PRIVATE). These tests check that each listed
name still exists in the installed versions, that the list is exactly what the module
takes, and that nothing else in the tree (tests included) takes a private name of
theirs. After an upgrade, a failure here names what moved."""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import textual
import textual_serve

from tests.tree import PACKAGES, PYPROJECT
from tui import textual_private
from tui.textual_private import PRIVATE, Private

ROOT = Path(__file__).resolve().parents[2]
ADAPTER = Path(textual_private.__file__).resolve()
PUBLIC_NAMES = {"values", "XTermParser"}
"""Listed though not spelled private: a public attribute of a private class (textual._queue's
Queue), and the module global the driver builds its parser from."""


def is_private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def private_module(module: str) -> bool:
    return module.split(".")[0] in ("textual", "textual_serve") and any(
        is_private(part) for part in module.split(".")
    )


def resolve(entry: Private) -> Any:
    module, _, owner = entry.owner.partition(":")
    found: Any = importlib.import_module(module)
    for part in filter(None, owner.split(".")):
        found = getattr(found, part)
    return found


def exists(entry: Private) -> bool:
    owner = resolve(entry)
    if hasattr(owner, entry.name):
        return True
    if not inspect.isclass(owner):
        return False
    # an instance attribute: assigned in the class or a Textual base
    return any(
        f"self.{entry.name} " in inspect.getsource(klass)
        or f"self.{entry.name}:" in inspect.getsource(klass)
        for klass in owner.__mro__
        if klass.__module__.split(".")[0] in ("textual", "textual_serve")
    )


@pytest.mark.parametrize("entry", PRIVATE, ids=lambda e: f"{e.owner}.{e.name}")
def test_every_listed_name_exists_in_the_installed_version(entry: Private) -> None:
    assert exists(entry), (
        f"{entry.owner}.{entry.name} is gone from textual {textual.__version__} /"
        f" textual-serve: {entry.why}. Adapt tui/textual_private.py."
    )


def names_used(tree: ast.AST) -> set[str]:
    """Private names a module takes: imported from a private module or spelled private,
    read as an attribute, or defined as a method (an override) in a class."""
    used: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            for alias in node.names:
                if private_module(node.module) or (
                    node.module.split(".")[0] in ("textual", "textual_serve")
                    and is_private(alias.name)
                ):
                    used.add(alias.name)
        elif isinstance(node, ast.Attribute) and is_private(node.attr):
            used.add(node.attr)
        elif isinstance(node, ast.ClassDef):
            for item in node.body:
                if isinstance(item, ast.FunctionDef | ast.AsyncFunctionDef) and is_private(
                    item.name
                ):
                    used.add(item.name)
    return used


def test_the_list_is_exactly_what_the_adapter_takes() -> None:
    used = names_used(ast.parse(ADAPTER.read_text(encoding="utf-8")))
    listed = {entry.name for entry in PRIVATE}
    assert used | PUBLIC_NAMES == listed


@cache
def theirs() -> frozenset[str]:
    """Every private name Textual and textual-serve define or use in their own source."""
    names: set[str] = set()
    for package in (textual, textual_serve):
        for path in Path(package.__path__[0]).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                    name = node.name
                elif isinstance(node, ast.Attribute):
                    name = node.attr
                elif isinstance(node, ast.Name):
                    name = node.id
                else:
                    continue
                if is_private(name):
                    names.add(name)
    return frozenset(names)


def defined_here(tree: ast.AST) -> set[str]:
    """Private names a module defines itself (its own helpers and attributes)."""
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.add(node.name)
        elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
            names.add(node.attr)
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            names.add(node.id)
    return {name for name in names if is_private(name)}


WITHOUT_TEXTUAL = next(
    tuple(contract["source_modules"])
    for contract in PYPROJECT["tool"]["importlinter"]["contracts"]
    if "textual" in contract.get("forbidden_modules", ())
)
"""The packages the import contracts keep free of Textual: any private name they take is
another library's."""


def sources() -> list[Path]:
    folders = [
        ROOT / package.replace(".", "/") for package in PACKAGES if package not in WITHOUT_TEXTUAL
    ]
    folders += [ROOT / "tests", ROOT / "docs", ROOT / "bench"]
    return sorted(path for folder in folders if folder.exists() for path in folder.rglob("*.py"))


def test_no_other_module_takes_a_private_name_of_textual() -> None:
    found = []
    for path in sources():
        if path.resolve() == ADAPTER:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module and private_module(node.module):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}: from {node.module}")
            if isinstance(node, ast.Import):
                found += [
                    f"{path.relative_to(ROOT)}:{node.lineno}: import {alias.name}"
                    for alias in node.names
                    if private_module(alias.name)
                ]
        # a private name of theirs read anywhere, unless this module defines it itself
        # (then it is ours: the class overrides below are checked on the live classes)
        strangers = (names_used(tree) & theirs()) - defined_here(tree)
        found += [f"{path.relative_to(ROOT)}: {name}" for name in sorted(strangers)]
    assert not found, "use tui/textual_private.py instead:\n" + "\n".join(found)


def textual_base(klass: type) -> type | None:
    for base in klass.__mro__[1:]:
        if base.__module__.split(".")[0] in ("textual", "textual_serve"):
            return base
    return None


def our_classes() -> list[type]:
    classes = []
    for package in PACKAGES:
        module = importlib.import_module(package)
        for info in pkgutil.walk_packages(module.__path__, f"{package}."):
            if info.name.endswith("__main__"):
                continue
            loaded = importlib.import_module(info.name)
            classes += [
                value
                for value in vars(loaded).values()
                if inspect.isclass(value)
                and value.__module__ == info.name
                and info.name != textual_private.__name__
            ]
    return classes


def test_no_class_of_ours_overrides_a_private_name_of_textual() -> None:
    """Defining `_on_key` on an Input subclass replaces Input's own: an override of a
    private name, which an upgrade can rename silently (the override then never runs)."""
    found = []
    for klass in our_classes():
        base = textual_base(klass)
        if base is None:
            continue
        made_by_textual = set(vars(type("Probe", (klass,), {"__module__": __name__})))
        for name in vars(klass):
            if is_private(name) and name not in made_by_textual and hasattr(base, name):
                found.append(f"{klass.__module__}.{klass.__qualname__}.{name}")
    assert not found, "override through tui/textual_private.py:\n" + "\n".join(found)


def test_a_name_gone_from_textual_is_caught() -> None:
    """The console looked for `_message_queue._queue` (asyncio.Queue's, Textual 0.x) with
    getattr and a default: on Textual 8 it found nothing, and the console's wait for a
    key still in a field's queue had silently stopped waiting."""
    assert not exists(Private("textual._queue:Queue", "_queue", "the old name"))
    assert exists(Private("textual._queue:Queue", "values", "the name now"))
