"""The three fixed meetings' documents, exported once per test session."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from documents.run import Options, export
from shared.db import open_store
from tests.documents.meetings import MEETINGS
from tests.unit.conftest import held  # noqa: F401  (the small meeting of the unit tests)

DOCUMENTS = ("bien-ban", "thong-bao-ket-luan")
STATUS_DATE = dt.date(2026, 3, 20)  # the follow-up list's "as of" day: fixed, for the goldens


def export_meeting(kind: str, folder: Path, options: Options | None = None) -> dict[str, Path]:
    """One fixed meeting built in its own database and exported: {document: path}."""
    folder.mkdir(parents=True, exist_ok=True)
    store = open_store(folder / f"{kind}.db", "golden")
    try:
        meeting = MEETINGS[kind](store)
        options = options or Options(status_date=STATUS_DATE)
        _, written = export(store, meeting, folder / "out", options)
    finally:
        store.close()
    return {path.name.split("-", 3)[-1].replace("-du-thao", ""): path for path in written}


@pytest.fixture(scope="session")
def exported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Path]]:
    root = tmp_path_factory.mktemp("golden")
    return {kind: export_meeting(kind, root / kind) for kind in MEETINGS}
