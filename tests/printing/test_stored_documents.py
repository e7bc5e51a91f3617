"""A stored print job reprints whichever hallkit stored it: its document carries a version,
and an older or newer shape (missing or unknown fields) is fitted to today's layouts."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from PIL import Image, ImageChops

from printing import jobs
from printing.connections import connect
from printing.documents import slip_for, ticket_for
from shared import questions
from shared.db import Store
from shared.i18n import UserError
from shared.retention import purge
from tests.printing.conftest import read_qr


def same(a: Image.Image, b: Image.Image) -> bool:
    difference = ImageChops.difference(a.convert("L"), b.convert("L"))
    return a.size == b.size and difference.getbbox() is None


def queued(store: Store, citizen: dict[str, Any], kind: str) -> dict[str, Any]:
    make = ticket_for if kind == "ticket" else slip_for
    job_id = jobs.enqueue(
        store,
        make(store, citizen["id"], "vi"),
        meeting_id=citizen["meeting_id"],
        registration_id=citizen["id"],
    )
    return jobs.get_job(store, job_id)


def stored_as(job: dict[str, Any], change: Any) -> dict[str, Any]:
    """The job as an older (or newer) hallkit would have stored it."""
    document = json.loads(job["document"])
    change(document)
    return {**job, "document": json.dumps(document, ensure_ascii=False)}


@pytest.fixture
def asked(store: Store, meeting: int, citizen: dict[str, Any]) -> dict[str, Any]:
    """The citizen raised two questions, one pending, so their slip has items."""
    first = questions.add_question(store, meeting, number=citizen["number"], summary="Đường")
    questions.set_outcome(store, first["id"], "pending", body="Phòng Kinh tế")
    questions.add_question(store, meeting, number=citizen["number"], summary="Điện")
    return citizen


def test_a_job_stores_the_document_version(store: Store, asked: dict[str, Any]) -> None:
    for kind in ("ticket", "slip"):
        stored = json.loads(queued(store, asked, kind)["document"])
        assert stored["version"] == jobs.DOCUMENT_VERSION
    test_page = jobs.get_job(store, jobs.enqueue(store, None, lang="en"))
    assert json.loads(test_page["document"]) == {"lang": "en", "version": jobs.DOCUMENT_VERSION}


@pytest.mark.parametrize("kind", ["ticket", "slip"])
def test_an_unversioned_document_prints_as_before(
    store: Store, asked: dict[str, Any], kind: str
) -> None:
    job = queued(store, asked, kind)
    old = stored_as(job, lambda d: d.pop("version"))
    assert same(jobs.render(old, 576).image, jobs.render(job, 576).image)


def test_fields_a_layout_no_longer_has_are_dropped(store: Store, asked: dict[str, Any]) -> None:
    ticket = queued(store, asked, "ticket")
    extra = stored_as(ticket, lambda d: d.update(version=1, org="Hội Nông dân", seat="A3"))
    assert same(jobs.render(extra, 576).image, jobs.render(ticket, 576).image)

    slip = queued(store, asked, "slip")

    def unknown_everywhere(document: dict[str, Any]) -> None:
        document.pop("version")
        document["signed_by"] = "Chủ tịch"
        for item in document["items"]:
            item["priority"] = "high"

    extra = stored_as(slip, unknown_everywhere)
    assert same(jobs.render(extra, 576).image, jobs.render(slip, 576).image)


def test_fields_a_document_predates_take_a_default(store: Store, asked: dict[str, Any]) -> None:
    job = queued(store, asked, "ticket")
    older = stored_as(job, lambda d: [d.pop(k) for k in ("version", "details", "ahead", "lang")])
    paper = jobs.render(older, 576)
    assert read_qr(paper.image).startswith(asked["code"])  # still the citizen's own ticket


def test_a_reprint_of_an_old_job_goes_to_the_printer(
    store: Store, asked: dict[str, Any], tmp_path: Path
) -> None:
    """Through the real queue: the old row is sent, not failed."""
    job = queued(store, asked, "ticket")

    def older(document: dict[str, Any]) -> None:
        del document["version"]
        document["org"] = "Hội Nông dân"

    with store.write():
        store.update("print_jobs", job["id"], {"document": stored_as(job, older)["document"]})
    [sent] = jobs.send_due(store, connect(f"preview:{tmp_path / 'out'}"))
    assert sent["status"] == "done", sent["last_error"]
    [png] = (tmp_path / "out").glob("*.png")
    assert read_qr(Image.open(png)).startswith(asked["code"])


def test_a_purged_document_is_refused_with_a_reason(
    store: Store, citizen: dict[str, Any], tmp_path: Path
) -> None:
    """Retention empties the stored documents of anonymised citizens: a reprint fails with
    the reason, instead of a crash or a blank ticket."""
    job = queued(store, citizen, "ticket")
    assert purge(store, "2027-01-01", 6, today=dt.date(2026, 12, 1)) == 3
    jobs.retry(store, job["id"])
    [sent] = jobs.send_due(store, connect(f"preview:{tmp_path / 'out'}"))
    assert sent["status"] == "failed"
    assert sent["last_error"] == (
        f"Print job {job['id']} cannot be reprinted: its personal data was anonymised."
    )
    with pytest.raises(UserError) as refused:
        jobs.render(jobs.get_job(store, job["id"]), 576)
    assert "ẩn danh" in refused.value.message("vi")


def test_a_ticket_stored_before_field_lines_came_from_the_spec_prints_them(
    store: Store, asked: dict[str, Any]
) -> None:
    """Version 2 and older kept village and field as fields of their own."""
    job = queued(store, asked, "ticket")

    def version_2(document: dict[str, Any]) -> None:
        document.update(version=2, village="Thôn Cũ", field="Đất đai")
        del document["details"]

    paper = jobs.render(stored_as(job, version_2), 576)
    assert {"Thôn Cũ", "Lĩnh vực: Đất đai"} <= set(paper.lines)
