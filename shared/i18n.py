"""Interface language: every text a person sees goes through gettext.

The source text is English and is the msgid; `shared/locale/vi/LC_MESSAGES/hallkit.po`
holds the Vietnamese (the default language). Babel manages the catalogues (README,
"Translations"): `pybabel extract` finds every `tr`, `trn`, `N_`, `Label`, `UserError`
and `say` call.

The core raises `UserError` with a msgid and parameters; the face that shows it (CLI,
TUI) renders it in the user's language. Nothing is translated at raise time, so one
error can be shown in both languages.
"""

from __future__ import annotations

import gettext
from functools import cache
from pathlib import Path
from typing import Any

LANGUAGES = ("vi", "en")
DEFAULT_LANGUAGE = "vi"
DOMAIN = "hallkit"
LOCALE_DIR = Path(__file__).parent / "locale"


def N_(msgid: str) -> str:  # noqa: N802 - gettext's own name for "mark, translate later"
    """Mark a text for the catalogue where it is written; `tr` translates it when shown."""
    return msgid


@cache
def translations(lang: str) -> gettext.NullTranslations:
    """English is the source text; every other language reads its compiled catalogue."""
    if lang == "en":
        return gettext.NullTranslations()
    with open(LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.mo", "rb") as file:
        return gettext.GNUTranslations(file)


def check_language(lang: str) -> str:
    if lang not in LANGUAGES:
        raise UserError(
            "Unsupported language: {lang} (choose: {choices}).",
            lang=lang,
            choices=", ".join(LANGUAGES),
        )
    return lang


class Label(str):
    """A parameter that is itself a msgid, translated when the message is shown."""


class Plural:
    """A count with its singular and plural wording, chosen when the message is shown."""

    def __init__(self, singular: str, plural: str, n: int) -> None:
        self.singular, self.plural, self.n = singular, plural, n

    def __str__(self) -> str:
        return trn(self.singular, self.plural, self.n, DEFAULT_LANGUAGE)


def tr(msgid: str, lang: str = DEFAULT_LANGUAGE, /, **params: Any) -> str:
    """`msgid` in `lang`, its {placeholders} filled (labels and errors translated too)."""
    text = translations(lang).gettext(msgid)
    return text.format(**{k: _shown(v, lang) for k, v in params.items()}) if params else text


def trn(singular: str, plural: str, n: int, lang: str = DEFAULT_LANGUAGE, /, **params: Any) -> str:
    """The form of a counted text that suits `n` in `lang`; `{n}` is filled with n."""
    text = translations(lang).ngettext(singular, plural, n)
    return text.format(n=n, **{k: _shown(v, lang) for k, v in params.items()})


def _shown(value: Any, lang: str) -> Any:
    if isinstance(value, Label):
        return tr(value, lang)
    if isinstance(value, Plural):
        return trn(value.singular, value.plural, value.n, lang)
    if isinstance(value, UserError):
        return value.message(lang)
    return value


class UserError(Exception):
    """A refusal meant for the user: bad input, an illegal action, a missing record.

    The database is left unchanged when one is raised inside a mutation.
    """

    def __init__(self, msgid: str, /, **params: Any) -> None:
        super().__init__(msgid)
        self.msgid = msgid
        self.params = params

    def message(self, lang: str = DEFAULT_LANGUAGE) -> str:
        return tr(self.msgid, lang, **self.params)

    def __str__(self) -> str:
        return self.message("en")
