"""The contract every answer widget keeps (after SurveyJS's renderers): the survey screen knows only this."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from kiosk.content.model import Question, UiStrings
from kiosk.ui.theme import Theme


class AnswerWidget(QWidget):
    changed = Signal(object)   # the answer now shown (None: no answer)
    committed = Signal()       # a one-tap question was answered: go on

    def __init__(self, question: Question, ui: UiStrings, language: str, theme: Theme):
        super().__init__()
        self.question, self.ui, self.language, self.theme = question, ui, language, theme

    def words(self, key: str, **values) -> str:
        return self.ui.get(key, self.language, **values)

    def show_answer(self, value: Any) -> None:
        """Show a previous answer (after Back, or when editing from the review)."""

    def answer(self) -> Any:
        raise NotImplementedError

    def pinned_area(self) -> QWidget | None:
        """Controls that must stay in view below a scrolling answer (e.g. "None of these"), or None."""
        return None
