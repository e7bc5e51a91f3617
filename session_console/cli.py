"""hallkit console | chair | display | export: the stations and documents of the day."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from shared.cli.base import (
    Session,
    echo,
    meeting_option,
    pass_session,
)
from shared.deadlines import basis_label
from shared.i18n import Label
from shared.meetings import parse_date


@click.command()
@meeting_option
@pass_session
def console(session: Session, meeting: int | None) -> None:
    """The secretary's console: queue, timer, questions and outcomes (keys in the footer)."""
    from session_console.console.app import make_console_app

    session.meeting_id(meeting)  # a missing meeting is one clear line, before the screen opens
    make_console_app(session.settings, meeting).run()


@click.command()
@meeting_option
@pass_session
def chair(session: Session, meeting: int | None) -> None:
    """The chair's screen, read-only: the lectern, the next three, pending items by body."""
    from session_console.chair.app import make_chair_app

    session.meeting_id(meeting)
    make_chair_app(session.settings, meeting).run()


@click.command()
@meeting_option
@pass_session
def display(session: Session, meeting: int | None) -> None:
    """The hall display: the number called, speaking or paused, the next numbers, the timer."""
    from session_console.display.app import make_display_app

    session.meeting_id(meeting)
    make_display_app(session.settings, meeting).run()


@click.command("export")
@click.argument("meeting_id", type=int)
@click.option(
    "--out",
    "out",
    type=click.Path(path_type=Path, file_okay=False),
    required=True,
    help="Folder for the documents (created if missing).",
)
@click.option("--minutes-number", default="", help='Number of the minutes, "12" in Số: 12/BB-UBND.')
@click.option("--notice-number", default="", help="Number of the conclusion notice.")
@click.option(
    "--family",
    type=click.Choice(["state", "party"]),
    default=None,
    help="Layout family: state administrative (NĐ 30) or party committee (default: from "
    "the meeting's level; the other one is refused).",
)
@click.option(
    "--abbreviation",
    default="",
    help="The issuing body's short name in numbers (default UBND, or ĐU for party).",
)
@click.option(
    "--unit",
    default="VP",
    show_default=True,
    help='The drafting unit kept on file, the last line of Nơi nhận: "- Lưu: VT, VP.".',
)
@click.option(
    "--csv-separator",
    type=click.Choice([",", ";"]),
    default=",",
    show_default=True,
    help="Separator of the .csv: ';' for Excel set to the Vietnamese region.",
)
@click.option(
    "--status-date",
    default=None,
    help="Give the follow-up list's status as of this day (default: the day of the "
    "meeting's last recorded change).",
)
@click.option(
    "--notice-date",
    default=None,
    help="The day the conclusion notice is issued, 2026-02-12 (default: left blank for "
    "the clerk; it is issued after the meeting).",
)
@pass_session
def export_(
    session: Session,
    meeting_id: int,
    out: Path,
    minutes_number: str,
    notice_number: str,
    family: str | None,
    abbreviation: str,
    unit: str,
    csv_separator: str,
    status_date: str | None,
    notice_date: str | None,
) -> None:
    """Minutes, pending items, conclusion notice draft and handout of MEETING_ID."""

    from documents.run import Options, export
    from documents.words import short_date

    options = Options(
        minutes_number,
        notice_number,
        "party" if family == "party" else "state" if family else None,
        abbreviation,
        unit,
        csv_separator,
        dt.date.fromisoformat(parse_date(status_date)) if status_date else None,
        dt.date.fromisoformat(parse_date(notice_date)) if notice_date else None,
    )
    record, written = export(
        session.store,
        meeting_id,
        out,
        options,
        progress=lambda name: echo(f"… {name}", err=True),
    )
    for path in written:
        echo(f"{path}  ({path.stat().st_size:,} B)")
    session.say(
        "{draft}{pending} pending items. The conclusion notice is due by {due} ({rule}).",
        pending=len(record.pending),
        due=short_date(record.notice_due.isoformat()),
        rule=basis_label(str(record.notice_rule), session.settings.language),
        draft=Label("DRAFT · ") if record.draft else "",
    )
