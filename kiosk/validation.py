"""The form's checks, field by field, using the core's own rules so the kiosk and the
database never disagree about what is acceptable."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from shared.db import Store
from shared.i18n import UserError
from shared.reference import check_field
from shared.text import clean, clean_phone

SUMMARY_MAX = 300


def check(store: Store, values: dict[str, str], lang: str) -> tuple[dict[str, Any], dict[str, str]]:
    """(clean values, error message by field) for the registration form."""
    rules: dict[str, Callable[[str], Any]] = {
        "name": lambda v: clean(v, "label_name", max_len=120, required=True),
        "village": lambda v: clean(v, "label_village", max_len=100),
        "org": lambda v: clean(v, "label_org", max_len=200),
        "field": lambda v: check_field(store, v),
        "summary": lambda v: clean(v, "label_summary", max_len=SUMMARY_MAX),
        "phone": clean_phone,
    }
    cleaned: dict[str, Any] = {}
    errors: dict[str, str] = {}
    for name, rule in rules.items():
        try:
            cleaned[name] = rule(values.get(name, ""))
        except UserError as error:
            errors[name] = error.message(lang)
    return cleaned, errors
