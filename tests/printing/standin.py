"""Network printers on 127.0.0.1 that behave like receipt printers: a 4 KB input buffer
(SO_RCVBUF set before listen, so every accepted connection has it) and real-time status
answered to DLE EOT.

Modes:
    print    reads everything and answers DLE EOT 1 / DLE EOT 4 with `status`
    silent   reads everything and never answers status
    hang     accepts and never reads
    close8k  reads 8 KB, then closes (with the rest unread: the kernel resets)
    refuse   nothing listens on the port
"""

from __future__ import annotations

import socket
import threading

from tests.waiting import pace

ONLINE_WITH_PAPER = bytes([0x12, 0x12])  # DLE EOT 1: online; DLE EOT 4: paper present
RCVBUF = 4096
STATUS_ONLINE, STATUS_PAPER = b"\x10\x04\x01", b"\x10\x04\x04"


class StandIn:
    def __init__(
        self, mode: str, status: bytes = ONLINE_WITH_PAPER, chunk_pause: float = 0.0
    ) -> None:
        self.mode, self.status, self.chunk_pause = mode, status, chunk_pause
        self.connections: list[bytearray] = []  # what each connection received, in order
        self.answered: list[int] = []  # status bytes answered, per connection
        self.server = socket.socket()
        self.server.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, RCVBUF)
        self.server.bind(("127.0.0.1", 0))
        self.port = self.server.getsockname()[1]
        self.url = f"tcp:127.0.0.1:{self.port}"
        self.stop = threading.Event()
        self.threads: list[threading.Thread] = []
        if mode == "refuse":
            self.server.close()
            return
        self.server.listen(8)
        self._start(self.accept)

    def _start(self, target: object, *args: object) -> None:
        thread = threading.Thread(target=target, args=args, daemon=True)  # type: ignore[arg-type]
        self.threads.append(thread)
        thread.start()

    @property
    def received(self) -> bytes:
        return b"".join(self.connections)

    def accept(self) -> None:
        while not self.stop.is_set():
            try:
                client, _ = self.server.accept()
            except OSError:
                return
            self.connections.append(bytearray())
            self.answered.append(0)
            self._start(self.serve, client, len(self.connections) - 1)

    def serve(self, client: socket.socket, index: int) -> None:
        received = self.connections[index]
        with client:
            client.settimeout(30)
            if self.mode == "hang":
                self.stop.wait(30)
                return
            while not self.stop.is_set():
                want = 8192 - len(received) if self.mode == "close8k" else 65536
                if want <= 0:
                    return  # closes with bytes unread: the sender sees a reset
                try:
                    chunk = client.recv(min(want, RCVBUF))
                except OSError:
                    return
                if not chunk:
                    return
                received.extend(chunk)
                if self.mode == "print" and self.status:
                    for request, answer in ((STATUS_ONLINE, 0), (STATUS_PAPER, 1)):
                        if received.endswith(request):
                            client.sendall(self.status[answer : answer + 1])
                            self.answered[index] += 1
                if self.chunk_pause:
                    pace(self.chunk_pause)  # a slow printer reads its input

    def close(self) -> None:
        self.stop.set()
        try:
            self.server.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self.server.close()


def without_status_requests(stream: bytes) -> bytes:
    """The job's bytes: what a connection received minus the trailing status questions."""
    for suffix in (STATUS_ONLINE + STATUS_PAPER, STATUS_ONLINE):
        if stream.endswith(suffix):
            return stream[: -len(suffix)]
    return stream
