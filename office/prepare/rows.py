"""What the preparation screen shows of a gathered opinion: its cells in the list and its
full account under it. Read-only; the app fills it from the core."""

from __future__ import annotations

import datetime as dt
from typing import Any

from rich.markup import escape
from rich.text import Text

from session_console.widgets import Column
from shared import prepare
from shared.i18n import N_, tr
from shared.recurrence import Earlier
from shared.specs import KINDS
from shared.text import matches, show_date

# The answer's state in a word (the list), and the style that marks it.
STATES = {
    "answered": (N_("received"), "green"),
    "late": (N_("late"), "bold red"),
    "waiting": (N_("waiting"), ""),
    "unassigned": (N_("not assigned"), "yellow"),
}


def columns(lang: str) -> list[Column]:
    widest_state = max(len(tr(label, lang)) for label, _ in STATES.values())
    return [
        Column("id", "#", 1),
        Column("urgency", tr("Urgency", lang), 3),
        Column("field", tr("Field", lang), 2, min_width=8, text=True),
        Column("place", tr("Village / unit", lang), 3, min_width=10, text=True),
        Column("people", tr("People", lang), 4),
        Column("kind", tr("Kind", lang), 5),
        Column("summary", tr("Summary", lang), 1, min_width=16, text=True),
        Column("history", tr("Raised before", lang), 3, min_width=10),
        Column("body", tr("Body", lang), 2, min_width=10, text=True),
        Column("due", tr("Due", lang), 3, min_width=10),
        Column("state", tr("Reply", lang), 1, min_width=widest_state),
    ]


def place_of(opinion: prepare.Opinion, lang: str) -> str:
    """ "Thôn Đông +2": the first source's place and how many more sources."""
    first = opinion.sources[0]
    place = first["raised_village"] or first["raised_by"] or first["origin"] or "—"
    more = len(opinion.sources) - 1
    return f"{place} +{more}" if more else place


def cells(opinion: prepare.Opinion, repeats: list[Earlier], lang: str) -> tuple[Any, ...]:
    row = opinion.row
    label, style = STATES[opinion.status]
    body = ", ".join(x for x in (row["prep_body_name"], row["prep_official_name"]) if x)
    urgency = prepare.URGENCY[row["urgency"]]
    history = ""
    if repeats:  # the latest earlier meeting, and how many more
        history = show_date(repeats[0].meeting_date)
        more = len({e.meeting_id for e in repeats}) - 1
        history += f" +{more}" if more else ""
    return (
        str(row["id"]),
        Text(tr(urgency.label, lang), style="bold" if urgency.key == "high" else ""),
        row["field"],
        place_of(opinion, lang),
        str(opinion.people),
        tr(KINDS[row["kind"]], lang),
        row["summary"],
        Text(history, style="bold red" if repeats else ""),
        body,
        show_date(row["prep_due"]),
        Text(tr(label, lang), style=style),
    )


def shown(opinion: prepare.Opinion, text: str) -> bool:
    """The filter: field, body, official, places and words of the opinion."""
    row = opinion.row
    said = " ".join(
        [
            row["field"],
            row["prep_body_name"],
            row["prep_official_name"],
            row["summary"],
            *(f"{s['raised_village']} {s['raised_by']}" for s in opinion.sources),
        ]
    )
    return matches(text, said)


def account(
    opinion: prepare.Opinion | None, repeats: list[Earlier], lang: str, today: dt.date
) -> str:
    """The selected opinion in full (markup): what the list cuts short."""
    if opinion is None:
        return escape(tr("No opinion gathered yet: a adds one typed in.", lang))
    row = opinion.row
    lines = [f"[b]#{row['id']}[/b] " + escape(row["summary"])]
    sources = "; ".join(
        (", ".join(x for x in (s["raised_village"], s["raised_by"], s["origin"]) if x) or "—")
        + f" ({s['people']})"
        for s in opinion.sources
    )
    lines.append(escape(tr("Sources: {sources}", lang, sources=sources)))
    for earlier in repeats[:3]:
        lines.append("[red]" + escape(earlier.told(lang, today)) + "[/red]")
    if row["prep_body_name"]:
        who = ", ".join(x for x in (row["prep_body_name"], row["prep_official_name"]) if x)
        lines.append(
            escape(
                tr(
                    "Prepared by: {who}, due {due}: {status}",
                    lang,
                    who=who,
                    due=show_date(row["prep_due"]),
                    status=tr(STATES[opinion.status][0], lang),
                )
            )
        )
    if row["prep_answer"]:
        lines.append(escape(tr("Prepared answer: {answer}", lang, answer=row["prep_answer"])))
    return "\n".join(lines)
