"""hallkit queue: list, call, start, pause, resume, stop, no-show, recall, withdraw, move."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from typing import Any

import click

from shared import events, speaking
from shared.cli.base import (
    Session,
    echo,
    json_option,
    meeting_option,
    pass_session,
    print_json,
    print_table,
)
from shared.i18n import N_, tr
from shared.specs import QUEUE_STATUSES

QUEUE_KEYS = ("number", "code", "name", "village", "field", "status", "position")


def _minutes_waiting(row: dict[str, Any]) -> str:
    if row["status"] != "waiting":
        return ""
    created = dt.datetime.fromisoformat(row["created_at"])
    return str(int((dt.datetime.now(created.tzinfo) - created).total_seconds() // 60))


_HEADERS = (N_("No."), N_("Name"), N_("Village"), N_("Field"), N_("Status"), N_("Waited (min)"))


@click.group(invoke_without_command=True)
@meeting_option
@json_option
@click.pass_context
def queue(ctx: click.Context, meeting: int | None, as_json: bool) -> None:
    """The speaking queue; without a subcommand, list it."""
    if ctx.invoked_subcommand is None:
        ctx.invoke(list_, meeting=meeting, as_json=as_json)


@queue.command("list")
@meeting_option
@json_option
@pass_session
def list_(session: Session, meeting: int | None, as_json: bool) -> None:
    """The queue: at the lectern, waiting in order, then the rest."""
    rows = speaking.queue(session.store, session.meeting_id(meeting))
    if as_json:
        print_json(
            [
                {**{k: r[k] for k in QUEUE_KEYS}, "elapsed": round(speaking.elapsed(r), 1)}
                for r in rows
            ]
        )
        return
    lang = session.settings.language
    print_table(
        [
            (
                f"{r['number']:03d}",
                r["name"],
                r["village"],
                r["field"],
                tr(QUEUE_STATUSES[r["status"]], lang),
                _minutes_waiting(r),
            )
            for r in rows
        ],
        [tr(c, lang) for c in _HEADERS],
    )


def _report(session: Session, row: dict[str, Any]) -> None:
    lang = session.settings.language
    line = f"{row['number']:03d} {row['name']}: {tr(QUEUE_STATUSES[row['status']], lang)}"
    if row.get("speech_started"):
        line += f" ({int(speaking.elapsed(row, time.time()))} s)"
    echo(line)


def _lectern_command(name: str, action: Callable[..., dict[str, Any]], help_text: str) -> None:
    @queue.command(name, help=help_text)
    @meeting_option
    @pass_session
    def command(session: Session, meeting: int | None) -> None:
        _report(session, action(session.store, session.meeting_id(meeting)))


def _number_command(name: str, action: Callable[..., dict[str, Any]], help_text: str) -> None:
    @queue.command(name, help=help_text)
    @click.argument("number", type=int)
    @meeting_option
    @pass_session
    def command(session: Session, number: int, meeting: int | None) -> None:
        _report(session, action(session.store, session.meeting_id(meeting), number))


@queue.command("call")
@click.argument("number", type=int, required=False)
@meeting_option
@pass_session
def call(session: Session, number: int | None, meeting: int | None) -> None:
    """Call the next speaker, or ticket NUMBER."""
    _report(session, speaking.call(session.store, session.meeting_id(meeting), number))


@queue.command("move")
@click.argument("number", type=int)
@click.argument("place", type=int)
@meeting_option
@pass_session
def move(session: Session, number: int, place: int, meeting: int | None) -> None:
    """Move waiting ticket NUMBER to PLACE in the queue (1 = next)."""
    _report(session, speaking.move(session.store, session.meeting_id(meeting), number, place))


_lectern_command("start", speaking.start, "Start the timer of the called speaker.")


@queue.command("undo")
@meeting_option
@pass_session
def undo(session: Session, meeting: int | None) -> None:
    """Undo the latest queue or outcome change (again to go further back)."""
    event = events.undo_last(session.store, session.meeting_id(meeting))
    what = events.describe(session.store, event, session.settings.language)
    session.say("Undone: {what}", what=what)


_lectern_command("pause", speaking.pause, "Pause the speaking timer.")
_lectern_command("resume", speaking.resume, "Resume the paused timer.")
_lectern_command("stop", speaking.stop, "End the speech and record its duration.")
_number_command("no-show", speaking.no_show, "Mark ticket NUMBER as absent when called.")
_number_command("recall", speaking.recall, "Put absent ticket NUMBER back at the queue head.")
_number_command("withdraw", speaking.withdraw, "Withdraw ticket NUMBER (its number is kept).")

COMMANDS = [queue]
