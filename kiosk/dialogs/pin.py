"""The operator's way out: a PIN, then exit or switch to another open meeting."""

from __future__ import annotations

import hmac
from collections.abc import Callable

from rich.markup import escape
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from shared.i18n import N_, tr

MAX_TRIES = 3
# Once the PIN is accepted the dialog is the operator's menu, and its title says so.
MENU_SWITCH = N_("Operator menu: exit or switch meeting")
MENU_EXIT = N_("Operator menu: exit the kiosk")


class PinDialog(ModalScreen[str | None]):
    """Dismisses with "exit", "meeting:ID", "locked" after three wrong PINs, or None."""

    BINDINGS = [Binding("escape", "close", "Close", id="pin-close", show=False)]

    def __init__(
        self,
        pin: str,
        meetings: list[tuple[int, str]],
        lang: str,
        scanner: Callable[[], str] = lambda: "",
    ) -> None:
        """`scanner`: the ID card scanner's state in words, read again while the menu is
        open (unplugged, plugged back)."""
        super().__init__()
        self.scanner = scanner
        self.pin = pin
        self.meetings = meetings
        self.lang = lang
        self.tries = 0

    def compose(self) -> ComposeResult:
        with Vertical(id="pin-box"):
            yield Static(tr("Operator PIN", self.lang), id="pin-heading")
            yield Input(password=True, max_length=12, id="pin-input")
            yield Static(id="pin-error")
            with Vertical(id="pin-choices"):
                yield Static(id="pin-scanner")
                yield Button(tr("Exit", self.lang), id="exit", variant="error")
                for meeting_id, title in self.meetings:
                    label = tr(
                        "Switch to meeting {meeting}: {title}",
                        self.lang,
                        meeting=meeting_id,
                        title=title[:40],
                    )
                    yield Button(escape(label), id=f"meeting-{meeting_id}")
                yield Button(tr("Cancel", self.lang), id="cancel")

    def on_mount(self) -> None:
        self.query_one("#pin-choices").display = False
        self.query_one("#pin-input", Input).focus()
        self.show_scanner()
        self.set_interval(0.5, self.show_scanner)

    def show_scanner(self) -> None:
        """Shown only behind the PIN: the operator's, never the citizen's."""
        self.query_one("#pin-scanner", Static).update(escape(self.scanner()))

    @on(Input.Submitted, "#pin-input")
    def check_pin(self, event: Input.Submitted) -> None:
        if self.pin and hmac.compare_digest(event.value.encode(), self.pin.encode()):
            event.input.display = False
            self.query_one("#pin-error", Static).display = False
            heading = MENU_SWITCH if self.meetings else MENU_EXIT
            self.query_one("#pin-heading", Static).update(tr(heading, self.lang))
            self.query_one("#pin-choices").display = True
            self.query_one("#exit", Button).focus()
            return
        self.tries += 1
        event.input.value = ""
        self.query_one("#pin-error", Static).update(tr("Wrong PIN.", self.lang))
        if self.tries >= MAX_TRIES:
            self.dismiss("locked")

    @on(Button.Pressed)
    def choose(self, event: Button.Pressed) -> None:
        choice = event.button.id or "cancel"
        if choice == "exit":
            self.dismiss("exit")
        elif choice.startswith("meeting-"):
            self.dismiss("meeting:" + choice.removeprefix("meeting-"))
        else:
            self.dismiss(None)

    def action_close(self) -> None:
        self.dismiss(None)
