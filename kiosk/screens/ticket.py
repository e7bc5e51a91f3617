"""After submit: the number very large, the code, the QR, the people ahead; the ticket
prints meanwhile and its outcome appears here."""

from __future__ import annotations

from typing import Any

from rich.markup import escape
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Static

from kiosk.widgets import QrCode
from printing.layouts import Ticket
from shared.i18n import N_, tr
from shared.tokens import show_code
from tui import BigText

PRINTING = N_("Printing your ticket…")
PRINTED = N_("Your ticket is printed. Please take it.")
PRINT_SENT = N_(
    "Sent to the printer, not confirmed. If no ticket comes out, please remember number {number}: the secretary will reprint it."
)
PRINT_FAILED = N_(
    "The printer could not print your ticket. Remember number {number}: the secretary will reprint it."
)


class TicketScreen(Screen[None]):
    """Shows no phone number, ever; returns to Welcome on Enter or after a while."""

    BINDINGS = [Binding("enter", "app.reset", "Finish", id="finish", show=False)]
    IDLE_SECONDS = 45
    IDLE_WARNING = False  # nothing typed is lost: the registration is saved

    def __init__(self, registration_id: int, ticket: Ticket, lang: str) -> None:
        super().__init__()
        self.lang = lang
        self.registration_id = registration_id
        self.ticket = ticket
        self.print_state = PRINTING

    def compose(self) -> ComposeResult:
        with Horizontal(id="ticket-box"):
            with Vertical(id="ticket-left"):
                yield Static(id="your-number")
                yield BigText(f"{self.ticket.number:03d}", id="number")
                yield Static(escape(self.ticket.name), id="ticket-name")
                yield Static(id="ticket-code")
                yield Static(id="ticket-ahead")
                yield Static(id="print-state")
            yield QrCode(self.ticket.payload, id="ticket-qr")
        yield Static(id="hint-bar")

    def on_mount(self) -> None:
        self.watch(self.app, "lang", self.show_texts)

    def show_texts(self, lang: str) -> None:
        self.lang = lang
        ticket = self.ticket
        ahead = tr("{ahead} ahead of you", lang, ahead=ticket.ahead)
        if ticket.estimated:
            ahead += "\n" + tr("Expected around {time}", lang, time=ticket.estimated)
        self.query_one("#your-number", Static).update(tr("YOUR NUMBER", lang))
        self.query_one("#ticket-code", Static).update(
            tr("Lookup code: {code}", lang, code=show_code(ticket.code))
        )
        self.query_one("#ticket-ahead", Static).update(ahead)
        self.query_one("#hint-bar", Static).update(
            tr("Press Enter to finish", lang) + "    " + tr("Ctrl+T: Tiếng Việt", lang)
        )
        self.show_print_state()

    def printed(self, job: dict[str, Any]) -> None:
        outcome = {"done": PRINTED, "sent": PRINT_SENT}  # "sent" is never "printed"
        self.print_state = outcome.get(job["status"], PRINT_FAILED)
        self.show_print_state()

    def show_print_state(self) -> None:
        state = self.query_one("#print-state", Static)
        state.update(tr(self.print_state, self.lang, number=f"{self.ticket.number:03d}"))
        state.set_class(self.print_state == PRINT_FAILED, "-failed")
