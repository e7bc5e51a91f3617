"""Printer connections named by one URL-like setting, each opened and closed explicitly
and each with a timeout: a printer that is off or hangs must never hang a station.
Each transport says its own form (`FORM`); `TRANSPORTS` at the end lists them, once.

Options after "?": profile=NAME (python-escpos capability profile, default TM-T20II),
timeout=SECONDS (default 10), compact=1 (native QR, raster only where there is ink).

After `send`, `confirm` says what is known of the job: True when it reached its end (the
printer took every byte and said it is online with paper; or the PNG or regular file is
written), False when it was handed over but nothing confirms it printed (a printer that
does not answer status, a CUPS queue, a device file). It raises when the printer did not
take the bytes in time, closed the connection, or said it is offline or out of paper.
"""

from __future__ import annotations

import os
import socket
import struct
import subprocess
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol
from urllib.parse import parse_qsl

from printing.encode import DEFAULT_PROFILE, encode, profile_width
from printing.sheet import Paper
from shared.i18n import UserError

DLE_EOT = b"\x10\x04"
STATUS_WAIT_SECONDS = 3.0  # a printer that answers real-time status does so in milliseconds
DRAIN_POLL_SECONDS = 0.01


@dataclass(frozen=True)
class PrinterUrl:
    scheme: str
    target: str
    profile: str = DEFAULT_PROFILE
    timeout: float = 10.0
    compact: bool = False
    baud: int = 38400

    @property
    def width(self) -> int:
        return profile_width(self.profile)


def parse_url(text: str) -> PrinterUrl:
    """Read a printer setting; anything unreadable is refused naming the accepted forms."""
    scheme, colon, rest = text.strip().partition(":")
    target, _, query = rest.partition("?")
    if not colon or scheme not in TRANSPORTS or (not target and scheme != "dummy"):
        raise _refused(text)
    options = dict(parse_qsl(query))
    unknown = set(options) - {"profile", "timeout", "compact", "baud"}
    if unknown:
        raise _refused(text)
    try:
        url = PrinterUrl(
            scheme,
            target,
            profile=options.get("profile", DEFAULT_PROFILE),
            timeout=float(options.get("timeout", 10)),
            compact=options.get("compact", "0") in ("1", "true", "yes"),
            baud=int(options.get("baud", 38400)),
        )
    except ValueError:
        raise _refused(text) from None
    if scheme == "usb":
        _usb_ids(url.target, text)
    port = url.target.partition(":")[2]
    if scheme == "tcp" and port and not port.isdecimal():
        raise _refused(text)
    url.width  # noqa: B018 - refuses an unknown profile now, not at the first ticket
    return url


def _refused(text: str) -> UserError:
    forms = ", ".join(kind.FORM for kind in TRANSPORTS.values() if kind.FORM)
    return UserError(
        'Not a printer setting: "{url}". Accepted forms: {forms}.', url=text, forms=forms
    )


def _usb_ids(target: str, text: str) -> tuple[int, int]:
    parts = target.split(":")
    try:
        vendor, product = (int(part, 16) for part in parts)
    except ValueError:
        raise _refused(text) from None
    return vendor, product


@dataclass(frozen=True)
class Status:
    """What the printer said; None where it did not answer (unknown, never "OK")."""

    online: bool | None = None
    paper: str | None = None  # "ok", "low", "out"
    detail: str = ""


class Connection(Protocol):
    url: PrinterUrl

    def open(self) -> None: ...
    def send(self, paper: Paper, name: str) -> str: ...
    def confirm(self) -> bool: ...
    def status(self) -> Status: ...
    def close(self) -> None: ...


def _parse_status(online: bytes, paper: bytes) -> Status:
    is_online = None if not online else not online[0] & 0x08
    paper_state = None
    if paper:
        paper_state = "out" if paper[0] & 0x60 else "low" if paper[0] & 0x0C else "ok"
    return Status(is_online, paper_state)


def _confirmed(state: Status) -> bool:
    """True when the printer said it is online with paper; False when it did not say;
    raises when it said it cannot print."""
    if state.online is False:
        raise UserError("The printer reports it is offline (cover open or an error).")
    if state.paper == "out":
        raise UserError("The printer reports it is out of paper.")
    return bool(state.online and state.paper in ("ok", "low"))


class _Bytes:
    """A connection that takes ESC/POS bytes; subclasses write them somewhere."""

    SCHEME = ""
    FORM = ""
    """How the setting is written (README, error messages); "" for test-only ones."""

    def __init__(self, url: PrinterUrl) -> None:
        self.url = url

    def open(self) -> None:
        pass

    def send(self, paper: Paper, name: str) -> str:
        """Send the paper; returns where it went when that is worth telling (a file)."""
        self.write(encode(paper, self.url.profile, self.url.compact))
        return ""

    def write(self, data: bytes) -> None:
        raise NotImplementedError

    def confirm(self) -> bool:
        """Handed over, nothing more known (overridden where more is known)."""
        return False

    def status(self) -> Status:
        return Status(detail="no status from this kind of connection")

    def close(self) -> None:
        pass


@dataclass
class Dummy(_Bytes):
    """Keeps every job's bytes: the stand-in printer of the tests."""

    SCHEME = "dummy"
    FORM = ""

    url: PrinterUrl
    jobs: list[bytes] = field(default_factory=list)

    def write(self, data: bytes) -> None:
        self.jobs.append(data)

    def confirm(self) -> bool:
        return True


class Tcp(_Bytes):
    """A network printer (raw port 9100). `sendall` returning only means the bytes are in
    this computer's send buffer: `confirm` waits until the kernel has sent them all and the
    printer acknowledged them (Linux SIOCOUTQ), failing when that makes no progress for
    `timeout` seconds, then asks the printer's real-time status (DLE EOT)."""

    SCHEME = "tcp"
    FORM = "tcp:HOST[:PORT]"

    def __init__(self, url: PrinterUrl) -> None:
        super().__init__(url)
        self.sock: socket.socket | None = None

    def open(self) -> None:
        host, _, port = self.url.target.partition(":")
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, 8192)
        sock.settimeout(self.url.timeout)
        try:
            sock.connect((host, int(port or 9100)))
        except BaseException:
            sock.close()
            raise
        self.sock = sock

    def write(self, data: bytes) -> None:
        assert self.sock is not None, "open() first"
        self.sock.sendall(data)

    def confirm(self) -> bool:
        self._drain()
        return _confirmed(self.status())

    def _unsent(self) -> int | None:
        """Bytes the kernel still holds for this socket (unsent or unacknowledged), or None
        where the system cannot tell (not Linux)."""
        assert self.sock is not None, "open() first"
        try:
            import fcntl
            import termios

            raw = fcntl.ioctl(self.sock.fileno(), termios.TIOCOUTQ, b"\0\0\0\0")
        except (ImportError, AttributeError, OSError):
            return None
        return int(struct.unpack("i", raw)[0])

    def _drain(self) -> None:
        """Wait until every byte reached the printer; a printer that takes nothing for
        `timeout` seconds is hung, one that reset the connection is gone."""
        assert self.sock is not None, "open() first"
        timeout = self.url.timeout
        least, deadline = None, time.monotonic() + timeout
        while True:
            error = self.sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
            if error:
                raise OSError(error, os.strerror(error))
            left = self._unsent()
            if not left:
                return
            if least is None or left < least:
                least, deadline = left, time.monotonic() + timeout
            elif time.monotonic() >= deadline:
                raise TimeoutError(f"{left} bytes not taken by the printer in {timeout:g} s")
            time.sleep(DRAIN_POLL_SECONDS)

    def _ask(self, request: bytes) -> bytes:
        """One real-time status byte; empty if the printer did not answer in time."""
        sock = self.sock
        assert sock is not None, "open() first"
        sock.sendall(DLE_EOT + request)
        sock.settimeout(min(self.url.timeout, STATUS_WAIT_SECONDS))
        try:
            answer = sock.recv(1)
        except TimeoutError:
            return b""
        finally:
            sock.settimeout(self.url.timeout)
        if not answer:
            raise ConnectionResetError("the printer closed the connection")
        return answer

    def status(self) -> Status:
        online = self._ask(b"\x01")
        return _parse_status(online, self._ask(b"\x04") if online else b"")

    def close(self) -> None:
        if self.sock is not None:
            self.sock.close()
            self.sock = None


class Serial(_Bytes):
    """A serial printer; the write timeout allows for the transfer time at this baud rate."""

    SCHEME = "serial"
    FORM = "serial:DEVICE?baud=N"

    def __init__(self, url: PrinterUrl) -> None:
        super().__init__(url)
        self.port: object | None = None

    def open(self) -> None:
        import serial

        self.port = serial.Serial(self.url.target, self.url.baud, timeout=self.url.timeout)

    def write(self, data: bytes) -> None:
        port = self.port
        assert port is not None, "open() first"
        port.write_timeout = self.url.timeout + len(data) * 10 / self.url.baud * 1.5  # type: ignore[attr-defined]
        port.write(data)  # type: ignore[attr-defined]

    def confirm(self) -> bool:
        port = self.port
        assert port is not None, "open() first"
        port.flush()  # type: ignore[attr-defined]  # until the last byte left the port
        return _confirmed(self.status())

    def status(self) -> Status:
        port = self.port
        assert port is not None, "open() first"
        port.write(DLE_EOT + b"\x01")  # type: ignore[attr-defined]
        online = port.read(1)  # type: ignore[attr-defined]
        port.write(DLE_EOT + b"\x04")  # type: ignore[attr-defined]
        return _parse_status(online, port.read(1))  # type: ignore[attr-defined]

    def close(self) -> None:
        if self.port is not None:
            self.port.close()  # type: ignore[attr-defined]
            self.port = None


class Usb(_Bytes):
    """A USB printer through python-escpos (pyusb); timeouts in milliseconds, never 0."""

    SCHEME = "usb"
    FORM = "usb:VID:PID"

    def __init__(self, url: PrinterUrl) -> None:
        super().__init__(url)
        self.printer: object | None = None

    def open(self) -> None:
        from escpos.printer import Usb as EscposUsb

        vendor, product = _usb_ids(self.url.target, self.url.target)
        printer = EscposUsb(
            vendor, product, timeout=max(1, int(self.url.timeout * 1000)), profile=self.url.profile
        )
        printer.open(raise_not_found=True)
        self.printer = printer

    def write(self, data: bytes) -> None:
        assert self.printer is not None, "open() first"
        self.printer._raw(data)  # type: ignore[attr-defined]

    def confirm(self) -> bool:
        return _confirmed(self.status())

    def status(self) -> Status:
        printer = self.printer
        assert printer is not None, "open() first"
        from usb.core import USBTimeoutError

        try:
            online = bytes(printer.query_status(DLE_EOT + b"\x01"))  # type: ignore[attr-defined]
            paper = bytes(printer.query_status(DLE_EOT + b"\x04")) if online else b""  # type: ignore[attr-defined]
        except USBTimeoutError:  # a printer without real-time status: unknown
            return Status()
        return _parse_status(online, paper)

    def close(self) -> None:
        if self.printer is not None:
            self.printer.close()  # type: ignore[attr-defined]
            self.printer = None


class File(_Bytes):
    """A device file such as /dev/usb/lp0, or a plain file. A write to a device whose
    printer is off can block forever, so it runs in a thread that is given up on."""

    SCHEME = "file"
    FORM = "file:PATH"

    def write(self, data: bytes) -> None:
        failure: list[BaseException] = []

        def run() -> None:
            try:
                with open(self.url.target, "ab") as handle:
                    handle.write(data)
            except BaseException as error:  # reported to the caller below
                failure.append(error)

        writer = threading.Thread(target=run, daemon=True)
        writer.start()
        writer.join(self.url.timeout)
        if writer.is_alive():
            raise TimeoutError(f"{self.url.target}: no progress in {self.url.timeout:g} s")
        if failure:
            raise failure[0]

    def confirm(self) -> bool:
        """A regular file written is the job's end; a device file's driver taking the bytes
        says nothing of the paper."""
        return Path(self.url.target).is_file()


class Cups(_Bytes):
    """A raw CUPS queue, through the `lp` command."""

    SCHEME = "cups"
    FORM = "cups:QUEUE"

    def write(self, data: bytes) -> None:
        command = ["lp", "-d", self.url.target, "-o", "raw"]
        try:
            subprocess.run(
                command, input=data, capture_output=True, check=True, timeout=self.url.timeout
            )
        except FileNotFoundError:
            raise UserError("CUPS (the lp command) is not installed here.") from None
        except subprocess.CalledProcessError as error:
            raise OSError(error.stderr.decode(errors="replace").strip()) from None

    def status(self) -> Status:
        try:
            result = subprocess.run(
                ["lpstat", "-p", self.url.target],
                capture_output=True,
                text=True,
                timeout=self.url.timeout,
            )
        except FileNotFoundError:
            raise UserError("CUPS (the lp command) is not installed here.") from None
        text = result.stdout.strip() or result.stderr.strip()
        online = None if result.returncode else "disabled" not in text
        return Status(online, None, text)


class Preview:
    """Writes each job as a PNG in DIR: the default, so a kiosk works with no printer."""

    SCHEME = "preview"
    FORM = "preview:DIR"

    def __init__(self, url: PrinterUrl) -> None:
        self.url = url
        self.folder = Path(url.target)

    def open(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)

    def send(self, paper: Paper, name: str) -> str:
        """`name`.png; a reprint of the same ticket beside it as `name`-2.png, -3, …"""
        final = self.folder / f"{name}.png"
        copy = 1
        while final.exists():
            copy += 1
            final = self.folder / f"{name}-{copy}.png"
        partial = final.with_suffix(".png.part")
        paper.image.save(partial, format="PNG")
        partial.replace(final)
        return str(final)

    def confirm(self) -> bool:
        return True

    def status(self) -> Status:
        return Status(True, "ok", f"preview: {self.folder.resolve()}")

    def close(self) -> None:
        pass


TRANSPORTS: dict[str, type[Preview] | type[_Bytes]] = {
    kind.SCHEME: kind for kind in (Preview, Usb, Tcp, Serial, File, Cups, Dummy)
}


def connect(url: str | PrinterUrl) -> Connection:
    """A connection for the setting, not yet opened."""
    parsed = parse_url(url) if isinstance(url, str) else url
    return TRANSPORTS[parsed.scheme](parsed)
