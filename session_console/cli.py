"""hallkit console | chair | display."""

from __future__ import annotations

from pathlib import Path

import click

from shared.cli.base import Session, meeting_option, pass_session


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
    """The hall display: the number now speaking, the next numbers, the timer."""
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
    default="state",
    help="Layout family: state administrative (NĐ 30) or party committee.",
)
@click.option(
    "--abbreviation",
    default="",
    help="The issuing body's short name in numbers (default UBND, or ĐU for party).",
)
@pass_session
def export_(
    session: Session,
    meeting_id: int,
    out: Path,
    minutes_number: str,
    notice_number: str,
    family: str,
    abbreviation: str,
) -> None:
    """Minutes, pending items, conclusion notice draft and handout of MEETING_ID."""
    from session_console.export.run import Options, export
    from session_console.export.words import short_date

    options = Options(
        minutes_number, notice_number, "party" if family == "party" else "state", abbreviation
    )
    record, written = export(
        session.store,
        meeting_id,
        out,
        options,
        progress=lambda name: click.echo(f"… {name}", err=True),
    )
    for path in written:
        click.echo(f"{path}  ({path.stat().st_size:,} B)")
    session.say(
        "export_summary",
        pending=len(record.pending),
        due=short_date(record.notice_due.isoformat()),
        rule=str(record.notice_rule),
        draft="DỰ THẢO · " if record.draft else "",
    )
