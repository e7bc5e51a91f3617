"""The form's checks, field by field, using the core's own rules so the kiosk and the
database never disagree about what is acceptable; and whether the kiosk takes
registrations at all."""

from __future__ import annotations

from typing import Any

from shared.db import Store
from shared.i18n import UserError
from shared.registrations import clean_detail
from shared.specs import REGISTRATION_FIELDS


def check(
    store: Store, values: dict[str, str], lang: str, kind: str = "commune"
) -> tuple[dict[str, Any], dict[str, str]]:
    """(clean values, error message by field) for the registration form."""
    cleaned: dict[str, Any] = {}
    errors: dict[str, str] = {}
    for spec in REGISTRATION_FIELDS:
        try:
            cleaned[spec.key] = clean_detail(store, spec.key, values.get(spec.key, ""), kind)
        except UserError as error:
            errors[spec.key] = error.message(lang)
    return cleaned, errors


def registration_open(meeting: dict[str, Any] | None) -> bool:
    """Whether the kiosk takes registrations for this meeting now."""
    return bool(meeting and meeting["status"] == "open" and meeting["registration_open"])
