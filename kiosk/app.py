"""The entrance kiosk: citizens register to speak and take a printed ticket."""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import Any

from textual import events, on, work
from textual.app import SystemCommand
from textual.binding import Binding
from textual.driver import Driver
from textual.reactive import reactive
from textual.screen import Screen
from textual.widget import AwaitMount

from kiosk import validation
from kiosk.dialogs import DuplicateDialog, PinDialog
from kiosk.flow import RegistrationFlow
from kiosk.screens import ConsentScreen, RegistrationScreen, TicketScreen, WelcomeScreen
from kiosk.terminal import without_paste
from kiosk.typeahead import TypeAhead
from kiosk.widgets import IdleWarning
from printing import jobs
from printing.connections import Connection, connect
from shared.config import Settings
from shared.db import ChangeSignal, Store, open_store
from shared.i18n import LANGUAGES, UserError
from shared.idcard import looks_like_card, read_card, village_of
from shared.meetings import current_meeting, open_meetings
from shared.reference import names
from shared.scanner import SerialScanner, parse_scanner, status_line
from shared.specs import meeting_kind
from tui import PrintingApp
from tui.textual_private import forget_clipboard

# Keys that quit, suspend, open the palette or do anything else a kiosk must not.
LOCKED_KEYS = ",".join(
    [
        "ctrl+q",
        "ctrl+c",
        "ctrl+x",
        "ctrl+v",
        "ctrl+z",
        "ctrl+backslash",
        "ctrl+p",
        "ctrl+s",
        "super+c",
        "super+x",
        "super+v",
    ]
    + [f"f{n}" for n in range(1, 13) if n != 2]  # F2 switches the typing, on the form only
)


PIN_REST_SECONDS = 60
IDLE_WARNING_SECONDS = 15
"""How long before an idle screen is cleared the citizen is told, and can keep it."""


class KioskApp(PrintingApp):
    CSS_PATH = "kiosk.tcss"
    TITLE = "hallkit"
    ENABLE_COMMAND_PALETTE = False
    BINDINGS = [
        Binding(LOCKED_KEYS, "nothing", show=False, priority=True, id="locked-keys"),
        Binding("escape", "nothing", show=False, id="escape"),
        Binding(
            "ctrl+t", "toggle_language", "Language", show=False, priority=True, id="toggle-language"
        ),
        Binding("ctrl+o", "operator", "Operator", show=False, priority=True, id="operator"),
    ]

    lang: reactive[str] = reactive("vi")
    """The interface language, "vi" or "en"."""
    meeting: reactive[dict[str, Any] | None] = reactive(None, always_update=True)
    """The meeting registrations go to, re-read whenever another station changes it."""

    def __init__(
        self,
        settings: Settings,
        meeting_id: int | None = None,
        connect_printer: Callable[[], Connection] | None = None,
        idle_seconds: float = 90,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__()
        self.settings = settings
        self.meeting_id = meeting_id
        self.connect_printer = connect_printer or (lambda: connect(settings.printer))
        self.idle_seconds = idle_seconds
        self.clock = clock  # seconds, for idle time and the PIN rest; a test moves its own
        self.last_key = clock()
        self.pin_rest_until = 0.0
        self.set_reactive(KioskApp.lang, settings.language)
        self.typing_mode = settings.typing_mode
        self.scanner_state = ""
        """The ID card scanner: "" (none set), "ready" or "absent"."""
        """How the form composes Vietnamese (tui.telex); F2 on the form switches it."""
        self.typeahead = TypeAhead(self, self._hand_over)
        self.scanner: SerialScanner | None = None

    def get_driver_class(self) -> type[Driver]:
        return without_paste(super().get_driver_class())

    def get_default_screen(self) -> Screen[Any]:
        return WelcomeScreen()

    def on_mount(self) -> None:
        self.store: Store = open_store(self.settings.db_path, self.settings.station)
        self.signal = ChangeSignal(self.store)
        self.flow = RegistrationFlow(self, self.store, self.settings, self.reset)
        self.load_meeting()
        jobs.recover(self.store)
        self.set_interval(0.5, self.poll)
        self.set_interval(1, self.clear_if_idle)
        self.set_interval(15, self.retry_printing)
        self.call_after_refresh(self.prepare_printing)
        url = parse_scanner(self.settings.scanner)
        if url is not None:
            self.scanner = SerialScanner(url, self._scanned_in_thread, self._scanner_state)
            self.scanner.start()

    def on_unmount(self) -> None:
        if self.scanner is not None:
            self.scanner.stop()
        self.store.close()

    # --- an ID card read by the serial scanner: name and village, nothing else kept ---

    def _scanned_in_thread(self, data: bytes) -> None:
        self.call_from_thread(self.card_scanned, data)  # type: ignore[arg-type]

    def _scanner_state(self, state: str) -> None:
        self.scanner_state = state  # for the operator; the citizen never sees an error

    async def card_scanned(self, data: bytes) -> None:
        """At Welcome or on the form: the form, filled with the card's name and village.
        Elsewhere (consent, the ticket) a scan is ignored; a ticket's code is no card."""
        if not looks_like_card(data.decode("utf-8", "replace")):
            return
        try:
            card = read_card(data)
        except UserError:
            card = None
        del data  # the card's other fields are never kept
        if isinstance(self.screen, WelcomeScreen) and card is not None:
            mounted = self.action_start()
            if mounted is not None:
                await mounted
        form = self.screen
        if not isinstance(form, RegistrationScreen):
            return
        self.last_key = self.clock()
        if card is None:
            form.card_unreadable()
        else:
            form.fill_from_card(card.name, village_of(card.place, form.villages))

    @property
    def registration_open(self) -> bool:
        return validation.registration_open(self.meeting)

    def load_meeting(self) -> None:
        try:
            self.meeting = current_meeting(self.store, self.meeting_id)
        except UserError:
            self.meeting = None

    def poll(self) -> None:
        """Another station changed the database: re-read the meeting; if registration
        closed under an open form, say so now rather than at the end."""
        if not self.signal.changed():
            return
        self.load_meeting()
        citizen_screens = RegistrationScreen | ConsentScreen | DuplicateDialog
        if not self.registration_open and isinstance(self.screen, citizen_screens):
            self.reset()

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key) and not event.is_forwarded:
            self.last_key = self.clock()
            if self.hide_idle_warning() and not event.is_printable:
                return  # "press any key": Enter here must not also agree or go on
            await self.typeahead.arrived(event)  # one key at a time: none is lost
            return
        await super().on_event(event)
        if isinstance(event, events.Key):
            self.typeahead.returned(event)

    async def _hand_over(self, key: events.Key) -> None:
        await super().on_event(key)

    def clear_if_idle(self) -> None:
        """An abandoned form is cleared, so the next citizen never sees it; the last
        seconds are counted down on screen first, and any key keeps it. Called every
        second. The last tick may come as the app closes, its screens already gone."""
        if not self.screen_stack:
            return
        screen = self.screen
        if isinstance(screen, WelcomeScreen):
            return
        limit = getattr(screen, "IDLE_SECONDS", self.idle_seconds)
        left = limit - (self.clock() - self.last_key)
        if left < 0:
            self.reset()
        elif left <= IDLE_WARNING_SECONDS and getattr(screen, "IDLE_WARNING", True):
            self.show_idle_warning(math.ceil(left))

    def show_idle_warning(self, seconds: int) -> None:
        shown = self.screen.query(IdleWarning)
        if shown:
            shown.first().seconds = seconds
        else:
            self.screen.mount(IdleWarning(seconds, self.lang))

    def hide_idle_warning(self) -> bool:
        """True if a warning was shown."""
        shown = self.screen.query(IdleWarning)
        found = bool(shown)
        shown.remove()
        return found

    def reset(self) -> None:
        """Back to Welcome, dropping every screen and anything typed (the clipboard too)."""
        self.flow.forget()
        forget_clipboard(self)
        while len(self.screen_stack) > 1:
            self.pop_screen()

    def action_reset(self) -> None:
        self.reset()

    def action_start(self) -> AwaitMount | None:
        if not self.registration_open or self.meeting is None:
            return None
        self.meeting_id = self.meeting["id"]
        villages, fields = names(self.store, "villages"), names(self.store, "fields")
        return self.push_screen(
            RegistrationScreen(villages, fields, meeting_kind(self.meeting), self.lang)
        )

    # --- the registration: the screens post, the flow decides ---

    @on(RegistrationScreen.Submitted)
    def _form_submitted(self, message: RegistrationScreen.Submitted) -> None:
        self.flow.submitted(message.form, message.values, self.meeting)

    @on(RegistrationScreen.Cancelled)
    def _form_cancelled(self) -> None:
        self.reset()

    @on(DuplicateDialog.Answered)
    def _same_answered(self, message: DuplicateDialog.Answered) -> None:
        self.flow.same_answered(message.same, self.lang)

    @on(ConsentScreen.Answered)
    def _consent_answered(self, message: ConsentScreen.Answered) -> None:
        if self.flow.consent_answered(message.agreed, self.lang):
            self.call_after_refresh(self.print_pending)  # the citizen sees the number first
        else:
            self.load_meeting()  # a refusal may mean registration closed meanwhile

    # --- printing ---

    @work(thread=True, exit_on_error=False, group="warm-up")
    def prepare_printing(self) -> None:
        """Load the printer's capability profile once the welcome screen shows, so the
        first citizen's submit does not pay for it."""
        self.connect_printer().url.width  # noqa: B018

    def retry_printing(self) -> None:
        """Failed tickets come out when the printer is back; nothing to do costs one query."""
        if jobs.has_due(self.store):
            self.print_pending()

    @on(PrintingApp.JobAttempted)
    def _job_attempted(self, message: PrintingApp.JobAttempted) -> None:
        self._show_print(message.job)

    @on(PrintingApp.WorkerFailed)
    def _printing_failed(self) -> None:
        if isinstance(self.screen, TicketScreen):
            self._show_print({"status": "failed", "registration_id": self.screen.registration_id})

    def _show_print(self, job: dict[str, Any]) -> None:
        screen = self.screen
        if isinstance(screen, TicketScreen) and job["registration_id"] == screen.registration_id:
            screen.printed(job)

    def action_toggle_language(self) -> None:
        self.lang = LANGUAGES[(LANGUAGES.index(self.lang) + 1) % len(LANGUAGES)]
        if not self.settings.typing:  # no setting: the language's way of typing
            self.typing_mode = replace(self.settings, language=self.lang).typing_mode

    def action_operator(self) -> None:
        if self.clock() < self.pin_rest_until:
            return  # three wrong PINs: the operator key rests a minute
        others = [
            (m["id"], m["title"])
            for m in open_meetings(self.store)
            if not self.meeting or m["id"] != self.meeting["id"]
        ]
        scanner = lambda: status_line(self.scanner, self.lang)  # noqa: E731
        self.push_screen(
            PinDialog(self.settings.kiosk_pin, others, self.lang, scanner), self._operator_choice
        )

    def _operator_choice(self, choice: str | None) -> None:
        if choice == "locked":
            self.pin_rest_until = self.clock() + PIN_REST_SECONDS
        elif choice == "exit":
            self.exit()
        elif choice and choice.startswith("meeting:"):
            self.meeting_id = int(choice.removeprefix("meeting:"))
            self.reset()
            self.load_meeting()

    def action_nothing(self) -> None:
        """Swallow a key the public must not use."""

    async def action_quit(self) -> None:
        """Quitting is the operator's, behind the PIN."""

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        return iter(())


def make_kiosk_app(
    settings: Settings,
    meeting_id: int | None = None,
    connect_printer: Callable[[], Connection] | None = None,
    idle_seconds: float = 90,
    clock: Callable[[], float] = time.monotonic,
) -> KioskApp:
    """The one way the CLI, the tests and the screenshots build the kiosk."""
    return KioskApp(settings, meeting_id, connect_printer, idle_seconds, clock)
