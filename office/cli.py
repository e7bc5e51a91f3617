"""hallkit followup | report: the office's work after the meeting."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import click

from office import prepare_documents
from shared import followup as fu
from shared.cli.base import (
    Session,
    echo,
    json_option,
    pass_session,
    print_json,
    print_table,
)
from shared.cli.prepare import prepare as prepare_commands
from shared.cli.question import ITEM_KEYS
from shared.followup import open_items
from shared.i18n import tr
from shared.meetings import parse_date
from shared.text import show_date

# The items' keys (README), with the follow-up's own stage and the overdue flag.
FOLLOWUP_KEYS = (
    *(k for k in ITEM_KEYS if k not in ("number", "followup_status")),
    "progress",
    "overdue",
)


@click.group(invoke_without_command=True)
@click.option("--meeting", "-m", type=int, default=None, help="Only this meeting's items.")
@click.option("--body", default="", help="Only this responsible body's items.")
@click.option("--field", default="", help="Only this field.")
@click.option(
    "--status",
    "progress",
    default=None,
    type=click.Choice(["in_progress", "extended", "transferred"]),
    help="Only items at this stage (default: every stage).",
)
@click.option("--overdue", is_flag=True, help="Only items past their deadline.")
@click.option("--due-within", type=int, default=None, help="Only items due within N working days.")
@click.option("--today", default=None, help="Count overdue against this date (default: today).")
@click.pass_context
def followup(ctx: click.Context, **filters: Any) -> None:
    """Follow every open item until it is answered; without a subcommand, the screen."""
    ctx.ensure_object(Session)
    if ctx.invoked_subcommand is None:
        from office.followup.app import make_followup_app

        session = ctx.find_object(Session)
        assert session is not None
        session.store  # noqa: B018 - a broken database is one line, before the screen
        make_followup_app(session.settings, _day(filters.pop("today"))).run()
    else:
        ctx.meta["filters"] = filters


def _day(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(parse_date(text)) if text else None


@followup.command("list")
@json_option
@click.pass_context
def followup_list(ctx: click.Context, as_json: bool) -> None:
    """Open items across meetings, with the group's filters (--overdue, --body …)."""
    session = ctx.find_object(Session)
    assert session is not None
    filters = dict(ctx.meta.get("filters", {}))
    today = _day(filters.pop("today", None))
    filters["progress"] = filters["progress"] or ""
    rows = open_items(session.store, today=today, meeting_id=filters.pop("meeting"), **filters)
    if as_json:
        print_json([{k: r[k] for k in FOLLOWUP_KEYS} for r in rows])
        return
    lang = session.settings.language
    print_table(
        [
            (
                "!" if r["overdue"] else "",
                r["id"],
                show_date(r["deadline"]),
                r["body_name"],
                r["citizen"] or "",
                tr(fu.progress_label(r["progress"]), lang),
                r["summary"][:50],
            )
            for r in rows
        ],
        [
            "",
            "#",
            tr("Deadline", lang),
            tr("Body", lang),
            tr("Citizen", lang),
            tr("Progress", lang),
            tr("Summary", lang),
        ],
    )


def _item_command(name: str, help_text: str, *options: Any) -> Any:
    def decorate(function: Any) -> Any:
        command = function
        for option in reversed(options):
            command = option(command)
        command = click.argument("question_id", type=int)(command)
        command = pass_session(command)
        return followup.command(name, help=help_text)(command)

    return decorate


@_item_command("start", "Mark item QUESTION_ID as being worked on.")
def followup_start(session: Session, question_id: int) -> None:
    fu.start(session.store, question_id)
    session.say("Item #{question} updated.", question=question_id)


@_item_command(
    "answer",
    "Record the body's answer: date, document number, the answer.",
    click.option("--on", "on", required=True),
    click.option("--document", default=""),
    click.option("--summary", required=True),
)
def followup_answer(
    session: Session, question_id: int, on: str, document: str, summary: str
) -> None:
    fu.answer(session.store, question_id, on=on, document=document, summary=summary)
    session.say("Item #{question} updated.", question=question_id)


@_item_command(
    "extend",
    "Move the deadline later, with the reason.",
    click.option("--deadline", required=True),
    click.option("--reason", required=True),
)
def followup_extend(session: Session, question_id: int, deadline: str, reason: str) -> None:
    fu.extend(session.store, question_id, deadline=deadline, reason=reason)
    session.say("Item #{question} updated.", question=question_id)


@_item_command(
    "transfer", "Transfer the item on to another body.", click.option("--body", required=True)
)
def followup_transfer(session: Session, question_id: int, body: str) -> None:
    fu.transfer(session.store, question_id, body=body)
    session.say("Item #{question} updated.", question=question_id)


@_item_command(
    "inform",
    "Record that the citizen was told: date, and how.",
    click.option("--on", "on", required=True),
    click.option("--how", required=True),
)
def followup_inform(session: Session, question_id: int, on: str, how: str) -> None:
    fu.inform(session.store, question_id, on=on, how=how)
    session.say("Item #{question} updated.", question=question_id)


@_item_command(
    "satisfaction",
    "The citizen's satisfaction with the answer.",
    click.argument("level", type=click.Choice(fu.SATISFACTION)),
)
def followup_satisfaction(session: Session, question_id: int, level: str) -> None:
    fu.rate(session.store, question_id, level)
    session.say("Item #{question} updated.", question=question_id)


@_item_command("history", "Every change of item QUESTION_ID, oldest first.")
def followup_history(session: Session, question_id: int) -> None:
    from shared.item_history import lines, told

    lang = session.settings.language
    for entry in told(session.store, question_id, lang):
        for line in lines(entry, lang):
            echo(line)


@click.command("report")
@click.option("--period", required=True, help="2026-Q1, 2026-H1, 2026-9M, 2026 or 2026-03.")
@click.option(
    "--out",
    type=click.Path(path_type=Path, file_okay=False),
    required=True,
    help="Folder for the report (.docx and .xlsx).",
)
@click.option("--today", default=None, help="Report the follow-up as of this date.")
@click.option(
    "--family",
    type=click.Choice(["state", "party"]),
    default=None,
    help="Layout family of the .docx (default: from the latest meeting's level; the other "
    "one is refused).",
)
@pass_session
def report(session: Session, period: str, out: Path, today: str | None, family: str | None) -> None:
    """Counts by body, field, outcome and kind; on time, late, open; satisfaction."""
    from documents import report as documents
    from documents.files import write_atomic
    from documents.run import family_of
    from shared.meetings import latest_meeting
    from shared.record import chair_position
    from shared.reports import build, parse_period

    built = build(session.store, parse_period(period), _day(today))
    # issued in the name of the last meeting held and closed (an open one is a draft)
    latest = session.store.one(
        "SELECT * FROM meetings WHERE status = 'closed' ORDER BY date DESC, id DESC LIMIT 1"
    ) or latest_meeting(session.store)
    issuing = latest["issuing_body"] if latest else ""
    parent = latest["parent_body"] if latest else ""
    chair = latest["chair"] if latest else ""
    layout = family_of(latest or {}, "party" if family == "party" else "state" if family else None)
    stem = out / f"bao-cao-{built.period.name}"
    for path, data in (
        (
            stem.with_suffix(".docx"),
            documents.docx(
                built,
                issuing,
                parent,
                chair,
                layout,
                chair_position(session.store, latest) if latest else "",
                today=_day(today),
            ),
        ),
        (stem.with_suffix(".xlsx"), documents.xlsx(built)),
    ):
        session.say("Report written: {path}", path=str(write_atomic(path, data)))


@click.group(
    "prepare",
    commands=prepare_commands.commands,  # the same dict: a subcommand added there is here
    invoke_without_command=True,
)
@click.option(
    "--meeting",
    "-m",
    type=int,
    default=None,
    help="Meeting id (default: the one open meeting, else the one planned).",
)
@click.option("--today", default=None, help="Count late answers against this date (dd/mm/yyyy).")
@click.pass_context
def prepare(ctx: click.Context, meeting: int | None, today: str | None) -> None:
    """Before the meeting: gathered opinions, groups, the bodies preparing the answers;
    without a subcommand, the office's preparation screen."""
    ctx.ensure_object(Session)
    if ctx.invoked_subcommand is None:
        from office.prepare.app import make_prepare_app
        from shared.prepare import prepared_meeting

        session = ctx.find_object(Session)
        assert session is not None
        meeting_id = int(prepared_meeting(session.store, meeting)["id"])
        make_prepare_app(session.settings, meeting_id, _day(today)).run()


for command in (prepare_documents.requests, prepare_documents.briefing_, prepare_documents.notice):
    prepare.add_command(command)  # they write documents: the office's, not the core's
