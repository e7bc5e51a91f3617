"""Asked when the same name and village already registered in this meeting."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from kiosk.keys import arrow_keys
from shared.i18n import tr


class DuplicateDialog(ModalScreen[None]):
    """Posts `Answered`; the dialog stays until whoever asked takes it away."""

    BINDINGS = arrow_keys("duplicate")

    @dataclass
    class Answered(Message):
        """The citizen said whether the person already registered is them."""

        same: bool

    def __init__(self, lang: str) -> None:
        super().__init__()
        self.lang = lang

    def compose(self) -> ComposeResult:
        with Vertical(id="duplicate-box"):
            yield Static(
                tr(
                    "Someone with this name and village is already registered.\nIs that you?",
                    self.lang,
                )
            )
            with Horizontal(id="duplicate-buttons"):
                yield Button(tr("Yes, that is me", self.lang), id="same")
                yield Button(tr("No, someone else", self.lang), id="other", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#other", Button).focus()

    @on(Button.Pressed)
    def answer(self, event: Button.Pressed) -> None:
        self.post_message(self.Answered(event.button.id == "same"))
