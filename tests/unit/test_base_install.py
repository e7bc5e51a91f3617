"""A plain `pip install -e .` (no extras): every module the commands load imports, every
command starts, and the commands that need the web extra say which extra to install.

The test environment has the extras, so each check runs in a fresh process in which the
optional packages are hidden, as they are missing on a newcomer's machine. (.ci/first_hour.py
runs the README's first command itself in a venv that really lacks them.)
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import tomllib
from pathlib import Path

import pytest

from tests.tree import PACKAGES

REPO = Path(__file__).resolve().parents[2]
PROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
# What the `web` extra brings (textual-serve pulls aiohttp_jinja2 in).
HIDDEN = ["aiohttp", "aiohttp_jinja2", "jinja2", "textual_serve"]
# The modules that are the web extra's own: only these may need it.
WEB_ONLY = {
    "web.app",
    "web.guard",
    "web.live",
    "web.ratelimit",
    "web.routes",
}

HIDE = textwrap.dedent(
    f"""
    import importlib.abc, sys
    class Hide(importlib.abc.MetaPathFinder):
        def find_spec(self, fullname, path, target=None):
            if fullname.split(".")[0] in {HIDDEN!r}:
                raise ModuleNotFoundError(f"No module named {{fullname!r}}", name=fullname)
    sys.meta_path.insert(0, Hide())
    """
)


def run_hidden(code: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", HIDE + textwrap.dedent(code), *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )


def every_module() -> list[str]:
    found = []
    for package in PACKAGES:
        for path in sorted((REPO / package).rglob("*.py")):
            parts = path.relative_to(REPO).with_suffix("").parts
            if parts[-1] == "__main__":  # runs the command; `hallkit --help` covers it
                continue
            found.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return found


def test_the_hider_hides_what_the_web_extra_brings() -> None:
    """The check below means something only if the hidden packages are really unreachable."""
    shown = run_hidden("import jinja2")
    assert "ModuleNotFoundError" in shown.stderr


def test_every_module_of_the_base_install_imports_without_the_extras() -> None:
    shown = run_hidden(
        """
        import importlib, json, sys
        failed = {}
        for name in sys.argv[1:]:
            try:
                importlib.import_module(name)
            except ModuleNotFoundError as error:
                failed[name] = error.name
        print(json.dumps(failed))
        """,
        *every_module(),
    )
    assert shown.returncode == 0, shown.stderr
    failed = json.loads(shown.stdout)
    assert set(failed) <= WEB_ONLY, f"modules that need an extra to import: {failed}"
    assert all(name.split(".")[0] in HIDDEN for name in failed.values()), failed


def test_every_command_shows_its_help_without_the_extras() -> None:
    shown = run_hidden(
        """
        import sys
        from click.testing import CliRunner
        from shared.cli import cli, load_station_commands
        load_station_commands()
        runner = CliRunner()
        def walk(command, path):
            result = runner.invoke(cli, [*path, "--help"])
            assert result.exit_code == 0, (path, result.output, result.exception)
            print(" ".join(path) or "hallkit")
            for name in getattr(command, "commands", {}):
                walk(command.commands[name], [*path, name])
        walk(cli, [])
        """
    )
    assert shown.returncode == 0, shown.stderr
    listed = shown.stdout.split("\n")
    entry_points = PROJECT["entry-points"]["hallkit.commands"]
    assert set(entry_points) <= set(listed), "a registered command did not load"


@pytest.mark.parametrize(
    ("command", "lang"), [("web", "vi"), ("serve kiosk", "vi"), ("serve console", "en")]
)
def test_a_command_that_needs_the_web_extra_names_it(
    command: str, lang: str, tmp_path: Path
) -> None:
    shown = run_hidden(
        """
        import sys
        from shared.cli import main
        sys.argv = ["hallkit", *sys.argv[1:]]
        main()
        """,
        "--lang",
        lang,
        "--db",
        str(tmp_path / "hallkit.db"),
        *command.split(),
    )
    assert shown.returncode == 1, shown.stderr
    assert "Traceback" not in shown.stderr
    assert "pip install -e '.[web]'" in shown.stderr
    expected = {"vi": "Lệnh này cần các gói tùy chọn", "en": "This command needs"}[lang]
    assert expected in shown.stderr
    assert not (tmp_path / "hallkit.db").exists(), "a refused command created a database"
