"""Documents as printed: LibreOffice turns each .docx into a PDF (several in one call,
the start-up is most of the time) and pdftotext gives each page's text in the order it
was drawn. The checks read pages as a clerk does before signing."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

TOOLS = ("soffice", "pdftotext")


def need_tools() -> None:
    """Skip without LibreOffice or poppler, except in CI, where .ci/run installs them."""
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if missing and os.environ.get("CI") == "true":
        pytest.fail(f"CI must install {', '.join(missing)} (.ci/run)")
    if missing:
        pytest.skip(f"no {', '.join(missing)}: apt-get install libreoffice-writer poppler-utils")


def to_pdf(documents: list[Path], out: Path) -> dict[Path, Path]:
    """Each document's PDF, all converted by one LibreOffice run with its own profile."""
    out.mkdir(parents=True, exist_ok=True)
    profile = out / "lo-profile"
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile.resolve().as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out),
            *map(str, documents),
        ],
        check=True,
        capture_output=True,
        timeout=600,
    )
    return {d: out / f"{d.stem}.pdf" for d in documents}


def pages(pdf: Path) -> list[list[str]]:
    """Each page's non-empty lines, in drawing order; the page number at the top dropped."""
    text = subprocess.run(
        ["pdftotext", "-raw", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    found = []
    for number, page in enumerate(text.split("\f")[:-1], start=1):
        lines = [line.strip() for line in page.splitlines() if line.strip()]
        if number > 1 and lines and lines[0] == str(number):
            lines = lines[1:]
        found.append(lines)
    return found


def squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


def closing_problems(
    found: list[list[str]], closing_lines: list[str], end_of_body: str = "./."
) -> list[str]:
    """The signature block and Nơi nhận on one page, the body's last lines above them."""
    problems = []
    where = {}
    for wanted in closing_lines:
        pages_with = [
            n for n, page in enumerate(found, 1) if squeezed(wanted) in squeezed(" ".join(page))
        ]
        if not pages_with:
            problems.append(f"{wanted!r} on no page")
            continue
        where[wanted] = pages_with[-1]
    if len(set(where.values())) > 1:
        problems.append(f"the closing is split over pages: {where}")
    if where:
        last = max(where.values())
        page = found[last - 1]
        ends = [i for i, line in enumerate(page) if line.endswith(end_of_body)]
        if not ends:
            problems.append(f"page {last} has the closing without the body's last line above it")
    return problems


def heading_problems(found: list[list[str]], headings: list[str]) -> list[str]:
    """No page (but the last) ends with a heading, or the start of one."""
    problems = []
    for number, page in enumerate(found[:-1], start=1):
        tail = squeezed(" ".join(page[-3:]))
        for heading in headings:
            whole = squeezed(heading)
            if any(tail.endswith(whole[:cut]) for cut in range(len(whole), 5, -1)):
                problems.append(f"page {number} ends with the heading {heading!r}")
                break
    return problems


def row_problems(found: list[list[str]], rows: list[list[str]]) -> list[str]:
    """Every table row whole on one page: each of its cells' text on that page."""
    texts = [squeezed(" ".join(page)) for page in found]
    problems = []
    for row in rows:
        cells = [squeezed(cell) for cell in row if squeezed(cell)]
        if not any(all(cell in text for cell in cells) for text in texts):
            problems.append(f"a table row is split over pages: {row[:3]}")
    return problems
