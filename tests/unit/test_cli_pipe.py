"""A reader that goes away (`hallkit queue list | head -1`) ends the command quietly, as it
ends `cat` or `ls`: no "Broken pipe" message, the status a shell gives a program killed by
SIGPIPE (141), so `set -o pipefail` still tells the listing was cut."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from shared.cli.base import PIPE_CLOSED_STATUS
from shared.db import open_store
from shared.demo import demo


def _with_reader_gone(*args: str) -> subprocess.CompletedProcess[bytes]:
    """Run hallkit with stdout a pipe whose reading end is already closed: its first
    write fails, whatever the machine's speed (no race with a `head` that exits)."""
    read, write = os.pipe()
    try:
        process = subprocess.Popen(
            [sys.executable, "-m", "shared.cli", *args], stdout=write, stderr=subprocess.PIPE
        )
    finally:
        os.close(write)
        os.close(read)
    _, err = process.communicate(timeout=60)
    return subprocess.CompletedProcess(process.args, process.returncode, b"", err)


@pytest.mark.parametrize(
    "command",
    [
        ["queue", "list"],
        ["queue", "list", "--json"],
        ["--lang", "en", "reference", "fields"],
        ["--help"],
    ],
)
def test_a_closed_pipe_ends_quietly(db_path: Path, command: list[str]) -> None:
    store = open_store(db_path)
    demo(store)
    store.close()
    ended = _with_reader_gone("--db", str(db_path), *command)
    assert ended.stderr.decode() == ""
    assert ended.returncode == PIPE_CLOSED_STATUS == 141


def test_a_real_error_still_says_so(db_path: Path) -> None:
    """Only a closed pipe is quiet: a missing database is still one line and status 1."""
    ended = subprocess.run(
        [sys.executable, "-m", "shared.cli", "--db", str(db_path), "queue", "list"],
        capture_output=True,
    )
    assert ended.returncode == 1 and "Lỗi:" in ended.stderr.decode()
