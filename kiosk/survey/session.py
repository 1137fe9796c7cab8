"""One patient's pass through the survey: answer, next, back, skip, review, edit from review, finish.

Plain Python (the Electrum wizard idea): a back stack of question ids, the answers so far, and the rule
that only questions whose `show_if` holds are asked. Qt screens attach to this; tests drive it with dicts.
"""

from __future__ import annotations

from typing import Any

from kiosk.content.model import Question, Survey
from kiosk.survey.conditions import is_met, visible_answers
from kiosk.survey.values import check_answer

REVIEW = "__review__"


class SurveySession:
    def __init__(self, survey: Survey):
        self.survey = survey
        self._answers: dict[str, Any] = {}
        self._counting: dict[str, Any] | None = None   # visible_answers of _answers, worked out once per change
        self._history: list[str] = []
        self._editing = False
        first = self._shown_after(-1)
        self._current: str = first.id if first else REVIEW

    # --- where we are -------------------------------------------------------------------------------

    @property
    def at_review(self) -> bool:
        return self._current == REVIEW

    @property
    def question(self) -> Question | None:
        return None if self.at_review else self.survey.question(self._current)

    def is_shown(self, question: Question) -> bool:
        return question.show_if is None or is_met(question.show_if, self._answers_that_count())

    def _answers_that_count(self) -> dict[str, Any]:
        """The answers of questions still shown: a pass over the survey, done again only after an answer changes
        (every question's visibility asks it; once per question made a tap O(n²))."""
        if self._counting is None:
            self._counting = visible_answers(self.survey, self._answers)
        return self._counting

    def shown_questions(self) -> list[Question]:
        return [question for question in self.survey.questions if self.is_shown(question)]

    def progress(self) -> tuple[int, int]:
        """(position, total) for "Question 3 of 37" and the bar; the review counts as the end.

        The total never changes in a visit: it is every question of the survey. The position is the question's
        place in survey order, so questions that the answers so far leave out count as passed (conditions only
        look at earlier questions, so this order is the order of asking). A total counted from the questions
        shown would jump (31 -> 37) when a "yes" brings in follow-ups."""
        total = len(self.survey.questions)
        if self.at_review:
            return total, total
        return self._index(self._current) + 1, total

    # --- answers ------------------------------------------------------------------------------------

    def answer_of(self, question_id: str) -> Any:
        return self._answers.get(question_id)

    def is_skipped(self, question_id: str) -> bool:
        """Answered with the question's "Not sure" / "Prefer not to say" (an answer like any other)."""
        question = self.survey.question(question_id)
        return question.skip is not None and self._answers.get(question_id) == question.skip

    def set_answer(self, value: Any) -> Any:
        """Record the answer to the question on screen (checked; multi answers become tuples)."""
        question = self._require_question()
        canonical = check_answer(question, value)
        self._answers[question.id] = canonical
        self._counting = None
        return canonical

    def clear_answer(self) -> None:
        question = self._require_question()
        self._answers.pop(question.id, None)
        self._counting = None

    def can_go_next(self) -> bool:
        question = self.question
        return question is not None and question.id in self._answers

    # --- moving -------------------------------------------------------------------------------------

    def skip(self) -> None:
        """'Not sure' / 'Prefer not to say': recorded as that answer (spec §2.2), and on to the next question."""
        question = self._require_question()
        if question.skip is None:
            raise ValueError(f"'{question.id}' cannot be skipped")
        self.set_answer(question.skip)
        self.next()

    def next(self) -> None:
        if not self.can_go_next():
            raise ValueError("answer or skip the question first")
        index = self._index(self._current)
        self._history.append(self._current)
        following = self._shown_after(index, unanswered_only=self._editing)
        self._current = following.id if following else REVIEW
        if self.at_review:
            self._editing = False

    def back(self) -> bool:
        """To the previous screen; False when there is nothing before (the first question)."""
        while self._history:
            previous = self._history.pop()
            if previous == REVIEW:
                self._current, self._editing = REVIEW, False
                return True
            if self.is_shown(self.survey.question(previous)):
                self._current = previous
                return True
        return False

    def edit(self, question_id: str) -> None:
        """From the review, change one answer; Next then asks any newly shown question, then returns."""
        if not self.at_review:
            raise ValueError("edit is for the review")
        question = self.survey.question(question_id)
        if not self.is_shown(question):
            raise ValueError(f"'{question_id}' is not shown")
        self._history.append(REVIEW)
        self._current, self._editing = question_id, True

    def finish(self) -> dict[str, Any]:
        """The answers that count; answers to questions that became hidden are dropped. "Not sure" / "Prefer not
        to say" are answers ("not_sure" / "prefer_not"), whichever control chose them (spec §2.2)."""
        return dict(self._answers_that_count())

    def review_items(self) -> list[tuple[Question, Any]]:
        """Each shown question with its answer (None when unanswered), in survey order."""
        return [(question, self._answers.get(question.id)) for question in self.shown_questions()]

    # --- helpers ------------------------------------------------------------------------------------

    def _require_question(self) -> Question:
        question = self.question
        if question is None:
            raise ValueError("no question on screen (this is the review)")
        return question

    def _index(self, question_id: str) -> int:
        return next(i for i, q in enumerate(self.survey.questions) if q.id == question_id)

    def _shown_after(self, index: int, unanswered_only: bool = False) -> Question | None:
        for question in self.survey.questions[index + 1:]:
            if not self.is_shown(question):
                continue
            if unanswered_only and question.id in self._answers:
                continue
            return question
        return None
