"""Registrations to speak: numbered per meeting, with a lookup code and a consent record."""

from __future__ import annotations

from typing import Any

from shared import events, tokens
from shared.db import Store, now_iso
from shared.events import EventKind
from shared.i18n import N_, UserError
from shared.meetings import editable_meeting, get_meeting
from shared.reference import check_field
from shared.specs import FIELDS, KINDS, REGISTRATION_FIELDS, FieldSpec
from shared.text import clean, clean_phone, fold

Row = dict[str, Any]
SOURCES = ("kiosk", "secretary", "written", "pre_collected")
# The version of the privacy notice shown before consent; bump it when the text changes.
NOTICE_VERSION = "2026-11-v1"


def parse_kind(text: str) -> str:
    """ "kien_nghi", "kiến nghị" or "Kiến Nghị" -> "kien_nghi"."""
    key = fold(text).replace(" ", "_")
    if key not in KINDS:
        raise UserError(
            "Unknown kind: {kind}. Use kien_nghi, phan_anh, khieu_nai or to_cao.", kind=text
        )
    return key


def clean_detail(store: Store, key: str, value: str | None, kind: str = "commune") -> str:
    """One registration field checked by its spec: the same rule for every face."""
    spec = FIELDS[key]
    if key == "phone":
        return clean_phone(value)
    text = clean(value, spec.label_for(kind), max_len=spec.limit, required=spec.required)
    return check_field(store, text) if key == "field" else text


def recorded_fields(details: dict[str, Any]) -> list[FieldSpec]:
    """The fields a registration keeps: the required ones and those given. The consent
    notice names them and the consent record lists them."""
    return [s for s in REGISTRATION_FIELDS if s.required or details.get(s.key)]


# What `register` takes: the spec's fields, the kind of opinion and the people sharing it.
DETAILS = {spec.key for spec in REGISTRATION_FIELDS} | {"kind", "people"}


def _checked(store: Store, details: dict[str, Any]) -> Row:
    unknown = set(details) - DETAILS
    if unknown:
        raise TypeError(f"unknown registration details: {sorted(unknown)}")
    given = details.get("people")
    try:
        people = 1 if given is None else int(given)
    except (TypeError, ValueError):
        raise UserError("Invalid number of people: {people}.", people=given) from None
    if not 1 <= people <= 10_000:
        raise UserError("Invalid number of people: {people}.", people=people)
    row = {
        spec.key: clean_detail(store, spec.key, details.get(spec.key))
        for spec in REGISTRATION_FIELDS
    }
    return {
        **row,
        "name_folded": fold(row["name"]),
        "kind": parse_kind(details.get("kind") or "kien_nghi"),
        "people": people,
    }


def register(
    store: Store,
    meeting_id: int,
    *,
    consent: bool,
    source: str = "kiosk",
    **details: Any,
) -> Row:
    """Save a registration; the number and code are allocated under the write lock.

    `details`: the fields of `REGISTRATION_FIELDS` (name required), kind, people.
    """
    if source not in SOURCES:
        raise UserError("Unknown source: {source}.", source=source)
    if not consent:
        raise UserError(
            "The citizen's consent to the privacy notice is required: tick it once they agreed."
        )
    row = _checked(store, details)
    at = now_iso()
    row.update(
        meeting_id=meeting_id,
        consent_version=NOTICE_VERSION,
        consent_at=at,
        consent_scope=",".join(spec.key for spec in recorded_fields(row)),
        source=source,
        station=store.station,
        created_at=at,
        status="waiting",
    )
    with store.write():
        meeting = editable_meeting(store, meeting_id)
        if source == "kiosk" and not meeting["registration_open"]:
            raise UserError("Registration to speak is closed.")
        number, position = store.conn.execute(
            "SELECT COALESCE(MAX(number), 0) + 1, COALESCE(MAX(position), 0) + 1"
            " FROM registrations WHERE meeting_id = ?",
            (meeting_id,),
        ).fetchone()
        row.update(number=number, position=position, code=unused_code(store))
        registration_id = store.insert("registrations", row)
        events.record(
            store,
            EventKind.REGISTRATION_CREATED,
            meeting_id,
            f"registration:{registration_id}",
            number=number,
            source=source,
            field=row["field"],
            kind=row["kind"],
        )
    return get_registration(store, registration_id)


def unused_code(store: Store) -> str:
    while True:
        code = tokens.new_code()
        if not store.one("SELECT 1 FROM registrations WHERE code = ?", (code,)):
            return code


def get_registration(store: Store, registration_id: int) -> Row:
    row = store.one("SELECT * FROM registrations WHERE id = ?", (registration_id,))
    if row is None:
        raise UserError("There is no ticket {number}.", number=registration_id)
    return row


def by_number(store: Store, meeting_id: int, number: int) -> Row:
    row = store.one(
        "SELECT * FROM registrations WHERE meeting_id = ? AND number = ?", (meeting_id, number)
    )
    if row is None:
        raise UserError("There is no ticket {number}.", number=number)
    return row


def by_code(store: Store, code: str) -> Row:
    row = store.one("SELECT * FROM registrations WHERE code = ?", (tokens.normalize_code(code),))
    if row is None:
        raise UserError("No ticket has the code {code}.", code=code)
    return row


def payload(store: Store, registration: Row, public_url: str = "") -> str:
    """The signed text for this registration's QR code."""
    meeting = get_meeting(store, registration["meeting_id"])
    return tokens.sign(store.secret, meeting["uid"], registration["code"], public_url)


def verify_payload(store: Store, text: str, meeting_id: int | None = None) -> Row:
    """The registration a scanned payload stands for; refuses forged, altered or
    other-meeting payloads."""
    code, _ = tokens.parse(text)
    row = store.one("SELECT * FROM registrations WHERE code = ?", (code,))
    if row is None:
        raise UserError("INVALID ticket: the signature does not match (forged or altered).")
    meeting = get_meeting(store, row["meeting_id"])
    tokens.verify(store.secret, meeting["uid"], text)
    if meeting_id is not None and row["meeting_id"] != meeting_id:
        raise UserError(
            "This ticket belongs to another meeting (meeting {meeting}).", meeting=row["meeting_id"]
        )
    return row


def likely_duplicates(store: Store, meeting_id: int, name: str, village: str) -> list[Row]:
    """Registrations of this meeting with the same name and village, folded."""
    rows = store.all(
        "SELECT * FROM registrations WHERE meeting_id = ? AND name_folded = ?"
        " AND status <> 'withdrawn' ORDER BY number",
        (meeting_id, fold(clean(name, N_("Full name"), max_len=120))),
    )
    return [r for r in rows if fold(r["village"]) == fold(village)]


def speakers_in_order(store: Store, meeting_id: int) -> list[Row]:
    """Who spoke, or raised a question without speaking, in the order they came to the
    lectern (those never called last, by number)."""
    return store.all(
        "SELECT * FROM registrations WHERE meeting_id = ? AND (status = 'done' OR id IN"
        " (SELECT registration_id FROM questions WHERE registration_id IS NOT NULL))"
        " ORDER BY COALESCE(speech_started, called_at, 9e99), number",
        (meeting_id,),
    )
