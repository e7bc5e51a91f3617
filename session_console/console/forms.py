"""The console's small forms, each a FormDialog wired to one core function."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from session_console.console.dialogs import AskFirst, Field, FormDialog
from shared import agenda, questions
from shared.db import Store
from shared.deadlines import basis_label
from shared.i18n import UserError, tr
from shared.meetings import get_meeting
from shared.prepared import outcome_start
from shared.reference import UnknownBody, list_bodies, list_officials, names
from shared.registrations import register
from shared.specs import (
    KINDS,
    OUTCOMES,
    OUTCOMES_SPEC,
    REGISTRATION_FIELDS,
    FieldSpec,
    meeting_kind,
)
from shared.text import show_date


def _fields(store: Store, value: str = "") -> Field:
    options = [(name, name) for name in names(store, "fields")]
    return Field("field", "", "select", value, options)


def _kinds(lang: str, value: str = "kien_nghi") -> Field:
    return Field("kind", "", "select", value, [(tr(label, lang), k) for k, label in KINDS.items()])


def _labelled(spec: Field, label: str) -> Field:
    spec.label = label
    return spec


def number_dialog(title: str, label: str, lang: str, submit: Any, value: str = "") -> FormDialog:
    def parse(values: dict[str, Any]) -> None:
        text = str(values["number"]).strip()
        if not text.isdigit():
            raise UserError("There is no ticket {number}.", number=text or "?")
        submit(int(text))

    return FormDialog(title, [Field("number", label, value=value)], parse, lang)


def _registration_field(store: Store, spec: FieldSpec, kind: str, lang: str) -> Field:
    label = tr(spec.label_for(kind), lang) + (" *" if spec.required else "")
    if spec.key == "field":
        return _labelled(_fields(store), label)
    if spec.key == "village":
        return Field(spec.key, label, suggestions=names(store, "villages"))
    return Field(spec.key, label)


def walk_in(store: Store, meeting_id: int, lang: str) -> FormDialog:
    kind = meeting_kind(get_meeting(store, meeting_id))
    fields = [_registration_field(store, spec, kind, lang) for spec in REGISTRATION_FIELDS]
    consent = tr("The citizen consented (on paper or aloud)", lang)
    fields.append(Field("consent", consent, "check", False))

    def save(values: dict[str, Any]) -> None:
        consent = bool(values.pop("consent"))
        register(store, meeting_id, consent=consent, source="secretary", **values)

    dialog = FormDialog(tr("Add a walk-in speaker", lang), fields, save, lang)
    dialog.card_fields = ("name", "village")
    return dialog


def written_question(store: Store, meeting_id: int, lang: str) -> FormDialog:
    officials = [o["name"] for o in list_officials(store)]
    fields = [
        Field("raised_by", tr("Name", lang)),
        Field("raised_village", tr("Village / group", lang), suggestions=names(store, "villages")),
        Field("summary", tr("Summary", lang)),
        _labelled(_fields(store), tr("Field", lang)),
        _labelled(_kinds(lang), tr("Kind", lang)),
        Field("official", tr("Answered by (blank: the chair)", lang), suggestions=officials),
    ]
    dialog = FormDialog(
        tr("Written question", lang),
        fields,
        lambda v: questions.add_question(store, meeting_id, source="written", **v),
        lang,
    )
    dialog.card_fields = ("raised_by", "raised_village")
    return dialog


def speaker_question(
    store: Store, meeting_id: int, registration: dict[str, Any], lang: str
) -> FormDialog:
    officials = [o["name"] for o in list_officials(store)]
    fields = [
        Field("summary", tr("Summary", lang), value=registration["summary"]),
        _labelled(_fields(store, registration["field"]), tr("Field", lang)),
        _labelled(_kinds(lang, registration["kind"]), tr("Kind", lang)),
        Field("official", tr("Answered by (blank: the chair)", lang), suggestions=officials),
    ]
    number = registration["number"]
    return FormDialog(
        tr("Question of number {number}", lang, number=f"{number:03d}"),
        fields,
        lambda v: questions.add_question(store, meeting_id, number=number, **v),
        lang,
    )


def outcome(store: Store, question: dict[str, Any], lang: str) -> FormDialog:
    """Only the details the chosen outcome needs are shown, with the deadline its rule
    proposes; choosing another outcome changes both."""
    meeting = get_meeting(store, question["meeting_id"])
    proposals = {
        o.key: questions.propose_deadline(store, meeting, o.key)
        for o in OUTCOMES_SPEC
        if o.deadline_rule
    }
    manual = question["deadline_basis"] == "manual"
    start = outcome_start(store, question)  # a gathered or linked question: as prepared
    fields = [
        Field(
            "outcome",
            tr("Outcome", lang),
            "select",
            question["outcome"] or "answered",
            [(tr(o.label, lang), o.key) for o in OUTCOMES_SPEC],
        ),
        Field("answer", tr("Answer in brief", lang), value=start["answer"]),
        Field(
            "body",
            tr("Responsible body", lang),
            value=start["body"],
            suggestions=[b["name"] for b in list_bodies(store)],
        ),
        Field("level", tr("Competent level", lang), value=question["transfer_level"]),
        Field("document", tr("Transfer document no.", lang), value=question["transfer_doc"]),
        Field(
            "deadline",
            tr("Answer deadline (dd/mm/yyyy)", lang),
            value=show_date(question["deadline"]) if manual else "",
        ),
    ]

    def adapt(values: Mapping[str, Any]) -> dict[str, str | None]:
        spec = OUTCOMES.get(values["outcome"]) or OUTCOMES["answered"]
        shown: dict[str, str | None] = {
            name: "" if name in spec.needs else None
            for name in ("answer", "body", "level", "document")
        }
        shown["deadline"] = None
        if spec.key in proposals:
            date, _, basis = proposals[spec.key]
            shown["deadline"] = tr(
                "Proposed: {date} ({basis}); leave blank to follow the rule",
                lang,
                date=show_date(date),
                basis=basis_label(basis, lang),
            )
        return shown

    def save(values: dict[str, Any]) -> None:
        chosen = values.pop("outcome") or "answered"
        try:
            questions.set_outcome(store, question["id"], chosen, **values)
        except UnknownBody as unknown:
            name = unknown.name
            raise AskFirst.new_body(
                name,
                lang,
                lambda: questions.set_outcome(
                    store, question["id"], chosen, new_body=name, **values
                ),
            ) from None

    summary = question["summary"]
    summary = summary if len(summary) <= 50 else summary[:49].rstrip() + "…"
    return FormDialog(
        tr(
            "Outcome of question #{number}: {summary}",
            lang,
            number=question["number"],
            summary=summary,
        ),
        fields,
        save,
        lang,
        adapt,
    )


def conclusion(store: Store, meeting_id: int, lang: str) -> FormDialog:
    text = get_meeting(store, meeting_id)["conclusion"]
    return FormDialog(
        tr("Chair's conclusion", lang),
        [Field("text", tr("Text for the minutes", lang), "area", text)],
        lambda v: agenda.set_conclusion(store, meeting_id, v["text"]),
        lang,
    )


def program(store: Store, meeting_id: int, lang: str) -> FormDialog:
    """The meeting's program, one step a line: `>` offers it when there is none."""
    hint = tr("One step a line, in order; > then moves from one to the next.", lang)

    def save(values: dict[str, Any]) -> list[dict[str, Any]]:
        titles = [line.strip() for line in str(values["steps"]).splitlines() if line.strip()]
        if not titles:
            raise UserError("Type at least one step.")
        return agenda.set_steps(store, meeting_id, titles)

    return FormDialog(
        tr("The meeting's program", lang),
        [Field("steps", tr("Steps", lang), "area", "", hint=hint)],
        save,
        lang,
    )
