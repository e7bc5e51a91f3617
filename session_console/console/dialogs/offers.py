"""After a question is logged: the opinions gathered before the meeting that say the same
thing, those of its field first. Enter links the marked one (its prepared answer and body
start the question's outcome); Esc links none. Nothing is linked without that key."""

from __future__ import annotations

import datetime as dt

from rich.markup import escape
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from session_console.widgets import Column, LiveTable
from shared.i18n import tr
from shared.prepared import Offer
from shared.recurrence import RaisedBefore


class OfferDialog(ModalScreen[int | None]):
    """Dismisses with the id of the gathered opinion to link, or None."""

    DEFAULT_CSS = """
    OfferDialog { align: center middle; }
    OfferDialog #offer-box {
        width: 110; max-width: 100%; height: auto; max-height: 100%;
        border: thick $accent; background: $surface; padding: 0 1;
    }
    OfferDialog #offer-title { text-style: bold; padding: 0 0 1 0; }
    OfferDialog LiveTable { max-height: 8; }
    OfferDialog #offer-answer { height: auto; max-height: 8; padding: 1 0 0 0; }
    OfferDialog #offer-keys { color: $text-muted; text-align: right; }
    """
    BINDINGS = [
        Binding("enter", "link", "Link", id="offer-link"),
        Binding("escape", "skip", "None", id="offer-skip"),
    ]

    def __init__(
        self,
        summary: str,
        offers: list[Offer],
        lang: str,
        raised_before: RaisedBefore | None = None,
        today: dt.date | None = None,
    ) -> None:
        super().__init__()
        self.summary, self.offers, self.lang = summary, offers, lang
        self.raised_before, self.today = raised_before, today
        self.by_key = {str(o.row["id"]): o for o in offers}

    def compose(self) -> ComposeResult:
        lang = self.lang
        with Vertical(id="offer-box"):
            title = tr("Gathered before the meeting, like: {summary}", lang, summary=self.summary)
            yield Static(escape(title), id="offer-title")
            yield LiveTable(
                [
                    Column("id", "#", 1),
                    Column("field", tr("Field", lang), 2, min_width=8, text=True),
                    Column("place", tr("Village / unit", lang), 3, min_width=8, text=True),
                    Column("summary", tr("Summary", lang), 1, min_width=16, text=True),
                    Column("body", tr("Body", lang), 2, min_width=8, text=True),
                ],
                id="offers",
            )
            yield Static(id="offer-answer")
            keys = tr("Enter: link the marked opinion · Esc: none of them", lang)
            yield Static(escape(keys), id="offer-keys")

    def on_mount(self) -> None:
        table = self.query_one("#offers", LiveTable)
        table.sync(
            [
                (
                    key,
                    (
                        key,
                        o.row["field"],
                        o.row["raised_village"] or o.row["raised_by"] or "—",
                        o.row["summary"],
                        o.row["prep_body_name"],
                    ),
                )
                for key, o in self.by_key.items()
            ]
        )
        table.focus()
        self._answer()

    @on(LiveTable.RowHighlighted, "#offers")
    def _answer(self) -> None:
        key = self.query_one("#offers", LiveTable).selected_key()
        offer = self.by_key.get(key or "")
        answer = offer.row["prep_answer"] if offer else ""
        said = (
            tr("Prepared answer: {answer}", self.lang, answer=answer)
            if answer
            else tr("No answer prepared yet.", self.lang)
        )
        earlier = self.raised_before.of(offer.row) if offer and self.raised_before else []
        today = self.today or dt.date.today()
        lines = [f"[red]{escape(e.told(self.lang, today))}[/red]" for e in earlier]
        self.query_one("#offer-answer", Static).update("\n".join([*lines, escape(said)]))

    def action_link(self) -> None:
        key = self.query_one("#offers", LiveTable).selected_key()
        self.dismiss(int(key) if key else None)

    def action_skip(self) -> None:
        self.dismiss(None)
