"""Reference lists: bodies, officials, villages and fields of the locality.

`insert_*` functions run inside a caller's transaction and return None for an entry
that is already there, so a CSV import can be one transaction and one event.
"""

from __future__ import annotations

from typing import Any

from shared.db import Store
from shared.i18n import N_, UserError
from shared.text import clean, fold, matches, name_sort_key, sort_key

Row = dict[str, Any]
SIMPLE_LISTS = {"villages": N_("Village / residential group"), "fields": N_("Field")}


def by_folded_name(store: Store, table: str, name: str) -> Row | None:
    """The entry whose name matches, ignoring case and diacritics."""
    wanted = fold(name)
    for row in store.all(f"SELECT * FROM {table}"):
        if fold(row["name"]) == wanted:
            return row
    return None


def insert_name(store: Store, table: str, name: str) -> int | None:
    if table not in SIMPLE_LISTS:
        raise ValueError(table)
    value = clean(name, SIMPLE_LISTS[table], max_len=100, required=True)
    if by_folded_name(store, table, value):
        return None
    return store.insert(table, {"name": value})


def add_body(store: Store, name: str, level: str = "") -> tuple[Row, bool]:
    """The body named, added to the list unless it is there already (ignoring case and
    diacritics, so "so tai nguyen" never doubles "Sở Tài nguyên"); True if it was added.

    The one way a body enters the list: imports, merges and the outcome dialog's
    "add it?" all come here.
    """
    value = clean(name, N_("Responsible body"), max_len=200, required=True)
    if value.isdecimal():  # digits name a body by its id (find_body)
        raise UserError("A body's name cannot be only digits: {name}.", name=value)
    found = by_folded_name(store, "bodies", value)
    if found:
        return found, False
    level = clean(level, N_("Level"), max_len=50)
    row: Row = {"name": value, "level": level}
    row["id"] = store.insert("bodies", dict(row))
    return row, True


def insert_body(store: Store, name: str, level: str = "") -> int | None:
    """`add_body` for a caller counting rows: the new id, or None if already there."""
    row, added = add_body(store, name, level)
    return int(row["id"]) if added else None


def insert_official(
    store: Store, name: str, position: str = "", body: str = "", new_body: bool = False
) -> int | None:
    """With `new_body`, a body not yet in the list is added (CSV imports of officials)."""
    value = clean(name, N_("Official"), max_len=120, required=True)
    position = clean(position, N_("Position"), max_len=200)
    if new_body and body.strip():
        insert_body(store, body)
    body_row = find_body(store, body) if body.strip() else None
    body_name = body_row["name"] if body_row else ""
    if store.one(
        "SELECT id FROM officials WHERE name = ? AND position = ? AND body_name = ?",
        (value, position, body_name),
    ):
        return None
    row = {
        "name": value,
        "position": position,
        "body_id": body_row["id"] if body_row else None,
        "body_name": body_name,
    }
    return store.insert("officials", row)


def names(store: Store, table: str) -> list[str]:
    if table not in SIMPLE_LISTS:
        raise ValueError(table)
    rows = store.conn.execute(f"SELECT name FROM {table}").fetchall()
    return sorted((r[0] for r in rows), key=sort_key)


def check_field(store: Store, field: str) -> str:
    """The field as spelled in the list; "" stays "" (no field given)."""
    if not field:
        return ""
    found = by_folded_name(store, "fields", field)
    if found is None:
        raise UserError(
            'No field "{field}". Choose: {choices}.',
            field=field,
            choices=", ".join(names(store, "fields")),
        )
    return str(found["name"])


class UnknownBody(UserError):
    """A body named that is not in the list: a face may offer to add it (`add_body`)."""

    def __init__(self, name: str) -> None:
        super().__init__(N_('No body "{body}".'), body=name)
        self.name = name


def find_body(store: Store, text: str) -> Row:
    """A body by id or by its name, ignoring case and diacritics."""
    if text.strip().isdecimal():
        row = store.one("SELECT * FROM bodies WHERE id = ?", (int(text),))
        if row is None:
            raise UserError('No body "{body}".', body=text)
        return row
    row = by_folded_name(store, "bodies", text)
    if row is None:
        raise UnknownBody(text)
    return row


def list_bodies(store: Store) -> list[Row]:
    return sorted(store.all("SELECT * FROM bodies"), key=lambda r: sort_key(r["name"]))


def list_officials(store: Store) -> list[Row]:
    return sorted(store.all("SELECT * FROM officials"), key=lambda r: name_sort_key(r["name"]))


def find_official(store: Store, text: str) -> Row:
    """An official by id, or the one whose name (or name and position) matches the words."""
    if text.strip().isdecimal():
        row = store.one("SELECT * FROM officials WHERE id = ?", (int(text),))
        if row is None:
            raise UserError('No official "{official}".', official=text)
        return row
    found = [
        r
        for r in store.all("SELECT * FROM officials")
        if matches(text, f"{r['name']} {r['position']}")
    ]
    exact = [r for r in found if fold(r["name"]) == fold(text)]
    if len(found) == 1 or len(exact) == 1:
        return exact[0] if exact else found[0]
    if not found:
        raise UserError('No official "{official}".', official=text)
    raise UserError(
        '{count} officials match "{official}"; be more precise or give the id.',
        official=text,
        count=len(found),
    )
