"""What every command shares: the settings, the lazily opened store, output and errors."""

from __future__ import annotations

import json
import os
import sqlite3
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, NoReturn, TypeVar

import click

from shared.config import Settings
from shared.db import Store, open_store
from shared.i18n import DEFAULT_LANGUAGE, UserError, tr
from shared.meetings import current_meeting
from shared.text import printable

F = TypeVar("F", bound=Callable[..., Any])


@dataclass
class Session:
    """One CLI invocation: settings loaded once, the database opened on first use."""

    settings: Settings
    _store: Store | None = field(default=None, repr=False)

    @property
    def store(self) -> Store:
        if self._store is None:
            path = self.settings.db_path
            if not path.exists() and _command() not in CREATING_COMMANDS:
                raise UserError(
                    'No database at {path}. Create one with "hallkit init" or "hallkit demo", or check --db / HALLKIT_DB.',
                    path=str(path),
                )  # a mistyped --db stays a typo
            self._store = open_store(path, self.settings.station)
        return self._store

    def meeting_id(self, given: int | None) -> int:
        return int(current_meeting(self.store, given)["id"])

    def say(self, key: str, **params: Any) -> None:
        echo(tr(key, self.settings.language, **params))


pass_session = click.make_pass_decorator(Session)
# Commands that may start a new database file; every other one needs it to exist.
CREATING_COMMANDS = {"init", "demo", "meeting", "import", "calendar", "merge", "printer"}


def need_extra(extra: str, *modules: str) -> None:
    """Refuse, naming the extra to install, when an optional package is missing.

    Commands import their optional packages (aiohttp, Jinja2, textual-serve) inside their
    body, so a plain `pip install -e .` starts every command and only these say what they
    lack."""
    from importlib.util import find_spec

    def lacks(module: str) -> bool:
        try:
            return find_spec(module) is None
        except ImportError:
            return True

    missing = [module for module in modules if lacks(module)]
    if missing:
        raise UserError(
            "This command needs the optional packages of the {extra} extra ({missing}). Install them with: pip install -e '.[{extra}]'",
            extra=extra,
            missing=", ".join(missing),
        )


def _command() -> str:
    context = click.get_current_context(silent=True)
    return (context.find_root().invoked_subcommand or "") if context else ""


def meeting_option(function: F) -> F:
    """--meeting, defaulting to the one open meeting."""
    return click.option(
        "--meeting",
        "-m",
        type=int,
        default=None,
        help="Meeting id (default: the one open meeting).",
    )(function)


def json_option(function: F) -> F:
    return click.option("--json", "as_json", is_flag=True, help="Print JSON (keys: README).")(
        function
    )


def echo(line: str, err: bool = False, keep: str = "") -> None:
    """The one way the CLI writes to the terminal: whatever a value holds (a name from a
    merged database, an option typed with ESC in it), it is shown, never obeyed."""
    click.echo(printable(line, keep), err=err)


def print_json(data: Any) -> None:
    # JSON escapes C0 controls itself; `printable` catches C1 and bidi controls.
    echo(json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True), keep="\n")


def print_table(rows: Sequence[Sequence[Any]], headers: Sequence[str]) -> None:
    """Plain aligned columns; wide enough for Vietnamese, which is one cell per letter."""
    cells = [[printable(str(h)) for h in headers]] + [
        [printable(str(c)) for c in row] for row in rows
    ]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    for row in cells:
        echo("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())


def error_line(message: str, lang: str) -> str:
    """How every command reports a refusal: one line in the user's language."""
    return tr("Error: {message}", lang, message=message)


def _language() -> str:
    context = click.get_current_context(silent=True)
    session = context.find_object(Session) if context else None
    return session.settings.language if session else DEFAULT_LANGUAGE


def fail(message: str) -> NoReturn:
    """An error as one line in the user's language, then exit 1."""
    echo(error_line(message, _language()), err=True)
    sys.exit(1)


def _usage_mistake(error: click.UsageError) -> NoReturn:
    if isinstance(error, click.exceptions.NoArgsIsHelpError):
        error.show()  # a group named alone shows its help; nothing typed to echo
        sys.exit(error.exit_code)
    lang = _language()
    # click lays a list of choices out on lines ("Choose from:\n\tkiosk,"): one line here
    reason = " ".join(error.format_message().split())
    echo(error_line(tr("{reason}. See --help", lang, reason=reason), lang), err=True)
    if error.ctx is not None:
        echo(error.ctx.get_usage(), err=True, keep="\n")
    sys.exit(2)


# What a shell reports for a program killed by SIGPIPE (128 + 13): `cat`, `ls`, `grep`
# end so when the reader of their output goes away.
PIPE_CLOSED_STATUS = 141


def _pipe_closed() -> NoReturn:
    """The reader of our output went away (`hallkit queue list | head -1`): end quietly,
    as a Unix tool killed by SIGPIPE does, with its status (so `set -o pipefail` still
    tells that the listing was cut). Python ignores SIGPIPE (its servers must survive a
    closed socket), so this is done by hand; stdout is pointed at /dev/null so the
    interpreter's last flush does not complain either."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)
    sys.exit(PIPE_CLOSED_STATUS)


class ErrorsAsLines(click.Group):
    """A user error is one line in the user's language and exit 1, never a traceback;
    what the user typed is echoed printable (shared.text.printable)."""

    def make_context(
        self,
        info_name: str | None,
        args: list[str],
        parent: click.Context | None = None,
        **extra: Any,
    ) -> click.Context:
        # The group's own options are parsed here, before `invoke` (hallkit --lang X).
        try:
            return super().make_context(info_name, args, parent, **extra)
        except click.UsageError as error:
            _usage_mistake(error)
        except BrokenPipeError:  # `hallkit --help | head -1`
            _pipe_closed()

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except click.UsageError as error:
            _usage_mistake(error)
        except UserError as error:
            fail(error.message(_language()))
        except sqlite3.Error as error:
            fail(tr("Database error: {reason}. Nothing was changed.", _language(), reason=error))
        except BrokenPipeError:
            _pipe_closed()
        except OSError as error:
            fail(tr("File system error: {reason}", _language(), reason=error.strerror or error))
