"""hallkit kiosk: run the entrance kiosk in this terminal."""

from __future__ import annotations

import click

from shared.cli.base import Session, meeting_option, pass_session


@click.command()
@meeting_option
@pass_session
def kiosk(session: Session, meeting: int | None) -> None:
    """The entrance kiosk: citizens register to speak and take a ticket.

    The operator key Ctrl+O asks for the PIN (kiosk_pin in hallkit.toml, 0000 by
    default) and then exits or switches meeting; nothing else quits.
    """
    from kiosk.app import make_kiosk_app  # Textual loads only for this command

    session.store  # noqa: B018 - a broken database is reported here, before the screen opens
    make_kiosk_app(session.settings, meeting).run()
