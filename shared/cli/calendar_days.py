"""hallkit calendar list|off|work|remove."""

from __future__ import annotations

import click

from shared import workdays
from shared.cli.base import Session, json_option, pass_session, print_json, print_table
from shared.deadlines import DAY_OFF, WORKED


@click.group()
def calendar() -> None:
    """Local calendar overrides: extra days off and worked Saturdays."""


@calendar.command("list")
@json_option
@pass_session
def list_(session: Session, as_json: bool) -> None:
    """The overrides on top of Vietnam's public holidays."""
    rows = workdays.list_overrides(session.store)
    if as_json:
        print_json(rows)
        return
    print_table([(r["day"], r["kind"], r["note"]) for r in rows], ["day", "kind", "note"])


@calendar.command("off")
@click.argument("day")
@click.option("--note", default="", help="Why, e.g. the decision that swapped the day.")
@pass_session
def off(session: Session, day: str, note: str) -> None:
    """Make DAY a day off."""
    session.say("Recorded {day}.", day=workdays.set_override(session.store, day, DAY_OFF, note))


@calendar.command("work")
@click.argument("day")
@click.option("--note", default="", help="Why, e.g. the decision that swapped the day.")
@pass_session
def work(session: Session, day: str, note: str) -> None:
    """Make DAY (a Saturday, say) a working day."""
    session.say("Recorded {day}.", day=workdays.set_override(session.store, day, WORKED, note))


@calendar.command("remove")
@click.argument("day")
@pass_session
def remove(session: Session, day: str) -> None:
    """Remove the override of DAY."""
    session.say("Removed {day}.", day=workdays.remove_override(session.store, day))


COMMANDS = [calendar]
