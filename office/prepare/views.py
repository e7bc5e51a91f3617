"""The preparation screen's views over it: the proposed groups (Enter confirms one, nothing
is merged otherwise), the bodies and who is late, and a read-only text (what a read of the
filled requests did, file by file)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from rich.markup import escape
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from session_console.widgets import Column, LiveTable
from shared.i18n import UserError, tr
from shared.text import show_date

BOX_CSS = """
{name} {{ align: center middle; }}
{name} #view-box {{
    width: 110; max-width: 100%; height: auto; max-height: 100%;
    border: thick $primary; background: $surface; padding: 0 1;
}}
{name} #view-title {{ text-style: bold; padding: 0 0 1 0; }}
{name} LiveTable {{ max-height: 16; }}
{name} #view-detail {{ height: auto; max-height: 12; padding: 1 0 0 0; }}
{name} #view-keys {{ color: $text-muted; text-align: right; }}
"""


@dataclass(frozen=True)
class Proposed:
    """A proposal as the view shows it: its score and its opinions (id, field, place,
    people, summary)."""

    score: float
    opinions: list[dict[str, Any]]


class GroupsView(ModalScreen[None]):
    """The groups hallkit proposes: Enter groups the marked one (the first opinion stays),
    Esc closes. `propose` is called again after each, so a group done leaves the list."""

    DEFAULT_CSS = BOX_CSS.format(name="GroupsView")
    BINDINGS = [
        Binding("escape", "close", "Close", id="groups-close"),
        Binding("enter", "confirm", "Group", id="groups-confirm"),
    ]

    def __init__(
        self,
        propose: Callable[[], list[Proposed]],
        confirm: Callable[[list[int]], Any],
        lang: str,
    ) -> None:
        super().__init__()
        self.propose, self.confirm, self.lang = propose, confirm, lang
        self.found: dict[str, Proposed] = {}

    def compose(self) -> ComposeResult:
        lang = self.lang
        with Vertical(id="view-box"):
            yield Static(id="view-title")
            yield LiveTable(
                [
                    Column("score", tr("Score", lang), 1),
                    Column("field", tr("Field", lang), 2, min_width=8, text=True),
                    Column("ids", tr("Opinions", lang), 1, text=True),
                    Column("summary", tr("Summary", lang), 1, min_width=16, text=True),
                ],
                id="groups",
            )
            with VerticalScroll(id="view-detail", can_focus=False):
                yield Static(id="groups-detail")
            yield Static(escape(tr("Enter: group these · Esc: close", lang)), id="view-keys")

    def on_mount(self) -> None:
        self.show()
        self.query_one("#groups", LiveTable).focus()

    def show(self) -> None:
        found = self.propose()
        self.found = {",".join(str(o["id"]) for o in p.opinions): p for p in found}
        rows = [
            (
                key,
                (
                    f"{p.score:.0f}",
                    p.opinions[0]["field"],
                    " ".join(f"#{o['id']}" for o in p.opinions),
                    p.opinions[0]["summary"],
                ),
            )
            for key, p in self.found.items()
        ]
        self.query_one("#groups", LiveTable).sync(rows)
        title = tr(
            "Proposed groups ({count}): nothing is grouped until confirmed",
            self.lang,
            count=len(rows),
        )
        self.query_one("#view-title", Static).update(escape(title))
        self._detail()

    @on(LiveTable.RowHighlighted, "#groups")
    def _detail(self) -> None:
        key = self.query_one("#groups", LiveTable).selected_key()
        proposal = self.found.get(key or "")
        lines = (
            [
                escape(f"#{o['id']} · {o['place']} ({o['people']}): {o['summary']}")
                for o in proposal.opinions
            ]
            if proposal
            else [escape(tr("No similar opinions found.", self.lang))]
        )
        self.query_one("#groups-detail", Static).update("\n".join(lines))

    def action_confirm(self) -> None:
        key = self.query_one("#groups", LiveTable).selected_key()
        proposal = self.found.get(key or "")
        if proposal is None:
            return
        try:
            self.confirm([int(o["id"]) for o in proposal.opinions])
        except UserError as error:
            self.app.bell()
            self.notify(escape(error.message(self.lang)), severity="error")
            return
        self.show()

    def action_close(self) -> None:
        self.dismiss(None)


@dataclass(frozen=True)
class BodyLine:
    """One body's part: how many opinions, answered, waiting, late, the earliest due."""

    body: str
    opinions: int
    answered: int
    waiting: int
    late: int
    due: str


class BodiesView(ModalScreen[str | None]):
    """Which body has answered, which is late. Enter shows only the marked body's
    opinions on the screen under it; Esc closes."""

    DEFAULT_CSS = BOX_CSS.format(name="BodiesView")
    BINDINGS = [
        Binding("escape", "close", "Close", id="bodies-close"),
        Binding("enter", "choose", "Only this body", id="bodies-choose"),
    ]

    def __init__(self, lines: list[BodyLine], lang: str) -> None:
        super().__init__()
        self.lines, self.lang = lines, lang

    def compose(self) -> ComposeResult:
        lang = self.lang
        with Vertical(id="view-box"):
            late = [line.body for line in self.lines if line.late]
            title = tr("Bodies preparing the answers", lang)
            if late:
                title += " · " + tr("late: {bodies}", lang, bodies=", ".join(late))
            yield Static(escape(title), id="view-title")
            yield LiveTable(
                [
                    Column("body", tr("Body", lang), 1, min_width=12, text=True),
                    Column("opinions", tr("Opinions", lang), 1),
                    Column("answered", tr("received", lang), 1),
                    Column("waiting", tr("waiting", lang), 2),
                    Column("late", tr("late", lang), 1),
                    Column("due", tr("Due", lang), 2, min_width=10),
                ],
                id="bodies",
            )
            yield Static(
                escape(tr("Enter: only this body's opinions · Esc: close", lang)), id="view-keys"
            )

    def on_mount(self) -> None:
        table = self.query_one("#bodies", LiveTable)
        table.sync(
            [
                (
                    line.body,
                    (
                        line.body,
                        str(line.opinions),
                        str(line.answered),
                        str(line.waiting),
                        Text(str(line.late), style="bold red" if line.late else ""),
                        show_date(line.due),
                    ),
                )
                for line in self.lines
            ]
        )
        table.focus()

    def action_choose(self) -> None:
        self.dismiss(self.query_one("#bodies", LiveTable).selected_key())

    def action_close(self) -> None:
        self.dismiss(None)


class TextView(ModalScreen[None]):
    """Lines to read (markup), nothing to save: Esc or Enter closes."""

    DEFAULT_CSS = BOX_CSS.format(name="TextView")
    BINDINGS = [
        Binding("escape", "close", "Close", id="text-close"),
        Binding("enter", "close", "Close", show=False, id="text-close-enter"),
    ]

    def __init__(self, title: str, lines: list[str], lang: str) -> None:
        super().__init__()
        self.title_text, self.lines, self.lang = title, lines, lang

    def compose(self) -> ComposeResult:
        with Vertical(id="view-box"):
            yield Static(escape(self.title_text), id="view-title")
            with VerticalScroll(id="view-detail"):
                yield Static("\n".join(self.lines), id="text-lines")
            yield Static(escape(tr("Esc: close", self.lang)), id="view-keys")

    def on_mount(self) -> None:
        self.query_one("#view-detail", VerticalScroll).focus()

    def action_close(self) -> None:
        self.dismiss(None)
