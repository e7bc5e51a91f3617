"""After submit: the number very large, the code, the QR, the people ahead; the ticket
prints meanwhile and its outcome appears here."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.markup import escape
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Static

from kiosk.strings import t
from kiosk.widgets import BigNumber, QrCode
from printing.layouts import Ticket
from shared.tokens import show_code

if TYPE_CHECKING:
    from kiosk.app import KioskApp


class TicketScreen(Screen[None]):
    """Shows no phone number, ever; returns to Welcome on Enter or after a while."""

    BINDINGS = [Binding("enter", "app.reset", "Finish", id="finish", show=False)]
    IDLE_SECONDS = 45

    app: KioskApp

    def __init__(self, registration_id: int, ticket: Ticket) -> None:
        super().__init__()
        self.registration_id = registration_id
        self.ticket = ticket
        self.print_state = "printing"

    def compose(self) -> ComposeResult:
        with Horizontal(id="ticket-box"):
            with Vertical(id="ticket-left"):
                yield Static(id="your-number")
                yield BigNumber(f"{self.ticket.number:03d}", id="number")
                yield Static(escape(self.ticket.name), id="ticket-name")
                yield Static(id="ticket-code")
                yield Static(id="ticket-ahead")
                yield Static(id="print-state")
            yield QrCode(self.ticket.payload, id="ticket-qr")
        yield Static(id="hint-bar")

    def on_mount(self) -> None:
        self.watch(self.app, "lang", self.show_texts)

    def show_texts(self, lang: str) -> None:
        ticket = self.ticket
        ahead = t("ahead", lang, ahead=ticket.ahead)
        if ticket.estimated:
            ahead += "\n" + t("estimate", lang, time=ticket.estimated)
        self.query_one("#your-number", Static).update(t("your_number", lang))
        self.query_one("#ticket-code", Static).update(t("code", lang, code=show_code(ticket.code)))
        self.query_one("#ticket-ahead", Static).update(ahead)
        self.query_one("#hint-bar", Static).update(
            f"{t('finish', lang)}    {t('language_hint', lang)}"
        )
        self.show_print_state()

    def printed(self, job: dict[str, Any]) -> None:
        outcome = {"done": "printed", "sent": "print_sent"}  # "sent" is never "printed"
        self.print_state = outcome.get(job["status"], "print_failed")
        self.show_print_state()

    def show_print_state(self) -> None:
        state = self.query_one("#print-state", Static)
        state.update(t(self.print_state, self.app.lang, number=f"{self.ticket.number:03d}"))
        state.set_class(self.print_state == "print_failed", "-failed")
