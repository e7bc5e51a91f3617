"""`hallkit followup`: every open item across meetings, until it is answered and the
citizen told. Overdue items are marked; each key is one core call and one event."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from rich.markup import escape
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.widgets import Input, Static

from office.followup.history import HistoryView
from session_console.console.dialogs import AskFirst, Field, FormDialog
from session_console.console.keys import bindings, localized
from session_console.station import StationApp
from session_console.widgets import Column, LiveTable
from shared import followup as fu
from shared.config import Settings
from shared.i18n import N_, tr, trn
from shared.item_history import told
from shared.reference import UnknownBody, list_bodies
from shared.text import matches, show_date

KEYS = [
    ("i", "start", "followup-start", N_("In progress")),
    ("a", "answer", "followup-answer", N_("Answered")),
    ("x", "extend", "followup-extend", N_("Extend")),
    ("t", "transfer", "followup-transfer", N_("Transfer")),
    ("n", "inform", "followup-inform", N_("Informed")),
    ("s", "satisfaction", "followup-satisfaction", N_("Satisfaction")),
    ("h", "history", "followup-history", N_("History")),
    ("o", "toggle_overdue", "followup-overdue", N_("Overdue only")),
    ("d", "toggle_due", "followup-due", N_("Due in 5 days")),
    ("slash", "find", "followup-find", N_("Filter")),
]


class FollowupApp(StationApp):
    ONE_MEETING = False
    BINDINGS = bindings("vi", KEYS)
    FOOTER_FIRST = ("help", "answer", "start", "inform", "extend", "transfer", "find")
    CSS = """
    #filters { height: 1; background: $primary-darken-2; padding: 0 1; }
    #items { height: 1fr; }
    #find { dock: bottom; margin-bottom: 1; }
    """

    def __init__(self, settings: Settings, today: dt.date | None = None) -> None:
        super().__init__(settings)
        self.today = today
        self.overdue_only = False
        self.due_soon = False
        self.text = ""
        self.rows: dict[str, dict[str, Any]] = {}

    def compose(self) -> ComposeResult:
        yield Static(id="filters")
        yield LiveTable(
            [
                Column("id", "#", priority=3),
                Column("state", ""),  # "OVERDUE", as wide as it is when there is one
                Column("deadline", tr("Deadline", self.lang), min_width=10),
                Column("body", tr("Body", self.lang), min_width=12, text=True),
                Column("citizen", tr("Citizen", self.lang), 2, min_width=12, text=True),
                Column("summary", tr("Summary", self.lang), min_width=16, text=True),
                # a stage is read whole, never cut: the column is as wide as the longest
                Column("progress", tr("Progress", self.lang), 4, min_width=self._stage_width()),
            ],
            id="items",
        )
        placeholder = tr("Filter by name, body, summary (diacritics optional)…", self.lang)
        yield Input(placeholder=placeholder, id="find")
        yield self.footer()

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#items", LiveTable).focus()

    def _stage_width(self) -> int:
        return max(len(tr(label, self.lang)) for label in fu.PROGRESS.values())

    def refresh_all(self) -> None:
        found = fu.open_items(
            self.store,
            today=self.today,
            overdue=self.overdue_only,
            due_within=5 if self.due_soon else None,
        )
        if self.text:
            found = [
                r
                for r in found
                if matches(self.text, f"{r['citizen']} {r['body_name']} {r['summary']}")
            ]
        self.rows = {str(r["id"]): r for r in found}
        table = self.main.query_one("#items", LiveTable)
        table.sync([(str(r["id"]), self._cells(r)) for r in found])
        lang = self.lang
        state = [trn("{n} open item", "{n} open items", len(found), lang)]
        if self.overdue_only:
            state.append(tr("overdue only", lang))
        if self.due_soon:
            state.append(tr("due within 5 working days", lang))
        if self.text:
            state.append(tr("filter: {text}", lang, text=self.text))
        self.main.query_one("#filters", Static).update(escape(" · ".join(state)))

    def _cells(self, row: dict[str, Any]) -> tuple[Any, ...]:
        mark = Text(tr("OVERDUE", self.lang), style="bold red") if row["overdue"] else ""
        return (
            str(row["id"]),
            mark,
            show_date(row["deadline"]),
            row["body_name"],
            row["citizen"] or "",
            row["summary"],
            tr(fu.progress_label(row["progress"]), self.lang),
        )

    def _today(self) -> str:
        return show_date((self.today or dt.date.today()).isoformat())

    def selected(self) -> dict[str, Any] | None:
        key = self.main.query_one("#items", LiveTable).selected_key()
        if key is None or key not in self.rows:
            self.notify(tr("Select an item first.", self.lang), severity="warning")
            return None
        return self.rows[key]

    def _dialog(
        self, title: str, fields: list[Field], save: Callable[[dict[str, Any]], Any]
    ) -> None:
        self.open_dialog(FormDialog(title, fields, save, self.lang))

    def action_start(self) -> None:
        if item := self.selected():
            self.run_core(lambda: fu.start(self.store, item["id"]))

    def action_answer(self) -> None:
        if item := self.selected():
            self._dialog(
                tr("Answer item #{id}", self.lang, id=item["id"]),
                [
                    Field("on", tr("Answered on", self.lang), value=self._today()),
                    Field("document", tr("Document number", self.lang)),
                    Field("summary", tr("Answer", self.lang)),
                ],
                lambda v: fu.answer(self.store, item["id"], **v),
            )

    def action_extend(self) -> None:
        if item := self.selected():
            self._dialog(
                tr(
                    "Extend item #{id} (deadline now {deadline})",
                    self.lang,
                    id=item["id"],
                    deadline=show_date(item["deadline"]),
                ),
                [
                    Field("deadline", tr("New deadline", self.lang)),
                    Field("reason", tr("Reason", self.lang)),
                ],
                lambda v: fu.extend(self.store, item["id"], **v),
            )

    def action_transfer(self) -> None:
        if item := self.selected():
            bodies = [b["name"] for b in list_bodies(self.store)]
            self._dialog(
                tr("Transfer item #{id}", self.lang, id=item["id"]),
                [Field("body", tr("Body", self.lang), suggestions=bodies)],
                lambda v: self._transfer(item["id"], v["body"]),
            )

    def _transfer(self, question_id: int, body: str) -> None:
        try:
            fu.transfer(self.store, question_id, body=body)
        except UnknownBody as unknown:
            name = unknown.name
            raise AskFirst.new_body(
                name,
                self.lang,
                lambda: fu.transfer(self.store, question_id, body=name, new_body=name),
            ) from None

    def action_inform(self) -> None:
        if item := self.selected():
            self._dialog(
                tr("Citizen told — item #{id}", self.lang, id=item["id"]),
                [
                    Field("on", tr("Told on", self.lang), value=self._today()),
                    Field("how", tr("How (letter, phone, in person)", self.lang)),
                ],
                lambda v: fu.inform(self.store, item["id"], **v),
            )

    def action_satisfaction(self) -> None:
        if item := self.selected():
            options = [(tr(label, self.lang), key) for key, label in fu.SATISFACTION_LABELS.items()]
            self._dialog(
                tr("Satisfaction — item #{id}", self.lang, id=item["id"]),
                [Field("level", tr("Citizen", self.lang), "select", "satisfied", options)],
                lambda v: fu.rate(self.store, item["id"], v["level"]),
            )

    def action_history(self) -> None:
        if item := self.selected():
            title = tr("History of item #{id}", self.lang, id=item["id"])
            title += f" · {item['summary']}"
            self.push_screen(HistoryView(title, told(self.store, item["id"], self.lang), self.lang))

    def action_toggle_overdue(self) -> None:
        self.overdue_only = not self.overdue_only
        self.refresh_all()

    def action_toggle_due(self) -> None:
        self.due_soon = not self.due_soon
        self.refresh_all()

    def action_find(self) -> None:
        self.query_one("#find", Input).focus()

    @on(Input.Submitted, "#find")
    def filter_text(self, event: Input.Submitted) -> None:
        self.text = event.value.strip()
        self.query_one("#items", LiveTable).focus()
        self.refresh_all()


def make_followup_app(settings: Settings, today: dt.date | None = None) -> FollowupApp:
    return localized(FollowupApp, settings.language, tuple(KEYS))(settings, today)
