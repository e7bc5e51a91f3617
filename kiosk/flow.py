"""One citizen's way from the form to the ticket: already registered? → consent → save →
ticket. The screens post what the citizen did; the app hands it here, and this decides
what comes next."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.app import App

from kiosk.dialogs import DuplicateDialog
from kiosk.screens import ConsentScreen, NoticeScreen, RegistrationScreen, TicketScreen
from kiosk.validation import check
from printing import jobs
from printing.documents import ticket_for
from shared.config import Settings
from shared.db import Store
from shared.i18n import N_, UserError, tr
from shared.registrations import likely_duplicates, recorded_fields, register
from shared.specs import meeting_kind

ALREADY_REGISTERED = N_(
    "You are already registered. If you lost the ticket, the secretary will look it up and reprint it."
)
NO_CONSENT = N_(
    "Without your consent we cannot register you. You can still hand a written question to the secretary."
)


class RegistrationFlow:
    """Holds the checked details between the steps, and nothing once a citizen is done."""

    def __init__(
        self, app: App[Any], store: Store, settings: Settings, restart: Callable[[], None]
    ) -> None:
        """`restart`: back to Welcome with every screen dropped (it calls `forget`)."""
        self.app = app
        self.store = store
        self.settings = settings
        self.restart = restart
        self.details: dict[str, Any] | None = None
        self.meeting: dict[str, Any] | None = None
        self.card = False  # an ID card filled the form

    def forget(self) -> None:
        self.details = self.meeting = None
        self.card = False

    def submitted(
        self, form: RegistrationScreen, values: dict[str, str], meeting: dict[str, Any] | None
    ) -> None:
        """Errors go back beside their fields; clean details go on to the next question."""
        cleaned, errors = check(self.store, values, form.lang, meeting_kind(meeting))
        form.show_errors(errors)
        if errors or meeting is None:
            return
        self.details, self.meeting = cleaned, meeting
        self.card = form.from_card
        if likely_duplicates(self.store, meeting["id"], cleaned["name"], cleaned["village"]):
            # asked without saying the other person's number to whoever typed the name
            self.app.push_screen(DuplicateDialog(form.lang))
        else:
            self.ask_consent()

    def same_answered(self, same: bool, lang: str) -> None:
        if same:
            self.notice(tr(ALREADY_REGISTERED, lang))
        else:
            self.app.pop_screen()
            self.ask_consent()

    def ask_consent(self) -> None:
        assert self.details is not None and self.meeting is not None
        keeper = self.meeting["issuing_body"] or self.meeting["title"]
        months = self.settings.retention_months
        recorded = recorded_fields(self.details)
        kind = meeting_kind(self.meeting)
        self.app.push_screen(ConsentScreen(recorded, kind, keeper, months, self.card))

    def consent_answered(self, agreed: bool, lang: str) -> bool:
        """True when a ticket waits for the printer."""
        if not agreed:
            self.notice(tr(NO_CONSENT, lang))
            return False
        return self.save(lang)

    def save(self, lang: str) -> bool:
        """Save first; the ticket prints afterwards and cannot lose the registration."""
        details, meeting = self.details or {}, self.meeting or {}
        self.forget()
        try:
            row = register(
                self.store, meeting.get("id", 0), consent=True, source="kiosk", **details
            )
        except UserError as error:
            self.notice(error.message(lang))
            return False
        ticket = ticket_for(self.store, row["id"], lang, self.settings.public_url)
        while len(self.app.screen_stack) > 2:
            self.app.pop_screen()
        screen = TicketScreen(row["id"], ticket, lang)
        self.app.switch_screen(screen)  # the form goes, Welcome waits
        try:
            jobs.enqueue(
                self.store, ticket, meeting_id=row["meeting_id"], registration_id=row["id"]
            )
        except UserError:
            screen.printed({"status": "failed", "registration_id": row["id"]})
            return False
        return True

    def notice(self, text: str) -> None:
        """Why this citizen gets no ticket, shown over Welcome."""
        self.restart()
        self.app.push_screen(NoticeScreen(text))
