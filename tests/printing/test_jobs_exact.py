"""The print queue's small rules, exactly (what a mutation run of printing/jobs.py finds
untested, bench/mutation.md): the job stored, its paper's name, the failure line support
staff read, how long one attempt may take, a retry, the failed list."""

from __future__ import annotations

import json
from typing import Any

import pytest

from printing import jobs
from printing.connections import PrinterUrl
from printing.documents import ticket_for
from shared import events
from shared.db import Store
from shared.i18n import UserError


def _refusal(call: Any, *args: Any) -> str:
    with pytest.raises(UserError) as refused:
        call(*args)
    return refused.value.message("en")


def test_a_job_is_stored_with_its_document_and_one_event(
    store: Store, citizen: dict[str, Any]
) -> None:
    document = ticket_for(store, citizen["id"], "vi")
    job_id = jobs.enqueue(
        store, document, meeting_id=citizen["meeting_id"], registration_id=citizen["id"]
    )
    job = jobs.get_job(store, job_id)
    assert (job["kind"], job["status"], job["attempts"], job["station"]) == (
        "ticket",
        "queued",
        0,
        store.station,
    )
    assert (job["meeting_id"], job["registration_id"]) == (citizen["meeting_id"], citizen["id"])
    stored = json.loads(job["document"])
    assert stored["version"] == jobs.DOCUMENT_VERSION == 3
    assert stored["number"] == citizen["number"]
    [queued] = events.history(store, f"print_job:{job_id}")
    assert (queued["kind"], queued["data"]) == (
        "print.queued",
        {"kind": "ticket", "registration": citizen["id"]},
    )
    test_page = jobs.get_job(store, jobs.enqueue(store, None, lang="en"))
    assert (test_page["kind"], json.loads(test_page["document"])) == (
        "test",
        {"lang": "en", "version": 3},
    )
    assert _refusal(jobs.get_job, store, 9999) == "There is no print job 9999."


def test_a_papers_name_is_its_number_and_meeting_or_its_job() -> None:
    ticket = {"id": 7, "kind": "ticket", "meeting_id": 3, "document": '{"number": 12}'}
    assert jobs.paper_name(ticket) == "ticket-012-meeting-3"
    assert jobs.paper_name({**ticket, "meeting_id": None}) == "ticket-012"
    assert jobs.paper_name({**ticket, "kind": "slip", "document": '{"number": 1234}'}) == (
        "slip-1234-meeting-3"
    )
    assert jobs.paper_name({**ticket, "document": '{"number": "12"}'}) == "ticket-7"
    assert jobs.paper_name({**ticket, "document": ""}) == "ticket-7"  # anonymised
    assert jobs.paper_name({**ticket, "kind": "test", "document": '{"number": 5}'}) == "test-7"


def test_a_failure_reads_as_one_line_support_staff_can_act_on() -> None:
    assert jobs.describe(UserError("There is no print job {job}.", job=4)) == (
        "There is no print job 4."
    )
    assert jobs.describe(TimeoutError()) == "no answer from the printer in time (timeout)"
    assert jobs.describe(TimeoutError("read")) == "no answer from the printer in time (read)"
    assert jobs.describe(ConnectionRefusedError(111, "Connection refused")) == (
        "ConnectionRefusedError: Connection refused"
    )
    assert jobs.describe(OSError("no strerror")) == "OSError: no strerror"
    assert jobs.describe(ValueError("bad")) == "ValueError: bad"


def test_one_attempt_may_take_five_timeouts_and_a_serial_transfer() -> None:
    assert jobs.send_limit(PrinterUrl("tcp", "10.0.0.9", timeout=2.0)) == 15.0
    serial = PrinterUrl("serial", "/dev/ttyUSB0", timeout=2.0, baud=9600)
    assert jobs.send_limit(serial) == pytest.approx(15.0 + 100_000 * 10 / 9600 * 1.5)
    assert jobs.send_limit(PrinterUrl("usb", "0416:5011", baud=9600)) == 55.0


def test_a_retry_requeues_at_once_and_the_failed_list_holds_only_failures(
    store: Store, citizen: dict[str, Any]
) -> None:
    document = ticket_for(store, citizen["id"], "vi")
    first = jobs.enqueue(store, document, meeting_id=citizen["meeting_id"])
    second = jobs.enqueue(store, document, meeting_id=citizen["meeting_id"])
    job = jobs.claim(store, now=1000.0)
    assert job is not None and job["id"] == first
    jobs.finish(store, job, "dummy:", error="offline", now=1000.0)
    assert [j["id"] for j in jobs.list_jobs(store, now=1000.0)] == [second, first]
    assert [j["id"] for j in jobs.list_jobs(store, failed_only=True, now=1000.0)] == [first]
    again = jobs.retry(store, first)
    assert (again["status"], again["attempts"], again["next_try"], again["station"]) == (
        "queued",
        0,
        0,
        store.station,
    )
    assert events.history(store, f"print_job:{first}")[-1]["kind"] == "print.retry"
    assert jobs.list_jobs(store, failed_only=True, now=1000.0) == []
    assert _refusal(jobs.retry, store, 9999) == "There is no print job 9999."


def test_an_anonymised_job_is_not_reprinted_and_an_old_one_is(
    store: Store, citizen: dict[str, Any]
) -> None:
    job = {"id": 5, "kind": "ticket", "document": "{}"}
    assert _refusal(jobs.render, job, 576) == (
        "Print job 5 cannot be reprinted: its personal data was anonymised."
    )
    stored = json.loads(
        jobs.get_job(store, jobs.enqueue(store, ticket_for(store, citizen["id"], "vi")))["document"]
    )
    old = {k: v for k, v in stored.items() if k not in ("details", "version")}
    old.update(village="Thôn Đông", field="Giao thông", version=2, gone="a field since dropped")
    upgraded = jobs._upgrade(dict(old))
    assert upgraded["details"] == [("village", "Thôn Đông"), ("field", "Giao thông")]
    assert "version" not in upgraded and "village" not in upgraded
    assert jobs._upgrade({"version": 3, "village": "x"}) == {"village": "x"}
    paper = jobs.render({"id": 6, "kind": "ticket", "document": json.dumps(old)}, 576)
    assert paper.image.width == 576
