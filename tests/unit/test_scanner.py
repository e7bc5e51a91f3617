"""A serial scanner stood in for by a pty pair: scans arrive whole, in order, and a
scanner unplugged and plugged back is read again."""

from __future__ import annotations

import os
import queue
import tty
from collections.abc import Iterator
from pathlib import Path

import pytest

from shared.i18n import UserError
from shared.scanner import ScannerUrl, SerialScanner, parse_scanner

CARD = "001085012345||Nguyễn Thị Hồng|05061985|Nữ|Thôn 3, Xã Sơn Trung|12042021"


class Device:
    """A scanner at `path` (a link, as udev makes /dev/ttyACM0), which can be unplugged."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.plug()

    def plug(self) -> None:
        self.parent, child = os.openpty()
        tty.setraw(child)
        self.child = child
        self.path.unlink(missing_ok=True)
        self.path.symlink_to(os.ttyname(child))

    def send(self, data: bytes) -> None:
        os.write(self.parent, data)

    def unplug(self) -> None:
        os.close(self.parent)
        os.close(self.child)
        self.path.unlink()


@pytest.fixture
def scans(tmp_path: Path) -> Iterator[tuple[Device, queue.Queue[bytes], queue.Queue[str]]]:
    device = Device(tmp_path / "ttyACM0")
    got: queue.Queue[bytes] = queue.Queue()
    states: queue.Queue[str] = queue.Queue()
    scanner = SerialScanner(ScannerUrl(str(device.path)), got.put, states.put).start()
    try:
        yield device, got, states
    finally:
        scanner.stop()


def test_scans_arrive_whole_and_in_order(
    scans: tuple[Device, queue.Queue[bytes], queue.Queue[str]],
) -> None:
    device, got, states = scans
    assert states.get(timeout=10) == "ready"
    for n in range(100):
        device.send(CARD.replace("Hồng", f"Hồng {n}").encode() + b"\r\n")
    for n in range(100):
        assert got.get(timeout=10).decode() == CARD.replace("Hồng", f"Hồng {n}")


def test_a_scan_with_no_line_end_arrives_once_the_scanner_is_quiet(
    scans: tuple[Device, queue.Queue[bytes], queue.Queue[str]],
) -> None:
    device, got, states = scans
    assert states.get(timeout=10) == "ready"
    device.send(CARD.encode())
    assert got.get(timeout=10).decode() == CARD


def test_noise_longer_than_any_code_is_dropped(
    scans: tuple[Device, queue.Queue[bytes], queue.Queue[str]],
) -> None:
    device, got, states = scans
    assert states.get(timeout=10) == "ready"
    device.send(b"x" * 10_000 + b"\r" + CARD.encode() + b"\r")
    assert got.get(timeout=10).decode() == CARD


def test_unplugged_and_plugged_back(
    scans: tuple[Device, queue.Queue[bytes], queue.Queue[str]],
) -> None:
    device, got, states = scans
    assert states.get(timeout=10) == "ready"
    device.unplug()
    assert states.get(timeout=10) == "absent"
    device.plug()
    assert states.get(timeout=10) == "ready"
    device.send(CARD.encode() + b"\n")
    assert got.get(timeout=10).decode() == CARD


@pytest.mark.parametrize(
    ("text", "url"),
    [
        ("", None),
        ("keyboard", None),
        ("serial:/dev/ttyACM0?baud=9600", ScannerUrl("/dev/ttyACM0", 9600)),
        ("serial:COM3", ScannerUrl("COM3", 9600)),
    ],
)
def test_the_setting(text: str, url: ScannerUrl | None) -> None:
    assert parse_scanner(text) == url


@pytest.mark.parametrize(
    "text", ["usb:1", "serial:", "serial:/dev/x?baud=fast", "serial:/dev/x?parity=E"]
)
def test_a_bad_setting_is_refused(text: str) -> None:
    with pytest.raises(UserError):
        parse_scanner(text)
