"""An answer as words a person reads: on the review screen, and in the clinician summary."""

from __future__ import annotations

from typing import Any

from kiosk.content.model import KIND_BODY_MAP, KIND_MULTI, KIND_SCALE, KIND_YES_NO, Question


def answer_in_words(question: Question, value: Any, skipped: bool, ui, language: str, joiner: str = ", ") -> str:
    """The answer as the patient would say it."""
    if value is None:
        return ui.get(f"survey.skip_{question.skip}", language) if skipped and question.skip else \
            ui.get("review.no_answer", language)
    if question.skip is not None and value == question.skip and value not in question.choice_ids():
        return ui.get(f"survey.skip_{question.skip}", language)  # "Not sure" is an answer, said as such
    if question.kind == KIND_YES_NO:
        return ui.get(f"choice.{value}", language)
    if question.kind in (KIND_MULTI, KIND_BODY_MAP):
        return joiner.join(question.choice(choice).label[language] for choice in value)
    if question.kind == KIND_SCALE:
        return f"{value} / {question.max}"
    if isinstance(value, int):
        return str(value)
    if question.choices:
        return question.choice(value).label[language]
    return str(value)
