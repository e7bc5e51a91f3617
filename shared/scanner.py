"""A 2D scanner in serial mode (USB CDC, a virtual COM port): one scan a line.

Scanners send Vietnamese reliably only in serial mode (a keyboard wedge types through the
terminal's keyboard layout), so an ID card's QR is read here: `scanner =
"serial:/dev/ttyACM0?baud=9600"` (Windows: `serial:COM3?baud=9600`). A scanner unplugged
and plugged back is opened again by itself; the state it is in is reported, never raised,
so a station keeps working without it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import parse_qsl

from shared.i18n import N_, UserError, tr

MAX_LINE = 4096  # a card's QR is ~150 bytes; a longer line is noise, dropped whole
RETRY_SECONDS = 1.0


# What the operator reads about the scanner (the kiosk's operator menu, the console's top
# bar); a citizen never sees any of it.
STATE_WORDS = {
    "": N_("ID card scanner: none set (setting scanner)"),
    "ready": N_("ID card scanner: connected ({device})"),
    "absent": N_("ID card scanner: waiting for the device {device}"),
}
LAST_ERROR = N_("last error: {error}")


@dataclass(frozen=True)
class ScannerUrl:
    device: str
    baud: int = 9600


def parse_scanner(text: str) -> ScannerUrl | None:
    """The `scanner` setting: "" or "keyboard" (none of its own), or serial:DEVICE?baud=N."""
    if text.strip() in ("", "keyboard"):
        return None
    scheme, colon, rest = text.strip().partition(":")
    device, _, query = rest.partition("?")
    options = dict(parse_qsl(query))
    if scheme != "serial" or not colon or not device or set(options) - {"baud"}:
        raise UserError("Invalid value for the setting {key}.", key="scanner")
    try:
        baud = int(options.get("baud", 9600))
    except ValueError:
        raise UserError("Invalid value for the setting {key}.", key="scanner") from None
    return ScannerUrl(device, baud)


def status_line(scanner: SerialScanner | None, lang: str) -> str:
    """The scanner's state in the operator's words: none set, connected, or waiting for
    the device (with the last error)."""
    if scanner is None:
        return tr(STATE_WORDS[""], lang)
    state = scanner.state if scanner.state in STATE_WORDS else "absent"
    line = tr(STATE_WORDS[state], lang, device=scanner.url.device)
    if state != "ready" and scanner.last_error:
        line += " · " + tr(LAST_ERROR, lang, error=scanner.last_error)
    return line


class SerialScanner:
    """Reads scans from a serial port in a thread; `on_scan` gets each line's bytes,
    `on_state` "ready" or "absent" whenever that changes."""

    def __init__(
        self,
        url: ScannerUrl,
        on_scan: Callable[[bytes], None],
        on_state: Callable[[str], None] = lambda state: None,
    ) -> None:
        self.url = url
        self.on_scan = on_scan
        self.on_state = on_state
        self.stopped = threading.Event()
        self.state = ""
        self.last_error = ""
        """Why the device was lost or could not be opened, for the operator (never a scan's
        bytes: pyserial's errors name the device and the system's reason)."""
        self.thread = threading.Thread(target=self.run, name="scanner", daemon=True)

    def start(self) -> SerialScanner:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.stopped.set()
        self.thread.join(5)

    def _set(self, state: str) -> None:
        if state != self.state:
            self.state = state
            self.on_state(state)

    def _failed(self, error: Exception) -> None:
        reason = getattr(error, "strerror", None) or str(error) or type(error).__name__
        self.last_error = " ".join(str(reason).split())[:120]
        self._set("absent")

    def run(self) -> None:
        import serial

        while not self.stopped.is_set():
            try:
                port = serial.Serial(self.url.device, self.url.baud, timeout=0.2)
            except (OSError, serial.SerialException) as error:
                self._failed(error)
                self.stopped.wait(RETRY_SECONDS)
                continue
            self._set("ready")
            try:
                self._read(port)
            except (OSError, serial.SerialException) as error:
                self._failed(error)  # unplugged: open it again when it is back
            finally:
                port.close()

    def _read(self, port: object) -> None:
        line = bytearray()
        while not self.stopped.is_set():
            # one byte as soon as it comes (read(256) would wait out the timeout for a
            # 150-byte code), then whatever else has arrived
            chunk = port.read(1)  # type: ignore[attr-defined]
            if chunk:
                chunk += port.read(port.in_waiting)  # type: ignore[attr-defined]
            for byte in chunk:
                if byte in b"\r\n":
                    if line and len(line) <= MAX_LINE:
                        self.on_scan(bytes(line))
                    line.clear()
                else:
                    line.append(byte)
            if not chunk and line:  # a scan cut short: no end of line within the timeout
                if len(line) <= MAX_LINE:
                    self.on_scan(bytes(line))
                line.clear()
