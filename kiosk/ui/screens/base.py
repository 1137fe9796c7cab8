"""What every screen offers the shell: new words, a new theme, a clean slate, and notice of being shown."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QPushButton, QWidget

from kiosk.content.model import Content
from kiosk.ui.theme import Theme


class KioskScreen(QWidget):
    listen_requested = Signal()          # the patient asked for speech (spec §7)
    listen_button: QPushButton | None = None   # a patient screen's Listen control

    def __init__(self, content: Content | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.content = content
        self.language = content.languages[0] if content else ""   # a staff screen: English words of its own

    def ui_text(self, key: str, **values: object) -> str:
        return self.content.ui.get(key, self.language, **values)

    def set_language(self, language: str) -> None:
        """Switch every string on this screen at once."""
        self.language = language
        self.retranslate()

    def retranslate(self) -> None:
        """Set every patient-facing string from content in self.language."""

    def apply_theme(self, theme: Theme) -> None:
        """Sizes the stylesheet cannot express (pictures, spacing)."""

    def reset(self) -> None:
        """Forget everything of the visit that ended (privacy: no answer may stay in a widget)."""

    def entered(self) -> None:
        """The screen has just been shown."""

    def left(self) -> None:
        """The screen has just been hidden."""

    def show_listening(self, on: bool) -> None:
        """Speech is on (or off) for the visit: the Listen control shows it."""
        if self.listen_button is not None:
            self.listen_button.setChecked(on)

    def first_controls(self) -> list:
        """Where keys start on this screen, in order (its answers); empty: the top-left control."""
        return []
