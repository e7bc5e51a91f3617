"""Said before an idle screen is cleared: how long is left, and that a key keeps it."""

from __future__ import annotations

from textual.reactive import reactive
from textual.widgets import Static

from shared.i18n import tr, trn


class IdleWarning(Static):
    """Docked over the top of whatever screen the citizen left; the app counts down."""

    seconds: reactive[int] = reactive(15)
    """Seconds left before the screen is cleared."""

    def __init__(self, seconds: int, lang: str) -> None:
        super().__init__(id="idle-warning")
        self.lang = lang
        self.set_reactive(IdleWarning.seconds, seconds)

    def on_mount(self) -> None:
        self.show()

    def watch_seconds(self) -> None:
        self.show()

    def show(self) -> None:
        left = trn(
            "{n} second left… Press any key to continue.",
            "{n} seconds left… Press any key to continue.",
            self.seconds,
            self.lang,
        )
        self.update(
            left + "\n" + tr("Then what was typed is cleared for the next person.", self.lang)
        )
