"""The console's keys, each with an id so a keymap can change it, labelled per language."""

from __future__ import annotations

from textual.binding import Binding, BindingType

KEYS = [
    # key, action, id, Vietnamese, English
    ("n", "call_next", "call-next", "Gọi tiếp", "Call next"),
    ("g", "call_number", "call-number", "Gọi số", "Call no."),
    ("s", "start", "timer-start", "Bắt đầu", "Start"),
    ("p", "pause", "timer-pause", "Dừng/tiếp", "Pause"),
    ("e", "stop", "timer-stop", "Kết thúc", "End"),
    ("a", "no_show", "no-show", "Vắng", "No-show"),
    ("r", "recall", "recall", "Gọi lại", "Recall"),
    ("w", "withdraw", "withdraw", "Rút", "Withdraw"),
    ("left_square_bracket", "move_up", "move-up", "Lên", "Up"),
    ("right_square_bracket", "move_down", "move-down", "Xuống", "Down"),
    ("m", "move_to", "move-to", "Đến vị trí", "Move to"),
    ("i", "walk_in", "walk-in", "Thêm người", "Walk-in"),
    ("t", "written", "written-question", "Câu hỏi viết", "Written"),
    ("q", "question", "add-question", "Ghi câu hỏi", "Question"),
    ("o", "outcome", "set-outcome", "Kết quả", "Outcome"),
    ("slash", "find", "find", "Tìm/quét", "Find/scan"),
    ("k", "reprint", "reprint", "In lại", "Reprint"),
    ("l", "toggle_registration", "toggle-registration", "Mở/đóng ĐK", "Registration"),
    ("u", "undo", "undo", "Hoàn tác", "Undo"),
    ("greater_than_sign", "next_step", "next-step", "Bước tiếp", "Next step"),
    ("c", "conclusion", "conclusion", "Kết luận", "Conclusion"),
]


def bindings(lang: str) -> list[BindingType]:
    return [
        Binding(key, action, vi if lang == "vi" else en, id=binding_id)
        for key, action, binding_id, vi, en in KEYS
    ]
