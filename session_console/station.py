"""What the console, the chair's view, the hall display and the follow-up list share: the
shared file, re-read whenever another process commits; one meeting, except for the
follow-up list, which spans them all."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, ClassVar

from rich.markup import escape
from textual.app import App
from textual.command import CommandPalette
from textual.css.query import NoMatches
from textual.screen import Screen

from shared import meetings, speaking
from shared.config import Settings
from shared.db import ChangeSignal, Store, open_store
from shared.i18n import UserError, tr
from tui import ConfirmDialog, FittingFooter, KeysHelp, StationCommands, key_rows
from tui.textual_private import PaletteSayingNoMatches

POLL_SECONDS = 0.25


class StationPalette(PaletteSayingNoMatches):
    """Textual's palette, saying "no matches" in the station's language."""

    def __init__(self, lang: str) -> None:
        placeholder = tr("Type what to do (diacritics optional)…", lang)
        super().__init__(id="--command-palette", placeholder=placeholder)
        self.lang = lang

    def no_matches_text(self) -> str:
        return tr("Nothing matches.", self.lang)


class QuitDialog(ConfirmDialog):
    """ "Quit?" when anything is at stake; a second Ctrl+Q while it is open does nothing."""


class StationApp(App[None]):
    TITLE = "hallkit"
    ONE_MEETING: ClassVar[bool] = True
    """False for a station over every meeting: it reads none on its own."""
    COMMANDS = {StationCommands}
    FOOTER_FIRST: ClassVar[tuple[str, ...]] = ("help",)
    """Actions in order of use: the footer shows those that fit, the help panel all."""

    def __init__(self, settings: Settings, meeting_id: int | None = None) -> None:
        super().__init__()
        self.settings = settings
        self.lang = settings.language
        self.requested_meeting = meeting_id
        self.meeting: dict[str, Any] = {}

    def on_mount(self) -> None:
        self.store: Store = open_store(self.settings.db_path, self.settings.station)
        if self.ONE_MEETING:
            self.meeting = meetings.current_meeting(self.store, self.requested_meeting)
        self.signal = ChangeSignal(self.store)
        self.refresh_all()
        self.set_interval(POLL_SECONDS, self.poll)
        self.set_interval(0.5, self._tick)

    def on_unmount(self) -> None:
        self.store.close()

    @property
    def main(self) -> Screen[Any]:
        """The station's own screen, under any dialog: timers and polls update it even
        while a dialog is open."""
        return self.screen_stack[0]

    @property
    def meeting_id(self) -> int:
        return int(self.meeting["id"])

    def poll(self) -> None:
        """A few microseconds when nothing changed; the whole station when something did."""
        if self.signal.changed():
            with self._unless_closing():
                self.refresh_all()

    def _tick(self) -> None:
        with self._unless_closing():
            self.tick()

    @contextmanager
    def _unless_closing(self) -> Iterator[None]:
        """A timer may fire while the app closes and its widgets are already gone."""
        try:
            yield
        except (NoMatches, IndexError):
            if self.is_running and self.screen_stack and self.main.children:
                raise

    def refresh_all(self) -> None:
        """Re-read and show everything; called after each of this station's own actions."""
        if self.ONE_MEETING:
            self.meeting = meetings.get_meeting(self.store, self.meeting_id)

    def tick(self) -> None:
        """Twice a second: the timer."""

    def run_core(self, action: Callable[[], Any]) -> Any:
        """Run a core call; a refusal is said loudly, the screen shows the new state."""
        try:
            result = action()
        except UserError as error:
            self.bell()
            self.notify(escape(error.message(self.lang)), severity="error", timeout=6)
            return None
        self.refresh_all()
        return result

    def footer(self) -> FittingFooter:
        return FittingFooter(self.FOOTER_FIRST)

    def action_help(self) -> None:
        if not isinstance(self.screen, KeysHelp):
            rows = key_rows(self.screen.active_bindings, self)
            self.push_screen(KeysHelp(tr("Keys", self.lang), rows, self.lang))

    def action_command_palette(self) -> None:
        if not CommandPalette.is_open(self):  # type: ignore[arg-type]
            self.push_screen(StationPalette(self.lang))

    def at_stake(self) -> list[str]:
        """What quitting now would interrupt or lose, in words; nothing: it just quits."""
        said = []
        if any(getattr(screen, "dirty", lambda: False)() for screen in self.screen_stack):
            said.append(tr("What was typed in the open form is lost.", self.lang))
        if self.ONE_MEETING and speaking.at_lectern(self.store, self.meeting_id):
            said.append(tr("A speaker is at the lectern.", self.lang))
        return said

    async def action_quit(self) -> None:
        """Ctrl+Q, or "Quit" in the palette: at once when nothing is at stake; otherwise
        only after a yes, the safe answer first."""
        if isinstance(self.screen, QuitDialog):
            return
        said = self.at_stake()
        if not said:
            self.exit()
            return
        question = " ".join([*said, tr("Quit this station?", self.lang)])
        dialog = QuitDialog(question, yes=tr("Quit", self.lang), no=tr("Stay", self.lang))
        self.push_screen(dialog, lambda yes: self.exit() if yes else None)

    def open_dialog(self, dialog: Screen[bool]) -> None:
        """A form over the station; whatever it saved shows when it closes."""
        self.push_screen(dialog, lambda _saved: self.refresh_all())
