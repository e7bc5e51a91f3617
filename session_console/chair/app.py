"""The chair's screen, read-only and live: who speaks, who is next, what is pending."""

from __future__ import annotations

import datetime as dt
from typing import Any

from rich.markup import escape
from rich.table import Table
from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Static

from session_console.console.keys import bindings, localized
from session_console.station import StationApp
from session_console.widgets import Column, LiveTable
from session_console.widgets.speaker import SpeakerPanel
from shared import speaking
from shared.config import Settings
from shared.i18n import N_, tr
from shared.overview import overdue_elsewhere, pending_by_body, totals
from shared.prepared import prepared_for
from shared.questions import find_question, questions_of, standalone_questions
from shared.recurrence import RaisedBefore
from shared.specs import outcome_label
from shared.text import show_date


def sentence_case(label: str) -> str:
    """ "tiếp thu, trả lời sau" → "Tiếp thu, trả lời sau": every label of a list alike."""
    return label[:1].upper() + label[1:]


class ChairApp(StationApp):
    CSS_PATH = "chair.tcss"
    BINDINGS = bindings("vi", [])

    def __init__(
        self, settings: Settings, meeting_id: int | None = None, today: dt.date | None = None
    ) -> None:
        super().__init__(settings, meeting_id)
        self.today = today
        self.raised_before: RaisedBefore | None = None  # the store opens at mount

    def compose(self) -> ComposeResult:
        yield Static(id="top-bar")
        with Horizontal(id="main"):
            with Vertical(id="left"):
                yield SpeakerPanel(id="speaker")
                yield Static(id="next")
                yield Static(id="totals")
                yield Static(id="written")
            with Vertical(id="right"):
                yield Static(id="prepared-title", classes="heading")
                yield Static(id="prepared")
                yield Static(tr("Pending items by body", self.lang), classes="heading")
                yield LiveTable(
                    [
                        Column("key", "#", priority=2),
                        Column("deadline", tr("Deadline", self.lang), min_width=10),
                        Column("body", tr("Body", self.lang), min_width=12, text=True),
                        Column("summary", tr("Summary", self.lang), min_width=16, text=True),
                    ],
                    id="pending",
                )
                yield Static(tr("Overdue from earlier meetings", self.lang), classes="heading")
                yield LiveTable(
                    [
                        Column("key", "#", priority=3),
                        Column("deadline", tr("Deadline", self.lang), min_width=10),
                        Column("body", tr("Body", self.lang), min_width=12, text=True),
                        Column("summary", tr("Summary", self.lang), min_width=16, text=True),
                        Column("meeting", tr("Meeting", self.lang), 2, min_width=12, text=True),
                    ],
                    id="overdue",
                )
        yield self.footer()

    def refresh_all(self) -> None:
        super().refresh_all()
        meeting_id = self.meeting_id
        self.rows = speaking.queue(self.store, meeting_id)
        self.main.query_one("#top-bar", Static).update(escape(self.meeting["title"]))
        self.show_speaker()
        waiting = [r for r in self.rows if r["status"] == "waiting"][:3]
        lines = ["[b]" + tr("NEXT", self.lang) + "[/b]"] + [
            f"{r['number']:03d}  {escape(r['name'])} · {escape(r['village'])}" for r in waiting
        ]
        self.main.query_one("#next", Static).update("\n".join(lines))
        self.main.query_one("#totals", Static).update(self._totals(meeting_id))
        self.show_written()
        pending: list[tuple[str, tuple[str, ...]]] = []
        for body, items in pending_by_body(self.store, meeting_id).items():
            for item in items:
                cells = (
                    str(item["id"]),
                    show_date(item["deadline"]),
                    body or tr("(no body yet)", self.lang),
                    item["summary"],
                )
                pending.append((str(item["id"]), cells))
        self.main.query_one("#pending", LiveTable).sync(pending)
        self.show_prepared()
        overdue = overdue_elsewhere(self.store, meeting_id, self.today)
        self.main.query_one("#overdue", LiveTable).sync(
            [
                (
                    str(i["id"]),
                    (
                        str(i["id"]),
                        show_date(i["deadline"]),
                        i["body_name"],
                        i["summary"],
                        i["meeting_title"],
                    ),
                )
                for i in overdue
            ]
        )

    def on_question(self) -> dict[str, Any] | None:
        """The question on the floor: the latest of the speaker at the lectern; between
        speakers, the pending item marked in the list (when the list has the focus)."""
        rows = getattr(self, "rows", [])
        row = next((r for r in rows if r["status"] in speaking.AT_LECTERN), None)
        if row:
            asked = questions_of(self.store, row["id"])
            return asked[-1] if asked else None
        pending = self.main.query_one("#pending", LiveTable)
        key = pending.selected_key()
        return find_question(self.store, int(key)) if key and self.focused is pending else None

    @on(LiveTable.RowHighlighted, "#pending")
    @on(events.DescendantFocus)
    @on(events.DescendantBlur)
    def show_prepared(self) -> None:
        """The answer prepared before the meeting for the question on the floor, and the
        body that prepared it; nothing when there is none."""
        with self._unless_closing():
            question = self.on_question()
            opinion = prepared_for(self.store, question) if question else None
            title = self.main.query_one("#prepared-title", Static)
            text = self.main.query_one("#prepared", Static)
            if self.raised_before is None:
                self.raised_before = RaisedBefore(self.store)
            history = self.raised_before.of(opinion) if opinion else []
            shown = bool(question and opinion and (opinion["prep_answer"] or history))
            title.display = text.display = shown
            if not (question and opinion and shown):
                return
            said = tr(
                "Prepared answer — question #{number} ({body})",
                self.lang,
                number=question["number"],
                body=opinion["prep_body_name"] or "—",
            )
            title.update(escape(said))
            today = self.today or dt.date.today()
            lines = [f"[red]{escape(e.told(self.lang, today))}[/red]" for e in history]
            answer = opinion["prep_answer"] or tr("no answer prepared", self.lang)
            text.update("\n".join([*lines, escape(answer)]))

    def show_written(self) -> None:
        """The written questions handed to the secretary, newest first, with their
        outcome: the chair answers them too."""
        found = [  # gathered opinions are not handed in: their answers show on the floor
            q for q in standalone_questions(self.store, self.meeting_id) if q["source"] == "written"
        ]
        lines = [
            "[b]" + escape(tr("Written questions", self.lang)) + f" ({len(found)})[/b]",
            *(
                escape(
                    f"#{q['number']} {q['raised_by'] or '—'}: {q['summary']}"
                    f" · {tr(outcome_label(q['outcome']), self.lang)}"
                )
                for q in reversed(found[-5:])
            ),
        ]
        written = self.main.query_one("#written", Static)
        written.update("\n".join(lines))
        written.display = bool(found)

    def _totals(self, meeting_id: int) -> Table:
        """One count a line, label left and number right, each label in sentence case:
        a narrow column cuts a label with "…", never wraps it into the next."""
        counted = totals(self.store, meeting_id)
        rows = [
            (N_("Registered"), counted.registered),
            (N_("Spoken"), counted.spoken),
            *counted.breakdown(),
        ]
        table = Table(box=None, show_header=False, padding=(0, 0, 0, 2), pad_edge=False)
        table.add_column(no_wrap=True, overflow="ellipsis")
        table.add_column(no_wrap=True, justify="right")
        table.title = Text(tr("TOTALS", self.lang), style="bold")
        table.title_justify = "left"
        for label, count in rows:
            table.add_row(sentence_case(tr(label, self.lang)), str(count))
        return table

    def tick(self) -> None:
        self.show_speaker()

    def show_speaker(self) -> None:
        row: dict[str, Any] | None = next(
            (r for r in self.rows if r["status"] in speaking.AT_LECTERN), None
        )
        self.main.query_one("#speaker", SpeakerPanel).show(
            row, self.meeting["speaking_seconds"], self.lang
        )


def make_chair_app(
    settings: Settings, meeting_id: int | None = None, today: dt.date | None = None
) -> ChairApp:
    kind = localized(ChairApp, settings.language, ())
    return kind(settings, meeting_id, today)
