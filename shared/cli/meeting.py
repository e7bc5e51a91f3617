"""hallkit meeting new|list|show|open|close|set."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from shared import agenda, meetings
from shared.cli.base import Session, echo, json_option, pass_session, print_json, print_table
from shared.deadlines import basis_label
from shared.i18n import N_, UserError, tr, trn
from shared.specs import FIELDS, MEETING_KINDS, meeting_kind
from shared.text import show_date, show_moment

LANGS = ("vi", "en")

_DETAILS = [
    ("--title", "Title of the meeting."),
    ("--date", "Date: 2026-01-05 or 05/01/2026."),
    ("--time", "Start time: 08:00."),
    ("--place", "Where it is held."),
    ("--issuing-body", "Body issuing the documents, e.g. 'Ủy ban nhân dân xã Minh Hòa'."),
    ("--parent-body", "The body above it, for the document header."),
    ("--chair", "Who chairs (chủ trì)."),
    ("--co-chair", "Co-chair, if any."),
    ("--secretary", "Who writes the minutes (thư ký)."),
    (
        "--chair-position",
        "The chair's position as the signature block prints it, e.g. 'Chánh Văn phòng' "
        "(default: the chair's position in the officials list).",
    ),
    (
        "--recipients",
        "Who receives the conclusion notice (Nơi nhận), separated by ';' (default: by the "
        "meeting's level and kind).",
    ),
]


def _detail_options(function: Any) -> Any:
    for name, help_text in reversed(_DETAILS):
        function = click.option(name, help=help_text)(function)
    function = click.option(
        "--level",
        type=click.Choice(meetings.LEVELS),
        help="commune, district, province or party (committee).",
    )(function)
    function = click.option(
        "--kind",
        type=click.Choice(MEETING_KINDS),
        help="commune (residents), agency (an office's own employees) or party; "
        "chooses the wording of fields such as village / unit (default: from --level).",
    )(function)
    return click.option("--speaking-time", type=int, help="Default speaking time in seconds.")(
        function
    )


def _changes(values: dict[str, Any]) -> dict[str, Any]:
    renamed = {"time": "start_time", "speaking_time": "speaking_seconds"}
    return {renamed.get(k, k): v for k, v in values.items() if v is not None}


@click.group()
def meeting() -> None:
    """Create and manage meetings."""


# The options giving what a meeting cannot be created without (meetings.REQUIRED_DETAILS).
REQUIRED = {"title": "--title", "date": "--date", "start_time": "--time"}


@meeting.command("new")
@_detail_options
@json_option
@pass_session
def new(session: Session, as_json: bool, **values: Any) -> None:
    """Create a planned meeting (needs --title, --date and --time); prints its number."""
    lang = session.settings.language
    changes = _changes(values)
    missing = [
        tr(words, lang) + f" ({REQUIRED[key]})"
        for key, words in meetings.REQUIRED_DETAILS.items()
        if not str(changes.get(key) or "").strip()
    ]
    if missing:
        raise UserError("A new meeting needs {missing}.", missing=", ".join(missing))
    changes["deadlines"] = session.settings.deadlines
    meeting_id = meetings.create_meeting(session.store, **changes)
    row = meetings.get_meeting(session.store, meeting_id)
    if as_json:
        print_json(row)
        return
    session.say(
        "Created meeting no. {meeting}: {title}, {date} at {time}.",
        meeting=meeting_id,
        title=row["title"],
        date=show_date(row["date"]),
        time=row["start_time"],
    )


STATUSES = {"planned": N_("planned"), "open": N_("being held"), "closed": N_("closed")}
LEVEL_WORDS = {
    "commune": N_("commune"),
    "district": N_("district"),
    "province": N_("province"),
    "party": N_("party committee"),
}
KIND_WORDS = {
    "commune": N_("residents of the commune"),
    "agency": N_("an office's own staff"),
    "party": N_("party committee"),
}
# The meeting's time limits (hallkit.toml [deadlines]) by what each one is for.
RULES = {
    "pending_answer": N_("answer to a pending item"),
    "citizen_notice": N_("notice to the citizen"),
    "conclusion_notice": N_("conclusion notice"),
    "results_published": N_("results published"),
    "public_notice": N_("public notice before the meeting"),
    "answers_due": N_("answers prepared before the meeting"),
    "opinions_due": N_("opinions sent before the meeting"),
}
Words = Callable[[object, str], str]


def _plain(value: object, lang: str) -> str:
    return "" if value is None else str(value)


def _listed(labels: dict[str, str]) -> Words:
    return lambda value, lang: (
        tr(labels[str(value)], lang) if value in labels else _plain(value, lang)
    )


def _yes_no(value: object, lang: str) -> str:
    return tr("yes", lang) if value else tr("no", lang)


def _seconds(value: object, lang: str) -> str:
    seconds = int(str(value or 0))
    if seconds % 60:
        return trn("{n} second", "{n} seconds", seconds, lang)
    return trn("{n} minute", "{n} minutes", seconds // 60, lang)


def _rules(value: object, lang: str) -> str:
    rules = json.loads(str(value or "{}"))
    return "; ".join(
        f"{tr(RULES.get(name, name), lang)}: {basis_label(rule, lang)}"
        for name, rule in rules.items()
    )


def _registration(value: object, lang: str) -> str:
    return tr("open", lang) if value else tr("closed", lang)


# `meeting show`: each detail with its label and its value in words, in this order.
DETAILS: tuple[tuple[str, str, Words], ...] = (
    ("id", N_("Meeting no."), _plain),
    ("title", N_("Title"), _plain),
    ("date", N_("Date"), lambda value, lang: show_date(str(value or ""))),
    ("start_time", N_("Start time"), _plain),
    ("end_time", N_("End time"), _plain),
    ("place", N_("Place"), _plain),
    ("issuing_body", N_("Issuing body"), _plain),
    ("parent_body", N_("Parent body"), _plain),
    ("level", N_("Level"), _listed(LEVEL_WORDS)),
    ("kind", N_("Who takes part"), _listed(KIND_WORDS)),
    ("chair", N_("Chair"), _plain),
    ("co_chair", N_("Co-chair"), _plain),
    ("secretary", N_("Secretary"), _plain),
    ("participants", N_("Participants"), lambda value, lang: "; ".join(str(value).splitlines())),
    ("speaking_seconds", N_("Speaking time"), _seconds),
    ("deadlines", N_("Time limits"), _rules),
    ("status", N_("Status"), _listed(STATUSES)),
    ("registration_open", N_("Registration"), _registration),
    ("display_names", N_("Names on the hall display"), _yes_no),
    ("conclusion", N_("Conclusion"), _plain),
    ("published_at", N_("Published on"), lambda value, lang: show_moment(str(value or ""))),
    ("created_at", N_("Created on"), lambda value, lang: show_moment(str(value or ""))),
    ("uid", N_("Web address code"), _plain),
)


@meeting.command("list")
@json_option
@pass_session
def list_(session: Session, as_json: bool) -> None:
    """All meetings, newest first."""
    rows = meetings.list_meetings(session.store)
    if as_json:
        print_json(rows)
        return
    lang = session.settings.language
    print_table(
        [
            (
                m["id"],
                show_date(m["date"]),
                m["start_time"],
                _listed(STATUSES)(m["status"], lang),
                _registration(m["registration_open"], lang),
                m["title"],
            )
            for m in rows
        ],
        [
            "#",
            tr("Date", lang),
            tr("Start time", lang),
            tr("Status", lang),
            tr("Registration", lang),
            tr("Title", lang),
        ],
    )


@meeting.command("show")
@click.argument("meeting_id", type=int)
@json_option
@pass_session
def show(session: Session, meeting_id: int, as_json: bool) -> None:
    """One meeting's details."""
    row = meetings.get_meeting(session.store, meeting_id)
    if as_json:
        print_json(row)
        return
    lang = session.settings.language
    row["kind"] = meeting_kind(row)
    shown = [(tr(label, lang), words(row[key], lang)) for key, label, words in DETAILS]
    width = max(len(label) for label, _ in shown)
    for label, value in shown:
        echo(f"{label.ljust(width)}  {value}".rstrip())


@meeting.command("open")
@click.argument("meeting_id", type=int)
@pass_session
def open_(session: Session, meeting_id: int) -> None:
    """Open the meeting (and its registration)."""
    meetings.set_status(session.store, meeting_id, "open")
    session.say("Meeting {meeting} is open.", meeting=meeting_id)


@meeting.command("close")
@click.argument("meeting_id", type=int)
@click.option("--end-time", default=None, help="When it ended, 17:30 (default: now).")
@pass_session
def close(session: Session, meeting_id: int, end_time: str | None) -> None:
    """Close the meeting; registration closes and the end time is recorded."""
    meetings.set_status(session.store, meeting_id, "closed", end_time)
    session.say("Meeting {meeting} is closed.", meeting=meeting_id)


@meeting.command("set")
@click.argument("meeting_id", type=int)
@_detail_options
@click.option(
    "--registration",
    type=click.Choice(["open", "closed"]),
    help="Open or close registration at the kiosks.",
)
@click.option(
    "--display-names",
    type=click.Choice(["yes", "no"]),
    help="Whether the hall display may show speakers' names.",
)
@click.option(
    "--end-time",
    default=None,
    help="Correct when it ended, 17:30 (also once the meeting is closed).",
)
@click.option(
    "--participants",
    default=None,
    help="Who took part, named in the minutes: 'Name, position; Name, position'.",
)
@click.option(
    "--participants-csv",
    type=click.Path(path_type=Path, dir_okay=False, exists=True),
    default=None,
    help="The same from a CSV file (UTF-8): name, position a row; a header row is skipped.",
)
@pass_session
def set_(
    session: Session,
    meeting_id: int,
    registration: str | None,
    display_names: str | None,
    participants_csv: Path | None,
    **values: Any,
) -> None:
    """Change a meeting's details, or open / close its registration. Once it is closed,
    only --end-time and --participants (the record) may still be corrected."""
    changes = _changes(values)
    if participants_csv:
        changes["participants"] = _participants_from_csv(participants_csv)
    if display_names:
        changes["display_names"] = display_names == "yes"
    if changes:
        meetings.update_meeting(session.store, meeting_id, **changes)
    if registration:
        meetings.set_registration(session.store, meeting_id, registration == "open")
    session.say("Updated meeting {meeting}.", meeting=meeting_id)


def _participants_from_csv(path: Path) -> list[str]:
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    name = FIELDS["name"]
    headers = {tr(msgid, lang).casefold() for msgid in (name.label, name.short) for lang in LANGS}
    if rows and rows[0] and rows[0][0].strip().casefold() in headers | {"name"}:
        rows = rows[1:]
    return [", ".join(cell.strip() for cell in row if cell.strip()) for row in rows if row]


@meeting.command("agenda")
@click.argument("meeting_id", type=int)
@click.argument("steps", nargs=-1)
@pass_session
def agenda_(session: Session, meeting_id: int, steps: tuple[str, ...]) -> None:
    """Show the program, or replace it with STEPS (in order)."""
    rows = (
        agenda.set_steps(session.store, meeting_id, list(steps))
        if steps
        else agenda.steps(session.store, meeting_id)
    )
    for row in rows:
        echo(f"{'>' if row['current'] else ' '} {row['position']}. {row['title']}")


@meeting.command("step")
@click.argument("meeting_id", type=int)
@click.argument("position", type=int)
@pass_session
def step(session: Session, meeting_id: int, position: int) -> None:
    """Mark step POSITION of the program as the current one."""
    row = agenda.go_to_step(session.store, meeting_id, position)
    echo(f"> {row['position']}. {row['title']}")


@meeting.command("conclusion")
@click.argument("meeting_id", type=int)
@click.argument("text")
@pass_session
def conclusion(session: Session, meeting_id: int, text: str) -> None:
    """Record the chair's concluding remarks for the minutes."""
    agenda.set_conclusion(session.store, meeting_id, text)
    session.say("Updated meeting {meeting}.", meeting=meeting_id)


@meeting.command("field-conclusion")
@click.argument("meeting_id", type=int)
@click.argument("field")
@click.argument("text", default="")
@pass_session
def field_conclusion(session: Session, meeting_id: int, field: str, text: str) -> None:
    """Record the chair's conclusion on FIELD for the conclusion notice (empty TEXT: the
    notice drafts one line an item again). Also once the meeting is closed."""
    from shared.reference import check_field

    meetings.set_field_conclusion(
        session.store, meeting_id, check_field(session.store, field), text
    )
    session.say("Updated meeting {meeting}.", meeting=meeting_id)


@meeting.command("publish")
@click.argument("meeting_id", type=int)
@click.option("--withdraw", is_flag=True, help="Take the published results down again.")
@pass_session
def publish(session: Session, meeting_id: int, withdraw: bool) -> None:
    """Publish the meeting's results on the web face (hallkit web: /ket-qua/UID)."""
    row = meetings.set_published(session.store, meeting_id, not withdraw)
    if withdraw:
        session.say("The results of meeting {meeting} are no longer published.", meeting=meeting_id)
    else:
        session.say(
            "The results of meeting {meeting} are published at /ket-qua/{uid}.",
            meeting=meeting_id,
            uid=row["uid"],
        )


COMMANDS = [meeting]
