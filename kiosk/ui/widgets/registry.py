"""Which widget answers which kind of question (a new kind registers here, and nowhere else)."""

from __future__ import annotations

from kiosk.content.model import (KIND_BODY_MAP, KIND_COUNT, KIND_MULTI, KIND_SCALE, KIND_SINGLE, KIND_TEXT,
                                 KIND_YES_NO, Question)
from kiosk.ui.widgets.answer_widget import AnswerWidget
from kiosk.ui.widgets.body_map import BodyMap
from kiosk.ui.widgets.choice_cards import ChoiceCards
from kiosk.ui.widgets.keyboard import TextEntry
from kiosk.ui.widgets.number_buttons import NumberButtons

WIDGETS: dict[str, type[AnswerWidget]] = {
    KIND_SINGLE: ChoiceCards,
    KIND_YES_NO: ChoiceCards,
    KIND_MULTI: ChoiceCards,
    KIND_SCALE: NumberButtons,
    KIND_COUNT: NumberButtons,
    KIND_BODY_MAP: BodyMap,
    KIND_TEXT: TextEntry,
}

# Kinds answered by one tap: the tap itself moves on to the next question.
ONE_TAP_KINDS = (KIND_SINGLE, KIND_YES_NO, KIND_SCALE, KIND_COUNT)


def answer_widget_for(question: Question, ui, language, theme, parent=None) -> AnswerWidget:
    """A new widget for `question`, made as a (hidden) child of `parent`: a widget made without a parent and
    given one later costs about a millisecond more."""
    return WIDGETS[question.kind](question, ui, language, theme, parent=parent)
