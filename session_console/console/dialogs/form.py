"""One dialog for every small form of the console (a number, a walk-in, a question, an
outcome, the conclusion): fields in, the core's answer out. A refusal from the core is
shown inside the dialog, which stays open with everything typed.

A dialog closes only by saving or by an explicit "discard?": Escape, Cancel and Ctrl+Q
ask first when anything was typed. Enter moves down the fields, a chosen list included
(↓ or Space opens the list again; a blank one opens once, then Enter goes on), and in the
last one saves."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from rich.markup import escape
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Checkbox, Input, Label, Select, Static, TextArea

from shared.i18n import N_, UserError, tr
from shared.idcard import CARD_READ
from tui import ConfirmDialog, ListedInput, TelexInput, TelexTextArea, offer_markup

# Said under every check box: Space ticks it, Enter goes on (FieldCheckbox).
CHECK_HINT = N_("Space: tick or untick · Enter: on, or save in the last field")

# Fields that hold codes and dates, typed as they are, never composed as Vietnamese
# ("77/CAX" is a document number, not "77/CÃ"); a count, a folder, a file's path.
CODES = frozenset(
    {"document", "number", "on", "deadline", "date", "due", "ticket", "people", "folder", "path"}
)


@dataclass
class Field:
    name: str
    label: str
    kind: Literal["text", "select", "check", "area"] = "text"
    value: Any = ""
    options: Sequence[tuple[str, str]] = field(default_factory=list)
    suggestions: Sequence[str] = field(default_factory=list)
    hint: str = ""


class AskFirst(Exception):  # noqa: N818 - a question, not an error
    """Raised by a dialog's submit when saving needs the person's yes first (a new body
    for the list): `then` saves once they said yes; on no, the dialog stays as typed."""

    def __init__(self, question: str, yes: str, no: str, then: Callable[[], Any]) -> None:
        super().__init__(question)
        self.question, self.yes, self.no, self.then = question, yes, no, then

    @classmethod
    def new_body(cls, name: str, lang: str, then: Callable[[], Any]) -> AskFirst:
        """ "Add this body to the list?" - the outcome dialog's and the follow-up's."""
        return cls(
            tr("'{body}' is not in the list of bodies. Add it?", lang, body=name),
            yes=tr("Add it to the list", lang),
            no=tr("Back to the form", lang),
            then=then,
        )


@dataclass
class MovedOn(Message):
    """Enter on a list or a check box: on to the next field, as from a text field."""

    field: Widget


class FieldSelect(Select[str]):
    """A dialog's list: Enter on a chosen value moves on, as in a text field (it opened
    the list again, so a dialog whose last field is a list could not be saved with
    Enter). With nothing chosen yet, the first Enter opens the list; once it has been
    shown, Enter on a list left blank moves on too (it reopened the list, so Enter, Enter
    on a blank field went round and round: open, blank taken, open)."""

    BINDINGS = [Binding("enter", "move_on", show=False, id="select-move-on")]

    def __init__(self, *args: Any, **options: Any) -> None:
        super().__init__(*args, **options)
        self.offered = False  # the list has been shown once by Enter

    def action_move_on(self) -> None:
        if self.value is Select.NULL and not self.offered:
            self.offered = True
            self.action_show_overlay()
        else:
            self.post_message(MovedOn(self))


class FieldCheckbox(Checkbox):
    """A dialog's check box: Space ticks it, Enter moves on (in the last field, saves).
    Enter ticked and unticked it, so a walk-in's form, whose consent comes last, could
    not be saved with Enter, and a second Enter took the consent back."""

    BINDINGS = [
        Binding("space", "toggle_button", show=False, id="check-toggle"),
        Binding("enter", "move_on", show=False, id="check-move-on"),
    ]

    def action_move_on(self) -> None:
        self.post_message(MovedOn(self))


def _opening_value(spec: Field) -> Any:
    """What `_raw` reads from the field `spec` describes before anyone touched it."""
    if spec.kind == "check":
        return bool(spec.value)
    if spec.kind == "select":
        return spec.value if spec.value in {value for _, value in spec.options} else ""
    return str(spec.value)


Adapt = Callable[[Mapping[str, Any]], Mapping[str, str | None]]
"""Given the values typed so far, a hint per field to show, or None to hide that field
(fields not named keep what they have)."""


class FormDialog(ModalScreen[bool]):
    DEFAULT_CSS = """
    FormDialog { align: center middle; }
    FormDialog #dialog-box {
        width: 80; max-width: 100%; height: auto; max-height: 100%;
        border: thick $primary; background: $surface; padding: 0 1;
    }
    FormDialog #dialog-title { text-style: bold; padding: 0 0 1 0; }
    /* the buttons stay on screen however many fields: the fields scroll */
    FormDialog #dialog-fields { height: auto; max-height: 70vh; }
    FormDialog .dialog-field { height: auto; }
    FormDialog TextArea { height: 10; }
    FormDialog .hint { color: $text-muted; }
    FormDialog .offer { display: none; height: auto; }
    FormDialog #dialog-error { color: $error; text-style: bold; height: auto; }
    FormDialog #dialog-buttons { height: 3; align: right middle; }
    """
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="dialog-cancel")]

    def __init__(
        self,
        title: str,
        fields: Sequence[Field],
        submit: Callable[[dict[str, Any]], Any],
        lang: str,
        adapt: Adapt | None = None,
    ) -> None:
        super().__init__()
        self.title_text = title
        self.fields = list(fields)
        self.submit_values = submit
        self.lang = lang
        self.adapt = adapt
        self.initial: dict[str, Any] = {}
        self.card_fields: tuple[str, str] | None = None
        """The name and village fields an ID card scanned over this form fills, if any."""
        self.saved: Any = None
        """What the core's call returned on saving (the question logged, …)."""
        # The first field has the focus as the dialog is composed, not a moment later:
        # keys typed as it opens go to it, not to the scrolling box around the fields.
        self.AUTO_FOCUS = f"#f-{self.fields[0].name}"  # type: ignore[misc]
        # What the fields hold as they open, from the specs: keys typed as the dialog
        # opens may reach a field before the dialog's own mount handler runs.
        self.initial = {spec.name: _opening_value(spec) for spec in self.fields}

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog-box"):
            yield Static(escape(self.title_text), id="dialog-title")
            with VerticalScroll(id="dialog-fields", can_focus=False):
                for spec in self.fields:
                    with Vertical(id=f"row-{spec.name}", classes="dialog-field"):
                        yield from self._field(spec)
            yield Static(id="dialog-error")
            with Horizontal(id="dialog-buttons"):
                yield Button(tr("OK", self.lang), id="dialog-ok", variant="primary")
                yield Button(tr("Cancel", self.lang), id="dialog-cancel")

    def _field(self, spec: Field) -> ComposeResult:
        if spec.kind == "check":
            yield FieldCheckbox(spec.label, bool(spec.value), id=f"f-{spec.name}")
            yield Static(escape(tr(CHECK_HINT, self.lang)), classes="hint")
            return
        yield Label(spec.label)
        if spec.kind == "select":
            chosen = spec.value in {value for _, value in spec.options}
            yield FieldSelect(
                spec.options,
                value=spec.value if chosen else Select.NULL,
                allow_blank=not chosen,
                prompt=tr("Choose…", self.lang),
                id=f"f-{spec.name}",
            )
        elif spec.kind == "area":
            yield TelexTextArea(str(spec.value), id=f"f-{spec.name}")
        else:
            if spec.suggestions:
                yield ListedInput(
                    spec.suggestions,
                    value=str(spec.value),
                    id=f"f-{spec.name}",
                    select_on_focus=False,
                )
                yield Static(id=f"offer-{spec.name}", classes="offer")
            else:
                # a prefilled text (the citizen's summary) is never replaced by a stray key
                yield TelexInput(
                    str(spec.value),
                    id=f"f-{spec.name}",
                    select_on_focus=False,
                    composes=spec.name not in CODES,
                )
        yield Static(escape(spec.hint), id=f"hint-{spec.name}", classes="hint")

    @on(ListedInput.Offered)
    def _offer(self, offer: ListedInput.Offered) -> None:
        """The listed names matching what was typed ("minh" → "Tổ dân phố Minh Khai"), under
        the field; Enter or → takes the marked one as listed."""
        name = str(offer.field.id).removeprefix("f-")
        box = self.query_one(f"#offer-{name}", Static)
        box.update(offer_markup(offer.names, offer.chosen, self.lang))
        box.display = bool(offer.names)

    def focus_first(self) -> None:
        """The first field takes the focus (a key came before the dialog gave it)."""
        self.set_focus(self._inputs()[0])

    def fill_from_card(self, name: str, village: str | None) -> None:
        """A card scanned over the form: its name as printed and, when the address names a
        listed village, that village; the focus goes on to what is left to fill (the
        village, offered as typed, when none matched)."""
        assert self.card_fields is not None
        name_field, village_field = self.card_fields
        self.query_one(f"#f-{name_field}", Input).value = name
        self._hint(name_field, tr(CARD_READ, self.lang))
        place = self.query_one(f"#f-{village_field}", Input)
        if village is None:
            place.value = ""
            self.set_focus(place)
            return
        place.value = village
        shown = self._inputs()
        after = shown.index(place) + 1 if place in shown else len(shown)
        self.set_focus(shown[after] if after < len(shown) else place)

    def on_mount(self) -> None:
        for spec in self.fields:
            if spec.kind != "check":
                self._hint(spec.name, spec.hint)
        self._adapt()
        first = self._inputs()[0]
        if self.focused is None:
            self.set_focus(first)
        if isinstance(first, Input):  # focused before it had a size: show its end
            self.call_after_refresh(first.action_end)

    # --- what was typed ---

    def _raw(self) -> dict[str, Any]:
        found: dict[str, Any] = {}
        for spec in self.fields:
            widget = self.query_one(f"#f-{spec.name}")
            if isinstance(widget, Select):
                found[spec.name] = "" if widget.value is Select.NULL else widget.value
            elif isinstance(widget, TextArea):
                found[spec.name] = widget.text
            elif isinstance(widget, Checkbox | Input):
                found[spec.name] = widget.value
        return found

    def values(self) -> dict[str, Any]:
        """What the visible fields hold; a hidden field gives "" (or False)."""
        raw = self._raw()
        for spec in self.fields:
            if not self.query_one(f"#row-{spec.name}").display:
                raw[spec.name] = False if spec.kind == "check" else ""
        return raw

    def dirty(self) -> bool:
        """Anything typed or chosen since the dialog opened."""
        return bool(self.initial) and self._raw() != self.initial

    def _inputs(self) -> list[Widget]:
        """The visible fields, top to bottom."""
        return [
            self.query_one(f"#f-{spec.name}")
            for spec in self.fields
            if self.query_one(f"#row-{spec.name}").display
        ]

    # --- fields that depend on others ---

    @on(Select.Changed)
    def _adapt(self) -> None:
        if self.adapt is None:
            return
        for name, hint in self.adapt(self._raw()).items():
            self.query_one(f"#row-{name}").display = hint is not None
            if hint is not None:
                self._hint(name, hint)

    def _hint(self, name: str, text: str) -> None:
        hint = self.query_one(f"#hint-{name}", Static)
        hint.update(escape(text))
        hint.display = bool(text)

    # --- keys ---

    @on(Input.Submitted)
    @on(MovedOn)
    def next_field(self, event: Input.Submitted | MovedOn) -> None:
        """Enter goes on from the field that has the focus. A busy station hands keys to a
        field before an earlier Enter has moved the focus on: three quick Enters all
        reach the first field, and each must still move one field down."""
        event.stop()
        here: Widget | None = event.input if isinstance(event, Input.Submitted) else event.field
        shown = self._inputs()
        if self.focused in shown:
            here = self.focused
        if here is shown[-1]:
            self.save()
        elif here in shown:
            self.set_focus(shown[shown.index(here) + 1])

    @on(Button.Pressed, "#dialog-ok")
    def save(self) -> None:
        self._attempt(lambda: self.submit_values(self.values()))

    def _attempt(self, saving: Callable[[], Any]) -> None:
        try:
            self.saved = saving()
        except AskFirst as ask:
            then = ask.then
            self.app.push_screen(
                ConfirmDialog(ask.question, yes=ask.yes, no=ask.no),
                lambda yes: self._attempt(then) if yes else None,
            )
            return
        except UserError as error:
            self.query_one("#dialog-error", Static).update(escape(error.message(self.lang)))
            self.app.bell()
            return
        self.dismiss(True)

    @on(Button.Pressed, "#dialog-cancel")
    def action_cancel(self) -> None:
        if not self.dirty():
            self.dismiss(False)
            return
        question = ConfirmDialog(
            tr("Discard what was typed in this form?", self.lang),
            yes=tr("Discard", self.lang),
            no=tr("Keep editing", self.lang),
        )
        self.app.push_screen(question, self._discard_answered)

    def _discard_answered(self, discard: bool | None) -> None:
        if discard:
            self.dismiss(False)
