"""Printer connections against real stand-ins: sockets on 127.0.0.1, files, PNG previews."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PIL import Image, ImageChops

from printing import jobs
from printing.connections import Dummy, connect, parse_url
from printing.documents import ticket_for
from shared.db import Store
from shared.i18n import UserError
from shared.registrations import get_registration, verify_payload
from tests.escpos_decode import decode
from tests.printing.conftest import read_qr


class StandIn:
    """A network printer on 127.0.0.1: reads everything, refuses, or accepts and hangs."""

    def __init__(self, mode: str, status: bytes = b"") -> None:
        self.mode, self.status, self.received = mode, status, bytearray()
        self.server = socket.socket()
        if mode == "hang":  # a printer's small input buffer, full and never emptied
            self.server.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
        self.server.bind(("127.0.0.1", 0))
        self.port = self.server.getsockname()[1]
        self.done = threading.Event()
        if mode == "refuse":
            self.server.close()
            return
        self.server.listen(1)
        self.thread = threading.Thread(target=self.serve, daemon=True)
        self.thread.start()

    def serve(self) -> None:
        self.server.settimeout(10)
        try:
            client, _ = self.server.accept()
        except OSError:
            return
        with client:
            client.settimeout(10)
            if self.mode == "hang":
                self.done.wait(15)
                return
            while chunk := self._recv(client):
                self.received.extend(chunk)
                if self.status and chunk.endswith(b"\x10\x04\x01"):
                    client.sendall(self.status[:1])
                elif self.status and chunk.endswith(b"\x10\x04\x04"):
                    client.sendall(self.status[1:2])

    @staticmethod
    def _recv(client: socket.socket) -> bytes:
        try:
            return client.recv(65536)
        except OSError:
            return b""

    def close(self) -> None:
        self.done.set()
        self.server.close()


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
    printer = StandIn("read")
    stand_ins.append(printer)
    queue_ticket(store, citizen)
    [job] = jobs.send_due(store, connect(f"tcp:127.0.0.1:{printer.port}?timeout=5"))
    assert job["status"] == "done" and job["printer"] == "tcp"
    printer.thread.join(5)
    printed = decode(bytes(printer.received), 576)
    assert verify_payload(store, read_qr(printed.image()), meeting)["id"] == citizen["id"]


def test_a_refusing_printer_fails_the_job_and_keeps_the_registration(
    store: Store, meeting: int, citizen: dict[str, Any], stand_ins: list[StandIn]
) -> None:
    printer = StandIn("refuse")
    queue_ticket(store, citizen)
    [job] = jobs.send_due(store, connect(f"tcp:127.0.0.1:{printer.port}?timeout=2"), now=1000.0)
    assert (job["status"], job["attempts"]) == ("failed", 1)
    assert "ConnectionRefusedError" in job["last_error"]
    assert get_registration(store, citizen["id"])["status"] == "waiting"
    assert jobs.send_due(store, Dummy(parse_url("dummy:")), now=1001.0) == []  # backing off
    dummy = Dummy(parse_url("dummy:"))
    [again] = jobs.send_due(store, dummy, now=1003.0)
    assert (again["status"], again["attempts"]) == ("done", 2) and len(dummy.jobs) == 1


def test_a_printer_that_never_reads_times_out_and_stays_retryable(
    store: Store, meeting: int, citizen: dict[str, Any], stand_ins: list[StandIn]
) -> None:
    printer = StandIn("hang")
    stand_ins.append(printer)
    job_id = queue_ticket(store, citizen)
    started = time.monotonic()
    [job] = jobs.send_due(store, connect(f"tcp:127.0.0.1:{printer.port}?timeout=1"))
    assert time.monotonic() - started < 8
    assert job["status"] == "failed" and "in time" in job["last_error"]
    assert get_registration(store, citizen["id"])["status"] == "waiting"
    jobs.retry(store, job_id)
    dummy = Dummy(parse_url("dummy:"))
    [reprinted] = jobs.send_due(store, dummy)
    assert reprinted["id"] == job_id and reprinted["status"] == "done"


def test_status_is_read_when_the_printer_answers_and_unknown_when_not(
    stand_ins: list[StandIn],
) -> None:
    answering = StandIn("read", status=bytes([0x12, 0x6C]))  # online; paper end sensor
    silent = StandIn("read")
    stand_ins.extend([answering, silent])
    for printer, expected in ((answering, (True, "out")), (silent, (None, None))):
        connection = connect(f"tcp:127.0.0.1:{printer.port}?timeout=0.5")
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
    assert job["status"] == "done"
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


def test_a_station_restarted_mid_send_sends_again(
    store: Store, meeting: int, citizen: dict[str, Any]
) -> None:
    job_id = queue_ticket(store, citizen)
    assert jobs.claim(store, now=1000.0) is not None  # then the station dies
    assert jobs.recover(store, now=1060.0) == 0  # a minute later: maybe still sending
    assert jobs.recover(store, now=1000.0 + jobs.STALE_CLAIM_SECONDS + 1) == 1
    [job] = jobs.send_due(store, Dummy(parse_url("dummy:")))
    assert job["id"] == job_id and job["status"] == "done"


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
