"""The schema, as sqlite-utils migrations applied whenever a station opens the file.

Every number has a UNIQUE constraint behind it, every state a CHECK, and the event log
refuses UPDATE and DELETE. Names of bodies and officials are copied onto the rows that
use them, so deleting a reference entry never breaks the minutes.
"""

from __future__ import annotations

import sqlite3

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from shared.tokens import new_secret

migrations = Migrations("hallkit")

_INITIAL = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

CREATE TABLE bodies (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    level TEXT NOT NULL DEFAULT ''
);
CREATE TABLE officials (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    position TEXT NOT NULL DEFAULT '',
    body_id INTEGER REFERENCES bodies(id) ON DELETE SET NULL,
    body_name TEXT NOT NULL DEFAULT '',
    UNIQUE (name, position, body_name)
);
CREATE TABLE villages (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
CREATE TABLE fields (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
CREATE TABLE calendar_overrides (
    day TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('off', 'work')),
    note TEXT NOT NULL DEFAULT ''
);

CREATE TABLE meetings (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    date TEXT NOT NULL,
    start_time TEXT NOT NULL,
    end_time TEXT NOT NULL DEFAULT '',
    place TEXT NOT NULL DEFAULT '',
    issuing_body TEXT NOT NULL DEFAULT '',
    parent_body TEXT NOT NULL DEFAULT '',
    level TEXT NOT NULL DEFAULT 'commune'
        CHECK (level IN ('commune', 'district', 'province', 'party')),
    chair TEXT NOT NULL DEFAULT '',
    co_chair TEXT NOT NULL DEFAULT '',
    secretary TEXT NOT NULL DEFAULT '',
    speaking_seconds INTEGER NOT NULL DEFAULT 300 CHECK (speaking_seconds > 0),
    deadlines TEXT NOT NULL DEFAULT '{}',
    registration_open INTEGER NOT NULL DEFAULT 0 CHECK (registration_open IN (0, 1)),
    status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'open', 'closed')),
    created_at TEXT NOT NULL
);

CREATE TABLE registrations (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings(id),
    number INTEGER NOT NULL CHECK (number > 0),
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL CHECK (name <> ''),
    name_folded TEXT NOT NULL,
    village TEXT NOT NULL DEFAULT '',
    org TEXT NOT NULL DEFAULT '',
    field TEXT NOT NULL DEFAULT '',
    summary TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL DEFAULT 'kien_nghi'
        CHECK (kind IN ('kien_nghi', 'phan_anh', 'khieu_nai', 'to_cao')),
    people INTEGER NOT NULL DEFAULT 1 CHECK (people >= 1),
    phone TEXT NOT NULL DEFAULT '',
    consent_version TEXT NOT NULL,
    consent_at TEXT NOT NULL,
    consent_scope TEXT NOT NULL,
    source TEXT NOT NULL CHECK (source IN ('kiosk', 'secretary', 'written', 'pre_collected')),
    station TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'waiting'
        CHECK (status IN ('waiting', 'called', 'speaking', 'done', 'no_show', 'withdrawn')),
    position INTEGER,
    called_at REAL,
    speech_started REAL,
    speech_paused REAL,
    speech_paused_total REAL NOT NULL DEFAULT 0,
    speech_ended REAL,
    UNIQUE (meeting_id, number)
);
CREATE UNIQUE INDEX one_at_the_lectern ON registrations (meeting_id)
    WHERE status IN ('called', 'speaking');
CREATE INDEX registrations_queue ON registrations (meeting_id, status, position);

CREATE TABLE questions (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings(id),
    number INTEGER NOT NULL CHECK (number > 0),
    registration_id INTEGER REFERENCES registrations(id),
    source TEXT NOT NULL CHECK (source IN ('spoken', 'written', 'pre_collected')),
    raised_by TEXT NOT NULL DEFAULT '',
    raised_village TEXT NOT NULL DEFAULT '',
    people INTEGER NOT NULL DEFAULT 1 CHECK (people >= 1),
    summary TEXT NOT NULL CHECK (summary <> ''),
    field TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL DEFAULT 'kien_nghi'
        CHECK (kind IN ('kien_nghi', 'phan_anh', 'khieu_nai', 'to_cao')),
    official_id INTEGER REFERENCES officials(id) ON DELETE SET NULL,
    official_name TEXT NOT NULL DEFAULT '',
    official_position TEXT NOT NULL DEFAULT '',
    outcome TEXT NOT NULL DEFAULT ''
        CHECK (outcome IN ('', 'answered', 'pending', 'transferred', 'written', 'withdrawn')),
    answer TEXT NOT NULL DEFAULT '',
    body_id INTEGER REFERENCES bodies(id) ON DELETE SET NULL,
    body_name TEXT NOT NULL DEFAULT '',
    transfer_level TEXT NOT NULL DEFAULT '',
    transfer_doc TEXT NOT NULL DEFAULT '',
    deadline TEXT NOT NULL DEFAULT '',
    deadline_rule TEXT NOT NULL DEFAULT '',
    deadline_basis TEXT NOT NULL DEFAULT '',
    followup_status TEXT NOT NULL DEFAULT ''
        CHECK (followup_status IN ('', 'open', 'closed')),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (meeting_id, number)
);
CREATE INDEX questions_followup ON questions (followup_status, deadline);
CREATE INDEX questions_registration ON questions (registration_id);

CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    station TEXT NOT NULL DEFAULT '',
    meeting_id INTEGER,
    kind TEXT NOT NULL,
    subject TEXT NOT NULL DEFAULT '',
    data TEXT NOT NULL DEFAULT '{}'
);
CREATE TRIGGER events_no_update BEFORE UPDATE ON events
    BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
CREATE TRIGGER events_no_delete BEFORE DELETE ON events
    BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
"""

# The 2026 swap the holidays package lacks (DOMAIN.md); later years are added by hand.
_KNOWN_SWAPS = [
    ("2026-01-02", "off", "Nghỉ bù Tết Dương lịch 2026"),
    ("2026-01-10", "work", "Làm bù cho thứ Sáu 02/01/2026"),
]


def _statements(script: str) -> list[str]:
    """Split a script on the statement ends that sqlite3 itself says are complete."""
    done, pending = [], ""
    for line in script.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            done.append(pending.strip())
            pending = ""
    return [s for s in done if s]


@migrations()
def m001_initial(db: Database) -> None:
    for statement in _statements(_INITIAL):
        db.execute(statement)
    db.table("meta").insert({"key": "secret", "value": new_secret()})
    db.table("calendar_overrides").insert_all(
        {"day": day, "kind": kind, "note": note} for day, kind, note in _KNOWN_SWAPS
    )


_PRINT_JOBS = """
CREATE TABLE print_jobs (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('ticket', 'slip', 'test')),
    meeting_id INTEGER REFERENCES meetings(id),
    registration_id INTEGER REFERENCES registrations(id),
    document TEXT NOT NULL,
    station TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'queued'
        CHECK (status IN ('queued', 'sending', 'done', 'failed')),
    attempts INTEGER NOT NULL DEFAULT 0,
    next_try REAL NOT NULL DEFAULT 0,
    last_error TEXT NOT NULL DEFAULT '',
    printer TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    printed_at TEXT NOT NULL DEFAULT ''
);
CREATE INDEX print_jobs_due ON print_jobs (station, status, next_try);
"""


@migrations()
def m002_print_jobs(db: Database) -> None:
    """The print queue: a job is stored before it is sent, and kept after."""
    for statement in _statements(_PRINT_JOBS):
        db.execute(statement)


_AGENDA = """
ALTER TABLE meetings ADD COLUMN conclusion TEXT NOT NULL DEFAULT '';
ALTER TABLE meetings ADD COLUMN display_names INTEGER NOT NULL DEFAULT 0
    CHECK (display_names IN (0, 1));
ALTER TABLE meetings ADD COLUMN current_step INTEGER NOT NULL DEFAULT 0;
CREATE TABLE agenda_steps (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings(id),
    position INTEGER NOT NULL CHECK (position > 0),
    title TEXT NOT NULL CHECK (title <> ''),
    UNIQUE (meeting_id, position)
);
"""


@migrations()
def m003_agenda_and_conclusion(db: Database) -> None:
    """The program of the meeting, the chair's conclusion, and whether the hall display
    may show names."""
    for statement in _statements(_AGENDA):
        db.execute(statement)


_FOLLOWUP = """
ALTER TABLE questions ADD COLUMN progress TEXT NOT NULL DEFAULT ''
    CHECK (progress IN ('', 'in_progress', 'answered', 'extended', 'transferred'));
ALTER TABLE questions ADD COLUMN answered_on TEXT NOT NULL DEFAULT '';
ALTER TABLE questions ADD COLUMN answer_doc TEXT NOT NULL DEFAULT '';
ALTER TABLE questions ADD COLUMN answer_summary TEXT NOT NULL DEFAULT '';
ALTER TABLE questions ADD COLUMN extension_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE questions ADD COLUMN informed_on TEXT NOT NULL DEFAULT '';
ALTER TABLE questions ADD COLUMN informed_how TEXT NOT NULL DEFAULT '';
ALTER TABLE questions ADD COLUMN satisfaction TEXT NOT NULL DEFAULT ''
    CHECK (satisfaction IN ('', 'satisfied', 'not_satisfied', 'not_asked'));
ALTER TABLE registrations ADD COLUMN anonymised_at TEXT NOT NULL DEFAULT '';
"""


@migrations()
def m004_followup(db: Database) -> None:
    """What happens to an item after the meeting: progress, the answer, extensions, the
    citizen informed and satisfied; and the mark of a purged registration."""
    for statement in _statements(_FOLLOWUP):
        db.execute(statement)


@migrations()
def m005_print_claims(db: Database) -> None:
    """When a job was claimed, so a restarted station re-sends only jobs abandoned long
    enough ago, never one another process is sending right now."""
    db.execute("ALTER TABLE print_jobs ADD COLUMN claimed_at REAL NOT NULL DEFAULT 0")


_PRINT_LEASES = """
CREATE TABLE print_jobs_new (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('ticket', 'slip', 'test')),
    meeting_id INTEGER REFERENCES meetings(id),
    registration_id INTEGER REFERENCES registrations(id),
    document TEXT NOT NULL,
    station TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'queued'
        CHECK (status IN ('queued', 'sending', 'done', 'sent', 'failed')),
    attempts INTEGER NOT NULL DEFAULT 0,
    next_try REAL NOT NULL DEFAULT 0,
    last_error TEXT NOT NULL DEFAULT '',
    printer TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    printed_at TEXT NOT NULL DEFAULT '',
    claimed_at REAL NOT NULL DEFAULT 0,
    claim TEXT NOT NULL DEFAULT '',
    lease_until REAL NOT NULL DEFAULT 0
);
INSERT INTO print_jobs_new (id, kind, meeting_id, registration_id, document, station, status,
    attempts, next_try, last_error, printer, created_at, printed_at, claimed_at, lease_until)
SELECT id, kind, meeting_id, registration_id, document, station, status,
    attempts, next_try, last_error, printer, created_at, printed_at, claimed_at,
    CASE WHEN status = 'sending' THEN claimed_at + 120 ELSE 0 END
FROM print_jobs;
DROP TABLE print_jobs;
ALTER TABLE print_jobs_new RENAME TO print_jobs;
CREATE INDEX print_jobs_due ON print_jobs (station, status, next_try);
CREATE INDEX print_jobs_lease ON print_jobs (status, lease_until);
"""


@migrations()
def m006_print_leases(db: Database) -> None:
    """A claim is a lease the sender renews while it sends (`claim` names the attempt,
    `lease_until` is when it runs out), so any process recovers a job whose sender died;
    and a job the printer took but did not confirm is `sent`, never `done`. A job being
    sent by an older version keeps the old two-minute grace."""
    for statement in _statements(_PRINT_LEASES):
        db.execute(statement)


@migrations()
def m007_meeting_kind(db: Database) -> None:
    """A meeting's kind chooses the wording of some fields (shared/specs.py): a commune's
    dialogue with its residents, an agency's with its own employees, a party committee's.
    Empty: derived from the level, as before."""
    db.execute(
        "ALTER TABLE meetings ADD COLUMN kind TEXT NOT NULL DEFAULT ''"
        " CHECK (kind IN ('', 'commune', 'agency', 'party'))"
    )


@migrations()
def m008_participants(db: Database) -> None:
    """Who took part (named in the minutes): one "name, position" a line."""
    db.execute("ALTER TABLE meetings ADD COLUMN participants TEXT NOT NULL DEFAULT ''")


@migrations()
def m009_published(db: Database) -> None:
    """When the office published the meeting's results on the web face (`hallkit meeting
    publish`); empty: not published, so `hallkit web` shows nothing of it."""
    db.execute("ALTER TABLE meetings ADD COLUMN published_at TEXT NOT NULL DEFAULT ''")


_DOCUMENT_SETTINGS = """
ALTER TABLE meetings ADD COLUMN chair_position TEXT NOT NULL DEFAULT '';
ALTER TABLE meetings ADD COLUMN recipients TEXT NOT NULL DEFAULT '';
ALTER TABLE meetings ADD COLUMN field_conclusions TEXT NOT NULL DEFAULT '{}';
"""


_PREPARE = """
ALTER TABLE questions ADD COLUMN urgency TEXT NOT NULL DEFAULT 'normal'
    CHECK (urgency IN ('high', 'normal', 'low'));
ALTER TABLE questions ADD COLUMN origin TEXT NOT NULL DEFAULT '';
ALTER TABLE questions ADD COLUMN grouped_into INTEGER REFERENCES questions(id);
ALTER TABLE questions ADD COLUMN prep_body_id INTEGER REFERENCES bodies(id) ON DELETE SET NULL;
ALTER TABLE questions ADD COLUMN prep_body_name TEXT NOT NULL DEFAULT '';
ALTER TABLE questions ADD COLUMN prep_official_name TEXT NOT NULL DEFAULT '';
ALTER TABLE questions ADD COLUMN prep_official_position TEXT NOT NULL DEFAULT '';
ALTER TABLE questions ADD COLUMN prep_due TEXT NOT NULL DEFAULT '';
ALTER TABLE questions ADD COLUMN prep_answer TEXT NOT NULL DEFAULT '';
ALTER TABLE questions ADD COLUMN prep_answered_at TEXT NOT NULL DEFAULT '';
ALTER TABLE questions ADD COLUMN prep_answer_from TEXT NOT NULL DEFAULT '';
CREATE INDEX questions_grouped ON questions (grouped_into);
"""


@migrations()
def m010_document_settings(db: Database) -> None:
    """What the documents need beyond the meeting's record: the chair's position (the
    signature block; empty: from the officials list), the notice's recipients (one a line;
    empty: the defaults for the meeting's level and kind) and the chair's conclusion per
    field ({field: text})."""
    for statement in _statements(_DOCUMENT_SETTINGS):
        db.execute(statement)


@migrations()
def m011_prepare(db: Database) -> None:
    """Before the meeting (shared/prepare.py): a gathered opinion's urgency and origin (the
    village form, the Front's summary, a letter); the group it was merged into by the
    secretary (never deleted, so a group can be split again); the body and official asked
    to prepare its answer, by when, and the answer they sent back."""
    for statement in _statements(_PREPARE):
        db.execute(statement)


@migrations()
def m012_linked_opinion(db: Database) -> None:
    """On the day (shared/prepared.py): a question logged at the meeting linked by the
    secretary to the gathered opinion it repeats, whose prepared answer and body it takes."""
    db.execute("ALTER TABLE questions ADD COLUMN linked_opinion INTEGER REFERENCES questions(id)")
    db.execute("CREATE INDEX questions_linked ON questions (linked_opinion)")


def migrate(db: Database) -> None:
    """Apply pending migrations under the write lock, so two stations starting at once
    cannot both apply the same one."""
    if not migrations.pending(db):
        return
    db.conn.execute("BEGIN IMMEDIATE")
    try:
        migrations.apply(db)
    except BaseException:
        if db.conn.in_transaction:
            db.conn.execute("ROLLBACK")
        raise
    db.conn.execute("COMMIT")
