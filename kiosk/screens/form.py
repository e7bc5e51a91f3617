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

from kiosk.widgets import FieldList, FormInput, ListedFormInput
from shared.i18n import N_, tr, trn
from shared.idcard import CARD_READ, UNREADABLE
from shared.specs import FIELDS, REGISTRATION_FIELDS
from tui import ConfirmDialog, ListedInput, offer_markup
from tui.textual_private import SelectCurrent, SelectOverlay

SUMMARY_MAX = FIELDS["summary"].limit
SUMMARY_NEAR = SUMMARY_MAX - 20
"""From here the counter is shown as a warning: the end is near."""
PHONE_CHARACTERS = r"[0-9+ .\-()]*"
COUNT = N_("{count}/{max} characters")
FULL = N_("{count}/{max} characters: full, no more can be typed")
FIELD_HINT = N_("Enter: next field · ↓: choose another field")
CARD_FIELD_HINT = N_("Enter: continue · ↓: choose another field · letters: a summary, if you wish")
TYPING_HELP = {
    "telex": N_("Typing Telex: aa → â, dd → đ, s f r x j → tones · F2: change"),
    "vni": N_("Typing VNI: a6 → â, d9 → đ, 1 2 3 4 5 → tones · F2: change"),
    "off": N_("Letters typed as they come (a Vietnamese keyboard can be used) · F2: change"),
}


class RegistrationScreen(Screen[None]):
    """A fresh instance for every citizen, so nothing typed survives to the next. Posts
    `Submitted` or `Cancelled`; whoever runs the registration checks and decides."""

    BINDINGS = [
        Binding("escape", "escape", show=False, id="form-escape"),
        Binding("f2", "switch_typing", show=False, priority=True, id="form-typing"),
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
        self.refused: set[str] = set()
        """Fields whose error line says what they refused."""
        self.from_card = False
        """An ID card filled the name: the consent says so, and once the field is chosen
        Enter goes on (the summary and the phone stay optional, above)."""

    def compose(self) -> ComposeResult:
        yield Static(id="form-heading")
        yield Static(id="typing-help")
        with VerticalScroll(id="form-scroll"):
            for name in FIELDS:
                with Horizontal(classes="field-row"):
                    yield Static(id=f"label-{name}", classes="label")
                    if name == "field":
                        yield FieldList(self.fields, id="input-field")
                    else:
                        yield self._input(name)
                yield Static(id=f"error-{name}", classes="error")
                if name == "village":
                    yield Static(id="village-offer")
                if name == "field":
                    yield Static(id="field-hint")
                if name == "summary":
                    yield Static(id="summary-count")
        yield Static(id="form-status")  # above the buttons, never over them
        with Horizontal(id="form-buttons"):
            yield Button(id="continue", variant="success")
            yield Button(id="cancel", variant="default")
        yield Static(id="hint-bar")

    def _input(self, name: str) -> Input:
        limit = FIELDS[name].limit
        if name == "village":
            return ListedFormInput(self.villages, id="input-village", max_length=limit)
        if name == "phone":
            return FormInput(id="input-phone", max_length=limit, restrict=PHONE_CHARACTERS)
        if name == "summary":  # may be focused by a letter typed on the field list
            return FormInput(id="input-summary", max_length=limit, select_on_focus=False)
        return FormInput(id=f"input-{name}", max_length=limit)

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
        self.show_typing()
        field = self.query_one("#input-village", ListedInput)
        self.show_offer(ListedInput.Offered(field, field.offered, field.chosen))
        self.show_field_hint()

    def action_switch_typing(self) -> None:
        """Telex, VNI, off, and round again: on the form only (the kiosk's other keys
        stay locked)."""
        modes = list(TYPING_HELP)
        current = getattr(self.app, "typing_mode", "off")
        self.app.typing_mode = modes[(modes.index(current) + 1) % len(modes)]  # type: ignore[attr-defined]
        self.show_typing()

    def show_typing(self) -> None:
        mode = getattr(self.app, "typing_mode", "off")
        self.query_one("#typing-help", Static).update(escape(tr(TYPING_HELP[mode], self.lang)))

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
        counter = self.query_one("#summary-count", Static)
        text = FULL if count >= SUMMARY_MAX else COUNT
        counter.update(tr(text, self.lang, count=count, max=SUMMARY_MAX))
        counter.set_class(count >= SUMMARY_NEAR, "-near")
        counter.set_class(count >= SUMMARY_MAX, "-full")

    @on(FormInput.Refused)
    def say_refused(self, event: FormInput.Refused) -> None:
        """Keys a field could not take, said beside it until the citizen deletes
        something: never dropped without a word."""
        name = (event.field.id or "").removeprefix("input-")
        limit = FIELDS[name].limit
        if not event.count:
            if name in self.refused:
                self.refused.discard(name)
                self.show_error(name, "")
            return
        if event.full:
            text = trn(
                "At most {max} characters here: {n} more typed was not taken.",
                "At most {max} characters here: {n} more typed were not taken.",
                event.count,
                self.lang,
                max=limit,
            )
        else:
            text = trn(
                "A phone number takes digits, spaces and + . - ( ): {n} other was not taken.",
                "A phone number takes digits, spaces and + . - ( ): {n} others were not taken.",
                event.count,
                self.lang,
            )
        self.refused.add(name)
        self.show_error(name, text, refusal=True)

    @on(Input.Submitted)
    @on(FieldList.Done)
    def next_field(self, event: Input.Submitted | FieldList.Done) -> None:
        if isinstance(event, FieldList.Done) and self.from_card:
            self.submit()  # scan, field, Enter: name and village came from the card
            return
        self.focus_next()

    @on(FieldList.Typed)
    def start_summary(self, event: FieldList.Typed) -> None:
        summary = self.query_one("#input-summary", Input)
        summary.focus()
        summary.insert_text_at_cursor(event.character)

    def on_descendant_focus(self) -> None:
        self.show_field_hint()

    def on_descendant_blur(self) -> None:
        self.show_field_hint()

    @on(Select.Changed, "#input-field")
    def show_field_hint(self) -> None:
        """On the answered list, how to go on and how to change; nothing elsewhere."""
        field = self.query_one("#input-field", FieldList)
        hint = self.query_one("#field-hint", Static)
        shown = field.has_focus and not field.expanded and (field.answered or not field.is_blank())
        hint.display = shown
        words = CARD_FIELD_HINT if self.from_card else FIELD_HINT
        hint.update(tr(words, self.lang) if shown else "")

    def values(self) -> dict[str, str]:
        chosen = self.query_one("#input-field", Select).value
        values = {
            name: self.query_one(f"#input-{name}", Input).value
            for name in FIELDS
            if name != "field"
        }
        values["field"] = chosen if isinstance(chosen, str) else ""
        return values

    def fill_from_card(self, name: str, village: str | None) -> None:
        """A card was scanned: its name as printed and, if the address names a listed
        village, that village; the citizen goes on from the field list (or the village,
        offered as they type, when none matched)."""
        self.query_one("#input-name", Input).value = name
        self.from_card = True
        status = self.query_one("#form-status", Static)
        status.display = True
        status.update(tr(CARD_READ, self.lang))
        if village is None:
            self.query_one("#input-village", Input).focus()
            return
        self.query_one("#input-village", Input).value = village
        self.query_one("#input-field", FieldList).focus()
        # the citizen picks the field at once; a form pushed for this scan has not
        # composed the list's own parts yet, so open it once they are there
        self.call_after_refresh(self._open_field_list)

    def _open_field_list(self, tries: int = 20) -> None:
        """Only on this form while it shows (the kiosk may have been reset meanwhile)."""
        if self.app.screen is not self or not tries:
            return
        field = next(iter(self.query("#input-field").results(FieldList)), None)
        if field is None:
            return
        if not field.query(SelectCurrent) or not field.query(SelectOverlay):
            self.call_after_refresh(self._open_field_list, tries - 1)
        elif field.has_focus and field.is_blank() and not field.answered:
            field.action_show_overlay()

    def card_unreadable(self) -> None:
        """The form stays as it was; only the status line says so."""
        status = self.query_one("#form-status", Static)
        status.display = True
        status.update(tr(UNREADABLE, self.lang))

    def show_errors(self, errors: dict[str, str]) -> None:
        self.refused.clear()
        for name in FIELDS:
            self.show_error(name, errors.get(name, ""))
        status = self.query_one("#form-status", Static)
        status.display = bool(errors)
        status.update(tr("Please correct the marked fields.", self.lang) if errors else "")
        if errors:
            self.query_one(f"#input-{next(n for n in FIELDS if n in errors)}").focus()

    def show_error(self, name: str, text: str, refusal: bool = False) -> None:
        error = self.query_one(f"#error-{name}", Static)
        error.update(escape(text))
        error.display = bool(text)
        error.set_class(refusal, "-refused")
        self.query_one(f"#input-{name}").set_class(bool(text) and not refusal, "-invalid")

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
