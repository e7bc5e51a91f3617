"""Keys the kiosk's yes/no questions share."""

from __future__ import annotations

from textual.binding import Binding, BindingType


def arrow_keys(screen: str) -> list[BindingType]:
    """Left and right move between a question's buttons; ids "<screen>-left/-right"."""
    return [
        Binding("left", "app.focus_previous", show=False, id=f"{screen}-left"),
        Binding("right", "app.focus_next", show=False, id=f"{screen}-right"),
    ]
