"""Each document of the three fixed meetings, compared with its reviewed golden file:
what every paragraph says with its style and page-break flags, each table row, the
header and footer, the signature block and Nơi nhận. Run with HALLKIT_UPDATE_GOLDEN=1 to
rewrite the files after a reviewed change (then read the diff in git)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.documents.golden import describe
from tests.documents.meetings import MEETINGS
from tests.golden import matches_golden

GOLDEN = Path(__file__).parent / "golden"
FILES = ("bien-ban.docx", "thong-bao-ket-luan.docx", "bien-ban.md", "kien-nghi-chua-giai-quyet.csv")


def _text(path: Path) -> str:
    if path.suffix == ".docx":
        return describe(path.read_bytes())
    return path.read_bytes().decode("utf-8-sig").replace("\r\n", "\n")


@pytest.mark.parametrize("name", FILES)
@pytest.mark.parametrize("kind", list(MEETINGS))
def test_documents_match_their_golden_files(
    exported: dict[str, dict[str, Path]], kind: str, name: str
) -> None:
    found = _text(exported[kind][name])
    matches_golden(found, GOLDEN / f"{kind}-{name}.txt", f"{kind} {name}", "exported")
