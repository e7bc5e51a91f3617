"""Every comparison of a secret, signature, token, PIN or HMAC digest goes through
`hmac.compare_digest`: `==`, `!=` and `in` stop at the first differing character, so the
time they take tells a forger how much of a guess was right.

The check reads the code (AST), so it holds for code nobody has written a test for yet.
A comparison with a literal (`token == ""`, `pin is None`) reveals nothing and is allowed.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.tree import PACKAGES

ROOT = Path(__file__).resolve().parents[2]
SECRET = re.compile(
    r"secret|signature|token|hmac|digest|passw|(^|_)(pin|sig|sign|mac|hash)($|_)", re.I
)
LEAKY = (ast.Eq, ast.NotEq, ast.In, ast.NotIn)


def _names(node: ast.expr) -> Iterator[str]:
    """The names an operand is made of: `self.pin` -> pin, self; `row["token"]` ->
    token, row; `_signature(a, b)` -> _signature; `h.hexdigest()` -> hexdigest, h."""
    if isinstance(node, ast.Name):
        yield node.id
    elif isinstance(node, ast.Attribute):
        yield node.attr
        yield from _names(node.value)
    elif isinstance(node, ast.Subscript):
        if isinstance(node.slice, ast.Constant) and isinstance(node.slice.value, str):
            yield node.slice.value
        yield from _names(node.value)
    elif isinstance(node, ast.Call):
        func = node.func
        yield func.attr if isinstance(func, ast.Attribute) else ast.unparse(func)
        if isinstance(func, ast.Attribute):
            yield from _names(func.value)
    elif isinstance(
        node, (ast.BinOp, ast.JoinedStr, ast.FormattedValue, ast.Tuple, ast.List, ast.Set)
    ):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.expr):
                yield from _names(child)


def _is_literal(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) or (
        isinstance(node, (ast.Tuple, ast.List, ast.Set))
        and all(isinstance(e, ast.Constant) for e in node.elts)
    )


def leaky_comparisons(source: str, filename: str = "<source>") -> list[str]:
    """`file:line: code` of each `==`/`!=`/`in` between a secret-like operand and a
    non-literal one."""
    found = []
    for node in ast.walk(ast.parse(source, filename)):
        if not isinstance(node, ast.Compare):
            continue
        operands = [node.left, *node.comparators]
        for op, left, right in zip(node.ops, operands[:-1], operands[1:], strict=True):
            if not isinstance(op, LEAKY) or _is_literal(left) or _is_literal(right):
                continue
            if any(SECRET.search(name) for side in (left, right) for name in _names(side)):
                found.append(f"{filename}:{node.lineno}: {ast.unparse(node)}")
    return found


def _sources() -> list[Path]:
    return sorted(p for package in PACKAGES for p in (ROOT / package).rglob("*.py"))


def test_secrets_are_compared_only_with_hmac_compare_digest() -> None:
    files = _sources()
    assert len(files) > 50  # the packages were found, not an empty walk
    found = [
        hit
        for path in files
        for hit in leaky_comparisons(path.read_text(encoding="utf-8"), str(path.relative_to(ROOT)))
    ]
    assert found == [], "compare these with hmac.compare_digest:\n" + "\n".join(found)


def test_the_places_that_check_secrets_use_compare_digest() -> None:
    """The check above passes vacuously if the checks vanish: the ticket signature, the
    kiosk's PIN and the served kiosk's token are compared somewhere (files may move)."""
    users = [p for p in _sources() if "hmac.compare_digest(" in p.read_text(encoding="utf-8")]
    assert ROOT / "shared" / "tokens.py" in users
    assert len(users) >= 3, users


@pytest.mark.parametrize(
    "code",
    [
        "if signature != _signature(secret, uid, code): pass",
        "ok = given == token",
        "ok = self.pin == event.value",
        "ok = row['token'] == cookie",
        "ok = hmac.new(key, msg, sha256).hexdigest() == sent",
        "ok = sent in {expected_sig, old_sig}",
        "ok = f'{code}-{sig}' == payload",
    ],
)
def test_the_check_sees_a_leaky_comparison(code: str) -> None:
    assert leaky_comparisons(code) != []


@pytest.mark.parametrize(
    "code",
    [
        "ok = hmac.compare_digest(given.encode(), token.encode())",
        "empty = token == ''",
        "known = kind in ('token', 'pin')",
        "same = meeting_id == other_id",
        "pinned = status != 'pinned'",
    ],
)
def test_the_check_leaves_harmless_comparisons_alone(code: str) -> None:
    assert leaky_comparisons(code) == []
