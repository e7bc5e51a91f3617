"""The secretary's console: the speaking queue, the timer, the question log."""

from __future__ import annotations

import asyncio
import gc
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from rich.markup import escape
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.message_pump import MessagePump
from textual.widgets import Input, Static

from printing import jobs
from printing.connections import Connection, connect
from printing.documents import ticket_for
from session_console.console import forms
from session_console.console.columns import question_columns, queue_columns
from session_console.console.dialogs.form import FormDialog, MovedOn
from session_console.console.dialogs.offers import OfferDialog
from session_console.console.keys import KEYS, bindings, localized
from session_console.console.queue_rows import QueueRows
from session_console.console.scanning import Bursts, is_ticket
from session_console.station import StationApp
from session_console.widgets import LiveTable, show
from session_console.widgets.speaker import SpeakerPanel
from shared import agenda, meetings, speaking
from shared.config import Settings
from shared.db import Store
from shared.events import describe, undo_last
from shared.i18n import N_, UserError, tr
from shared.idcard import UNREADABLE, looks_like_card, read_card, village_of
from shared.prepared import Offers, link
from shared.questions import find_question, questions_of, standalone_questions
from shared.recurrence import RaisedBefore
from shared.reference import names
from shared.registrations import get_registration, verify_payload
from shared.scanner import SerialScanner, parse_scanner, status_line
from shared.specs import outcome_label
from shared.text import fold, matches, show_date
from tui import ConfirmDialog, PrintingApp
from tui.textual_private import queued

MOVING_ON = (events.Key, Input.Submitted, MovedOn)
SETTLE_TRIES = 50  # 10 ms each: a station never waits more than half a second for a key


def _moves_on(node: MessagePump) -> bool:
    """Whether `node` still holds a key, or an Enter's "go to the next field", unhandled
    (its cursor's blinking and repaints are no reason to wait)."""
    return any(isinstance(message, MOVING_ON) for message in queued(node))


class FindField(Input):
    """The find and scan field: Esc leaves it for the queue, what was typed cleared."""

    BINDINGS = [Binding("escape", "leave", show=False, id="find-leave")]

    def action_leave(self) -> None:
        self.value = ""
        self.screen.set_focus(self.screen.query_one("#queue"))


class ConsoleApp(StationApp, PrintingApp):
    CSS_PATH = "console.tcss"
    BINDINGS = bindings("vi")
    FOOTER_FIRST = (
        "help",
        "call_next",
        "start",
        "pause",
        "stop",
        "question",
        "outcome",
        "find",
        "undo",
        "walk_in",
        "written",
        "no_show",
        "call_number",
        "reprint",
        "withdraw",
        "recall",
        "toggle_registration",
        "next_step",
        "conclusion",
        "link",
    )

    def __init__(
        self,
        settings: Settings,
        meeting_id: int | None = None,
        connect_printer: Callable[[], Connection] | None = None,
    ) -> None:
        super().__init__(settings, meeting_id)
        self.connect_printer = connect_printer or (lambda: connect(settings.printer))
        self.rows: dict[str, dict[str, Any]] = {}
        self.lectern: dict[str, Any] | None = None
        self.refreshed = 0.0
        self.queue_rows = QueueRows(self.lang)
        self.bursts = Bursts(
            self,
            self._burst,
            self._deliver,
            self._hand_over,
            lambda: len(self.screen_stack) == 1,
        )
        self._to_field = False  # handed over to the scan field, which has not got focus yet
        self._handed = ""  # the text last handed over: perhaps a stalled burst's start
        self.written_shown = False
        """The questions panel lists the written questions, not the selected speaker's."""
        self._questions_of: object = None  # whose questions the panel showed last
        self._found: tuple[str, str] = ("", "")  # the last name found, and the row it was on
        self.scanner: SerialScanner | None = None
        """A 2D scanner in serial mode (setting `scanner`): ID cards, and tickets too."""

    def compose(self) -> ComposeResult:
        yield Static(id="top-bar")
        with Horizontal(id="main"):
            yield LiveTable(queue_columns(self.lang), id="queue")
            with Vertical(id="side"):
                yield SpeakerPanel(id="speaker")
        yield Static(id="questions-title")
        yield LiveTable(question_columns(self.lang), id="questions")
        yield FindField(
            placeholder=tr("Scan a ticket or find a name (diacritics optional)…", self.lang),
            id="scan",
            select_on_focus=False,
        )
        yield self.footer()

    def on_mount(self) -> None:
        url = parse_scanner(self.settings.scanner)
        if url is not None:
            self.scanner = SerialScanner(url, self._serial_scan, self._scanner_changed)
        self.offers: Offers | None = None
        super().on_mount()
        self.offers = Offers(self.store, self.meeting_id)
        self.offers.warm()  # built now, not while the first question is logged
        self.raised_before = RaisedBefore(self.store)
        self.main.query_one("#queue", LiveTable).focus()
        if self.scanner is not None:
            self.scanner.start()
        # Everything built so far lives as long as the station: keep it out of the garbage
        # collector's full passes, which otherwise stall a key for 100 ms and more.
        gc.freeze()

    # --- keeping the screen in step with the database ---

    def refresh_all(self) -> None:
        super().refresh_all()
        self.refreshed = time.monotonic()
        self.lectern = speaking.at_lectern(self.store, self.meeting_id)
        cells = self.queue_rows.update(self.store, self.meeting_id, time.time())
        self.rows = self.queue_rows.rows
        self.main.query_one("#queue", LiveTable).sync(cells)
        self.show_top_bar()
        self.show_speaker()
        self.show_questions()

    def show_top_bar(self) -> None:
        meeting = self.meeting
        state = (
            N_("REGISTRATION OPEN") if meeting["registration_open"] else N_("REGISTRATION CLOSED")
        )
        current = [s["title"] for s in agenda.steps(self.store, self.meeting_id) if s["current"]]
        parts = [meeting["title"], tr(state, self.lang)]
        if current:
            parts.append(tr("Program: {step}", self.lang, step=current[0]))
        if self.scanner is not None:
            parts.append(status_line(self.scanner, self.lang))
        show(self.main.query_one("#top-bar", Static), escape(" · ".join(parts)))

    def tick(self) -> None:
        self.show_speaker()
        if time.monotonic() - self.refreshed > 30:  # the "waited" minutes move on their own
            self.refresh_all()

    def show_speaker(self) -> None:
        limit = self.meeting["speaking_seconds"]
        self.main.query_one("#speaker", SpeakerPanel).show(self.lectern, limit, self.lang)

    def selected(self) -> dict[str, Any] | None:
        key = self.main.query_one("#queue", LiveTable).selected_key()
        return self.rows.get(key) if key else None

    def show_questions(self) -> None:
        """The selected speaker's questions, or the written ones (`v`); on another
        speaker, the cursor on the newest question without an outcome: what `o` opens."""
        row = self.selected()
        if self.written_shown:
            found = standalone_questions(self.store, self.meeting_id)
            title = tr(
                "Written questions ({count}) · v: the speaker's", self.lang, count=len(found)
            )
            whose: object = "written"
        else:
            found = questions_of(self.store, row["id"]) if row else []
            number = f"{row['number']:03d}" if row else ""
            title = tr("Questions of number {number}", self.lang, number=number) if row else ""
            whose = row["id"] if row else None
        show(self.main.query_one("#questions-title", Static), escape(title))
        table = self.main.query_one("#questions", LiveTable)
        table.sync([(str(q["id"]), self._question_cells(q)) for q in found])
        if whose != self._questions_of:
            self._questions_of = whose
            unanswered = [q for q in found if not q["outcome"]]
            if unanswered or found:
                table.select(str((unanswered or found)[-1]["id"]))

    def _question_cells(self, question: dict[str, Any]) -> tuple[str, ...]:
        summary = question["summary"]
        if question["raised_by"] and not question["registration_id"]:
            summary = f"{question['raised_by']}: {summary}"
        return (
            str(question["number"]),
            summary,
            question["official_name"],
            tr(outcome_label(question["outcome"]), self.lang),
            show_date(question["deadline"]),
        )

    def _show_question(self, question: dict[str, Any] | None, written: bool) -> None:
        """After logging a question: the panel shows it, under the cursor, for `o`."""
        if question is None:
            return
        self.written_shown = written
        self._questions_of = None
        self.refresh_all()
        self.main.query_one("#questions", LiveTable).select(str(question["id"]))

    def action_written_list(self) -> None:
        self.written_shown = not self.written_shown
        self.show_questions()

    @on(LiveTable.RowHighlighted, "#queue")
    def _queue_moved(self) -> None:
        with self._unless_closing():  # the table also moves while the app tears it down
            if self.written_shown and self.focused is self.main.query_one("#queue"):
                self.written_shown = False  # the secretary moved on to a speaker
            self.show_questions()

    # --- doing things: every action is one core call, then a refresh ---

    def _selected_number(self) -> int | None:
        row = self.selected()
        if row is None:
            self.notify(tr("Select a row first.", self.lang), severity="warning")
            return None
        return int(row["number"])

    def _go_to(self, registration_id: int) -> None:
        """A speaker found, scanned or called: theirs are the questions shown, even after
        the written ones were (the panel stayed on those, under the speaker found)."""
        self.written_shown = False
        self.main.query_one("#queue", LiveTable).select(str(registration_id))
        self.show_questions()

    def action_call_next(self) -> None:
        row = self.run_core(lambda: speaking.call(self.store, self.meeting_id))
        if row:
            self._go_to(row["id"])

    def action_call_number(self) -> None:
        def call(number: int) -> None:
            row = speaking.call(self.store, self.meeting_id, number)
            self.refresh_all()
            self._go_to(row["id"])

        title, label = tr("Call a number", self.lang), tr("Ticket number", self.lang)
        self.push_screen(forms.number_dialog(title, label, self.lang, call))

    def action_start(self) -> None:
        self.run_core(lambda: speaking.start(self.store, self.meeting_id))

    def action_pause(self) -> None:
        row = speaking.at_lectern(self.store, self.meeting_id)
        act = speaking.resume if row and row["speech_paused"] else speaking.pause
        self.run_core(lambda: act(self.store, self.meeting_id))

    def action_stop(self) -> None:
        self.run_core(lambda: speaking.stop(self.store, self.meeting_id))

    def action_no_show(self) -> None:
        lectern = speaking.at_lectern(self.store, self.meeting_id)
        number = lectern["number"] if lectern else self._selected_number()
        if number is not None:
            self.run_core(lambda: speaking.no_show(self.store, self.meeting_id, number))

    def _on_selected(self, action: Callable[[Store, int, int], Any]) -> None:
        number = self._selected_number()
        if number is not None:
            self.run_core(lambda: action(self.store, self.meeting_id, number))

    def action_recall(self) -> None:
        self._on_selected(speaking.recall)

    def action_withdraw(self) -> None:
        """A withdrawn number cannot be recalled (only `u`, while it is the latest change,
        brings it back): so a stray `w` asks first, naming who would be lost."""
        row = self.selected()
        if row is None or row["status"] not in speaking.TRANSITIONS["withdraw"]:
            self._on_selected(speaking.withdraw)  # no row, or the core says why not
            return
        number = int(row["number"])
        question = tr(
            "Withdraw number {number} – {name}?",
            self.lang,
            number=f"{number:03d}",
            name=row["name"],
        )

        def answered(withdraw: bool | None) -> None:
            if withdraw:
                self.run_core(lambda: speaking.withdraw(self.store, self.meeting_id, number))

        dialog = ConfirmDialog(
            question,
            yes=tr("Withdraw registration", self.lang),
            no=tr("Keep in the queue", self.lang),
        )
        self.push_screen(dialog, answered)

    def _move_by(self, step: int) -> None:
        row = self.selected()
        if row is None:
            self.notify(tr("Select a row first.", self.lang), severity="warning")
            return
        waiting = [r["id"] for r in self.rows.values() if r["status"] == "waiting"]
        # A row that is not waiting: the core refuses the move and says why.
        here = waiting.index(row["id"]) + 1 if row["id"] in waiting else 1
        place = min(max(here + step, 1), max(len(waiting), 1))
        self.run_core(lambda: speaking.move(self.store, self.meeting_id, row["number"], place))
        self._go_to(row["id"])

    def action_move_up(self) -> None:
        self._move_by(-1)

    def action_move_down(self) -> None:
        self._move_by(1)

    def action_move_to(self) -> None:
        number = self._selected_number()
        if number is None:
            return

        def move(place: int) -> None:
            speaking.move(self.store, self.meeting_id, number, place)
            self.refresh_all()

        title = tr("Move {number} to place", self.lang, number=f"{number:03d}")
        label = tr("Place in the queue (1: next)", self.lang)
        self.push_screen(forms.number_dialog(title, label, self.lang, move))

    def action_walk_in(self) -> None:
        self.open_dialog(forms.walk_in(self.store, self.meeting_id, self.lang))

    def action_written(self) -> None:
        dialog = forms.written_question(self.store, self.meeting_id, self.lang)

        def closed(saved: bool | None) -> None:
            question = dialog.saved if saved else None
            self._show_question(question, written=True)
            if question:
                self._offer(question, quiet=True)
                said = tr(
                    "Written question #{number} saved: {who}: {summary}. Answered by: {official}.",
                    self.lang,
                    number=question["number"],
                    who=question["raised_by"] or "—",
                    summary=question["summary"],
                    official=question["official_name"] or "—",
                )
                self.notify(escape(said), timeout=8)

        self.push_screen(dialog, closed)

    def action_question(self) -> None:
        row = self.selected()
        if row is None:
            self.notify(tr("Select a row first.", self.lang), severity="warning")
            return
        registration = get_registration(self.store, row["id"])
        dialog = forms.speaker_question(self.store, self.meeting_id, registration, self.lang)

        def closed(saved: bool | None) -> None:
            question = dialog.saved if saved else None
            self._show_question(question, False)
            if question:
                self._offer(question, quiet=True)

        self.push_screen(dialog, closed)

    def action_link(self) -> None:
        """The gathered opinions like the selected question, to link one (again)."""
        key = self.main.query_one("#questions", LiveTable).selected_key()
        question = find_question(self.store, int(key)) if key else None
        if question is None:
            self.notify(tr("Select a question first.", self.lang), severity="warning")
            return
        self._offer(question, quiet=False)

    def _offer(self, question: dict[str, Any], quiet: bool) -> None:
        """Offer the gathered opinions saying what `question` says; `quiet`: say nothing
        when there are none (just logged: most questions were not gathered before)."""
        if question["source"] == "pre_collected" or self.offers is None:
            if not quiet:
                self.notify(tr("This opinion was gathered before the meeting.", self.lang))
            return
        found = self.offers.find(question["summary"], question["field"])
        if not found:
            if not quiet:
                said = tr("No gathered opinion says the same.", self.lang)
                self.notify(said, severity="warning")
            return

        def chosen(opinion: int | None) -> None:
            if opinion is None:
                return
            if self.run_core(lambda: link(self.store, question["id"], opinion)):
                said = tr(
                    "Question #{number} linked to gathered opinion #{opinion}.",
                    self.lang,
                    number=question["number"],
                    opinion=opinion,
                )
                self.notify(escape(said))

        dialog = OfferDialog(question["summary"], found, self.lang, self.raised_before)
        self.push_screen(dialog, chosen)

    def action_outcome(self) -> None:
        key = self.main.query_one("#questions", LiveTable).selected_key()
        if key is None:
            self.notify(tr("Select a question first.", self.lang), severity="warning")
            return
        question = find_question(self.store, int(key))
        if question:
            self.open_dialog(forms.outcome(self.store, question, self.lang))

    def action_conclusion(self) -> None:
        self.open_dialog(forms.conclusion(self.store, self.meeting_id, self.lang))

    def action_toggle_registration(self) -> None:
        """Opening is at once; closing stops every kiosk, so it asks first."""
        is_open = not self.meeting["registration_open"]

        def answered(yes: bool | None) -> None:
            if yes:
                self.run_core(
                    lambda: meetings.set_registration(self.store, self.meeting_id, is_open)
                )

        if is_open:
            answered(True)
            return
        dialog = ConfirmDialog(
            tr("Close registration? Every kiosk stops taking new speakers.", self.lang),
            yes=tr("Close registration", self.lang),
            no=tr("Keep it open", self.lang),
        )
        self.push_screen(dialog, answered)

    def action_undo(self) -> None:
        event = self.run_core(lambda: undo_last(self.store, self.meeting_id))
        if event:
            what = describe(self.store, event, self.lang)
            self.notify(escape(tr("Undone: {what}", self.lang, what=what)))

    def action_next_step(self) -> None:
        """Moves the program on; a key that cannot, says why (no program, or its end)."""
        steps = agenda.steps(self.store, self.meeting_id)
        position = self.meeting["current_step"] + 1
        if not steps:
            dialog = ConfirmDialog(
                tr("The meeting has no program. Enter one now?", self.lang),
                yes=tr("Enter the program", self.lang),
                no=tr("Not now", self.lang),
            )
            program = forms.program(self.store, self.meeting_id, self.lang)
            self.push_screen(dialog, lambda yes: self.open_dialog(program) if yes else None)
        elif position > len(steps):
            last = steps[-1]
            said = tr(
                "This is the last step of the program: {step}. {title}",
                self.lang,
                step=last["position"],
                title=last["title"],
            )
            self.notify(escape(said), severity="warning")
        else:
            step = self.run_core(lambda: agenda.go_to_step(self.store, self.meeting_id, position))
            if step:
                said = tr(
                    "Program: step {step} of {count}, {title}.",
                    self.lang,
                    step=step["position"],
                    count=len(steps),
                    title=step["title"],
                )
                self.notify(escape(said))

    # --- finding and scanning ---

    def action_find(self) -> None:
        self.set_focus(self.main.query_one("#scan", Input))  # now: the next key is for it

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key) and not event.is_forwarded:
            if await self.bursts.take(event) or self._into_scan_field(event):
                return  # part of a scan, or typed outside a field: kept from the focus
            await self._settle()
        await super().on_event(event)

    async def _deliver(self, key: events.Key) -> None:
        await self._settle()
        await super().on_event(key)

    async def _settle(self) -> None:
        """A key goes to whatever has the focus when it is handed on. On a busy machine
        the key before it (an Enter that moves to the next field) may still wait in the
        field's queue: this key would follow it into the field it is leaving ("phong"
        typed into the list just left). So wait, briefly, until the focused field and the
        widgets around it have handled what they were given."""
        for _ in range(SETTLE_TRIES):
            focused = self.focused
            # the field and the widgets around it, not the app: its own queue holds the
            # keys typed after this one, which are no reason to wait
            nodes = list(focused.ancestors_with_self) if focused else [self.screen]
            nodes = [node for node in nodes if node is not self]
            if not any(_moves_on(node) for node in nodes):
                break
            await asyncio.sleep(0.01)
        if self.focused is None and isinstance(self.screen, FormDialog):
            self.screen.focus_first()  # a key as a form opens is for its first field

    def _into_scan_field(self, event: events.Key) -> bool:
        """After a hand-over, keys go to the scan field until it has the focus."""
        if not self._to_field:
            return False
        scan = self.main.query_one("#scan", Input)
        if self.focused is scan or len(self.screen_stack) != 1:
            self._to_field = False
            return False
        if event.key == "enter":
            self._to_field = False
            if not self.find_or_verify(scan.value):
                scan.value = ""
            return True
        character = event.character or ""
        if len(character) == 1 and character.isprintable():
            scan.insert_text_at_cursor(character)
            return True
        return False

    def _burst(self, text: str) -> bool:
        """A burst ended by Enter. A loaded machine may stall the station inside one, so
        that its start came a person's pause before the rest and was handed to the find
        field as typed: with that start it reads as a ticket, and is taken whole; the start
        leaves the field (what was typed there before stays) and the queue has the keys
        again, as after any scan."""
        scan = self.main.query_one("#scan", Input)
        start = self._handed
        split = start and scan.value.endswith(start) and not is_ticket(text)
        if not (split and is_ticket(start + text)):
            return self.find_or_verify(text)
        self._handed = ""
        self._to_field = False
        scan.value = scan.value[: -len(start)]
        # after the hand-over's own focus on the find field, which is still queued
        self.call_later(self.set_focus, self.main.query_one("#queue", LiveTable))
        return self.find_or_verify(start + text)

    def _hand_over(self, text: str) -> None:
        """Capitals a person typed outside a field: to the scan field, nothing lost."""
        with self._unless_closing():
            scan = self.main.query_one("#scan", Input)
            scan.insert_text_at_cursor(text)
            scan.focus()
            self._to_field = True
            self._handed = text

    @on(Input.Submitted, "#scan")
    def scan_or_find(self, event: Input.Submitted) -> None:
        """Enter finds; Enter again, the next with the same name (the text stays)."""
        if not self.find_or_verify(event.value):
            event.input.value = ""
            self.set_focus(self.main.query_one("#queue", LiveTable))  # the next key is a key

    def find_or_verify(self, text: str) -> bool:
        """A scanned ticket is verified and selected, an ID card is read (name and village,
        nothing else), a ticket number selects its row, anything else finds a name: True
        when another row has that name too."""
        text = text.strip()
        if not text:
            return False
        if looks_like_card(text):
            self.card_scanned(text)
            return False
        if is_ticket(text):
            row = self.run_core(lambda: verify_payload(self.store, text, self.meeting_id))
            if row:
                self._go_to(row["id"])
                number = f"{row['number']:03d}"
                said = tr("Ticket {number}: {name}", self.lang, number=number, name=row["name"])
                self.notify(escape(said))
            return False
        if text.isdigit():
            found = [r for r in self.rows.values() if r["number"] == int(text)]
        else:
            found = [r for r in self.rows.values() if matches(text, r["name"])]
        if not found:
            said = tr('Nothing matches "{text}".', self.lang, text=text)
            self.notify(escape(said), severity="warning")
            return False
        keys = [str(r["id"]) for r in found]
        last_text, last_key = self._found
        at = keys.index(last_key) + 1 if last_text == text and last_key in keys else 0
        row = found[at % len(found)]
        self._found = (text, str(row["id"]))
        self._go_to(row["id"])
        if len(found) == 1:
            return False
        said = tr(
            "{name}: {at} of {count} found. Enter: the next one; Esc: back to the queue.",
            self.lang,
            name=row["name"],
            at=at % len(found) + 1,
            count=len(found),
        )
        self.notify(escape(said))
        return True

    # --- a citizen's ID card: a walk-in's name and village, nothing else kept ---

    @dataclass
    class SerialScanned(Message):
        """A line from the serial scanner (posted from its thread, which never waits)."""

        data: bytes

    class ScannerChanged(Message):
        """The serial scanner was connected or lost."""

    def _serial_scan(self, data: bytes) -> None:
        self.post_message(self.SerialScanned(data))

    def _scanner_changed(self, state: str) -> None:
        self.post_message(self.ScannerChanged())

    @on(ScannerChanged)
    def _show_scanner(self) -> None:
        with self._unless_closing():
            self.show_top_bar()

    @on(SerialScanned)
    def serial_scanned(self, message: SerialScanned) -> None:
        """A line from the serial scanner: an ID card, or a ticket; anything else (noise,
        a code cut off) is said unreadable, never shown."""
        data, message.data = message.data, b""
        text = data.decode("utf-8", "replace").strip()
        with self._unless_closing():
            if looks_like_card(text):
                self.card_scanned(data)
            elif is_ticket(text):
                self.find_or_verify(text)
            else:
                self.notify(tr(UNREADABLE, self.lang), severity="warning")

    def card_scanned(self, payload: str | bytes) -> None:
        """Over the walk-in form (or a written question's): its name and village filled.
        Elsewhere: the citizen's registration found by the name, or the walk-in form
        offered, filled. An unreadable card says so; no field of a card is ever shown
        but its name and village."""
        try:
            card = read_card(payload)
        except UserError as error:
            self.notify(escape(error.message(self.lang)), severity="warning")
            return
        del payload  # the card's other fields are never kept
        villages = names(self.store, "villages")
        village = village_of(card.place, villages)
        screen = self.screen
        if isinstance(screen, FormDialog) and screen.card_fields is not None:
            screen.fill_from_card(card.name, village)
            return
        if len(self.screen_stack) != 1:
            said = tr("An ID card was scanned: it fills the walk-in form (i).", self.lang)
            self.notify(escape(said), severity="warning")
            return
        found = [r for r in self.rows.values() if fold(r["name"]) == fold(card.name)]
        if found:
            self._go_to(found[0]["id"])
            numbers = ", ".join(f"{r['number']:03d}" for r in found)
            said = tr(
                "ID card: {name}, number {numbers}.", self.lang, name=card.name, numbers=numbers
            )
            self.notify(escape(said))
            return
        question = tr(
            "ID card: {name} is not registered. Add as a walk-in speaker?",
            self.lang,
            name=card.name,
        )

        def answered(yes: bool | None) -> None:
            if yes:
                dialog = forms.walk_in(self.store, self.meeting_id, self.lang)
                self.open_dialog(dialog)
                self.call_after_refresh(dialog.fill_from_card, card.name, village)

        dialog = ConfirmDialog(
            question, yes=tr("Add a walk-in speaker", self.lang), no=tr("Not now", self.lang)
        )
        self.push_screen(dialog, answered)

    def on_unmount(self) -> None:
        if self.scanner is not None:
            self.scanner.stop()

    # --- reprinting a ticket on this desk's printer ---

    def action_reprint(self) -> None:
        row = self.selected()
        if row is None:
            self.notify(tr("Select a row first.", self.lang), severity="warning")
            return
        ticket = ticket_for(self.store, row["id"], self.lang, self.settings.public_url)
        jobs.enqueue(self.store, ticket, meeting_id=self.meeting_id, registration_id=row["id"])
        self.print_pending()

    @on(PrintingApp.JobAttempted)
    def _job_attempted(self, message: PrintingApp.JobAttempted) -> None:
        job = message.job
        if job["status"] == "failed":
            self._not_printed(job["last_error"])
        elif job["kind"] == "ticket" and job["registration_id"]:
            row = get_registration(self.store, job["registration_id"])
            said = (  # "sent" is not printed
                N_("Ticket {number} reprinted.")
                if job["status"] == "done"
                else N_("Reprint of {number} sent, not confirmed.")
            )
            self.notify(tr(said, self.lang, number=f"{row['number']:03d}"))

    @on(PrintingApp.WorkerFailed)
    def _printing_failed(self, message: PrintingApp.WorkerFailed) -> None:
        error = message.error
        self._not_printed(error.message(self.lang) if isinstance(error, UserError) else repr(error))

    def _not_printed(self, reason: str) -> None:
        reason = tr("Did not print: {reason}", self.lang, reason=reason)
        self.notify(escape(reason), severity="error", timeout=10)


def make_console_app(
    settings: Settings,
    meeting_id: int | None = None,
    connect_printer: Callable[[], Connection] | None = None,
) -> ConsoleApp:
    """The console for the CLI, the tests and the screenshots; keys labelled in the
    interface language."""
    kind = localized(ConsoleApp, settings.language, tuple(KEYS))
    return kind(settings, meeting_id, connect_printer)
