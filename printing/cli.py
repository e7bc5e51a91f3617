"""hallkit printer test|status and hallkit print ticket|slip|jobs|retry.

Registered under the `hallkit.commands` entry point group, so the core CLI in `shared`
never imports printing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import click

from printing import jobs
from printing.connections import Connection, connect
from printing.documents import slip_citizens, slip_for, ticket_for
from printing.layouts import Slip, Ticket
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
from shared.db import Store
from shared.i18n import N_, tr
from shared.registrations import by_number
from shared.text import show_moment

JOB_KEYS = (
    "id",
    "kind",
    "meeting_id",
    "registration_id",
    "status",
    "attempts",
    "last_error",
    "printer",
    "created_at",
    "printed_at",
)


def _printer_option(function: Any) -> Any:
    return click.option(
        "--printer",
        "printer_url",
        default=None,
        help="Printer URL (default: the config's printer).",
    )(function)


def _connection(session: Session, printer_url: str | None) -> Connection:
    return connect(printer_url or session.settings.printer)


def _send_now(session: Session, connection: Connection, job_ids: list[int]) -> None:
    """Send these jobs now (not the station's other backlog) and say how each went."""
    lang = session.settings.language
    failed = 0
    sent = [job for job_id in job_ids for job in jobs.send_one(session.store, job_id, connection)]
    for job in sent:
        where = f" → {job['printer']}"
        said = SAID.get(job["status"])  # "sent" is handed over, never shown as printed
        if said:
            kind = tr(JOB_KINDS.get(str(job["kind"]), str(job["kind"])), lang)
            echo(tr(said, lang, job=job["id"], kind=kind, where=where))
        else:
            failed += 1
            echo(
                tr(
                    "Job #{job} did not print: {reason}. It stays queued for a retry.",
                    lang,
                    job=job["id"],
                    reason=job["last_error"],
                ),
                err=True,
            )
    if failed:
        raise SystemExit(1)


ONLINE = {True: N_("online"), False: N_("offline")}
SAID = {
    "done": N_("Printed job #{job} ({kind}){where}"),
    "sent": N_(
        "Sent job #{job} ({kind}){where}, not confirmed: the printer did not report its status."
    ),
}
JOB_STATUSES = {
    "queued": N_("queued"),
    "sending": N_("sending"),
    "done": N_("printed"),
    "sent": N_("sent, not confirmed"),
    "failed": N_("failed"),
}
JOB_KINDS = {"ticket": N_("ticket"), "slip": N_("follow-up slip"), "test": N_("test page")}
PAPER = {"ok": N_("ok"), "low": N_("low"), "out": N_("out")}


@click.group()
def printer() -> None:
    """The receipt printer of this station."""


@printer.command("test")
@_printer_option
@pass_session
def test(session: Session, printer_url: str | None) -> None:
    """Print a test page: fonts, widths, a QR code and every Vietnamese letter."""
    connection = _connection(session, printer_url)
    job_id = jobs.enqueue(session.store, None, lang=session.settings.language)
    _send_now(session, connection, [job_id])


@printer.command("status")
@_printer_option
@pass_session
def status(session: Session, printer_url: str | None) -> None:
    """Ask the printer whether it is online and has paper (unknown if it does not say)."""
    lang = session.settings.language
    connection = _connection(session, printer_url)
    try:
        connection.open()
        try:
            state = connection.status()
        finally:
            connection.close()
    except Exception as error:  # any printer failure is one line: this is a diagnosis
        message = tr("Cannot reach the printer: {reason}", lang, reason=jobs.describe(error))
        echo(error_line(message, lang), err=True)
        raise SystemExit(1) from None
    unknown = tr("unknown", lang)
    online = unknown if state.online is None else tr(ONLINE[state.online], lang)
    paper = unknown if state.paper is None else tr(PAPER[state.paper], lang)
    echo(tr("Printer: {online}; paper: {paper}", lang, online=online, paper=paper))
    if state.detail:
        echo(state.detail)


@click.group("print")
def print_() -> None:
    """Print tickets and slips through the print queue."""


@print_.command("ticket")
@click.argument("number", type=int)
@meeting_option
@_printer_option
@pass_session
def print_ticket(
    session: Session, number: int, meeting: int | None, printer_url: str | None
) -> None:
    """Print (or reprint) the ticket of NUMBER."""
    _print_for(session, number, meeting, printer_url, ticket_for)


@print_.command("slip")
@click.argument("number", type=int)
@meeting_option
@_printer_option
@pass_session
def print_slip(session: Session, number: int, meeting: int | None, printer_url: str | None) -> None:
    """Print the follow-up slip of NUMBER: each question, its outcome, body and deadline."""
    _print_for(session, number, meeting, printer_url, slip_for)


def _print_for(
    session: Session,
    number: int,
    meeting: int | None,
    printer_url: str | None,
    build: Callable[[Store, int, str, str], Ticket | Slip],
) -> None:
    """Queue the document `build` makes for ticket NUMBER and send it now."""
    connection = _connection(session, printer_url)
    store, settings = session.store, session.settings
    row = by_number(store, session.meeting_id(meeting), number)
    document = build(store, row["id"], settings.language, settings.public_url)
    job_id = jobs.enqueue(store, document, meeting_id=row["meeting_id"], registration_id=row["id"])
    _send_now(session, connection, [job_id])


@print_.command("jobs")
@click.option("--failed", is_flag=True, help="Only failed jobs, including those whose sender died.")
@json_option
@pass_session
def list_jobs(session: Session, failed: bool, as_json: bool) -> None:
    """The print queue, newest first, with each job's outcome: "done" is printed and
    confirmed by the printer, "sent" handed over but not confirmed."""
    rows = jobs.list_jobs(session.store, failed)
    if as_json:
        print_json([{k: r[k] for k in JOB_KEYS} for r in rows])
        return
    lang = session.settings.language
    print_table(
        [
            (
                r["id"],
                tr(JOB_KINDS.get(str(r["kind"]), str(r["kind"])), lang),
                tr(JOB_STATUSES[r["status"]], lang),
                r["attempts"],
                show_moment(r["printed_at"] or r["created_at"]),
                r["last_error"][:60],
            )
            for r in rows
        ],
        [
            "#",
            tr("Kind", lang),
            tr("Status", lang),
            tr("Attempts", lang),
            tr("Time", lang),
            tr("Error", lang),
        ],
    )


@print_.command("retry")
@click.argument("job_id", type=int)
@_printer_option
@pass_session
def retry(session: Session, job_id: int, printer_url: str | None) -> None:
    """Send job JOB_ID again now, on this station's printer."""
    connection = _connection(session, printer_url)
    jobs.retry(session.store, job_id)
    _send_now(session, connection, [job_id])


@print_.command("slips")
@click.argument("meeting_id", type=int)
@_printer_option
@pass_session
def print_slips(session: Session, meeting_id: int, printer_url: str | None) -> None:
    """Print every citizen's follow-up slip of MEETING_ID (those with questions)."""
    connection = _connection(session, printer_url)
    store, settings = session.store, session.settings
    job_ids = []
    for registration_id in slip_citizens(store, meeting_id):
        document = slip_for(store, registration_id, settings.language, settings.public_url)
        job_ids.append(
            jobs.enqueue(store, document, meeting_id=meeting_id, registration_id=registration_id)
        )
    _send_now(session, connection, job_ids)
