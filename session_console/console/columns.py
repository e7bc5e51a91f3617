"""The console's tables, column by column: what the secretary needs first stays on a
narrow screen (the number, the name, the status in full, an answer's outcome and
deadline); the village and the field go first when there is no room."""

from __future__ import annotations

from rich.cells import cell_len

from session_console.widgets import Column
from shared.i18n import N_, tr
from shared.specs import OUTCOMES, QUEUE_STATUSES, outcome_label


def _widest(msgids: list[str], lang: str) -> int:
    return max(cell_len(tr(msgid, lang)) for msgid in msgids)


def queue_columns(lang: str) -> list[Column]:
    return [
        Column("no", tr("No.", lang), min_width=3),
        Column("name", tr("Name", lang), min_width=18, text=True),
        Column("village", tr("Village", lang), priority=3, min_width=10, text=True),
        Column("field", tr("Field", lang), priority=4, min_width=10, text=True),
        Column(
            "status",
            tr("Status", lang),
            min_width=_widest([*QUEUE_STATUSES.values(), N_("paused")], lang),
        ),
        Column("waited", tr("Waited", lang), priority=2),
    ]


def question_columns(lang: str) -> list[Column]:
    outcomes = [outcome_label(None), *(outcome_label(key) for key in OUTCOMES)]
    return [
        Column("q", "#", min_width=2),
        Column("summary", tr("Summary", lang), min_width=16, text=True),
        Column("official", tr("Answered by", lang), priority=2, min_width=10, text=True),
        Column("outcome", tr("Outcome", lang), min_width=_widest(outcomes, lang)),
        Column("deadline", tr("Deadline", lang), min_width=10),
    ]
