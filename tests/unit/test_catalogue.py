"""The message catalogue: every text shown to a person is extracted, and has Vietnamese and
English. English is the source text (the msgid); Vietnamese is in shared/locale/vi."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

from shared.i18n import LOCALE_DIR, Label, Plural, UserError, tr, trn
from tests.tree import PACKAGES

ROOT = Path(__file__).resolve().parents[2]
KEYWORDS = {
    "tr": (1,),
    "trn": (1, 2),
    "N_": (1,),
    "Label": (1,),
    "UserError": (1,),
    "say": (1,),
}
PO = LOCALE_DIR / "vi" / "LC_MESSAGES" / "hallkit.po"
MO = PO.with_suffix(".mo")
VIETNAMESE = re.compile(
    "[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]", re.IGNORECASE
)
# Documents the law wants in Vietnamese whatever the screen language, and data that is not
# a message (demo meeting, legal sources of time limits, the alphabet, seeded holidays).
VIETNAMESE_BY_DESIGN = (
    "documents/",
    "shared/demo.py",
    "shared/deadlines.py",
    "shared/reports.py",
    "shared/retention.py",
    "shared/schema.py",
    "shared/signers.py",
    "shared/telex.py",
    "shared/text.py",
    "printing/layouts.py",
    "printing/sheet.py",
)
# Textual calls whose text argument a person reads.
SHOWN = {"notify", "Static", "Button", "update", "Footer", "Header"}
SHOWN_KEYWORDS = {"placeholder", "label", "title", "prompt", "description"}


def _extracted() -> set[str]:
    found: set[str] = set()
    for package in PACKAGES:
        for _, _, message, _, _ in extract_from_dir(
            ROOT / package,
            method_map=[("**.py", "python")],
            keywords=KEYWORDS,
        ):
            found.add(message if isinstance(message, str) else message[0])
    return found


def _catalogue() -> dict[str, object]:
    with PO.open("rb") as file:
        catalogue = read_po(file)
    return {(m.id if isinstance(m.id, str) else m.id[0]): m for m in catalogue if m.id}


def _hashable(value: object) -> object:
    return tuple(value) if isinstance(value, list | tuple) else value


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def _sources() -> list[Path]:
    return sorted(p for package in PACKAGES for p in (ROOT / package).rglob("*.py"))


def test_every_extracted_text_has_vietnamese_and_english() -> None:
    extracted = _extracted()
    catalogue = _catalogue()
    assert extracted, "nothing extracted: the keywords changed?"
    missing = sorted(extracted - set(catalogue))
    assert not missing, f"not in {PO.name} (run pybabel update, then translate): {missing}"
    for msgid, message in catalogue.items():
        assert msgid.strip(), "an empty English text"
        assert not message.fuzzy, f"fuzzy translation of {msgid!r}"  # type: ignore[attr-defined]
        strings = message.string  # type: ignore[attr-defined]
        for text in (strings,) if isinstance(strings, str) else strings:
            assert text.strip(), f"no Vietnamese for {msgid!r}"
            assert _fields(text) == _fields(msgid), f"placeholders differ in {msgid!r}"


def test_the_catalogue_has_no_text_the_code_no_longer_uses() -> None:
    stale = sorted(set(_catalogue()) - _extracted())
    assert not stale, f"in {PO.name} but not in the code (run pybabel update): {stale}"


def test_the_compiled_catalogue_matches_the_po_file() -> None:
    with PO.open("rb") as file:
        po = {_hashable(m.id): _hashable(m.string) for m in read_po(file) if m.id}
    with MO.open("rb") as file:
        mo = {_hashable(m.id): _hashable(m.string) for m in read_mo(file) if m.id}
    assert mo == po, "run: pybabel compile -d shared/locale -D hallkit"


def test_no_vietnamese_text_outside_the_catalogue() -> None:
    """A Vietnamese literal in a station's code is a message that gettext never sees."""
    found = []
    for path in _sources():
        relative = path.relative_to(ROOT).as_posix()
        if relative.startswith(VIETNAMESE_BY_DESIGN):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {
            id(node.body[0].value)
            for node in ast.walk(tree)
            if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef)
            and node.body
            and isinstance(node.body[0], ast.Expr)
        }
        marked = {
            id(call.args[0])
            for call in ast.walk(tree)
            if isinstance(call, ast.Call) and call.args and _name(call.func) in KEYWORDS
        }
        helps = {  # command-line help is for support staff, in English
            id(k.value)
            for call in ast.walk(tree)
            if isinstance(call, ast.Call)
            for k in call.keywords
            if k.arg == "help"
        } | {
            id(option.elts[1])
            for option in ast.walk(tree)
            if isinstance(option, ast.Tuple)
            and len(option.elts) == 2
            and isinstance(option.elts[0], ast.Constant)
            and str(option.elts[0].value).startswith("--")
        }
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and VIETNAMESE.search(node.value)
                and id(node) not in docstrings | marked | helps
            ):
                found.append(f"{relative}:{node.lineno}: {node.value[:40]!r}")
    assert not found, "Vietnamese outside the catalogue:\n" + "\n".join(found)


def _name(func: ast.expr) -> str:
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")


def test_texts_shown_by_the_stations_are_translated() -> None:
    """A literal handed straight to a widget or a notification is shown untranslated."""
    found = []
    for path in _sources():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for call in ast.walk(tree):
            if not isinstance(call, ast.Call):
                continue
            values = [k.value for k in call.keywords if k.arg in SHOWN_KEYWORDS]
            if _name(call.func) in SHOWN and call.args:
                values.append(call.args[0])
            for value in values:
                if (
                    isinstance(value, ast.Constant)
                    and isinstance(value.value, str)
                    and re.search(r"[A-Za-z]{2}.*\s", value.value)
                ):
                    relative = path.relative_to(ROOT).as_posix()
                    found.append(f"{relative}:{value.lineno}: {value.value[:40]!r}")
    assert not found, "shown without tr():\n" + "\n".join(found)


def test_no_language_is_tested_in_code() -> None:
    pattern = re.compile(r"""lang(uage)?\s*[!=]=\s*["'](vi|en)["']""")
    found = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in _sources()
        if path.name != "i18n.py"  # the loader: English is the source text
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if pattern.search(line)
    ]
    assert not found, "choose the text with gettext, not an if: " + ", ".join(found)


def test_messages_are_rendered_in_each_language_when_shown() -> None:
    error = UserError("{field} must not be empty.", field=Label("Full name"))
    assert error.message("vi") == "Họ và tên không được để trống."
    assert error.message("en") == "Full name must not be empty."
    assert tr("Full name", "vi") == "Họ và tên"


@pytest.mark.parametrize(("n", "english"), [(1, "1 open item"), (2, "2 open items")])
def test_counts_take_the_plural_form_of_the_language(n: int, english: str) -> None:
    assert trn("{n} open item", "{n} open items", n, "en") == english
    assert trn("{n} open item", "{n} open items", n, "vi") == f"{n} kiến nghị đang mở"
    plural = Plural("{n} open item", "{n} open items", n)
    assert tr("filter: {text}", "en", text=plural) == f"filter: {english}"


def test_citizens_are_addressed_formally() -> None:
    """An official hall says "Ông/Bà" to a citizen and "Quý vị" to the audience, never
    the familiar "bạn" (DOMAIN.md): in what the stations show (the compiled catalogue)
    and in the Vietnamese the documents carry by design."""
    familiar = re.compile(r"\bbạn\b", re.IGNORECASE)
    with MO.open("rb") as file:
        compiled = read_mo(file)
    said = [
        text
        for message in compiled
        if message.id
        for text in ([message.string] if isinstance(message.string, str) else message.string or ())
        if familiar.search(text)
    ]
    assert not said, f"addressed as 'bạn': {said}"
    for path in _sources():
        text = path.read_text(encoding="utf-8")
        assert not familiar.search(text), f"'bạn' in {path.relative_to(ROOT)}"
