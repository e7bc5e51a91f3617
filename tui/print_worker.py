"""The one print worker of the stations: the kiosk prints tickets, the console reprints
them. Sending blocks on the printer, so it runs in a thread, on the thread's own database
connection, and only posts what came of it; each station decides what to show."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from textual import on, work
from textual.app import App
from textual.message import Message
from textual.worker import Worker, WorkerState

from printing import jobs
from printing.connections import Connection
from shared.config import Settings


class PrintingApp(App[None]):
    """A station with a printer. Subclasses set `settings` and `connect_printer`."""

    settings: Settings
    connect_printer: Callable[[], Connection]

    @dataclass
    class JobAttempted(Message):
        """The worker sent a due job: `job["status"]` is "done" only if the printer took it."""

        job: dict[str, Any]

    @dataclass
    class WorkerFailed(Message):
        """The worker itself failed before it could report on any job."""

        error: BaseException | None

    @work(thread=True, exit_on_error=False, group="print")
    def print_pending(self) -> list[dict[str, Any]]:
        """Send this station's due jobs."""
        return jobs.send_pending(
            self.settings.db_path, self.settings.station, self.connect_printer()
        )

    @on(Worker.StateChanged)
    def _print_worker_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "print":
            return
        if event.state == WorkerState.SUCCESS:
            for job in event.worker.result or []:
                self.post_message(self.JobAttempted(job))
        elif event.state == WorkerState.ERROR:
            self.log.error(f"printing failed: {event.worker.error!r}")
            self.post_message(self.WorkerFailed(event.worker.error))
