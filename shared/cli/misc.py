"""hallkit init | import | register | verify | demo | reference."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from shared import config, demo, importing, reference, registrations, tokens
from shared.cli.base import (
    Session,
    echo,
    json_option,
    meeting_option,
    pass_session,
    print_json,
    print_table,
)
from shared.i18n import N_, UserError, tr
from shared.specs import REGISTRATION_FIELDS, outcome_label
from shared.text import show_date

REGISTRATION_KEYS = ("id", "meeting_id", "number", "code", "name", "village", "field", "status")


@click.command()
@pass_session
def init(session: Session) -> None:
    """Create the database, and a hallkit.toml to edit if there is none here."""
    session.store  # noqa: B018 - opening creates and migrates the file
    session.say("Database ready: {path}", path=str(session.settings.db_path))
    sample = Path.cwd() / config.CONFIG_NAME
    if session.settings.config_path is None and not sample.exists():
        sample.write_text(config.SAMPLE, encoding="utf-8")
        session.say("Wrote a sample config: {path}", path=str(sample))


@click.command("import")
@click.argument("kind", type=click.Choice([*importing.KINDS, "bodies"]))
@click.argument("path", type=click.Path(path_type=Path, dir_okay=False))
@meeting_option
@click.option(
    "--encoding",
    default="utf-8",
    help="File encoding if not UTF-8, e.g. cp1258 (Windows Vietnamese).",
)
@pass_session
def import_(session: Session, kind: str, path: Path, meeting: int | None, encoding: str) -> None:
    """Import officials, villages, fields or pre-collected opinions from a CSV file
    (opinions from an .xlsx workbook too), or responsible bodies from a CSV or a text
    file with one name a line.

    Headers may be English (name, position, body, village, field, summary, kind, people,
    urgency, origin, level) or Vietnamese (họ tên, chức vụ, cơ quan, thôn, lĩnh vực, nội
    dung, loại, số người, mức độ cấp thiết, nguồn ý kiến, cấp). A file is imported whole or not at all, except bodies: each line is
    added or reported, and the exit status is 1 if a line was refused.
    """
    if kind == "bodies":
        _import_bodies(session, path, encoding)
        return
    meeting_id = session.meeting_id(meeting) if kind == "opinions" else None
    result = importing.import_csv(session.store, kind, path, meeting_id, encoding)
    session.say(
        "Imported {added} rows; skipped {skipped} already present.",
        added=result.added,
        skipped=result.skipped,
    )


def _import_bodies(session: Session, path: Path, encoding: str) -> None:
    """Every line not added is named with what became of it, then the counts."""
    from shared.import_bodies import import_bodies

    result = import_bodies(session.store, path, encoding)
    for line in result.lines:
        if line.status == "present":
            session.say(
                'Line {line}: already in the list: "{name}".', line=line.line, name=line.listed
            )
        elif line.status == "repeated":
            session.say(
                'Line {line}: "{name}" repeats line {first}; not added twice.',
                line=line.line,
                name=line.name,
                first=line.first,
            )
        elif line.status == "refused" and line.reason is not None:
            session.say("Line {line}: refused: {reason}", line=line.line, reason=line.reason)
    session.say(
        "Bodies: {added} added, {present} already in the list, {refused} lines refused.",
        added=result.count("added"),
        present=result.count("present", "repeated"),
        refused=result.count("refused"),
    )
    if result.count("refused"):
        raise SystemExit(1)


def _field_options(function: Any) -> Any:
    """One option per registration field of the spec, in its order."""
    for spec in reversed(REGISTRATION_FIELDS):
        help_text = f"{tr(spec.label, 'en')}, at most {spec.limit} characters."
        # a required option takes no default (click counts even None as one)
        extra: dict[str, Any] = {"required": True} if spec.required else {"default": ""}
        option = click.option(f"--{spec.key}", help=help_text, **extra)
        function = option(function)
    return function


@click.command()
@meeting_option
@_field_options
@click.option("--consent", is_flag=True, help="The citizen accepted the privacy notice.")
@click.option("--kind", default="kien_nghi", help="kien_nghi, phan_anh, khieu_nai or to_cao.")
@click.option("--people", type=int, default=1, help="Number of people sharing the opinion.")
@click.option(
    "--source",
    type=click.Choice(registrations.SOURCES),
    default="secretary",
    help="Where the registration came from.",
)
@json_option
@pass_session
def register(
    session: Session, meeting: int | None, consent: bool, source: str, as_json: bool, **details: Any
) -> None:
    """Register a citizen to speak; prints the ticket number and lookup code."""
    if not consent:  # the core's refusal speaks to a person at a form, not to a command
        raise UserError("The citizen's consent to the privacy notice is required: --consent.")
    row = registrations.register(
        session.store, session.meeting_id(meeting), consent=consent, source=source, **details
    )
    if as_json:
        print_json({k: row[k] for k in REGISTRATION_KEYS})
        return
    session.say(
        "Registered: number {number}, lookup code {code}.",
        number=f"{row['number']:03d}",
        code=tokens.show_code(row["code"]),
    )


@click.command()
@click.argument("payload")
@meeting_option
@pass_session
def verify(session: Session, payload: str, meeting: int | None) -> None:
    """Check a scanned ticket payload against the open meeting (or --meeting); exits
    non-zero if forged or from another meeting."""
    row = registrations.verify_payload(session.store, payload, session.meeting_id(meeting))
    session.say(
        "Genuine ticket: number {number}, meeting {meeting}.",
        number=f"{row['number']:03d}",
        meeting=row["meeting_id"],
    )


@click.command("demo")
@pass_session
def demo_(session: Session) -> None:
    """Create (or reuse) a demo meeting with Vietnamese names, villages and officials."""
    meeting_id, created = demo.demo(session.store)
    message = (
        N_("Created demo meeting {meeting} (open, registration open).")
        if created
        else N_("Demo meeting {meeting} exists already; reusing it.")
    )
    session.say(message, meeting=meeting_id)


# What `reference` prints of each list, with its header (the ids a script needs are in --json).
REFERENCE_COLUMNS: dict[str, tuple[tuple[str, str], ...]] = {
    "officials": (("name", N_("Name")), ("position", N_("Position")), ("body_name", N_("Body"))),
    "bodies": (("name", N_("Body")), ("level", N_("Level"))),
    "villages": (("name", N_("Village")),),
    "fields": (("name", N_("Field")),),
}


@click.command("reference")
@click.argument("kind", type=click.Choice(["officials", "bodies", "villages", "fields"]))
@json_option
@pass_session
def reference_(session: Session, kind: str, as_json: bool) -> None:
    """Show a reference list."""
    store = session.store
    if kind == "officials":
        rows = reference.list_officials(store)
    elif kind == "bodies":
        rows = reference.list_bodies(store)
    else:
        rows = [{"name": name} for name in reference.names(store, kind)]
    if as_json:
        print_json(rows)
        return
    lang = session.settings.language
    columns = REFERENCE_COLUMNS[kind]
    print_table(
        [[r[key] if r[key] is not None else "" for key, _ in columns] for r in rows],
        [tr(label, lang) for _, label in columns],
    )


@click.command()
@click.argument("code")
@json_option
@pass_session
def lookup(session: Session, code: str, as_json: bool) -> None:
    """What a citizen's lookup code shows: their items' status, body, deadline, answer."""
    from shared.followup import lookup as look_up

    shown = look_up(session.store, code)
    if as_json:
        print_json(shown)
        return
    lang = session.settings.language
    echo(f"{shown['number']:03d} · {shown['meeting']} · {show_date(shown['meeting_date'])}")
    for item in shown["items"]:
        state = tr(outcome_label(item["outcome"]), lang)
        echo(f"- {item['summary']}")
        echo(
            f"  {state}"
            + (f" · {item['body_name']}" if item["body_name"] else "")
            + (f" · {show_date(item['deadline'])}" if item["deadline"] else "")
        )
        answer = item["answer_summary"] or item["answer"]
        if answer:
            echo(f"  {answer}")


@click.command()
@click.option("--before", required=True, help="Only meetings held before this date.")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@pass_session
def purge(session: Session, before: str, yes: bool) -> None:
    """Anonymise name, phone and village of citizens whose items are all closed, in
    meetings older than the retention period (retention_months in hallkit.toml)."""
    from shared import retention

    months = session.settings.retention_months
    found = retention.candidates(session.store, before, months)
    found += retention.question_candidates(session.store, before, months)
    if not found:
        session.say("No personal data is due for anonymisation.")
        return
    meetings = sorted({row["meeting_id"] for row in found})
    session.say(
        "Will anonymise name, phone and village of {count} citizens (meetings {meetings}): all their items are closed and the {months}-month retention has passed.",
        count=len(found),
        meetings=", ".join(map(str, meetings)),
        months=months,
    )
    if not yes and not click.confirm(tr("Go ahead?", session.settings.language)):
        raise SystemExit(1)
    session.say(
        "Anonymised {count} citizens.", count=retention.purge(session.store, before, months)
    )


@click.command()
@click.argument("other", type=click.Path(path_type=Path, dir_okay=False))
@pass_session
def merge(session: Session, other: Path) -> None:
    """Merge another hall's database into this one (merging twice adds nothing)."""
    from shared.merge import merge as merge_into

    added = merge_into(session.store, other)
    session.say(
        "Merged {meetings} meetings, {registrations} registrations, {questions} questions ({codes_changed} lookup codes changed).",
        **added,
    )


COMMANDS = [init, import_, register, verify, demo_, reference_, lookup, purge, merge]
