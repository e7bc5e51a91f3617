"""One dialog for every small form of the console (a number, a walk-in, a question, an
outcome, the conclusion): fields in, the core's answer out. A refusal from the core is
shown inside the dialog, which stays open with everything typed."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from rich.markup import escape
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, Select, Static, TextArea

from shared.i18n import UserError, tr
from tui import FoldedSuggester


@dataclass
class Field:
    name: str
    label: str
    kind: Literal["text", "select", "check", "area"] = "text"
    value: Any = ""
    options: Sequence[tuple[str, str]] = field(default_factory=list)
    suggestions: Sequence[str] = field(default_factory=list)
    hint: str = ""


class FormDialog(ModalScreen[bool]):
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="dialog-cancel")]

    def __init__(
        self,
        title: str,
        fields: Sequence[Field],
        submit: Callable[[dict[str, Any]], Any],
        lang: str,
    ) -> None:
        super().__init__()
        self.title_text = title
        self.fields = list(fields)
        self.submit_values = submit
        self.lang = lang

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog-box"):
            yield Static(escape(self.title_text), id="dialog-title")
            with VerticalScroll(id="dialog-fields"):
                for spec in self.fields:
                    yield from self._field(spec)
            yield Static(id="dialog-error")
            with Horizontal(id="dialog-buttons"):
                yield Button(tr("OK", self.lang), id="dialog-ok", variant="primary")
                yield Button(tr("Cancel", self.lang), id="dialog-cancel")

    def _field(self, spec: Field) -> ComposeResult:
        if spec.kind == "check":
            yield Checkbox(spec.label, bool(spec.value), id=f"f-{spec.name}")
            return
        yield Label(spec.label)
        if spec.kind == "select":
            yield Select(spec.options, value=spec.value or Select.NULL, id=f"f-{spec.name}")
        elif spec.kind == "area":
            yield TextArea(str(spec.value), id=f"f-{spec.name}")
        else:
            suggester = FoldedSuggester(spec.suggestions) if spec.suggestions else None
            yield Input(str(spec.value), id=f"f-{spec.name}", suggester=suggester)
        if spec.hint:
            yield Static(escape(spec.hint), classes="hint")

    def on_mount(self) -> None:
        self.query_one(f"#f-{self.fields[0].name}").focus()

    def values(self) -> dict[str, Any]:
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

    @on(Input.Submitted)
    def next_field(self) -> None:
        self.focus_next()

    @on(Button.Pressed, "#dialog-ok")
    def save(self) -> None:
        try:
            self.submit_values(self.values())
        except UserError as error:
            self.query_one("#dialog-error", Static).update(escape(error.message(self.lang)))
            self.app.bell()
            return
        self.dismiss(True)

    @on(Button.Pressed, "#dialog-cancel")
    def action_cancel(self) -> None:
        self.dismiss(False)
