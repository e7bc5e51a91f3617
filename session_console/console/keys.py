"""The console's keys, each with an id so a keymap can change it, labelled per language."""

from __future__ import annotations

from functools import cache

from textual.app import App
from textual.binding import Binding, BindingType

from shared.i18n import N_, tr

KEYS = [
    # key, action, id, label
    ("n", "call_next", "call-next", N_("Call next")),
    ("g", "call_number", "call-number", N_("Call no.")),
    ("s", "start", "timer-start", N_("Start")),
    ("p", "pause", "timer-pause", N_("Pause")),
    ("e", "stop", "timer-stop", N_("End")),
    ("a", "no_show", "no-show", N_("No-show")),
    ("r", "recall", "recall", N_("Recall")),
    ("w", "withdraw", "withdraw", N_("Withdraw")),
    ("left_square_bracket", "move_up", "move-up", N_("Up")),
    ("right_square_bracket", "move_down", "move-down", N_("Down")),
    ("m", "move_to", "move-to", N_("Move to")),
    ("i", "walk_in", "walk-in", N_("Walk-in")),
    ("t", "written", "written-question", N_("Written")),
    ("v", "written_list", "written-list", N_("Written questions")),
    ("q", "question", "add-question", N_("Question")),
    ("o", "outcome", "set-outcome", N_("Outcome")),
    ("slash", "find", "find", N_("Find/scan")),
    ("k", "reprint", "reprint", N_("Reprint")),
    ("l", "toggle_registration", "toggle-registration", N_("Registration")),
    ("u", "undo", "undo", N_("Undo")),
    ("greater_than_sign", "next_step", "next-step", N_("Next step")),
    ("c", "conclusion", "conclusion", N_("Conclusion")),
    ("j", "link", "link-opinion", N_("Gathered")),
]


Keys = list[tuple[str, str, str, str]]


def station_bindings(lang: str) -> list[BindingType]:
    """What every station has: the list of its keys (F1 or ?), the command palette and a
    way out, named in `lang` (Textual's own are in English)."""
    return [
        Binding("f1", "help", tr("Help", lang), key_display="F1", id="help"),
        Binding("question_mark", "help", tr("Help", lang), show=False, id="help-question"),
        Binding(
            "ctrl+p",
            "command_palette",
            tr("Commands", lang),
            show=False,
            priority=True,
            id="command-palette",
        ),
        Binding("ctrl+q", "quit", tr("Quit", lang), show=False, priority=True, id="quit"),
    ]


def bindings(lang: str, keys: Keys = KEYS) -> list[BindingType]:
    """Bindings labelled in `lang`: the station's, then (key, action, id, label msgid) rows."""
    return station_bindings(lang) + [
        Binding(key, action, tr(label, lang), id=binding_id)
        for key, action, binding_id, label in keys
    ]


@cache
def localized(app: type[App[None]], lang: str, keys: tuple[tuple[str, str, str, str], ...]) -> type:
    """`app` with its keys labelled in `lang` (Textual reads BINDINGS from the class)."""
    namespace = {"BINDINGS": bindings(lang, list(keys)), "__module__": app.__module__}
    return type(app.__name__, (app,), namespace)
