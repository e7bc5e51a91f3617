"""Render page 1 and the last page of every document of the three fixed meetings (the
golden ones: a commune's, a party committee's, a provincial office's with its staff), and
pages 1 and 2 of the chair's briefing, the public notice and a cover letter before the
commune's meeting (tests/documents/preparation.py), to
small PNGs in docs/, as a clerk sees them before signing (run by hand; not in CI). Needs
LibreOffice and poppler with Liberation fonts that cover Vietnamese: on Debian
`apt-get install -y libreoffice-writer libreoffice-calc poppler-utils fonts-liberation2`
(the older `fonts-liberation` lacks ơ, ư and the tone marks: LibreOffice then falls back
to DejaVu Serif and every line break moves; check with `pdffonts`).

.venv/bin/python docs/render.py

LibreOffice draws Times New Roman with Liberation Serif, whose metrics are the same, so
line breaks are where Word puts them.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

DOCS = Path(__file__).resolve().parent
sys.path.insert(0, str(DOCS.parent))  # the fixed meetings live with the tests

from documents import report as report_docs  # noqa: E402
from documents.files import write_atomic  # noqa: E402
from shared.db import open_store  # noqa: E402
from shared.reports import build, parse_period  # noqa: E402
from tests.documents.conftest import export_meeting  # noqa: E402
from tests.documents.meetings import MEETINGS  # noqa: E402
from tests.documents.test_preparation import papers  # noqa: E402

RESOLUTION = 60  # dots per inch: an A4 page about 500 pixels wide
DOCUMENTS = {
    "bien-ban.docx": "minutes",
    "thong-bao-ket-luan.docx": "notice",
    "kien-nghi-chua-giai-quyet.xlsx": "list",
    "cam-ket-giai-quyet.pdf": "handout",
}

PREPARED_DOCUMENTS = {
    "tai-lieu-chu-toa.docx": "briefing",
    "thong-bao-to-chuc.docx": "notice",
    "de-nghi-tra-loi-phong-kinh-te.docx": "letter",
}


def to_pdf(documents: list[Path], work: Path) -> None:
    """All of them in one LibreOffice run (its start-up is most of the time)."""
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(work)]
        + [str(d) for d in documents],
        check=True,
        capture_output=True,
    )


def pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True)
    return int(next(ln for ln in info.stdout.splitlines() if ln.startswith("Pages:")).split()[1])


def to_png(pdf: Path, name: str, page: int) -> Path:
    target = DOCS / name
    subprocess.run(
        ["pdftoppm", "-png", "-r", str(RESOLUTION), "-f", str(page), "-l", str(page)]
        + ["-singlefile", str(pdf), str(target)],
        check=True,
    )
    return target.with_suffix(".png")


def main() -> None:
    if not (shutil.which("soffice") and shutil.which("pdftoppm")):
        sys.exit("needs LibreOffice (soffice) and poppler (pdftoppm); see the docstring")
    for old in DOCS.glob("doc-*.png"):
        old.unlink()
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        sources: dict[str, Path] = {}
        for kind in MEETINGS:
            made = export_meeting(kind, work / kind)
            for document, short in DOCUMENTS.items():
                copy = work / "all" / f"{kind}-{short}{made[document].suffix}"
                copy.parent.mkdir(exist_ok=True)
                copy.write_bytes(made[document].read_bytes())
                sources[f"{kind}-{short}"] = copy
        store = open_store(work / "commune" / "commune.db", "render")
        built = build(store, parse_period("2026-Q1"), dt.date(2026, 4, 3))
        store.close()
        report = work / "all" / "commune-report.docx"
        write_atomic(
            report,
            report_docs.docx(
                built,
                "Ủy ban nhân dân xã Sơn Trung",
                "Ủy ban nhân dân tỉnh Khánh Hòa",
                "Trần Văn Lâm",
                signer_position="Chủ tịch UBND xã",
                today=dt.date(2026, 4, 3),
            ),
        )
        sources["commune-report"] = report
        # before the meeting: the chair's briefing (pages 1 and 2), the public notice and
        # a body's cover letter of the prepared commune meeting
        made = papers(work / "prepared", "commune")
        for document, short in PREPARED_DOCUMENTS.items():
            copy = work / "all" / f"prepare-{short}.docx"
            copy.write_bytes(made[document].read_bytes())
            sources[f"prepare-{short}"] = copy
        to_pdf([p for p in sources.values() if p.suffix != ".pdf"], work / "pdf")
        for name, path in sources.items():
            pdf = path if path.suffix == ".pdf" else work / "pdf" / f"{path.stem}.pdf"
            last = pages(pdf)
            print(to_png(pdf, f"doc-{name}-1", 1))
            if name == "prepare-briefing":
                print(to_png(pdf, f"doc-{name}-2", 2))
            elif last > 1:
                print(to_png(pdf, f"doc-{name}-last", last))


if __name__ == "__main__":
    main()
