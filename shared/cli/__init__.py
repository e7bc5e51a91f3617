"""The `hallkit` command: a thin face over the core, one command per core action.

Station commands (kiosk, console, ...) come from the packages that provide them,
registered under the `hallkit.commands` entry point group, so `shared` imports none
of them.
"""

from __future__ import annotations

from importlib.metadata import entry_points
from pathlib import Path

import click

from shared import config
from shared.cli import calendar_days, meeting, misc, prepare, question, queue
from shared.cli.base import ErrorsAsLines, Session
from shared.i18n import LANGUAGES


@click.group(cls=ErrorsAsLines)
@click.option(
    "--config",
    "config_path",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Settings file (default: ./hallkit.toml if present).",
)
@click.option(
    "--db",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Database file; overrides the config and HALLKIT_DB.",
)
@click.option("--lang", type=click.Choice(LANGUAGES), help="Interface language (default: vi).")
@click.version_option(package_name="hallkit")
@click.pass_context
def cli(ctx: click.Context, config_path: Path | None, db: Path | None, lang: str | None) -> None:
    """hallkit: the meeting-day toolkit for citizen-dialogue meetings."""
    ctx.obj = Session(config.load(config_path, db, lang))


for module in (meeting, queue, question, misc, calendar_days, prepare):
    for command in module.COMMANDS:
        cli.add_command(command)


def load_station_commands() -> None:
    """Add the commands other packages register (printer, print, kiosk ...)."""
    for entry in entry_points(group="hallkit.commands"):
        if entry.name not in cli.commands:
            cli.add_command(entry.load(), entry.name)


def main() -> None:
    load_station_commands()
    cli(prog_name="hallkit")
