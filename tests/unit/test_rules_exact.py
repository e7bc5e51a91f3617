"""What the mutation runs of the rule modules found untested (bench/mutation.md): the exact
rows the rules store and return, the refusals people read word for word, and the records
the event log keeps. Each test names the modules whose survivors it kills."""

from __future__ import annotations

from typing import Any

import pytest

from shared import events, workdays
from shared.db import Store
from shared.i18n import UserError


def _spring(store: Store) -> list[dict[str, Any]]:
    """The overrides after the 2026 swap of January the table starts with."""
    return [r for r in workdays.list_overrides(store) if r["day"] > "2026-03"]


def _refusal(call: Any, *args: Any, **kwargs: Any) -> str:
    with pytest.raises(UserError) as refused:
        call(*args, **kwargs)
    return refused.value.message("en")


# --- shared/workdays.py ---------------------------------------------------------------


def test_an_override_is_stored_listed_replaced_and_removed_exactly(store: Store) -> None:
    assert workdays.set_override(store, "02/05/2026", "work", note="  Làm   bù ") == "2026-05-02"
    assert workdays.set_override(store, "2026-04-30", "off") == "2026-04-30"
    assert _spring(store) == [
        {"day": "2026-04-30", "kind": "off", "note": ""},
        {"day": "2026-05-02", "kind": "work", "note": "Làm bù"},
    ]
    # the same day again replaces its row: one row a day
    workdays.set_override(store, "2026-05-02", "off", note="Nghỉ")
    assert _spring(store)[1] == {"day": "2026-05-02", "kind": "off", "note": "Nghỉ"}
    assert [(e["kind"], e["data"]) for e in events.history(store, "day:2026-05-02")] == [
        ("calendar.set", {"kind": "work"}),
        ("calendar.set", {"kind": "off"}),
    ]
    assert workdays.remove_override(store, "30/04/2026") == "2026-04-30"
    assert [e["kind"] for e in events.history(store, "day:2026-04-30")][-1] == "calendar.removed"
    assert [r["day"] for r in _spring(store)] == ["2026-05-02"]


def test_an_override_refuses_exactly(store: Store) -> None:
    assert _refusal(workdays.set_override, store, "2026-05-02", "holiday") == (
        "Unknown kind of day: holiday (off or work)."
    )
    assert _refusal(workdays.set_override, store, "2026-05-02", "off", note="x" * 201) == (
        "Note is too long: 201 characters, at most 200."
    )
    workdays.set_override(store, "2026-05-02", "off", note="x" * 200)
    assert _refusal(workdays.remove_override, store, "2026-05-03") == (
        "2026-05-03 is not in the table."
    )
    assert [r["day"] for r in _spring(store)] == ["2026-05-02"]
