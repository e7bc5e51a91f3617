"""The README's first command, run literally on a fresh copy of the repo with no extras.

What a newcomer does first: the first ```sh block of README.md, as written, in a copy of
the tracked files (a fresh clone's content), on a real pty. The kiosk it ends with must
show its welcome screen and leave by the operator's way (Ctrl+O, the PIN, Exit). Then
every command's --help in that plain install, and the commands that need the web extra
must say so and exit 1.

Run by .ci/run with the test venv's Python (it has pyte): python .ci/first_hour.py
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tests.tui.terminal import Terminal  # noqa: E402

WELCOME = "Nhấn phím Enter để bắt đầu đăng ký"  # the kiosk's welcome, in its default language
PIN_PROMPT = "Mã PIN của cán bộ vận hành"
MENU = "Chức năng vận hành"
WEB_HINT = "pip install -e '.[web]'"


def first_command(readme: str) -> str:
    block = re.search(r"```sh\n(.*?)```", readme, re.DOTALL)
    assert block, "README.md has no ```sh block"
    command = block.group(1).strip()
    assert "[" not in command, f"the README's first command installs an extra: {command}"
    return command


def fresh_copy() -> Path:
    """The tracked files (committed or not) of the repo, as a fresh clone would have them."""
    where = Path(tempfile.mkdtemp(prefix="hallkit-first-hour-")) / "hallkit"
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=REPO,
        capture_output=True,
        check=True,
    ).stdout.split(b"\0")
    for name in filter(None, listed):
        source = REPO / os.fsdecode(name)
        if source.is_file():
            target = where / os.fsdecode(name)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    return where


def run_readme_command(where: Path, command: str) -> None:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"VIRTUAL_ENV", "PYTHONPATH", "HALLKIT_DB", "HALLKIT_LANG"}
    }
    env.update(TERM="xterm-256color", COLUMNS="100", LINES="30", ESCDELAY="3000")
    terminal = Terminal(["bash", "-c", f"cd {where} && {command}"], env)
    try:
        # pip's install takes a minute or two on a fresh venv
        terminal.wait_for(WELCOME, timeout=600)
        terminal.type("\x0f")  # Ctrl+O: the operator key
        terminal.wait_for(PIN_PROMPT)
        terminal.type("0000\r")
        terminal.wait_for(MENU)
        terminal.type("\r")  # Exit has the focus
        code = terminal.process.wait(30)
        assert code == 0, f"the README's first command ended with {code}:\n{terminal.shown()}"
    except BaseException:
        print(terminal.screen_text()[-3000:], file=sys.stderr)
        raise
    finally:
        terminal.close()


def hallkit(where: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(where / ".venv" / "bin" / "hallkit"), *args],
        cwd=where,
        capture_output=True,
        text=True,
        timeout=120,
    )


def commands(where: Path, path: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Every command and subcommand, from the help pages themselves."""
    shown = hallkit(where, "--lang", "en", *path, "--help")
    assert shown.returncode == 0 and "Traceback" not in shown.stderr, (path, shown.stderr)
    found = [path]
    section = re.search(r"\nCommands:\n(.*)", shown.stdout, re.DOTALL)
    if section:
        for line in section.group(1).splitlines():
            name = re.match(r"  ([a-z][a-z0-9_-]*)\b", line)
            if name:
                found += commands(where, (*path, name.group(1)))
    return found


def main() -> None:
    command = first_command((REPO / "README.md").read_text(encoding="utf-8"))
    where = fresh_copy()
    try:
        print(f"first-hour: {command}", flush=True)
        run_readme_command(where, command)
        every = commands(where)
        for path in every:  # and in the default language
            shown = hallkit(where, *path, "--help")
            assert shown.returncode == 0, (path, shown.stderr)
        print(f"first-hour: {len(every)} commands show their help with no extras", flush=True)
        for path in (("web",), ("serve", "kiosk")):
            refused = hallkit(where, *path)
            assert refused.returncode == 1, (path, refused.returncode, refused.stderr)
            assert WEB_HINT in refused.stderr and "Traceback" not in refused.stderr, refused.stderr
        print("first-hour: web and serve name the extra they need", flush=True)
    finally:
        shutil.rmtree(where.parent, ignore_errors=True)


if __name__ == "__main__":
    main()
