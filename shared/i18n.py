"""Interface language: every message a user can see, in Vietnamese and English.

The core raises `UserError` with a message key and parameters; the face that shows
it (CLI, TUI) renders it in the user's language. Nothing is translated at raise time,
so one error can be shown in both languages.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from shared.messages import MESSAGES

LANGUAGES = ("vi", "en")
DEFAULT_LANGUAGE = "vi"


def check_language(lang: str) -> str:
    if lang not in LANGUAGES:
        raise UserError("language_unknown", lang=lang, choices=", ".join(LANGUAGES))
    return lang


class Label(str):
    """A parameter that is itself a message key, translated when the message is shown."""


def tr(key: str, lang: str = DEFAULT_LANGUAGE, /, **params: Any) -> str:
    """Render message `key` in `lang`; an unknown key is a programming error."""
    return render(MESSAGES, key, lang, **params)


def render(
    catalogue: Mapping[str, Mapping[str, str]], key: str, lang: str, /, **params: Any
) -> str:
    """Render `key` from a station's own catalogue, with the same rules as `tr`."""
    entry = catalogue[key]
    template = entry.get(lang) or entry[DEFAULT_LANGUAGE]
    return template.format(**{k: _shown(v, lang) for k, v in params.items()})


def _shown(value: Any, lang: str) -> Any:
    if isinstance(value, Label):
        return tr(value, lang)
    if isinstance(value, UserError):
        return value.message(lang)
    return value


class UserError(Exception):
    """A refusal meant for the user: bad input, an illegal action, a missing record.

    The database is left unchanged when one is raised inside a mutation.
    """

    def __init__(self, key: str, /, **params: Any) -> None:
        if key not in MESSAGES:
            raise KeyError(f"no message {key!r}")
        super().__init__(key)
        self.key = key
        self.params = params

    def message(self, lang: str = DEFAULT_LANGUAGE) -> str:
        return tr(self.key, lang, **self.params)

    def __str__(self) -> str:
        return f"{self.key}: {self.message('en')}"
