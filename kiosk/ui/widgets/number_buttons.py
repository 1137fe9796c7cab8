"""Numbered buttons for 0-10 pain scales (with word anchors, never faces) and 0-7 counts."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSizePolicy

from kiosk.content.model import KIND_SCALE
from kiosk.ui.accessible import mark_one_of
from kiosk.ui.layout import button, hbox, label, vbox
from kiosk.ui.widgets.answer_widget import AnswerWidget


class NumberButtons(AnswerWidget):
    def __init__(self, question, ui, language, theme, parent=None):
        super().__init__(question, ui, language, theme, parent)
        self._value: int | None = None
        self.buttons = {}
        for number in range(question.min, question.max + 1):
            # checkable and one of the row before it has words: a screen reader's interface is made at the first
            # event (the text) and kept (kiosk/ui/accessible.py)
            key = button("choice", "", lambda number=number: self._tapped(number), name=f"number_{number}",
                         checkable=True)
            mark_one_of(key)
            key.setText(str(number))
            key.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Fixed)
            key.setMinimumHeight(round(theme.target_px * 1.3))
            key.setStyleSheet(f"font-size: {theme.heading_px}px;")
            self.buttons[number] = key
        row = hbox(*self.buttons.values(), spacing=max(8, theme.gap_px // 2), margins=0)
        anchors = None
        if question.kind == KIND_SCALE and (question.low_label or question.high_label):
            low = label("body", f"{question.min} = {question.low_label[language]}" if question.low_label else "")
            high = label("body", f"{question.max} = {question.high_label[language]}" if question.high_label else "",
                         align=Qt.AlignRight)
            # two equal halves, both from the top: a 10-anchor that wraps stays in line with the 0-anchor
            low.setAlignment(Qt.AlignLeft | Qt.AlignTop)
            high.setAlignment(Qt.AlignRight | Qt.AlignTop)
            anchors = hbox(low, high, spacing=theme.gap_px * 2, margins=0)
            anchors.setStretch(0, 1)
            anchors.setStretch(1, 1)
            anchors.setAlignment(low, Qt.AlignTop)
            anchors.setAlignment(high, Qt.AlignTop)
        vbox(row, anchors, 1, spacing=theme.gap_px, margins=0, parent=self)

    def _tapped(self, number: int) -> None:
        self._value = number
        self._show_value()
        self.changed.emit(number)
        self.committed.emit()

    def controls(self) -> dict:
        return {str(number): key for number, key in self.buttons.items()}

    def show_answer(self, value: Any) -> None:
        self._value = value
        self._show_value()

    def answer(self) -> Any:
        return self._value

    def _show_value(self) -> None:
        for number, key in self.buttons.items():
            key.setChecked(number == self._value)
