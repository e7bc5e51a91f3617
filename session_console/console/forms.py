"""The console's small forms, each a FormDialog wired to one core function."""

from __future__ import annotations

from typing import Any

from session_console.console.dialogs import Field, FormDialog
from session_console.strings import t
from shared import agenda, questions
from shared.db import Store
from shared.i18n import UserError, tr
from shared.meetings import get_meeting
from shared.reference import list_bodies, list_officials, names
from shared.registrations import KINDS, register


def _fields(store: Store, value: str = "") -> Field:
    options = [(name, name) for name in names(store, "fields")]
    return Field("field", "", "select", value, options)


def _kinds(lang: str, value: str = "kien_nghi") -> Field:
    return Field("kind", "", "select", value, [(tr(f"kind_{k}", lang), k) for k in KINDS])


def _labelled(spec: Field, label: str) -> Field:
    spec.label = label
    return spec


def number_dialog(title: str, lang: str, submit: Any, value: str = "") -> FormDialog:
    def parse(values: dict[str, Any]) -> None:
        text = str(values["number"]).strip()
        if not text.isdigit():
            raise UserError("ticket_unknown", number=text or "?")
        submit(int(text))

    return FormDialog(title, [Field("number", title, value=value)], parse, lang)


def walk_in(store: Store, meeting_id: int, lang: str) -> FormDialog:
    fields = [
        Field("name", t("name", lang)),
        Field("village", t("village", lang), suggestions=names(store, "villages")),
        _labelled(_fields(store), t("field", lang)),
        Field("summary", t("summary", lang)),
        Field("phone", t("phone", lang)),
        Field("consent", t("consent", lang), "check", False),
    ]

    def save(values: dict[str, Any]) -> None:
        consent = bool(values.pop("consent"))
        register(store, meeting_id, consent=consent, source="secretary", **values)

    return FormDialog(t("walk_in", lang), fields, save, lang)


def written_question(store: Store, meeting_id: int, lang: str) -> FormDialog:
    officials = [o["name"] for o in list_officials(store)]
    fields = [
        Field("raised_by", t("name", lang)),
        Field("raised_village", t("village", lang), suggestions=names(store, "villages")),
        Field("summary", t("summary", lang)),
        _labelled(_fields(store), t("field", lang)),
        _labelled(_kinds(lang), t("kind", lang)),
        Field("official", t("official", lang), suggestions=officials),
    ]
    return FormDialog(
        t("written", lang),
        fields,
        lambda v: questions.add_question(store, meeting_id, source="written", **v),
        lang,
    )


def speaker_question(
    store: Store, meeting_id: int, registration: dict[str, Any], lang: str
) -> FormDialog:
    officials = [o["name"] for o in list_officials(store)]
    fields = [
        Field("summary", t("summary", lang), value=registration["summary"]),
        _labelled(_fields(store, registration["field"]), t("field", lang)),
        _labelled(_kinds(lang, registration["kind"]), t("kind", lang)),
        Field("official", t("official", lang), suggestions=officials),
    ]
    number = registration["number"]
    return FormDialog(
        t("question", lang, number=f"{number:03d}"),
        fields,
        lambda v: questions.add_question(store, meeting_id, number=number, **v),
        lang,
    )


def outcome(store: Store, question: dict[str, Any], lang: str) -> FormDialog:
    meeting = get_meeting(store, question["meeting_id"])
    proposed, _, basis = questions.propose_deadline(store, meeting, "pending")
    fields = [
        Field(
            "outcome",
            t("col_outcome", lang),
            "select",
            question["outcome"] or "answered",
            [(tr(f"outcome_{o}", lang), o) for o in questions.OUTCOMES],
        ),
        Field("answer", t("answer", lang), value=question["answer"]),
        Field(
            "body",
            t("body", lang),
            value=question["body_name"],
            suggestions=[b["name"] for b in list_bodies(store)],
        ),
        Field(
            "deadline",
            t("deadline", lang),
            value=question["deadline"] if question["deadline_basis"] == "manual" else "",
            hint=t(
                "basis",
                lang,
                basis=f"{proposed} ({basis}); "
                + ("để trống: theo quy định" if lang == "vi" else "blank: the rule"),
            ),
        ),
        Field("level", t("level", lang), value=question["transfer_level"]),
        Field("document", t("document", lang), value=question["transfer_doc"]),
    ]

    def save(values: dict[str, Any]) -> None:
        chosen = values.pop("outcome") or "answered"
        questions.set_outcome(store, question["id"], chosen, **values)

    return FormDialog(t("outcome", lang, number=question["number"]), fields, save, lang)


def conclusion(store: Store, meeting_id: int, lang: str) -> FormDialog:
    text = get_meeting(store, meeting_id)["conclusion"]
    return FormDialog(
        t("conclusion", lang),
        [Field("text", t("conclusion", lang), "area", text)],
        lambda v: agenda.set_conclusion(store, meeting_id, v["text"]),
        lang,
    )
