"""`hallkit followup`: every open item across meetings, until it is answered and the
citizen told. Overdue items are marked; each key is one core call and one event."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from rich.markup import escape
from rich.text import Text
from textual import on
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.css.query import NoMatches
from textual.widgets import Footer, Input, Static

from session_console.console.dialogs import Field, FormDialog
from session_console.widgets import LiveTable
from shared import followup as fu
from shared.config import Settings
from shared.db import ChangeSignal, Store, open_store
from shared.i18n import UserError
from shared.reference import list_bodies
from shared.text import matches

KEYS = [
    ("i", "start", "followup-start", "Đang xử lý", "In progress"),
    ("a", "answer", "followup-answer", "Đã trả lời", "Answered"),
    ("x", "extend", "followup-extend", "Gia hạn", "Extend"),
    ("t", "transfer", "followup-transfer", "Chuyển tiếp", "Transfer"),
    ("n", "inform", "followup-inform", "Đã báo dân", "Informed"),
    ("s", "satisfaction", "followup-satisfaction", "Hài lòng?", "Satisfaction"),
    ("h", "history", "followup-history", "Lịch sử", "History"),
    ("o", "toggle_overdue", "followup-overdue", "Chỉ quá hạn", "Overdue only"),
    ("d", "toggle_due", "followup-due", "Hạn trong 5 ngày", "Due in 5 days"),
    ("slash", "find", "followup-find", "Lọc", "Filter"),
]


class FollowupApp(App[None]):
    TITLE = "hallkit"
    BINDINGS = [Binding(key, action, vi, id=binding_id) for key, action, binding_id, vi, _ in KEYS]
    CSS = """
    #filters { height: 1; background: $primary-darken-2; padding: 0 1; }
    #items { height: 1fr; }
    #find { dock: bottom; margin-bottom: 1; }
    FormDialog { align: center middle; }
    FormDialog #dialog-box { width: 80; height: auto; max-height: 90%;
                             border: thick $primary; background: $surface; padding: 0 1; }
    FormDialog #dialog-error { color: $error; }
    FormDialog #dialog-buttons { height: 3; align: right middle; }
    FormDialog TextArea { height: 12; }
    """

    def __init__(self, settings: Settings, today: dt.date | None = None) -> None:
        super().__init__()
        self.settings = settings
        self.lang = settings.language
        self.today = today
        self.overdue_only = False
        self.due_soon = False
        self.text = ""
        self.rows: dict[str, dict[str, Any]] = {}

    def compose(self) -> ComposeResult:
        yield Static(id="filters")
        yield LiveTable(
            [
                ("id", "#"),
                ("state", ""),
                ("deadline", "Hạn"),
                ("body", "Cơ quan"),
                ("citizen", "Công dân"),
                ("summary", "Nội dung"),
                ("progress", "Tiến độ"),
            ],
            id="items",
        )
        yield Input(placeholder="Lọc theo tên, cơ quan, nội dung (không cần dấu)…", id="find")
        yield Footer()

    def on_mount(self) -> None:
        self.store: Store = open_store(self.settings.db_path, self.settings.station)
        self.signal = ChangeSignal(self.store)
        self.refresh_all()
        self.query_one("#items", LiveTable).focus()
        self.set_interval(0.5, self.poll)

    def on_unmount(self) -> None:
        self.store.close()

    def poll(self) -> None:
        if self.signal.changed():
            try:
                self.refresh_all()
            except (NoMatches, IndexError):
                if self.is_running and self.screen_stack and self.screen_stack[0].children:
                    raise  # only a closing app may have lost its widgets

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
        table = self.screen_stack[0].query_one("#items", LiveTable)
        table.sync([(str(r["id"]), self._cells(r)) for r in found])
        state = [f"{len(found)} kiến nghị đang mở"]
        if self.overdue_only:
            state.append("chỉ quá hạn")
        if self.due_soon:
            state.append("hạn trong 5 ngày làm việc")
        if self.text:
            state.append(f"lọc: {self.text}")
        self.screen_stack[0].query_one("#filters", Static).update(escape(" · ".join(state)))

    def _cells(self, row: dict[str, Any]) -> tuple[Any, ...]:
        mark = Text("QUÁ HẠN", style="bold red") if row["overdue"] else ""
        return (
            str(row["id"]),
            mark,
            row["deadline"],
            row["body_name"],
            row["citizen"] or "",
            row["summary"],
            row["progress"] or "mới",
        )

    def selected(self) -> dict[str, Any] | None:
        key = self.screen_stack[0].query_one("#items", LiveTable).selected_key()
        if key is None or key not in self.rows:
            self.notify("Chọn một kiến nghị trước.", severity="warning")
            return None
        return self.rows[key]

    def _core(self, action: Callable[[], Any]) -> None:
        try:
            action()
        except UserError as error:
            self.bell()
            self.notify(escape(error.message(self.lang)), severity="error")
        self.refresh_all()

    def _dialog(
        self, title: str, fields: list[Field], save: Callable[[dict[str, Any]], Any]
    ) -> None:
        self.push_screen(
            FormDialog(title, fields, save, self.lang), lambda _saved: self.refresh_all()
        )

    def action_start(self) -> None:
        if item := self.selected():
            self._core(lambda: fu.start(self.store, item["id"]))

    def action_answer(self) -> None:
        if item := self.selected():
            self._dialog(
                f"Trả lời kiến nghị #{item['id']}",
                [
                    Field("on", "Ngày trả lời", value=dt.date.today().strftime("%d/%m/%Y")),
                    Field("document", "Số văn bản"),
                    Field("summary", "Nội dung trả lời"),
                ],
                lambda v: fu.answer(self.store, item["id"], **v),
            )

    def action_extend(self) -> None:
        if item := self.selected():
            self._dialog(
                f"Gia hạn kiến nghị #{item['id']} (hạn hiện tại {item['deadline']})",
                [
                    Field("deadline", "Hạn mới"),
                    Field("reason", "Lý do"),
                ],
                lambda v: fu.extend(self.store, item["id"], **v),
            )

    def action_transfer(self) -> None:
        if item := self.selected():
            bodies = [b["name"] for b in list_bodies(self.store)]
            self._dialog(
                f"Chuyển tiếp kiến nghị #{item['id']}",
                [Field("body", "Cơ quan", suggestions=bodies)],
                lambda v: fu.transfer(self.store, item["id"], **v),
            )

    def action_inform(self) -> None:
        if item := self.selected():
            self._dialog(
                f"Đã thông báo cho công dân — kiến nghị #{item['id']}",
                [
                    Field("on", "Ngày thông báo", value=dt.date.today().strftime("%d/%m/%Y")),
                    Field("how", "Hình thức (văn bản, điện thoại, trực tiếp)"),
                ],
                lambda v: fu.inform(self.store, item["id"], **v),
            )

    def action_satisfaction(self) -> None:
        if item := self.selected():
            options = [
                ("Hài lòng", "satisfied"),
                ("Chưa hài lòng", "not_satisfied"),
                ("Chưa hỏi", "not_asked"),
            ]
            self._dialog(
                f"Mức độ hài lòng — kiến nghị #{item['id']}",
                [Field("level", "Công dân", "select", "satisfied", options)],
                lambda v: fu.rate(self.store, item["id"], v["level"]),
            )

    def action_history(self) -> None:
        if item := self.selected():
            lines = [f"{e['at'][:16]}  {e['kind']}" for e in fu.history(self.store, item["id"])]
            self._dialog(
                f"Lịch sử kiến nghị #{item['id']}",
                [Field("log", "", "area", "\n".join(lines))],
                lambda _v: None,
            )

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


FollowupApp.BINDINGS = [
    Binding(key, action, vi, id=binding_id) for key, action, binding_id, vi, _ in KEYS
]


def make_followup_app(settings: Settings, today: dt.date | None = None) -> FollowupApp:
    return FollowupApp(settings, today)
