"""Who is at the lectern, and the speaking timer: the limit, a warning colour in the last
30 seconds, and the overrun counted, pauses excluded."""

from __future__ import annotations

from typing import Any

from rich.markup import escape
from textual.widgets import Static

from session_console.clock import clock
from session_console.widgets.text import show
from shared.i18n import N_, tr
from shared.speaking import elapsed

WARN_SECONDS = 30


def timer_state(row: dict[str, Any], limit: int, now: float | None = None) -> tuple[str, str]:
    """(text, css class) for the timer: "-ok", "-warn" or "-over"."""
    spoken = elapsed(row, now)
    text = f"{clock(spoken)} / {clock(limit)}"
    if spoken > limit:
        return f"{text}  +{clock(spoken - limit)}", "-over"
    if spoken >= limit - WARN_SECONDS:
        return text, "-warn"
    return text, "-ok"


STATES = {"called": N_("CALLED"), "speaking": N_("SPEAKING"), "paused": N_("PAUSED")}


class SpeakerPanel(Static):
    DEFAULT_CSS = """
    SpeakerPanel { height: auto; padding: 0 1; border: round $primary; }
    SpeakerPanel.-warn { border: round $warning; }
    SpeakerPanel.-over { border: round $error; }
    """

    def show(self, row: dict[str, Any] | None, limit: int, lang: str) -> None:
        """Re-shown twice a second: only a change is drawn (see widgets.text.show)."""
        if row is None:
            self._level("")
            show(self, tr("Nobody at the lectern.", lang))
            return
        state = STATES["paused" if row["speech_paused"] else row["status"]]
        timer, level = timer_state(row, limit)
        lines = [
            f"[b]{tr(state, lang)}  {row['number']:03d}  {escape(row['name'])}[/b]",
            escape(" · ".join(x for x in (row["village"], row["field"]) if x)),
            escape(row["summary"]),
            f"[b]{timer}[/b]" if row["speech_started"] else "",
        ]
        show(self, "\n".join(line for line in lines if line))
        self._level(level if row["speech_started"] else "")

    def _level(self, level: str) -> None:
        for name in ("-ok", "-warn", "-over"):
            self.set_class(name == level, name)
