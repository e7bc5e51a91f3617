"""The registration form: keyboard only, one field after another, errors beside each."""

from __future__ import annotations

from dataclasses import dataclass

from rich.markup import escape
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Button, Input, Select, Static

from shared.i18n import tr
from shared.specs import FIELDS, REGISTRATION_FIELDS
from tui import FoldedSuggester

SUMMARY_MAX = FIELDS["summary"].limit


class RegistrationScreen(Screen[None]):
    """A fresh instance for every citizen, so nothing typed survives to the next. Posts
    `Submitted` or `Cancelled`; whoever runs the registration checks and decides."""

    BINDINGS = [
        Binding("escape", "nothing", show=False, id="form-escape"),
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
                        yield Select([(f, f) for f in self.fields], id="input-field")
                    else:
                        yield self._input(name)
                yield Static(id=f"error-{name}", classes="error")
                if name == "summary":
                    yield Static(id="summary-count")
        with Horizontal(id="form-buttons"):
            yield Button(id="continue", variant="success")
            yield Button(id="cancel", variant="default")
        yield Static(id="hint-bar")

    def _input(self, name: str) -> Input:
        limit = FIELDS[name].limit
        if name == "village":
            suggester = FoldedSuggester(self.villages)
            return Input(id="input-village", max_length=limit, suggester=suggester)
        if name == "phone":
            return Input(id="input-phone", max_length=limit, restrict=r"[0-9+ .\-()]*")
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

    @on(Input.Changed, "#input-summary")
    def count_summary(self) -> None:
        count = len(self.query_one("#input-summary", Input).value)
        self.query_one("#summary-count", Static).update(
            tr("{count}/{max} characters", self.lang, count=count, max=SUMMARY_MAX)
        )

    @on(Input.Submitted)
    def next_field(self) -> None:
        self.focus_next()

    @on(Select.Changed)
    def after_field(self) -> None:
        self.focus_next()

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

    @on(Button.Pressed, "#cancel")
    def cancel(self) -> None:
        self.post_message(self.Cancelled())

    def action_nothing(self) -> None:
        """Escape does nothing here: a stray key must not throw away the form."""
