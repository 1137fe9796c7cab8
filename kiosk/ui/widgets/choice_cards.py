"""Big choice cards for single, yes/no and multi questions. A tick and a fill mark the chosen ones."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QGridLayout, QSizePolicy, QWidget

from kiosk.content.model import KIND_YES_NO, MULTI_KINDS
from kiosk.survey.values import toggle_choice
from kiosk.ui.layout import button, hbox
from kiosk.ui.widgets.answer_widget import AnswerWidget
from kiosk.ui.widgets.icons import tick_icon


class ChoiceCards(AnswerWidget):
    def __init__(self, question, ui, language, theme):
        super().__init__(question, ui, language, theme)
        self.multi = question.kind in MULTI_KINDS
        self._chosen: tuple[str, ...] = ()
        if question.kind == KIND_YES_NO:
            labels = [("yes", self.words("choice.yes")), ("no", self.words("choice.no"))]
        else:
            labels = [(choice.id, choice.label[language]) for choice in question.choices]
        self.cards = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(theme.gap_px)
        # Exclusive choices of a long list ("None of these", "Not sure") stay in view below it, never scrolled
        # away: on the safety question a patient with no red flags must find "None of these" at once.
        exclusive = {c.id for c in question.choices if c.exclusive} if self.multi and len(labels) > 4 else set()
        self._pinned = QWidget() if exclusive else None
        pinned_row = hbox(spacing=theme.gap_px, margins=0, parent=self._pinned) if exclusive else None
        listed = [(choice_id, text) for choice_id, text in labels if choice_id not in exclusive]
        columns = 1 if len(labels) <= 3 and not self.multi else 2   # row by row: left/right pairs sit side by side
        icon_px = max(24, theme.body_px)
        for index, (choice_id, text) in enumerate([*listed, *[(c, t) for c, t in labels if c in exclusive]]):
            card = button("choice", text, lambda choice_id=choice_id: self._tapped(choice_id),
                          name=f"choice_{choice_id}", checkable=True, wrap=True)
            card.setMinimumHeight(round(theme.target_px * 1.15))
            card.set_padding(max(8, theme.gap_px // 2), theme.gap_px)
            card.setIcon(tick_icon(theme.palette.on_selected, icon_px * 2))
            card.setIconSize(QSize(icon_px, icon_px))
            card.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Preferred)
            if choice_id in exclusive:
                pinned_row.addWidget(card)
            else:
                grid.addWidget(card, index // columns, index % columns)
            self.cards[choice_id] = card

    def pinned_area(self) -> QWidget | None:
        return self._pinned

    def _tapped(self, choice_id: str) -> None:
        if self.multi:
            self._chosen = toggle_choice(self.question, self._chosen, choice_id)
        else:
            self._chosen = (choice_id,)
        self._show_chosen()
        self.changed.emit(self.answer())
        if not self.multi:
            self.committed.emit()

    def show_answer(self, value: Any) -> None:
        self._chosen = () if value is None else tuple(value) if isinstance(value, tuple) else (value,)
        self._show_chosen()

    def answer(self) -> Any:
        if self.multi:
            return self._chosen or None
        return self._chosen[0] if self._chosen else None

    def _show_chosen(self) -> None:
        for choice_id, card in self.cards.items():
            card.setChecked(choice_id in self._chosen)
