"""Evaluating the condition language of kiosk.content.conditions against answers, and which answers count.

An unanswered question meets no test except `answered: false`. For multi-choice answers, `equals: X`
means X is among the chosen and `in: [...]` means any of them is.
"""

from __future__ import annotations

from typing import Any, Collection, Mapping

from kiosk.content.conditions import RESULT, SECTION, AllOf, AnyOf, Compare, Condition, Not, is_whole_number
from kiosk.content.model import Survey


def is_met(condition: Condition, answers: Mapping[str, Any], results: Mapping[str, Any] | None = None,
           sections: Collection[str] = ()) -> bool:
    """`results` (alert_level, mnsi_positive, ...) and the `sections` already included matter only to
    handout rules; the survey's own conditions name questions alone."""
    if isinstance(condition, AllOf):
        return all(is_met(part, answers, results, sections) for part in condition.parts)
    if isinstance(condition, AnyOf):
        return any(is_met(part, answers, results, sections) for part in condition.parts)
    if isinstance(condition, Not):
        return not is_met(condition.part, answers, results, sections)
    if condition.source == SECTION:
        return condition.name in sections
    if condition.source == RESULT:
        return _compare(condition, (results or {}).get(condition.name))
    return _compare(condition, answers.get(condition.name))


def _compare(condition: Compare, value: Any) -> bool:
    if condition.op == "answered":
        return (value is not None) == condition.value
    if value is None:
        return False
    chosen = value if isinstance(value, tuple) else (value,)
    if condition.op == "equals":
        return condition.value in chosen
    if condition.op == "in":
        return any(item in condition.value for item in chosen)
    if condition.op == "at_least":
        return is_whole_number(value) and value >= condition.value
    if condition.op == "at_most":
        return is_whole_number(value) and value <= condition.value
    raise ValueError(f"unknown condition test {condition.op!r}")


def visible_answers(survey: Survey, answers: Mapping[str, Any]) -> dict[str, Any]:
    """The answers that count: those of questions still shown, given the answers that count before them.

    Conditions only look at earlier questions, so one pass in survey order settles it (as SurveyJS does
    at finish: an answer to a question that became hidden is dropped)."""
    kept: dict[str, Any] = {}
    for question in survey.questions:
        if question.id in answers and (question.show_if is None or is_met(question.show_if, kept)):
            kept[question.id] = answers[question.id]
    return kept
