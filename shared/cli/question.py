"""hallkit question add|assign|outcome|list, and hallkit items."""

from __future__ import annotations

import datetime as dt

import click

from shared import questions
from shared.cli.base import (
    Session,
    echo,
    json_option,
    meeting_option,
    pass_session,
    print_json,
    print_table,
)
from shared.deadlines import DEFAULT_RULES, basis_label
from shared.i18n import UserError, tr
from shared.meetings import parse_date
from shared.reference import UnknownBody
from shared.specs import OUTCOMES, outcome_label
from shared.text import show_date

ITEM_KEYS = (
    "id",
    "meeting_id",
    "meeting_title",
    "number",
    "ticket",
    "citizen",
    "village",
    "summary",
    "field",
    "outcome",
    "body_name",
    "deadline",
    "deadline_basis",
    "followup_status",
)


@click.group()
def question() -> None:
    """Questions raised at the meeting and their outcomes."""


@question.command("add")
@meeting_option
@click.option("--ticket", type=int, help="Ticket number of the speaker who asked it.")
@click.option("--summary", default="", help="The question in brief (default: the registration's).")
@click.option("--field", default="", help="Field (lĩnh vực), from the list.")
@click.option("--kind", default="", help="kien_nghi, phan_anh, khieu_nai or to_cao.")
@click.option("--official", default="", help="Who answers: id or name (default: the chair).")
@click.option(
    "--source",
    type=click.Choice(questions.SOURCES),
    help="spoken (with --ticket), written or pre_collected.",
)
@json_option
@pass_session
def add(
    session: Session,
    meeting: int | None,
    ticket: int | None,
    summary: str,
    field: str,
    kind: str,
    official: str,
    source: str | None,
    as_json: bool,
) -> None:
    """Log a question, from a speaker (--ticket) or handed in writing; prints its id (the
    QUESTION_ID of `question outcome`)."""
    row = questions.add_question(
        session.store,
        session.meeting_id(meeting),
        summary=summary,
        number=ticket,
        source=source,
        field=field,
        kind=kind,
        official=official,
    )
    if as_json:
        print_json(row)
        return
    session.say(
        "Logged question no. {question} (the meeting's no. {number}).",
        question=row["id"],
        number=row["number"],
    )


@question.command("assign")
@click.argument("question_id", type=int)
@click.argument("official")
@pass_session
def assign(session: Session, question_id: int, official: str) -> None:
    """Assign QUESTION_ID to an official (id or name) to answer."""
    row = questions.assign(session.store, question_id, official)
    session.say(
        "Question #{question} assigned to {official}.",
        question=question_id,
        official=row["official_name"],
    )


@question.command("outcome")
@click.argument("question_id", type=int)
@click.argument("outcome", type=click.Choice(list(OUTCOMES)))
@click.option("--answer", default="", help="The answer in brief (answered, written).")
@click.option("--body", default="", help="Responsible body (pending, transferred).")
@click.option(
    "--deadline",
    default="",
    help="Deadline as a date (2026-03-12 or 12/03/2026), if not the outcome's rule.",
)
@click.option(
    "--rule",
    default="",
    help="Count the deadline by another of the meeting's time limits instead of the "
    f"outcome's own: {', '.join(DEFAULT_RULES)}. Not with --deadline.",
)
@click.option("--level", default="", help="Level of the body transferred to.")
@click.option("--document", default="", help="Transfer document number.")
@pass_session
def outcome(
    session: Session,
    question_id: int,
    outcome: str,
    answer: str,
    body: str,
    deadline: str,
    rule: str,
    level: str,
    document: str,
) -> None:
    """Record what became of QUESTION_ID: pending, transferred and written get a deadline
    by the outcome's rule (pending: pending_answer, 30 days; transferred: citizen_notice,
    10 working days), or by --rule, or the date in --deadline."""
    if deadline.strip() and rule:
        raise UserError("Give either --deadline or --rule, not both.")
    try:
        row = questions.set_outcome(
            session.store,
            question_id,
            outcome,
            answer=answer,
            body=body,
            deadline=deadline,
            level=level,
            document=document,
            rule=rule,
        )
    except UnknownBody as unknown:
        raise UserError(
            'No body "{body}" in the list (hallkit reference bodies); add it with "hallkit import bodies FILE".',
            body=unknown.name,
        ) from None
    lang = session.settings.language
    basis = basis_label(row["deadline_basis"], lang)
    echo(
        f"#{row['id']}: {tr(outcome_label(row['outcome']), lang)}"
        + (f" · {row['body_name']}" if row["body_name"] else "")
        + (f" · {row['deadline']} ({basis})" if row["deadline"] else "")
    )


@question.command("list")
@meeting_option
@json_option
@pass_session
def list_(session: Session, meeting: int | None, as_json: bool) -> None:
    """The meeting's questions in the order they were raised."""
    rows = questions.list_questions(session.store, session.meeting_id(meeting))
    if as_json:
        print_json(rows)
        return
    lang = session.settings.language
    print_table(
        [
            (
                r["id"],
                r["number"],
                tr(outcome_label(r["outcome"]), lang),
                r["official_name"],
                r["summary"][:60],
            )
            for r in rows
        ],
        ["id", "#", tr("Outcome", lang), tr("Answered by", lang), tr("Summary", lang)],
    )


@click.command()
@click.option("--open", "open_only", is_flag=True, help="Only items not yet closed.")
@click.option("--overdue", is_flag=True, help="Only open items past their deadline.")
@click.option("--today", help="Count overdue against this date instead of today.")
@json_option
@pass_session
def items(
    session: Session, open_only: bool, overdue: bool, today: str | None, as_json: bool
) -> None:
    """Items to follow up (pending, transferred, written reply), across meetings."""
    day = dt.date.fromisoformat(parse_date(today)) if today else None
    rows = questions.items(session.store, open_only=open_only, overdue=overdue, today=day)
    if as_json:
        print_json([{k: r[k] for k in ITEM_KEYS} for r in rows])
        return
    lang = session.settings.language
    print_table(
        [
            (
                r["id"],
                show_date(r["deadline"]),
                tr(outcome_label(r["outcome"]), lang),
                r["body_name"],
                r["citizen"] or "",
                r["summary"][:50],
            )
            for r in rows
        ],
        [
            "#",
            tr("Deadline", lang),
            tr("Outcome", lang),
            tr("Body", lang),
            tr("Name", lang),
            tr("Summary", lang),
        ],
    )


COMMANDS = [question, items]
