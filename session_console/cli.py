"""hallkit console | chair | display."""

from __future__ import annotations

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
