"""Printer connections against real stand-ins: sockets on 127.0.0.1, files, PNG previews."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PIL import Image, ImageChops

from printing import jobs
from printing.connections import Dummy, connect, parse_url
from printing.documents import ticket_for
from printing.encode import encode
from shared.db import Store
from shared.i18n import UserError
from shared.registrations import get_registration, verify_payload
from tests.escpos_decode import decode
from tests.printing.conftest import read_qr
from tests.printing.standin import StandIn, without_status_requests


@pytest.fixture
def stand_ins() -> Iterator[list[StandIn]]:
    made: list[StandIn] = []
    yield made
    for stand_in in made:
        stand_in.close()


def queue_ticket(store: Store, citizen: dict[str, Any]) -> int:
    document = ticket_for(store, citizen["id"], "vi")
    return jobs.enqueue(
        store, document, meeting_id=citizen["meeting_id"], registration_id=citizen["id"]
    )


def test_a_network_printer_receives_the_ticket(
    store: Store, meeting: int, citizen: dict[str, Any], stand_ins: list[StandIn]
) -> None:
    printer = StandIn("print")
    stand_ins.append(printer)
    queue_ticket(store, citizen)
    [job] = jobs.send_due(store, connect(f"{printer.url}?timeout=5"))
    assert job["status"] == "done" and job["printer"] == "tcp"
    assert printer.answered == [2]  # confirmed by the printer's status, not by sendall
    printed = decode(without_status_requests(printer.received), 576)
    assert verify_payload(store, read_qr(printed.image()), meeting)["id"] == citizen["id"]


def test_a_refusing_printer_fails_the_job_and_keeps_the_registration(
    store: Store, meeting: int, citizen: dict[str, Any], stand_ins: list[StandIn]
) -> None:
    printer = StandIn("refuse")
    queue_ticket(store, citizen)
    [job] = jobs.send_due(store, connect(f"{printer.url}?timeout=2"), now=1000.0)
    assert (job["status"], job["attempts"]) == ("failed", 1)
    assert "ConnectionRefusedError" in job["last_error"]
    assert get_registration(store, citizen["id"])["status"] == "waiting"
    assert jobs.send_due(store, Dummy(parse_url("dummy:")), now=1001.0) == []  # backing off
    dummy = Dummy(parse_url("dummy:"))
    [again] = jobs.send_due(store, dummy, now=1003.0)
    assert (again["status"], again["attempts"]) == ("done", 2) and len(dummy.jobs) == 1


def test_a_hung_printer_fails_a_compact_ticket_that_fits_in_the_buffers(
    store: Store, meeting: int, citizen: dict[str, Any], stand_ins: list[StandIn]
) -> None:
    """Accepts, reads nothing: the whole compact ticket fits in the kernel's buffers, so
    sendall returns; the bytes never leave, so it is failed, and stays retryable."""
    printer = StandIn("hang")
    stand_ins.append(printer)
    job_id = queue_ticket(store, citizen)
    url = connect(f"{printer.url}?timeout=1&compact=1").url
    size = len(encode(jobs.render(jobs.get_job(store, job_id), url.width), url.profile, True))
    assert 12_000 < size < 16_000  # a compact ticket: smaller than the sender's 16 KB buffer
    started = time.monotonic()
    [job] = jobs.send_due(store, connect(url))
    elapsed = time.monotonic() - started
    assert job["status"] == "failed" and "not taken by the printer in 1 s" in job["last_error"]
    assert printer.received == b"" and 1 <= elapsed < 4
    assert get_registration(store, citizen["id"])["status"] == "waiting"
    jobs.retry(store, job_id)
    [reprinted] = jobs.send_due(store, Dummy(parse_url("dummy:")))
    assert reprinted["id"] == job_id and reprinted["status"] == "done"


def test_a_hung_printer_fails_a_full_raster_ticket_within_the_timeout(
    store: Store, meeting: int, citizen: dict[str, Any], stand_ins: list[StandIn]
) -> None:
    printer = StandIn("hang")
    stand_ins.append(printer)
    queue_ticket(store, citizen)
    started = time.monotonic()
    [job] = jobs.send_due(store, connect(f"{printer.url}?timeout=1"))
    assert job["status"] == "failed" and "in time" in job["last_error"]
    assert printer.received == b"" and time.monotonic() - started < 4


def test_a_printer_that_reads_8k_then_closes_fails(
    store: Store, meeting: int, citizen: dict[str, Any], stand_ins: list[StandIn]
) -> None:
    for compact in ("0", "1"):
        printer = StandIn("close8k")
        stand_ins.append(printer)
        queue_ticket(store, citizen)
        [job] = jobs.send_due(store, connect(f"{printer.url}?timeout=2&compact={compact}"))
        assert job["status"] == "failed" and "Error" in job["last_error"], job
        assert len(printer.received) == 8192


def test_a_printer_that_takes_everything_but_never_answers_status_is_sent(
    store: Store, meeting: int, citizen: dict[str, Any], stand_ins: list[StandIn]
) -> None:
    printer = StandIn("silent")
    stand_ins.append(printer)
    job_id = queue_ticket(store, citizen)
    connection = connect(f"{printer.url}?timeout=0.5&compact=1")
    [job] = jobs.send_due(store, connection)
    assert (job["status"], job["printed_at"], job["last_error"]) == ("sent", "", "")
    url = connection.url
    expected = encode(jobs.render(jobs.get_job(store, job_id), url.width), url.profile, True)
    assert without_status_requests(printer.received) == expected  # every byte, then asked
    assert jobs.send_due(store, Dummy(parse_url("dummy:"))) == []  # sent is not retried


@pytest.mark.parametrize(
    ("status", "said"),
    [(bytes([0x1A, 0x12]), "offline"), (bytes([0x12, 0x72]), "out of paper")],
    ids=["offline", "paper-out"],
)
def test_a_printer_that_says_it_cannot_print_fails_the_job(
    store: Store,
    meeting: int,
    citizen: dict[str, Any],
    stand_ins: list[StandIn],
    status: bytes,
    said: str,
) -> None:
    printer = StandIn("print", status=status)
    stand_ins.append(printer)
    queue_ticket(store, citizen)
    [job] = jobs.send_due(store, connect(f"{printer.url}?timeout=2&compact=1"), now=1000.0)
    assert job["status"] == "failed" and said in job["last_error"]
    assert job["next_try"] == 1000.0 + jobs.BACKOFF_SECONDS[0]


def test_status_is_read_when_the_printer_answers_and_unknown_when_not(
    stand_ins: list[StandIn],
) -> None:
    answering = StandIn("print", status=bytes([0x12, 0x6C]))  # online; paper end sensor
    silent = StandIn("silent")
    stand_ins.extend([answering, silent])
    for printer, expected in ((answering, (True, "out")), (silent, (None, None))):
        connection = connect(f"{printer.url}?timeout=0.5")
        connection.open()
        state = connection.status()
        connection.close()
        assert (state.online, state.paper) == expected


def test_file_backend_writes_the_bytes(
    store: Store, meeting: int, citizen: dict[str, Any], tmp_path: Path
) -> None:
    target = tmp_path / "lp0"
    queue_ticket(store, citizen)
    [job] = jobs.send_due(store, connect(f"file:{target}?profile=TM-T88V"))
    assert job["status"] == "done"  # a regular file written is the job's end
    printed = decode(target.read_bytes(), 512)
    assert read_qr(printed.image()).startswith(citizen["code"])


def test_file_backend_reports_a_missing_device(
    store: Store, meeting: int, citizen: dict[str, Any], tmp_path: Path
) -> None:
    queue_ticket(store, citizen)
    [job] = jobs.send_due(store, connect(f"file:{tmp_path}/no/such/lp0"))
    assert job["status"] == "failed" and "No such file" in job["last_error"]


def test_preview_writes_the_layout_as_png(
    store: Store, meeting: int, citizen: dict[str, Any], tmp_path: Path
) -> None:
    job_id = queue_ticket(store, citizen)
    connection = connect(f"preview:{tmp_path / 'preview'}")
    [job] = jobs.send_due(store, connection)
    [png] = (tmp_path / "preview").glob("*.png")
    assert job["printer"] == f"preview:{png}"
    expected = jobs.render(jobs.get_job(store, job_id), 576).image
    written = Image.open(png)
    assert ImageChops.difference(written.convert("L"), expected.convert("L")).getbbox() is None
    assert read_qr(written).startswith(citizen["code"])


def test_the_preview_is_named_after_the_ticket_number(
    store: Store, meeting: int, citizen: dict[str, Any], tmp_path: Path
) -> None:
    """The secretary looks for "ticket 003", not for a job number; a reprint sits beside
    the first print instead of replacing it."""
    folder = tmp_path / "preview"
    connection = connect(f"preview:{folder}")
    queue_ticket(store, citizen)
    queue_ticket(store, citizen)  # printed again
    jobs.enqueue(store, None)  # the test page has no number
    sent = jobs.send_due(store, connection)
    names = sorted(p.name for p in folder.iterdir())
    first = f"ticket-003-meeting-{meeting}"
    assert names == [f"test-{sent[2]['id']}.png", f"{first}-2.png", f"{first}.png"]
    assert sent[0]["printer"] == f"preview:{folder / first}.png"


@pytest.mark.parametrize(
    "url",
    [
        "",
        "lpt1",
        "tcp:",
        "usb:04b8",
        "usb:zz:0e15",
        "serial:/dev/ttyS0?baud=fast",
        "tcp:printer?color=red",
        "preview:x?profile=NoSuchPrinter",
    ],
)
def test_a_bad_printer_url_names_the_accepted_forms(url: str) -> None:
    with pytest.raises(UserError) as refused:
        parse_url(url)
    message = refused.value.message("vi")
    assert "preview:DIR" in message or "TM-T20II" in message


def test_good_printer_urls() -> None:
    url = parse_url("serial:/dev/ttyUSB0?baud=9600&compact=1&profile=POS-5890&timeout=30")
    assert (url.target, url.baud, url.compact, url.width, url.timeout) == (
        "/dev/ttyUSB0",
        9600,
        True,
        384,
        30.0,
    )
    assert parse_url("usb:04b8:0e15").target == "04b8:0e15"
    assert parse_url("cups:TM20").scheme == "cups"


def test_after_the_last_attempt_only_a_retry_sends(
    store: Store, meeting: int, citizen: dict[str, Any], tmp_path: Path
) -> None:
    queue_ticket(store, citizen)
    broken = connect(f"file:{tmp_path}/missing/lp0")
    for attempt in range(jobs.MAX_ATTEMPTS):
        [job] = jobs.send_due(store, broken, now=10_000.0 * (attempt + 1))
    assert job["attempts"] == jobs.MAX_ATTEMPTS
    assert jobs.send_due(store, broken, now=1e9) == []
    assert [j["id"] for j in jobs.list_jobs(store, failed_only=True)] == [job["id"]]


def test_every_transport_is_listed_once_and_documented() -> None:
    """Adding a transport is adding its class to TRANSPORTS: the refusal message and the
    README list the forms it says it takes."""
    from pathlib import Path

    from printing.connections import TRANSPORTS

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    for scheme, kind in TRANSPORTS.items():
        assert kind.SCHEME == scheme
        if kind.FORM:
            assert kind.FORM.startswith(f"{scheme}:")
            assert f"`{kind.FORM}" in readme, f"{kind.FORM} is not in the README"
    with pytest.raises(UserError) as refused:
        parse_url("bogus:x")
    forms = [kind.FORM for kind in TRANSPORTS.values() if kind.FORM]
    assert refused.value.params["forms"] == ", ".join(forms)
