"""The consent step: what is collected, why, who keeps it, for how long; accept or not."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.markup import escape
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Button, Static

from kiosk.strings import t

if TYPE_CHECKING:
    from kiosk.app import KioskApp


class ConsentScreen(Screen[bool]):
    BINDINGS = [
        Binding("left", "app.focus_previous", show=False, id="consent-left"),
        Binding("right", "app.focus_next", show=False, id="consent-right"),
    ]

    app: KioskApp

    def __init__(self, with_phone: bool, keeper: str, months: int) -> None:
        super().__init__()
        self.with_phone = with_phone
        self.keeper = keeper
        self.months = months

    def compose(self) -> ComposeResult:
        with Vertical(id="consent-box"):
            yield Static(id="consent-heading")
            yield Static(id="consent-text")
            with Horizontal(id="consent-buttons"):
                yield Button(id="agree", variant="success")
                yield Button(id="disagree", variant="error")
        yield Static(id="hint-bar")

    def on_mount(self) -> None:
        self.watch(self.app, "lang", self.show_texts)
        self.query_one("#agree", Button).focus()

    def show_texts(self, lang: str) -> None:
        items = t("consent_items", lang)
        if self.with_phone:
            items += ", " + t("consent_phone", lang)
        lines = [
            t("consent_what", lang, items=items),
            t("consent_why", lang),
            t("consent_who", lang, body=self.keeper),
            t("consent_how_long", lang, months=self.months),
            t("consent_rights", lang),
        ]
        self.query_one("#consent-heading", Static).update(t("consent_heading", lang))
        text = "\n\n".join(f"• {x}" for x in lines)
        self.query_one("#consent-text", Static).update(escape(text))
        self.query_one("#agree", Button).label = t("agree", lang)
        self.query_one("#disagree", Button).label = t("disagree", lang)
        self.query_one("#hint-bar", Static).update(t("language_hint", lang))

    @on(Button.Pressed)
    def answer(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "agree")
