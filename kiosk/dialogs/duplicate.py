"""Asked when the same name and village already registered in this meeting."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from kiosk.strings import t


class DuplicateDialog(ModalScreen[bool]):
    """Dismisses True for "yes, that is me"."""

    BINDINGS = [
        Binding("left", "app.focus_previous", show=False, id="duplicate-left"),
        Binding("right", "app.focus_next", show=False, id="duplicate-right"),
    ]

    def __init__(self, lang: str) -> None:
        super().__init__()
        self.lang = lang

    def compose(self) -> ComposeResult:
        with Vertical(id="duplicate-box"):
            yield Static(t("duplicate", self.lang))
            with Horizontal(id="duplicate-buttons"):
                yield Button(t("duplicate_yes", self.lang), id="same")
                yield Button(t("duplicate_no", self.lang), id="other", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#other", Button).focus()

    @on(Button.Pressed)
    def answer(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "same")
