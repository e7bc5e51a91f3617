"""A footer that shows whole keys only: the station's most used keys that fit the width,
F1 (every key) always among them. Textual's Footer squeezes every key into the width and
cuts their names ("n…i"), so at 100 or 140 columns most keys were nowhere."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.cells import cell_len
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Footer

from tui.textual_private import FooterKey, bindings_ready


def key_width(key: str, description: str) -> int:
    """Cells one key takes in the footer: " key " then "description " (FooterKey's padding)."""
    return cell_len(key) + 2 + cell_len(description) + 1


def fitting(
    keys: Sequence[tuple[str, str, str]], first: Sequence[str], width: int
) -> list[tuple[str, str, str]]:
    """The (action, key, description) rows to show in `width` cells: taken in the order of
    `first` (the most used actions), then the rest in declared order, while they fit;
    shown in declared order."""
    rank = {action: index for index, action in enumerate(first)}
    by_use = sorted(range(len(keys)), key=lambda i: (rank.get(keys[i][0], len(rank)), i))
    chosen: set[int] = set()
    used = 0
    for index in by_use:
        _action, key, description = keys[index]
        needed = key_width(key, description)
        if used + needed <= width:
            chosen.add(index)
            used += needed
    return [keys[index] for index in sorted(chosen)]


class FittingFooter(Footer):
    def __init__(self, first: Sequence[str] = ()) -> None:
        super().__init__(show_command_palette=False)
        self.first = tuple(first)

    def compose(self) -> ComposeResult:
        if not bindings_ready(self):
            return
        shown: dict[str, tuple[Binding, bool, str]] = {}
        for _node, binding, enabled, tooltip in self.screen.active_bindings.values():
            if binding.show and binding.description and binding.action not in shown:
                shown[binding.action] = (binding, enabled, tooltip)
        rows = [
            (action, self.app.get_key_display(binding), binding.description)
            for action, (binding, _enabled, _tooltip) in shown.items()
        ]
        width = self.app.size.width - 1  # the last cell stays empty: no key touches the edge
        kept = fitting(rows, self.first, width)
        self.styles.grid_size_columns = max(len(kept), 1)
        for action, key, description in kept:
            binding, enabled, tooltip = shown[action]
            item: Any = FooterKey(
                binding.key, key, description, action, disabled=not enabled, tooltip=tooltip
            )
            yield item.data_bind(compact=Footer.compact)

    def on_resize(self, _event: events.Resize) -> None:
        self.call_after_refresh(self.recompose)
