"""The consent step: what is collected, why, who keeps it, for how long; accept or not."""

from __future__ import annotations

from dataclasses import dataclass

from rich.markup import escape
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Button, Static

from kiosk.keys import arrow_keys
from shared.i18n import N_, tr
from shared.specs import REGISTRATION_FIELDS, FieldSpec

CARD_KEPT = N_(
    "Your ID card was read: only your name and village were kept; its number, "
    "date of birth, sex, address and issue date were not."
)


class ConsentScreen(Screen[None]):
    """Posts `Answered`; whoever runs the registration decides what comes next."""

    BINDINGS = arrow_keys("consent")

    @dataclass
    class Answered(Message):
        """The citizen agreed, or did not."""

        agreed: bool

    def __init__(
        self, recorded: list[FieldSpec], kind: str, keeper: str, months: int, card: bool = False
    ) -> None:
        """`recorded`: the fields the registration keeps (shared.registrations); `card`:
        an ID card filled the form."""
        super().__init__()
        self.card = card
        self.recorded = recorded
        self.kind = kind
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
        items = ", ".join(tr(spec.label_for(self.kind), lang) for spec in self.recorded)
        erased = ", ".join(
            tr(spec.label_for(self.kind), lang) for spec in REGISTRATION_FIELDS if spec.purged
        )
        lines = [tr(CARD_KEPT, lang)] if self.card else []
        lines += [
            tr("We record: {items}.", lang, items=items),
            tr(
                "To call you to speak in turn, to write the minutes and to tell you the answer.",
                lang,
            ),
            tr("Kept by: {body}.", lang, body=self.keeper),
            tr(
                "Kept for {months} months after your questions are resolved; then these are "
                "erased: {fields}.",
                lang,
                months=self.months,
                fields=erased,
            ),
            tr(
                "You may see, correct or withdraw your consent at any time through the secretary.",
                lang,
            ),
        ]
        self.query_one("#consent-heading", Static).update(
            tr("Consent to use your personal data", lang)
        )
        text = "\n\n".join(f"• {x}" for x in lines)
        self.query_one("#consent-text", Static).update(escape(text))
        self.query_one("#agree", Button).label = tr("I agree", lang)
        self.query_one("#disagree", Button).label = tr("I do not agree", lang)
        self.query_one("#hint-bar", Static).update(tr("Ctrl+T: Tiếng Việt", lang))

    @on(Button.Pressed)
    def answer(self, event: Button.Pressed) -> None:
        self.post_message(self.Answered(event.button.id == "agree"))
