"""Data retention: when a citizen's items are all closed and the meeting is older than
the retention period, their name, phone and village are anonymised. Counts, summaries and
the consent records stay. The event log never held personal data, so it needs no change."""

from __future__ import annotations

import datetime as dt
from typing import Any

from shared import events
from shared.db import Store, now_iso
from shared.events import EventKind
from shared.i18n import UserError
from shared.meetings import parse_date
from shared.specs import REGISTRATION_FIELDS

ANONYMOUS = "(đã ẩn danh)"


def _months_before(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 - months
    year, month = day.year + month // 12, month % 12 + 1
    return dt.date(year, month, min(day.day, 28))


def _limit(before: str, retention_months: int, today: dt.date | None) -> str:
    return min(
        parse_date(before), _months_before(today or dt.date.today(), retention_months).isoformat()
    )


def candidates(
    store: Store, before: str, retention_months: int, today: dt.date | None = None
) -> list[dict[str, Any]]:
    """Registrations that may be anonymised: meeting before `before` and older than the
    retention period, every item closed, not yet anonymised."""
    limit = _limit(before, retention_months, today)
    return store.all(
        "SELECT r.id, r.number, r.meeting_id, m.date AS meeting_date FROM registrations r"
        " JOIN meetings m ON m.id = r.meeting_id"
        " WHERE m.date < ? AND r.anonymised_at = '' AND NOT EXISTS ("
        "  SELECT 1 FROM questions q WHERE q.registration_id = r.id"
        "  AND q.followup_status = 'open')"
        " ORDER BY m.date, r.number",
        (limit,),
    )


def question_candidates(
    store: Store, before: str, retention_months: int, today: dt.date | None = None
) -> list[dict[str, Any]]:
    """Written and pre-collected questions (no registration) that still name someone or
    a village, closed, in a meeting past the same limit: whether or not any registration
    of that meeting is due."""
    return store.all(
        "SELECT q.id, q.meeting_id FROM questions q JOIN meetings m ON m.id = q.meeting_id"
        " WHERE m.date < ? AND q.registration_id IS NULL AND q.followup_status <> 'open'"
        " AND (q.raised_by <> '' OR q.raised_village <> '') ORDER BY m.date, q.number",
        (_limit(before, retention_months, today),),
    )


def purge(store: Store, before: str, retention_months: int, today: dt.date | None = None) -> int:
    """Anonymise the candidates, the questions they raised, and the written and
    pre-collected questions due; returns how many people (registrations and questions
    without one). One transaction, one event."""
    with store.write():
        found = candidates(store, before, retention_months, today)
        written = question_candidates(store, before, retention_months, today)
        if not found and not written:
            raise UserError("No personal data is due for anonymisation.")
        at = now_iso()
        # the fields the spec marks as purged; a required one keeps a placeholder
        erased = {
            spec.key: ANONYMOUS if spec.required else ""
            for spec in REGISTRATION_FIELDS
            if spec.purged
        }
        for row in found:
            store.update(
                "registrations",
                row["id"],
                {**erased, "name_folded": "", "anonymised_at": at},
            )
            store.conn.execute(
                "UPDATE print_jobs SET document = '{}' WHERE registration_id = ?", (row["id"],)
            )
            store.conn.execute(
                "UPDATE questions SET raised_by = '', raised_village = ''"
                " WHERE registration_id = ?",
                (row["id"],),
            )
        for row in written:
            store.conn.execute(
                "UPDATE questions SET raised_by = '', raised_village = '' WHERE id = ?",
                (row["id"],),
            )
        meetings = sorted({row["meeting_id"] for row in [*found, *written]})
        events.record(
            store,
            EventKind.RETENTION_PURGE,
            None,
            "registrations",
            count=len(found),
            questions=len(written),
            meetings=meetings,
            before=before,
        )
    return len(found) + len(written)
