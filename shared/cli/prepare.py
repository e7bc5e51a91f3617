"""hallkit prepare: before the meeting, the gathered opinions, grouped, assigned, answered."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import click

from shared import prepare as core
from shared import prepared, recurrence
from shared.answer_requests import read_answers
from shared.cli.base import (
    Session,
    echo,
    error_line,
    json_option,
    meeting_option,
    pass_session,
    print_json,
    print_table,
)
from shared.i18n import N_, UserError, tr, trn
from shared.recurrence import Earlier
from shared.text import show_date

ANSWER_STATUS = {
    "answered": N_("answer received"),
    "late": N_("late, no answer yet"),
    "waiting": N_("waiting for the answer"),
    "unassigned": N_("not yet assigned to a body"),
}


@click.group()
def prepare() -> None:
    """Before the meeting: gathered opinions, groups, the bodies preparing the answers.

    The `hallkit prepare` the command line shows is office/cli.py's, with these
    subcommands and the screen when none is given (shared cannot import the office)."""


@prepare.command()
@meeting_option
@json_option
@pass_session
def similar(session: Session, meeting: int | None, as_json: bool) -> None:
    """Propose groups of gathered opinions that look like one issue (same field, similar
    words), with a score. Nothing is grouped: confirm with `prepare group`."""
    store = session.store
    meeting_id = int(core.prepared_meeting(store, meeting)["id"])
    found = core.proposals(store, meeting_id)
    if as_json:
        print_json(
            [
                {
                    "score": proposal.score,
                    "questions": [_brief(row) for row in rows],
                }
                for proposal, rows in found
            ]
        )
        return
    if not found:
        session.say("No similar opinions found.")
        return
    lang = session.settings.language
    for proposal, rows in found:
        echo(
            tr(
                "Score {score}: {field}. To group: hallkit prepare group {ids}",
                lang,
                score=proposal.score,
                field=rows[0]["field"] or "-",
                ids=" ".join(str(r["id"]) for r in rows),
            )
        )
        print_table(
            [(r["id"], r["raised_village"], r["people"], r["summary"]) for r in rows],
            [tr("Id", lang), tr("Village", lang), tr("People", lang), tr("Summary", lang)],
        )
        echo("")


def _brief(row: dict[str, Any]) -> dict[str, Any]:
    keys = ("id", "number", "summary", "field", "raised_village", "raised_by", "people")
    return {key: row[key] for key in keys}


@prepare.command()
@click.argument("questions", nargs=-1, type=int, required=True)
@pass_session
def group(session: Session, questions: tuple[int, ...]) -> None:
    """Make the opinions one (ids, the first stays): the group keeps every source and
    sums the people. Split it again with `prepare ungroup`."""
    head = core.group(session.store, list(questions))
    members = session.store.all(
        "SELECT id FROM questions WHERE grouped_into = ? ORDER BY id", (head["id"],)
    )
    session.say(
        "Question {head} now stands for {ids}.",
        head=head["id"],
        ids=", ".join(str(m["id"]) for m in [head, *members]),
    )


@prepare.command()
@click.argument("question_id", type=int)
@pass_session
def ungroup(session: Session, question_id: int) -> None:
    """Take an opinion out of its group, or split the group it heads."""
    freed = core.ungroup(session.store, question_id)
    session.say("Standing alone again: {ids}.", ids=", ".join(str(i) for i in freed))


@prepare.command("list")
@meeting_option
@json_option
@pass_session
def list_(session: Session, meeting: int | None, as_json: bool) -> None:
    """The gathered opinions, a group as one, most urgent first: sources and people, what
    was raised at earlier meetings (and what became of it)."""
    store = session.store
    lang = session.settings.language
    meeting_id = int(core.prepared_meeting(store, meeting)["id"])
    today = dt.date.today()
    found = core.opinions(store, meeting_id, today)
    repeats = recurrence.of_meeting(store, meeting_id, [o.row for o in found])
    late = core.late_bodies(found)
    if as_json:
        print_json(
            {
                "opinions": [_listed(o, repeats, lang, today) for o in found],
                "late_bodies": dict(sorted(late.items())),
            }
        )
        return
    if not found:
        session.say("No opinions gathered for meeting {meeting}.", meeting=meeting_id)
        return
    for opinion in found:
        _show(opinion, repeats.get(opinion.row["id"], []), lang, today)
    again = sum(1 for o in found if o.row["id"] in repeats)
    echo(
        tr(
            "Opinions raised at an earlier meeting: {count} of {total}.",
            lang,
            count=again,
            total=len(found),
        )
    )
    if late:
        listed = ", ".join(f"{body} ({count})" for body, count in sorted(late.items()))
        echo(tr("Bodies late with their answers: {bodies}", lang, bodies=listed))


def _listed(
    opinion: core.Opinion, repeats: dict[int, list[Earlier]], lang: str, today: dt.date
) -> dict[str, Any]:
    row = opinion.row
    return {
        **{key: row[key] for key in ("id", "number", "summary", "field", "kind", "urgency")},
        "people": opinion.people,
        "body": row["prep_body_name"],
        "official": row["prep_official_name"],
        "due": row["prep_due"],
        "answer": row["prep_answer"],
        "answer_status": opinion.status,
        "sources": [
            {
                "id": s["id"],
                "village": s["raised_village"],
                "raised_by": s["raised_by"],
                "people": s["people"],
                "origin": s["origin"],
            }
            for s in opinion.sources
        ],
        "raised_before": [
            {
                "question_id": e.question_id,
                "meeting_id": e.meeting_id,
                "meeting_date": e.meeting_date,
                "number": e.number,
                "state": e.state(today),
                "score": e.score,
                "text": e.told(lang, today),
            }
            for e in repeats.get(row["id"], [])
        ],
    }


def _show(opinion: core.Opinion, repeats: list[Earlier], lang: str, today: dt.date) -> None:
    row = opinion.row
    echo(
        tr(
            "{id}. {field} · {urgency} · {people} · {sources}",
            lang,
            id=row["id"],
            field=row["field"] or "-",
            urgency=tr(core.URGENCY[row["urgency"]].label, lang),
            people=trn("{n} person", "{n} people", opinion.people, lang),
            sources=trn("{n} source", "{n} sources", len(opinion.sources), lang),
        )
    )
    echo(f"   {row['summary']}")
    sources = "; ".join(
        (", ".join(x for x in (s["raised_village"], s["raised_by"], s["origin"]) if x) or "-")
        + f" ({s['people']})"
        for s in opinion.sources
    )
    echo("   " + tr("Sources: {sources}", lang, sources=sources))
    if repeats:
        echo("   " + tr("Raised before: {text}", lang, text=repeats[0].told(lang, today)))
    if row["prep_body_name"]:
        who = ", ".join(x for x in (row["prep_body_name"], row["prep_official_name"]) if x)
        echo(
            "   "
            + tr(
                "Prepared by: {who}, due {due}: {status}",
                lang,
                who=who,
                due=show_date(row["prep_due"]),
                status=tr(ANSWER_STATUS[opinion.status], lang),
            )
        )
    else:
        echo("   " + tr(ANSWER_STATUS["unassigned"], lang))
        meetings = len({e.meeting_id for e in repeats})
        if meetings > 1:
            echo("   " + tr("Raised at {count} earlier meetings.", lang, count=meetings))


@prepare.command()
@click.argument("question_id", type=int)
@click.option("--body", required=True, help="The body preparing the answer: id or name.")
@click.option("--official", default="", help="The official of it who prepares it: id or name.")
@click.option(
    "--due",
    default="",
    help="Answer due by (dd/mm/yyyy or yyyy-mm-dd; default: the answers_due setting, in"
    " working days before the meeting).",
)
@click.option("--urgency", type=click.Choice([u.key for u in core.URGENCIES]), help="Urgency.")
@pass_session
def assign(
    session: Session,
    question_id: int,
    body: str,
    official: str,
    due: str,
    urgency: str | None,
) -> None:
    """Ask a body (and an official) to prepare the answer to an opinion by a date."""
    row = core.assign(
        session.store, question_id, body, official=official, due=due, urgency=urgency or ""
    )
    session.say(
        "Question {question}: {body} prepares the answer by {due}.",
        question=question_id,
        body=row["prep_body_name"],
        due=show_date(row["prep_due"]),
    )


@prepare.command()
@click.argument("question_id", type=int)
@click.option("--text", required=True, help="The answer the body prepared.")
@pass_session
def answer(session: Session, question_id: int, text: str) -> None:
    """Record (or replace) the answer prepared for an opinion."""
    core.answer(session.store, question_id, text)
    session.say("Question {question}: answer recorded.", question=question_id)


@prepare.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path, dir_okay=False))
@pass_session
def answers(session: Session, files: tuple[Path, ...]) -> None:
    """Read filled requests back: each answer to its opinion by the row's hidden id. A file
    with a bad row is refused whole (its row and reason shown); the others are read."""
    refused = 0
    lang = session.settings.language
    for path in files:
        try:
            result = read_answers(session.store, path)
        except UserError as error:
            echo(error_line(error.message(lang), lang), err=True)
            refused += 1
            continue
        session.say(
            "{path} ({body}): {stored} answers stored, {unchanged} already in, {empty} rows without an answer.",
            path=path.name,
            body=result.body,
            stored=result.stored,
            unchanged=result.unchanged,
            empty=result.empty,
        )
    if refused:
        raise SystemExit(1)


@prepare.command("add")
@meeting_option
@click.option("--text", "summary", required=True, help="The opinion, as written.")
@click.option("--village", default="", help="Village or unit it came from.")
@click.option("--name", "raised_by", default="", help="Who raised it (optional).")
@click.option("--people", default="1", help="How many people share it.")
@click.option("--field", default="", help="Field (from the list of fields).")
@click.option("--kind", default="", help="kien_nghi, phan_anh, khieu_nai or to_cao.")
@click.option("--urgency", default="", help="high, normal or low (default: normal).")
@click.option("--origin", default="", help="Where it came from (a letter, the Front).")
@pass_session
def add(session: Session, meeting: int | None, **values: str) -> None:
    """Add an opinion gathered before the meeting, typed in (a letter, a phone call)."""
    meeting_id = int(core.prepared_meeting(session.store, meeting)["id"])
    row = core.add_opinion(session.store, meeting_id, **values)
    echo(str(row["id"]))


@prepare.command("link")
@click.argument("question_id", type=int)
@click.argument("opinion_id", type=int, required=False)
@pass_session
def link(session: Session, question_id: int, opinion_id: int | None) -> None:
    """On the day: link a question logged at the meeting to the gathered opinion it
    repeats (its prepared answer and body start its outcome); without OPINION_ID, unlink."""
    prepared.link(session.store, question_id, opinion_id)
    if opinion_id is None:
        session.say("Question {question}: no longer linked.", question=question_id)
    else:
        session.say(
            "Question {question} linked to the gathered opinion {opinion}.",
            question=question_id,
            opinion=opinion_id,
        )


# Registered by office/cli.py (the `hallkit.commands` entry point), which adds the screen.
COMMANDS: list[click.Command] = []
