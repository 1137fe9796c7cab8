"""A push button whose words wrap onto more lines instead of being cut off (chapter titles, choice cards).

QPushButton never wraps, so the text sits in a word-wrapped QLabel inside it; the button reports the
height its words need at a given width, so layouts give it room.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy

from kiosk.ui.layout import repolish


class WrapButton(QPushButton):
    def __init__(self, text: str = "", parent=None):
        super().__init__(parent)
        self.words = QLabel(text, self)
        self.words.setWordWrap(True)
        self.words.setTextFormat(Qt.PlainText)
        self.words.setAttribute(Qt.WA_TransparentForMouseEvents)
        self.words.setProperty("role", "button-text")
        self._mark = QLabel(self)        # the tick, drawn before the words (QPushButton would centre it)
        self._mark.setAttribute(Qt.WA_TransparentForMouseEvents)
        self._mark.hide()
        self._icon: QIcon | None = None
        self._layout = QHBoxLayout(self)
        self._layout.addWidget(self._mark, 0, Qt.AlignVCenter)
        self._layout.addWidget(self.words, 1)
        policy = QSizePolicy(QSizePolicy.Expanding, QSizePolicy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.toggled.connect(self.sync_text_style)

    def setIcon(self, icon: QIcon) -> None:  # noqa: N802 (Qt override: shown by our own label, not centred)
        self._icon = icon
        self._mark.show()
        self._show_mark()

    def setIconSize(self, size: QSize) -> None:  # noqa: N802 (Qt override)
        self._mark.setFixedSize(size)
        self._show_mark()

    def _show_mark(self) -> None:
        if self._icon is not None:
            state = QIcon.On if self.isChecked() else QIcon.Off
            mode = QIcon.Normal if self.isEnabled() else QIcon.Disabled
            self._mark.setPixmap(self._icon.pixmap(self._mark.size(), mode, state))

    def sync_text_style(self, *_args) -> None:
        """Qt stylesheets ignore an ancestor's :checked/:disabled, so the words carry the state themselves."""
        self._show_mark()
        state = "disabled" if not self.isEnabled() else "checked" if self.isChecked() else "normal"
        role = self.property("role") or ""
        if (self.words.property("state"), self.words.property("button_role")) != (state, role):
            self.words.setProperty("state", state)
            self.words.setProperty("button_role", role)
            repolish(self.words)

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().changeEvent(event)
        if event.type() == QEvent.EnabledChange:
            self.sync_text_style()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        self.sync_text_style()
        super().showEvent(event)

    def setText(self, text: str) -> None:  # noqa: N802 (Qt override)
        self.words.setText(text)
        self.setAccessibleName(text)
        self.updateGeometry()

    def text(self) -> str:
        return self.words.text()

    def set_alignment(self, alignment: Qt.AlignmentFlag) -> None:
        self.words.setAlignment(alignment | Qt.AlignVCenter)

    def set_padding(self, vertical: int, horizontal: int) -> None:
        self._layout.setContentsMargins(horizontal, vertical, horizontal, vertical)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt override)
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt override)
        return max(self.minimumHeight(), self._layout.totalHeightForWidth(width))

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        hint = self._layout.totalSizeHint()
        return QSize(hint.width(), max(self.minimumHeight(), hint.height()))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return QSize(self.minimumHeight(), self.minimumHeight())
