"""`hallkit prepare`: the office's preparation screen. The meeting's gathered opinions, a
group as one, most urgent first; each key is one core call (shared/prepare.py) and one
event. The forms are in `forms.py`, the views over the list in `views.py`."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from rich.markup import escape
from textual import on
from textual.app import ComposeResult
from textual.widgets import Input, Static

from office.prepare import forms, rows
from office.prepare.views import BodiesView, BodyLine, GroupsView, Proposed, TextView
from office.prepare_documents import write_requests_and_letters
from session_console.console.keys import bindings, localized
from session_console.station import StationApp
from session_console.widgets import LiveTable
from shared import prepare, recurrence
from shared.answer_requests import read_answers
from shared.config import Settings
from shared.i18n import N_, UserError, tr, trn
from shared.importing import ImportResult, import_csv
from shared.recurrence import Earlier

KEYS = [
    ("i", "import_opinions", "prepare-import", N_("Import")),
    ("a", "add", "prepare-add", N_("Add")),
    ("g", "groups", "prepare-groups", N_("Groups")),
    ("u", "ungroup", "prepare-ungroup", N_("Ungroup")),
    ("b", "assign", "prepare-assign", N_("Assign")),
    ("t", "answer", "prepare-answer", N_("Type answer")),
    ("w", "requests", "prepare-requests", N_("Requests")),
    ("r", "read_answers", "prepare-read", N_("Read answers")),
    ("v", "bodies", "prepare-bodies", N_("Bodies")),
    ("slash", "find", "prepare-find", N_("Filter")),
]


class PrepareApp(StationApp):
    BINDINGS = bindings("vi", KEYS)
    FOOTER_FIRST = (
        "help",
        "import_opinions",
        "add",
        "groups",
        "assign",
        "answer",
        "requests",
        "read_answers",
    )
    CSS = """
    #filters { height: 1; background: $primary-darken-2; padding: 0 1; }
    #opinions { height: 1fr; }
    #detail { height: auto; max-height: 8; border-top: solid $primary; padding: 0 1; }
    #find { dock: bottom; margin-bottom: 1; }
    """

    def __init__(
        self, settings: Settings, meeting_id: int | None = None, today: dt.date | None = None
    ) -> None:
        super().__init__(settings, meeting_id)
        self.today = today
        self.text = ""
        self.opinions: dict[str, prepare.Opinion] = {}
        self.repeats: dict[int, list[Earlier]] = {}
        self._asked: tuple[Any, ...] = ()  # what the recurrence was last matched for

    @property
    def day(self) -> dt.date:
        return self.today or dt.date.today()

    def compose(self) -> ComposeResult:
        yield Static(id="filters")
        yield LiveTable(rows.columns(self.lang), id="opinions")
        yield Static(id="detail")
        placeholder = tr("Filter by field, body, place, words (diacritics optional)…", self.lang)
        yield Input(placeholder=placeholder, id="find")
        yield self.footer()

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#opinions", LiveTable).focus()

    def at_stake(self) -> list[str]:
        """Only a form being typed: no speaker stands at this screen's lectern."""
        if any(getattr(screen, "dirty", lambda: False)() for screen in self.screen_stack):
            return [tr("What was typed in the open form is lost.", self.lang)]
        return []

    # --- the list ---

    def refresh_all(self) -> None:
        super().refresh_all()
        found = prepare.opinions(self.store, self.meeting_id, self.day)
        asked = tuple((o.row["id"], o.row["summary"], o.row["field"]) for o in found)
        if asked != self._asked:  # the earlier meetings are matched again only on a change
            self.repeats = recurrence.of_meeting(
                self.store, self.meeting_id, [o.row for o in found]
            )
            self._asked = asked
        shown = [o for o in found if rows.shown(o, self.text)] if self.text else found
        self.opinions = {str(o.row["id"]): o for o in shown}
        table = self.main.query_one("#opinions", LiveTable)
        table.sync(
            [
                (key, rows.cells(o, self.repeats.get(o.row["id"], []), self.lang))
                for key, o in self.opinions.items()
            ]
        )
        lang = self.lang
        late = prepare.late_bodies(found)
        state = [
            self.meeting["title"],
            trn("{n} opinion", "{n} opinions", len(found), lang),
            tr(
                "raised before: {count}",
                lang,
                count=sum(1 for o in found if o.row["id"] in self.repeats),
            ),
        ]
        if late:
            state.append(tr("late: {bodies}", lang, bodies=", ".join(sorted(late))))
        if self.text:
            state.append(tr("filter: {text}", lang, text=self.text))
        self.main.query_one("#filters", Static).update(escape(" · ".join(state)))
        self._detail()

    @on(LiveTable.RowHighlighted, "#opinions")
    def _detail(self) -> None:
        with self._unless_closing():
            key = self.main.query_one("#opinions", LiveTable).selected_key()
            opinion = self.opinions.get(key or "")
            repeats = self.repeats.get(opinion.row["id"], []) if opinion else []
            shown = rows.account(opinion, repeats, self.lang, self.day)
            self.main.query_one("#detail", Static).update(shown)

    def selected(self) -> prepare.Opinion | None:
        key = self.main.query_one("#opinions", LiveTable).selected_key()
        if key is None or key not in self.opinions:
            self.notify(tr("Select an opinion first.", self.lang), severity="warning")
            return None
        return self.opinions[key]

    def _select(self, question_id: int) -> None:
        self.main.query_one("#opinions", LiveTable).select(str(question_id))

    # --- the keys ---

    def action_import_opinions(self) -> None:
        def read(values: dict[str, Any]) -> ImportResult:
            text = str(values["path"]).strip()
            if not text:
                raise UserError("Name a file or a folder.")
            path = Path(text).expanduser()
            result = import_csv(self.store, "opinions", path, self.meeting_id)
            said = tr(
                "Imported {added} rows; skipped {skipped} already present.",
                self.lang,
                added=result.added,
                skipped=result.skipped,
            )
            self.notify(escape(said), timeout=8)
            return result

        self.open_dialog(forms.import_dialog(self.lang, read))

    def action_add(self) -> None:
        dialog = forms.add_opinion(self.store, self.meeting, self.lang)

        def added(saved: bool | None) -> None:
            self.refresh_all()
            if saved and dialog.saved:
                self._select(dialog.saved["id"])

        self.push_screen(dialog, added)

    def action_groups(self) -> None:
        def propose() -> list[Proposed]:
            found = prepare.proposals(self.store, self.meeting_id)
            sizes = {o.row["id"]: o for o in prepare.opinions(self.store, self.meeting_id)}
            return [
                Proposed(
                    proposal.score,
                    [
                        {
                            "id": r["id"],
                            "field": r["field"],
                            "summary": r["summary"],
                            "people": sizes[r["id"]].people,
                            "place": rows.place_of(sizes[r["id"]], self.lang),
                        }
                        for r in members
                    ],
                )
                for proposal, members in found
            ]

        def confirm(ids: list[int]) -> None:
            head = prepare.group(self.store, ids)
            self.refresh_all()
            said = tr(
                "Question {head} now stands for {ids}.",
                self.lang,
                head=head["id"],
                ids=", ".join(map(str, ids)),
            )
            self.notify(escape(said))

        self.push_screen(GroupsView(propose, confirm, self.lang), lambda _: self.refresh_all())

    def action_ungroup(self) -> None:
        if opinion := self.selected():
            freed = self.run_core(lambda: prepare.ungroup(self.store, opinion.row["id"]))
            if freed:
                said = tr("Standing alone again: {ids}.", self.lang, ids=", ".join(map(str, freed)))
                self.notify(escape(said))

    def action_assign(self) -> None:
        if opinion := self.selected():
            self.open_dialog(forms.assign(self.store, self.meeting, opinion.row, self.lang))

    def action_answer(self) -> None:
        if opinion := self.selected():
            self.open_dialog(forms.answer(self.store, opinion.row, self.lang))

    def action_requests(self) -> None:
        def write(values: dict[str, Any]) -> list[Path]:
            folder = Path(str(values["folder"]).strip() or ".").expanduser()
            written = [  # each body's request, its cover letter (.docx) beside it
                request
                for request, _ in write_requests_and_letters(
                    self.store, self.meeting_id, folder, self.lang, dt.date.today()
                )
            ]
            self.call_after_refresh(self._written, folder, written)
            return written

        self.open_dialog(forms.folder_dialog(self.meeting_id, self.lang, write))

    def _written(self, folder: Path, written: list[Path]) -> None:
        said = trn(
            "{n} file written in {folder}.",
            "{n} files written in {folder}.",
            len(written),
            self.lang,
            folder=str(folder),
        )
        self.notify(escape(said), timeout=8)

    def action_read_answers(self) -> None:
        def read(values: dict[str, Any]) -> None:
            text = str(values["path"]).strip()
            if not text:
                raise UserError("Name a file or a folder.")
            path = Path(text).expanduser()
            files = sorted(path.glob("*.xlsx")) if path.is_dir() else [path]
            if not files:
                raise UserError("No .xlsx file in {folder}.", folder=str(path))
            lines = [self._read_one(file) for file in files]
            self.call_after_refresh(
                self.push_screen, TextView(tr("Answers read back", self.lang), lines, self.lang)
            )

        self.open_dialog(forms.path_dialog(self.lang, read))

    def _read_one(self, path: Path) -> str:
        try:
            result = read_answers(self.store, path)
        except UserError as error:
            return "[red]" + escape(error.message(self.lang)) + "[/red]"
        return escape(
            tr(
                "{path} ({body}): {stored} answers stored, {unchanged} already in, {empty} rows without an answer.",
                self.lang,
                path=path.name,
                body=result.body,
                stored=result.stored,
                unchanged=result.unchanged,
                empty=result.empty,
            )
        )

    def action_bodies(self) -> None:
        found = prepare.opinions(self.store, self.meeting_id, self.day)
        by_body: dict[str, list[prepare.Opinion]] = {}
        for opinion in found:
            if opinion.row["prep_body_name"]:
                by_body.setdefault(opinion.row["prep_body_name"], []).append(opinion)
        lines = [
            BodyLine(
                body,
                len(mine),
                sum(o.status == "answered" for o in mine),
                sum(o.status == "waiting" for o in mine),
                sum(o.status == "late" for o in mine),
                min(o.row["prep_due"] for o in mine),
            )
            for body, mine in sorted(
                by_body.items(),
                key=lambda item: (-sum(o.status == "late" for o in item[1]), item[0]),
            )
        ]
        self.push_screen(BodiesView(lines, self.lang), self._only_body)

    def _only_body(self, body: str | None) -> None:
        if body:
            self.text = body
            self.query_one("#find", Input).value = body
            self.refresh_all()

    def action_find(self) -> None:
        self.query_one("#find", Input).focus()

    @on(Input.Submitted, "#find")
    def filter_text(self, event: Input.Submitted) -> None:
        self.text = event.value.strip()
        self.query_one("#opinions", LiveTable).focus()
        self.refresh_all()


def make_prepare_app(
    settings: Settings, meeting_id: int | None = None, today: dt.date | None = None
) -> PrepareApp:
    """The screen for the CLI, the tests and the screenshots; keys in the interface
    language."""
    return localized(PrepareApp, settings.language, tuple(KEYS))(settings, meeting_id, today)
