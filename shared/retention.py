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


def candidates(
    store: Store, before: str, retention_months: int, today: dt.date | None = None
) -> list[dict[str, Any]]:
    """Registrations that may be anonymised: meeting before `before` and older than the
    retention period, every item closed, not yet anonymised."""
    limit = min(
        parse_date(before), _months_before(today or dt.date.today(), retention_months).isoformat()
    )
    return store.all(
        "SELECT r.id, r.number, r.meeting_id, m.date AS meeting_date FROM registrations r"
        " JOIN meetings m ON m.id = r.meeting_id"
        " WHERE m.date < ? AND r.anonymised_at = '' AND NOT EXISTS ("
        "  SELECT 1 FROM questions q WHERE q.registration_id = r.id"
        "  AND q.followup_status = 'open')"
        " ORDER BY m.date, r.number",
        (limit,),
    )


def purge(store: Store, before: str, retention_months: int, today: dt.date | None = None) -> int:
    """Anonymise the candidates (and the written questions of the same meetings that are
    closed); returns how many registrations. One transaction, one event."""
    with store.write():
        found = candidates(store, before, retention_months, today)
        if not found:
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
        meetings = sorted({row["meeting_id"] for row in found})
        marks = ",".join("?" * len(meetings))
        store.conn.execute(
            f"UPDATE questions SET raised_by = '', raised_village = '' WHERE registration_id"
            f" IS NULL AND followup_status <> 'open' AND meeting_id IN ({marks})",
            meetings,
        )
        events.record(
            store,
            EventKind.RETENTION_PURGE,
            None,
            "registrations",
            count=len(found),
            meetings=meetings,
            before=before,
        )
    return len(found)
