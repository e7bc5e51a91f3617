"""A text field that composes Vietnamese as it is typed (Telex or VNI, shared.telex).

The mode is the station's setting (`typing` in hallkit.toml; Telex in Vietnamese, off in
English); the kiosk can switch it on its form (`mode`). A pasted text, a letter an input
method has already composed, a password, a field restricted to digits: inserted as they
come, never composed.
"""

from __future__ import annotations

from textual import events
from textual.app import App
from textual.widgets import Input, TextArea

from shared.telex import Composer
from tui.textual_private import restart_blink


def station_mode(app: App[object]) -> str:
    """The app's typing mode: its own (the kiosk switches it), else its settings'."""
    settings = getattr(app, "settings", None)
    return str(getattr(app, "typing_mode", None) or getattr(settings, "typing_mode", "off"))


class TelexInput(Input):
    """An Input whose typed keys compose Vietnamese in the station's typing mode;
    `composes=False` for a code typed as it is (a document number: "77/CAX" is no "CÃ")."""

    def __init__(self, *args: object, composes: bool = True, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.composer = Composer("off")
        self.composes = composes

    @property
    def typing_mode(self) -> str:
        plain = not self.composes or self.password or self.restrict or self.type != "text"
        return "off" if plain else station_mode(self.app)

    async def on_key(self, event: events.Key) -> None:
        character = event.character
        if event.is_printable and character and self.selection.is_empty:
            self.composer.mode = self.typing_mode
            cursor = self.cursor_position
            edit = self.composer.key(self.value[:cursor], character)
            if edit is not None:
                event.stop()
                event.prevent_default()
                restart_blink(self)
                replaced, word = edit
                self.replace(word, cursor - replaced, cursor)


class TelexTextArea(TextArea):
    """A TextArea whose typed keys compose Vietnamese in the station's typing mode."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.composer = Composer("off")

    async def on_key(self, event: events.Key) -> None:
        character = event.character
        if event.is_printable and character and self.selection.is_empty and not self.read_only:
            self.composer.mode = station_mode(self.app)
            row, column = self.cursor_location
            line = self.document.get_line(row)
            edit = self.composer.key(line[:column], character)
            if edit is not None:
                event.stop()
                event.prevent_default()
                replaced, word = edit
                self.replace(word, (row, column - replaced), (row, column))
