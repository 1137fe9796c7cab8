"""The kiosk's own on-screen keyboard for short text (a first name): never the operating system's.

Four rows of eleven: letters with the Spanish accents and ñ, an apostrophe and a hyphen for names like
O'Neil or Mary-Jo, then Space, Delete and Done. Words are capitalised as they are typed (ana maría -> Ana María).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QSizePolicy

from kiosk.ui.layout import button, card, label, vbox
from kiosk.ui.widgets.answer_widget import AnswerWidget

ROWS = ("QWERTYUIOPÁ", "ASDFGHJKLÑÉ", "ZXCVBNM'-ÍÓ", "ÚÜ")
WORD_BREAKS = (" ", "-", "'")


def typed(text: str, key: str, max_length: int) -> str:
    """The text after one key press (pure, so it is easy to test)."""
    if key == "delete":
        return text[:-1]
    if key == "space":
        key = " "
        if not text or text.endswith(" "):
            return text
    if len(text) >= max_length:
        return text
    starts_word = not text or text[-1] in WORD_BREAKS
    return text + (key.upper() if starts_word else key.lower())


class TextEntry(AnswerWidget):
    def __init__(self, question, ui, language, theme, parent=None):
        super().__init__(question, ui, language, theme, parent)
        self._text = ""
        self.display = label("heading", name="text_display")
        self.display.setAlignment(Qt.AlignVCenter | Qt.AlignLeft)
        self.display.setMinimumHeight(theme.target_px)
        self.display_box = card("overlay-card")
        vbox(self.display, margins=max(4, theme.gap_px // 3), parent=self.display_box)
        self.keys = {}
        grid = QGridLayout()
        grid.setSpacing(max(8, theme.gap_px // 2))
        columns = max(len(row) for row in ROWS)
        for row_index, row in enumerate(ROWS):
            for column, letter in enumerate(row):
                key = button("key", letter, lambda letter=letter: self.press(letter), name=f"key_{letter}")
                key.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Fixed)
                grid.addWidget(key, row_index, column)
                self.keys[letter] = key
        specials = [("space", "keyboard.space", 5), ("delete", "keyboard.delete", 2), ("done", "keyboard.done", 2)]
        column = len(ROWS[-1])
        for name, words_key, span in specials:
            role = "primary" if name == "done" else "key"
            key = button(role, self.words(words_key), lambda name=name: self.press(name), name=f"key_{name}")
            key.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Fixed)
            if role == "key":
                key.setStyleSheet(f"font-size: {theme.body_px}px;")
            grid.addWidget(key, len(ROWS) - 1, column, 1, span)
            self.keys[name] = key
            column += span
        for index in range(columns):
            grid.setColumnStretch(index, 1)
        # every key one height (letters are in heading type, Space and Delete in body type, Done is a button)
        pad_v = max(8, theme.target_px // 6)
        key_px = max(theme.target_px, round(theme.heading_px * 1.25) + 2 * (pad_v + theme.border_px))
        for key in self.keys.values():
            key.setFixedHeight(key_px)
        vbox(self.display_box, grid, 1, spacing=theme.gap_px, margins=0, parent=self)
        self._show()

    def press(self, key: str) -> None:
        if key == "done":
            if self._text.strip():
                self.committed.emit()
            return
        self._text = typed(self._text, key, self.question.max_length)
        self._show()
        self.changed.emit(self.answer())

    def type_key(self, key: str) -> bool:
        """A physical keyboard types as the on-screen keys do (spec §7): the same letters, and no others. Typing
        takes the focus to Done, so the Enter that ends a name is Done (arrows still reach every key)."""
        if key == "done":
            self.press(key)
            return True
        if key == " ":
            key = "space"
        elif key == "delete" or len(key) == 1 and key.upper() in self.keys:
            key = key if key == "delete" else key.upper()
        else:
            return False
        self.press(key)
        done = self.keys["done"]
        if done.isEnabled() and not done.hasFocus():
            done.setFocus(Qt.TabFocusReason)
        return True

    def show_answer(self, value: Any) -> None:
        self._text = value or ""
        self._show()

    def answer(self) -> Any:
        return self._text.strip() or None

    def _show(self) -> None:
        self.display.setText(self._text + "_")
        self.keys["done"].setEnabled(bool(self._text.strip()))
