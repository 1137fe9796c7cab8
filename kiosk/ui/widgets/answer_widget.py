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

    unsure_choice: str | None = None   # a "not_sure"/"prefer_not" choice the question screen shows for it
    page = 0

    def __init__(self, question: Question, ui: UiStrings, language: str, theme: Theme, parent=None):
        super().__init__(parent)
        self.question, self.ui, self.language, self.theme = question, ui, language, theme

    def words(self, key: str, **values) -> str:
        return self.ui.get(key, self.language, **values)

    def show_answer(self, value: Any) -> None:
        """Show a previous answer (after Back, or when editing from the review)."""

    def answer(self) -> Any:
        raise NotImplementedError

    def choose(self, choice_id: str) -> None:
        """Choose `unsure_choice` as a tap on it would."""

    def type_key(self, key: str) -> bool:
        """A physical keyboard typed `key` (a character, "delete" or "done"): True when this widget took it."""
        return False

    def controls(self) -> dict[str, QWidget]:
        """The widget of each choice, by the id the screen model gives it (kiosk/ui/says.py): the screen names
        them for screen readers from that model."""
        return {}

    # Pages: a widget whose answers do not fit the space shows them in pages (choice cards do).

    def fit_to(self, width: int, height: int) -> bool:
        """The space the screen has for the answers; True when the pages changed."""
        return False

    def page_count(self) -> int:
        return 1

    def has_next_page(self) -> bool:
        return False

    def show_page(self, index: int) -> None:
        """Show page `index` (0-based)."""
