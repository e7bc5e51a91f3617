"""The preparation screen's forms, each a FormDialog wired to one core function."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from session_console.console.dialogs import AskFirst, Field, FormDialog
from shared import prepare
from shared.db import Store
from shared.i18n import tr
from shared.reference import UnknownBody, add_body, list_bodies, list_officials, names
from shared.specs import KINDS
from shared.text import show_date

Row = dict[str, Any]


def _urgencies(lang: str, value: str) -> Field:
    options = [(tr(u.label, lang), u.key) for u in prepare.URGENCIES]
    return Field("urgency", tr("Urgency", lang), "select", value, options)


def add_opinion(store: Store, meeting: Row, lang: str) -> FormDialog:
    """An opinion typed in: from where, how many people, field, kind (tố cáo included),
    urgency and what it says."""
    fields = [
        Field("village", tr("Village / unit", lang), suggestions=names(store, "villages")),
        Field("raised_by", tr("Name (optional)", lang)),
        Field("people", tr("Number of people", lang), value="1"),
        Field("field", tr("Field", lang), "select", "", [(n, n) for n in names(store, "fields")]),
        Field(
            "kind",
            tr("Kind", lang),
            "select",
            "kien_nghi",
            [(tr(label, lang), key) for key, label in KINDS.items()],
        ),
        _urgencies(lang, "normal"),
        Field("summary", tr("Content", lang)),
    ]
    return FormDialog(
        tr("Add a gathered opinion", lang),
        fields,
        lambda v: prepare.add_opinion(store, int(meeting["id"]), **v),
        lang,
    )


def assign(store: Store, meeting: Row, row: Row, lang: str) -> FormDialog:
    """The body (and official) preparing the answer, by when, and the urgency."""
    due = row["prep_due"] or prepare.default_due(store, meeting)
    fields = [
        Field(
            "body",
            tr("Body preparing the answer", lang),
            value=row["prep_body_name"],
            suggestions=[b["name"] for b in list_bodies(store)],
        ),
        Field(
            "official",
            tr("Official (optional)", lang),
            value=row["prep_official_name"],
            suggestions=[o["name"] for o in list_officials(store)],
        ),
        Field("due", tr("Answer due (dd/mm/yyyy)", lang), value=show_date(due)),
        _urgencies(lang, row["urgency"]),
    ]

    def save(values: dict[str, Any]) -> Row:
        try:
            return prepare.assign(store, row["id"], **values)
        except UnknownBody as unknown:
            name = unknown.name

            def added() -> Row:
                add_body(store, name)
                return prepare.assign(store, row["id"], **values)

            raise AskFirst.new_body(name, lang, added) from None

    title = tr("Who prepares the answer to opinion #{id}", lang, id=row["id"])
    return FormDialog(title, fields, save, lang)


def answer(store: Store, row: Row, lang: str) -> FormDialog:
    """The prepared answer, typed in or corrected (Telex/VNI as set)."""
    return FormDialog(
        tr("Prepared answer to opinion #{id}", lang, id=row["id"]),
        [Field("answer", tr("Answer", lang), "area", row["prep_answer"])],
        lambda v: prepare.answer(store, row["id"], v["answer"]),
        lang,
    )


def folder_dialog(meeting_id: int, lang: str, write: Callable[[dict[str, Any]], Any]) -> FormDialog:
    """Where to write the requests, one .xlsx per body."""
    return FormDialog(
        tr("Write the requests, one file per body", lang),
        [
            Field(
                "folder",
                tr("Folder", lang),
                value=f"hoi-nghi-{meeting_id}-de-nghi",
                hint=tr("Created if it does not exist.", lang),
            )
        ],
        write,
        lang,
    )


def path_dialog(lang: str, read: Callable[[dict[str, Any]], Any]) -> FormDialog:
    """A filled request, or a folder of them, to read back."""
    return FormDialog(
        tr("Read the filled requests back", lang),
        [
            Field(
                "path",
                tr("File or folder (.xlsx)", lang),
                hint=tr("A folder: every .xlsx in it.", lang),
            )
        ],
        read,
        lang,
    )


def import_dialog(lang: str, read: Callable[[dict[str, Any]], Any]) -> FormDialog:
    """A file of opinions (.xlsx or .csv): the village forms, the Front's summary."""
    return FormDialog(
        tr("Import gathered opinions", lang),
        [
            Field(
                "path",
                tr("File (.xlsx or .csv)", lang),
                hint=tr("Columns found by their headers; a bad row refuses the whole file.", lang),
            )
        ],
        read,
        lang,
    )
