"""What a pilot test sees: the text the top screen draws, line by line."""

from __future__ import annotations

from typing import Any

from tui.textual_private import rendered_strips


def screen_text(app: Any) -> str:
    return "\n".join(strip.text for strip in rendered_strips(app.screen))
