"""The web package can be imported without its optional dependencies loaded."""

from __future__ import annotations

import subprocess
import sys


def test_importing_the_package_loads_neither_aiohttp_nor_jinja2() -> None:
    probe = "import sys, web;print(sorted(m for m in ('aiohttp', 'jinja2') if m in sys.modules))"
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"
