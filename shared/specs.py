"""One definition of each registration field and each question outcome.

Every face reads these rows: the kiosk form and the console dialogs (labels, limits,
required), validation, the CLI, retention, the totals and every document. Adding a field
or an outcome is adding a row here (plus its Vietnamese wording in the catalogue).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from shared.i18n import N_

# The kinds of meeting, which choose the wording of some fields: a commune's dialogue
# with its residents, a provincial office's with its own employees, a party committee's.
MEETING_KINDS = ("commune", "agency", "party")


def meeting_kind(meeting: Mapping[str, object] | None) -> str:
    """A meeting's kind: as set, or else from its level (a party committee's level is its
    kind; every government level holds a commune-style dialogue with residents)."""
    if not meeting:
        return "commune"
    kind, level = str(meeting.get("kind") or ""), str(meeting.get("level") or "")
    return kind or (level if level in MEETING_KINDS else "commune")


def _labels(**by_kind: str) -> Mapping[str, str]:
    return MappingProxyType(by_kind)


@dataclass(frozen=True)
class FieldSpec:
    """A registration field."""

    key: str
    label: str
    """msgid of the label (the commune wording); `labels` overrides it per meeting kind."""
    limit: int
    required: bool = False
    on_ticket: bool = False
    in_exports: bool = True
    """Printed in the documents; a field that is not never appears in any exported file."""
    purged: bool = False
    """Erased by retention once the citizen's items are closed."""
    hint: str = ""
    """msgid of the hint the kiosk shows under an empty field."""
    labels: Mapping[str, str] = field(default_factory=lambda: _labels())
    short: str = ""
    """msgid of a column header, where the label is too long for one."""
    bare_on_ticket: bool = False
    """On the ticket without its label: the value names its own kind of place (a
    residential group), which the label would contradict ("Village: <a group>")."""

    def label_for(self, kind: str = "commune") -> str:
        return self.labels.get(kind, self.label)

    def column_for(self, kind: str = "commune") -> str:
        return self.labels.get(kind, self.short or self.label)


REGISTRATION_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec(
        "name",
        N_("Full name"),
        limit=120,
        required=True,
        on_ticket=True,
        purged=True,
        hint=N_("e.g. Nguyễn Văn An"),
        short=N_("Name"),
    ),
    FieldSpec(
        "village",
        N_("Village / residential group"),
        limit=100,
        on_ticket=True,
        purged=True,
        hint=N_("Type a few letters, then pick a name shown below"),
        labels=_labels(agency=N_("Unit / office")),
        short=N_("Village"),
        bare_on_ticket=True,
    ),
    FieldSpec("org", N_("Organisation represented"), limit=200, hint=N_("Optional")),
    FieldSpec("field", N_("Field"), limit=100, on_ticket=True),
    FieldSpec(
        "summary",
        N_("Summary"),
        limit=300,
        hint=N_("Optional, {max} characters at most"),
    ),
    FieldSpec(
        "phone",
        N_("Phone"),
        limit=30,
        in_exports=False,
        purged=True,
        hint=N_("Optional, to receive the answer"),
    ),
)
FIELDS: Mapping[str, FieldSpec] = MappingProxyType({f.key: f for f in REGISTRATION_FIELDS})

# A question logged by the secretary or imported may be longer than a kiosk summary.
QUESTION_SUMMARY_LIMIT = 2000


@dataclass(frozen=True)
class OutcomeSpec:
    """What became of a question."""

    key: str
    label: str
    """msgid of the label shown on screens, tickets and lists."""
    needs: frozenset[str] = frozenset()
    """Details the outcome requires: answer, body, level, document."""
    deadline_rule: str = ""
    """The time limit that proposes the deadline ("" = no deadline)."""
    pending: bool = False
    """On the list of items followed up after the meeting."""
    transfer: bool = False
    """Sent to a competent body the issuing authority does not command."""
    minutes: str = N_("{label}")
    """msgid of the result as the minutes write it: {label}, {answer}, {body}, {level},
    {document}, {deadline}."""


OUTCOMES_SPEC: tuple[OutcomeSpec, ...] = (
    OutcomeSpec(
        "answered",
        N_("answered at the meeting"),
        needs=frozenset({"answer"}),
        minutes=N_("{label}: {answer}"),
    ),
    OutcomeSpec(
        "pending",
        N_("pending"),
        needs=frozenset({"body"}),
        deadline_rule="pending_answer",
        pending=True,
        minutes=N_("{label}; {body} to answer by {deadline}"),
    ),
    OutcomeSpec(
        "transferred",
        N_("transferred"),
        needs=frozenset({"body", "level", "document"}),
        deadline_rule="citizen_notice",
        pending=True,
        transfer=True,
        minutes=N_(
            "{label}: {body} ({level}), document no. {document}; the citizen to be told by "
            "{deadline}"
        ),
    ),
    OutcomeSpec(
        "written",
        N_("written reply"),
        deadline_rule="pending_answer",
        pending=True,
        minutes=N_("{label}, by {deadline}"),
    ),
    OutcomeSpec(
        "withdrawn",
        N_("withdrawn by the citizen"),
    ),
)
OUTCOMES: Mapping[str, OutcomeSpec] = MappingProxyType({o.key: o for o in OUTCOMES_SPEC})
NO_OUTCOME = N_("no outcome yet")
FOLLOWED_UP = tuple(o.key for o in OUTCOMES_SPEC if o.pending)


def outcome_label(key: str | None) -> str:
    """msgid of an outcome's label; a question without one yet has its own."""
    return OUTCOMES[key].label if key else NO_OUTCOME


# Kinds of opinion (Mẫu 03, Thông tư 04/2021/TT-TTCP).
KINDS: Mapping[str, str] = MappingProxyType(
    {
        "kien_nghi": N_("petition"),
        "phan_anh": N_("report"),
        "khieu_nai": N_("complaint"),
        "to_cao": N_("denunciation"),
    }
)

# A speaker's place in the queue.
QUEUE_STATUSES: Mapping[str, str] = MappingProxyType(
    {
        "waiting": N_("waiting"),
        "called": N_("called"),
        "speaking": N_("speaking"),
        "done": N_("done"),
        "no_show": N_("no-show"),
        "withdrawn": N_("withdrawn"),
    }
)

QUEUE_ACTIONS: Mapping[str, str] = MappingProxyType(
    {
        "call": N_("call"),
        "start": N_("start speaking"),
        "stop": N_("stop speaking"),
        "no_show": N_("mark as no-show"),
        "recall": N_("recall"),
        "withdraw": N_("withdraw"),
        "move": N_("move"),
    }
)
