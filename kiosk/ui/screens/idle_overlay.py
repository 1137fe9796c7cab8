"""The "Are you still there?" overlay: dims the screen, counts down, and one big button buys more time.

Any touch or key press during the countdown counts as "more time" too (spec §6): the overlay covers the whole
window, so every touch lands on it (never on the screen beneath, where it could answer a question), and it holds
the keyboard focus while it shows."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QSizePolicy, QWidget

from kiosk.ui.layout import button, card, hbox, label, vbox
from kiosk.ui.theme import Theme


class IdleOverlay(QWidget):
    more_time_requested = Signal()

    def __init__(self, content, parent: QWidget):
        super().__init__(parent)
        self.setObjectName("IdleOverlay")
        self.setProperty("role", "scrim")
        self.setAttribute(Qt.WA_StyledBackground)
        self.setFocusPolicy(Qt.StrongFocus)
        self.content = content
        self.language = content.languages[0]
        self.seconds_left = 0
        self.title = label("heading", align=Qt.AlignCenter)
        self.message = label("body", align=Qt.AlignCenter, name="idle_message")
        self.more_time_button = button("primary", on_click=self.more_time_requested.emit, name="more_time_button")
        self.more_time_button.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Fixed)
        self.box = card("overlay-card")
        self.box_layout = vbox(self.title, self.message, self.more_time_button, parent=self.box)
        self.outer = vbox(1, hbox(1, self.box, 1), 1, parent=self)
        self.hide()

    def show_countdown(self, seconds_left: int) -> None:
        self.seconds_left = seconds_left
        self._update_message()
        self.setGeometry(self.parentWidget().rect())
        self.raise_()
        if not self.isVisible():
            self.show()
            self.setFocus()   # a key press comes here, not to a control beneath

    def set_language(self, language: str) -> None:
        self.language = language
        self.title.setText(self.content.ui.get("idle.title", language))
        self.setAccessibleName(self.title.text())   # it takes the focus: a screen reader says what asks
        self.more_time_button.setText(self.content.ui.get("idle.more_time", language))
        self._update_message()

    def apply_theme(self, theme: Theme) -> None:
        self.box.setMinimumWidth(round(theme.width * 0.5))
        self.box.setMaximumWidth(round(theme.width * 0.75))
        gap = theme.gap_px
        self.box_layout.setContentsMargins(gap * 3, gap * 2, gap * 3, gap * 3)
        self.box_layout.setSpacing(gap * 2)
        self.more_time_button.setMinimumHeight(round(theme.target_px * 1.4))

    def _update_message(self) -> None:
        self.message.setText(self.content.ui.get("idle.message", self.language, seconds=self.seconds_left))

    # --- any touch or key counts as "more time" ----------------------------------------------------------

    def mousePressEvent(self, event) -> None:  # noqa: N802 (Qt override): touches arrive as presses too
        event.accept()
        self.more_time_requested.emit()

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt override)
        event.accept()
        self.more_time_requested.emit()
