"""The registration form: keyboard only, one field after another, errors beside each."""

from __future__ import annotations

from dataclasses import dataclass

from rich.markup import escape
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Button, Input, Select, Static

from shared.i18n import tr
from shared.specs import FIELDS, REGISTRATION_FIELDS
from tui import ConfirmDialog, ListedInput, offer_markup

SUMMARY_MAX = FIELDS["summary"].limit
"""Listed villages shown at once under the field; more: type more letters."""


class FieldList(Select[str]):
    """The list of fields. Choosing leaves the focus here, so the next Tab goes to the
    summary (a jump to the summary sent the next Tab, and the summary typed after it, to
    the phone field, which drops letters). A letter typed here starts the summary
    instead of being lost."""

    def on_key(self, event: events.Key) -> None:
        character = event.character or ""
        if not self.expanded and character.isprintable() and character.strip():
            event.stop()
            event.prevent_default()
            self.post_message(self.Typed(character))

    @dataclass
    class Typed(Message):
        character: str


class RegistrationScreen(Screen[None]):
    """A fresh instance for every citizen, so nothing typed survives to the next. Posts
    `Submitted` or `Cancelled`; whoever runs the registration checks and decides."""

    BINDINGS = [
        Binding("escape", "escape", show=False, id="form-escape"),
    ]

    @dataclass
    class Submitted(Message):
        """The citizen pressed Continue with these values, as typed."""

        form: RegistrationScreen
        values: dict[str, str]

    @dataclass
    class Cancelled(Message):
        """The citizen gave up the form."""

    def __init__(self, villages: list[str], fields: list[str], kind: str, lang: str) -> None:
        """`kind`: the meeting's kind, which chooses some fields' labels."""
        super().__init__()
        self.kind = kind
        self.lang = lang
        self.villages = villages
        self.fields = fields

    def compose(self) -> ComposeResult:
        yield Static(id="form-heading")
        with VerticalScroll(id="form-scroll"):
            for name in FIELDS:
                with Horizontal(classes="field-row"):
                    yield Static(id=f"label-{name}", classes="label")
                    if name == "field":
                        yield FieldList([(f, f) for f in self.fields], id="input-field")
                    else:
                        yield self._input(name)
                yield Static(id=f"error-{name}", classes="error")
                if name == "village":
                    yield Static(id="village-offer")
                if name == "summary":
                    yield Static(id="summary-count")
        with Horizontal(id="form-buttons"):
            yield Button(id="continue", variant="success")
            yield Button(id="cancel", variant="default")
        yield Static(id="hint-bar")

    def _input(self, name: str) -> Input:
        limit = FIELDS[name].limit
        if name == "village":
            return ListedInput(self.villages, id="input-village", max_length=limit)
        if name == "phone":
            return Input(id="input-phone", max_length=limit, restrict=r"[0-9+ .\-()]*")
        if name == "summary":  # may be focused by a letter typed on the field list
            return Input(id="input-summary", max_length=limit, select_on_focus=False)
        return Input(id=f"input-{name}", max_length=limit)

    def on_mount(self) -> None:
        self.watch(self.app, "lang", self.show_texts)
        self.query_one("#input-name", Input).focus()

    def show_texts(self, lang: str) -> None:
        self.lang = lang
        self.query_one("#form-heading", Static).update(tr("Your registration", lang))
        kind = self.kind
        for spec in REGISTRATION_FIELDS:
            label = tr(spec.label_for(kind), lang) + (" *" if spec.required else "")
            self.query_one(f"#label-{spec.key}", Static).update(label)
            if spec.hint and spec.key != "field":
                placeholder = tr(spec.hint, lang, max=spec.limit)
                self.query_one(f"#input-{spec.key}", Input).placeholder = placeholder
        self.query_one("#input-field", Select).prompt = tr("Choose a field (Enter)", lang)
        self.query_one("#continue", Button).label = tr("Continue", lang)
        self.query_one("#cancel", Button).label = tr("Cancel", lang)
        self.query_one("#hint-bar", Static).update(tr("Ctrl+T: Tiếng Việt", lang))
        self.count_summary()
        field = self.query_one("#input-village", ListedInput)
        self.show_offer(ListedInput.Offered(field, field.offered, field.chosen))

    @on(ListedInput.Offered)
    def show_offer(self, offer: ListedInput.Offered) -> None:
        """The listed villages matching what was typed, under the field, the one Enter
        takes marked; and how to take it, in words."""
        box = self.query_one("#village-offer", Static)
        box.display = bool(offer.names)
        box.update(offer_markup(offer.names, offer.chosen, self.lang))

    @on(Input.Changed, "#input-summary")
    def count_summary(self) -> None:
        count = len(self.query_one("#input-summary", Input).value)
        self.query_one("#summary-count", Static).update(
            tr("{count}/{max} characters", self.lang, count=count, max=SUMMARY_MAX)
        )

    @on(Input.Submitted)
    def next_field(self) -> None:
        self.focus_next()

    @on(FieldList.Typed)
    def start_summary(self, event: FieldList.Typed) -> None:
        summary = self.query_one("#input-summary", Input)
        summary.focus()
        summary.insert_text_at_cursor(event.character)

    def values(self) -> dict[str, str]:
        chosen = self.query_one("#input-field", Select).value
        values = {
            name: self.query_one(f"#input-{name}", Input).value
            for name in FIELDS
            if name != "field"
        }
        values["field"] = chosen if isinstance(chosen, str) else ""
        return values

    def show_errors(self, errors: dict[str, str]) -> None:
        for name in FIELDS:
            error = self.query_one(f"#error-{name}", Static)
            error.update(escape(errors.get(name, "")))
            error.display = name in errors
            widget = self.query_one(f"#input-{name}")
            widget.set_class(name in errors, "-invalid")
        if errors:
            self.query_one(f"#input-{next(n for n in FIELDS if n in errors)}").focus()
            self.notify(tr("Please correct the marked fields.", self.lang), severity="warning")

    @on(Button.Pressed, "#continue")
    def submit(self) -> None:
        self.post_message(self.Submitted(self, self.values()))

    def dirty(self) -> bool:
        return any(self.values().values())

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        """Nothing typed: back to the start. Something typed: only if the citizen says so
        (a stray Escape or Cancel must not throw the form away)."""
        if not self.dirty():
            self.post_message(self.Cancelled())
            return
        question = ConfirmDialog(
            tr("Discard the details you have typed?", self.lang),
            yes=tr("Discard", self.lang),
            no=tr("Keep editing", self.lang),
        )
        self.app.push_screen(question, self._discard_answered)

    def action_escape(self) -> None:
        """A stray Escape on an empty form does nothing; on a filled one it asks."""
        if self.dirty():
            self.action_cancel()

    def _discard_answered(self, discard: bool | None) -> None:
        if discard:
            self.post_message(self.Cancelled())
