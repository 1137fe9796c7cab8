"""Destructive actions ask first (spec §6): "Start over" ("Erase all your answers?") and the staff panel's "Exit
the kiosk". An overlay over the whole window with the question and two buttons; keeping things as they are is the
default: it is the first, prominent button, and Escape, Enter or a tap beside the box keep them too. Only the
second button acts."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QSizePolicy, QWidget

from kiosk.ui.accessible import announce
from kiosk.ui.layout import button, card, hbox, label, vbox
from kiosk.ui.theme import Theme


class ConfirmOverlay(QWidget):
    kept = Signal()
    confirmed = Signal()

    def __init__(self, parent: QWidget, name: str = "confirm"):
        super().__init__(parent)
        self.setObjectName(name)
        self.setProperty("role", "scrim")
        self.setAttribute(Qt.WA_StyledBackground)
        self.setFocusPolicy(Qt.StrongFocus)
        self._on_confirm: Callable[[], None] | None = None
        self.title = label("heading", align=Qt.AlignCenter, name=f"{name}_title")
        self.message = label("body", align=Qt.AlignCenter, name=f"{name}_message")
        self.keep_button = button("primary", on_click=self.keep, name=f"{name}_keep")
        self.act_button = button("secondary", on_click=self._confirm, name=f"{name}_act")
        for choice in (self.keep_button, self.act_button):
            choice.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Fixed)
        self.box = card("overlay-card")
        self.box_layout = vbox(self.title, self.message, self.keep_button, self.act_button, parent=self.box)
        self.outer = vbox(1, hbox(1, self.box, 1), 1, parent=self)
        self.hide()

    def ask(self, title: str, keep_text: str, act_text: str, on_confirm: Callable[[], None],
            message: str = "", act_role: str = "secondary") -> None:
        self.title.setText(title)
        self.setAccessibleName(title)   # it takes the focus: a screen reader says what asks
        self.message.setText(message)
        self.message.setVisible(bool(message))
        self.keep_button.setText(keep_text)
        self.act_button.setText(act_text)
        if self.act_button.property("role") != act_role:
            self.act_button.setProperty("role", act_role)
            self.act_button.style().unpolish(self.act_button)
            self.act_button.style().polish(self.act_button)
        self._on_confirm = on_confirm
        self.setGeometry(self.parentWidget().rect())
        self.raise_()
        self.show()
        self.setFocus()
        announce(self, title, urgent=True)   # a question over the screen, asked now (spec §7)

    @property
    def asking(self) -> bool:
        return self.isVisible()

    def keep(self) -> None:
        self._on_confirm = None
        self.hide()
        self.kept.emit()

    def dismiss(self) -> None:
        """The screen changed under it (idle wipe, staff): forget the question without acting."""
        self._on_confirm = None
        self.hide()

    def _confirm(self) -> None:
        action, self._on_confirm = self._on_confirm, None
        self.hide()
        self.confirmed.emit()
        if action is not None:
            action()

    def apply_theme(self, theme: Theme) -> None:
        self.box.setMinimumWidth(round(theme.width * 0.45))
        self.box.setMaximumWidth(round(theme.width * 0.7))
        gap = theme.gap_px
        self.box_layout.setContentsMargins(gap * 3, gap * 2, gap * 3, gap * 3)
        self.box_layout.setSpacing(gap * 2)
        for choice in (self.keep_button, self.act_button):
            choice.setMinimumHeight(round(theme.target_px * 1.2))

    def follow_parent(self) -> None:
        if self.isVisible():
            self.setGeometry(self.parentWidget().rect())

    # --- a tap beside the box, or a key, keeps things as they are ---------------------------------------

    def mousePressEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if not self.box.geometry().contains(event.position().toPoint()):
            self.keep()
        event.accept()

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if event.key() in (Qt.Key_Escape, Qt.Key_Return, Qt.Key_Enter, Qt.Key_Space, Qt.Key_Back):
            self.keep()
        event.accept()
