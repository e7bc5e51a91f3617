"""A text field that composes Vietnamese as it is typed (Telex or VNI, shared.telex).

The mode is the station's setting (`typing` in hallkit.toml; Telex in Vietnamese, off in
English); the kiosk can switch it on its form (`mode`). A pasted text, a letter an input
method has already composed, a password, a field restricted to digits: inserted as they
come, never composed.
"""

from __future__ import annotations

from textual import events
from textual.widgets import Input

from shared.telex import Composer


class TelexInput(Input):
    """An Input whose typed keys compose Vietnamese in the station's typing mode."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.composer = Composer("off")

    @property
    def typing_mode(self) -> str:
        settings = getattr(self.app, "settings", None)
        mode = getattr(self.app, "typing_mode", None) or getattr(settings, "typing_mode", "off")
        return "off" if self.password or self.restrict or self.type != "text" else str(mode)

    async def _on_key(self, event: events.Key) -> None:
        character = event.character
        if event.is_printable and character and self.selection.is_empty:
            self.composer.mode = self.typing_mode
            cursor = self.cursor_position
            edit = self.composer.key(self.value[:cursor], character)
            if edit is not None:
                event.stop()
                event.prevent_default()
                self._restart_blink()
                replaced, word = edit
                self.replace(word, cursor - replaced, cursor)
                return
        await super()._on_key(event)
