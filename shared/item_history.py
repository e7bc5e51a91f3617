"""An item's history as a person reads it: what happened in words, when in local time,
at which station, and what each change made of the item ("Hạn: 04/01/2027 → 15/01/2027"),
never a stored kind string, a UTC stamp or a column name."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from shared import events, followup
from shared.db import Store
from shared.i18n import N_, tr
from shared.specs import outcome_label
from shared.text import show_date, show_moment

Shown = Callable[[Any, str], str]


def _plain(value: Any, lang: str) -> str:
    return str(value)


def _date(value: Any, lang: str) -> str:
    return show_date(str(value))


def _ticket(value: Any, lang: str) -> str:
    return f"{value:03d}" if isinstance(value, int) else str(value)


def _words(labels: Mapping[str, str]) -> Shown:
    return lambda value, lang: tr(labels[value], lang) if value in labels else str(value)


FOLLOWUP_STATUS = {"open": N_("being followed up"), "closed": N_("closed")}

# What of an item a change is told by, in this order: (stored column, label, its value in
# words). Columns not named here (ids, rules) are bookkeeping and are not told.
CHANGES: tuple[tuple[str, str, Shown], ...] = (
    ("registration", N_("Ticket number"), _ticket),
    ("field", N_("Field"), _plain),
    ("outcome", N_("Outcome"), lambda value, lang: tr(outcome_label(value), lang)),
    ("official", N_("Answered by"), _plain),
    ("progress", N_("Progress"), lambda value, lang: tr(followup.progress_label(value), lang)),
    ("body_name", N_("Body"), _plain),
    ("transfer_level", N_("Level"), _plain),
    ("transfer_doc", N_("Transfer document number"), _plain),
    ("deadline", N_("Deadline"), _date),
    ("extension_reason", N_("Reason"), _plain),
    ("answered_on", N_("Answered on"), _date),
    ("answer_doc", N_("Document number"), _plain),
    ("answer_summary", N_("Answer"), _plain),
    ("informed_on", N_("Told on"), _date),
    ("informed_how", N_("How the citizen was told"), _plain),
    ("satisfaction", N_("Citizen's satisfaction"), _words(followup.SATISFACTION_LABELS)),
    ("followup_status", N_("Follow-up"), _words(FOLLOWUP_STATUS)),
)


@dataclass(frozen=True)
class Entry:
    """One event of an item, told."""

    at: str
    """Local time, dd/mm/yyyy HH:MM."""
    station: str
    what: str
    changes: tuple[str, ...]
    """"Label: before → after", or "Label: value" when there was nothing before."""


def _changes(data: Mapping[str, Any], lang: str) -> tuple[str, ...]:
    before = data.get("before")
    # an outcome event keeps the outcome it replaced; the follow-up keeps every column
    old: Mapping[str, Any] = before if isinstance(before, dict) else {"outcome": before or ""}
    told = []
    for column, label, shown in CHANGES:
        if column not in data:
            continue
        new, was = data[column], old.get(column)
        if was == new or (new in ("", None) and was in ("", None)):
            continue
        after = shown(new, lang) if new not in ("", None) else "—"
        # an empty value before can have words too ("" progress is "new")
        before_text = shown(was, lang) if column in old and was is not None else ""
        if before_text:
            told.append(f"{tr(label, lang)}: {before_text} → {after}")
        else:
            told.append(f"{tr(label, lang)}: {after}")
    return tuple(told)


def told(store: Store, question_id: int, lang: str) -> list[Entry]:
    """Every event of item `question_id`, oldest first, in `lang`."""
    return [
        Entry(
            at=show_moment(event["at"]),
            station=event["station"],
            what=events.describe(store, {**event, "subject": f"question:{question_id}"}, lang),
            changes=_changes(event["data"], lang),
        )
        for event in followup.history(store, question_id)
    ]


def lines(entry: Entry, lang: str) -> list[str]:
    """The entry as the screen and the CLI print it: a heading line, then one indented line
    per change."""
    head = tr(
        "{at} · {what} · station {station}",
        lang,
        at=entry.at,
        what=entry.what,
        station=entry.station,
    )
    return [head, *(f"    {change}" for change in entry.changes)]
