"""hallkit prepare: before the meeting, the gathered opinions, grouped, assigned, answered."""

from __future__ import annotations

from typing import Any

import click

from shared import prepare as core
from shared.cli.base import (
    Session,
    echo,
    json_option,
    meeting_option,
    pass_session,
    print_json,
    print_table,
)
from shared.i18n import tr


@click.group()
def prepare() -> None:
    """Before the meeting: gathered opinions, groups, the bodies preparing the answers."""


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


COMMANDS = [prepare]
