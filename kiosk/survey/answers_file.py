"""Reading an answers file (question id -> choice id, list of choice ids, number or text), strictly.

Used by `kiosk outcome` and `kiosk handout`. Every problem is reported with its line, like content problems.
Answers to questions hidden by their conditions are accepted and then ignored, exactly as at finish.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kiosk.content.model import KIND_TEXT, Survey
from kiosk.problems import Problem, did_you_mean, internal_error
from kiosk.survey.values import InvalidAnswer, check_answer
from kiosk.yamldoc import load_yaml_file


class AnswersFileError(Exception):
    def __init__(self, problems: list[Problem]):
        super().__init__("\n".join(map(str, problems)))
        self.problems = problems


def load_answers(path: Path, survey: Survey) -> dict[str, Any]:
    """The checked answers, or AnswersFileError with every problem; never another error (`kiosk outcome` and
    `kiosk handout` print a list, not a traceback: an unforeseen error is an internal-error problem)."""
    try:
        return _read_answers(path, survey)
    except AnswersFileError:
        raise
    except Exception as error:  # noqa: BLE001 - the safety net; the fuzzer counts every catch as a bug
        raise AnswersFileError([internal_error(str(path), error)]) from None


def _read_answers(path: Path, survey: Survey) -> dict[str, Any]:
    doc = load_yaml_file(path)
    if doc.problems:
        raise AnswersFileError(doc.problems)
    data = doc.data if doc.data is not None else {}
    if not isinstance(data, dict):
        doc.problem((), "an answers file is a list of 'question_id: answer' lines",
                    "Write one line per question, like  cramp_any: \"yes\"")
        raise AnswersFileError(doc.problems)
    answers: dict[str, Any] = {}
    ids = [question.id for question in survey.questions]
    for question_id, value in data.items():
        path_ = (str(question_id),)  # a key like 7, 1.5 or yes (true) is not a str; yamldoc paths are str
        if not survey.has_question(question_id):
            doc.problem(path_, f"'{question_id}' is not a question id{did_you_mean(question_id, ids)}",
                        "Use the question ids of content/survey.yaml.")
            continue
        question = survey.question(question_id)
        if isinstance(value, bool) or (isinstance(value, list) and any(isinstance(v, bool) for v in value)):
            doc.problem(path_, "an answer was read as yes/no (true/false), not as a choice id",
                        'Put choice ids in double quotes, like "yes".')
            continue
        if question.kind == KIND_TEXT and isinstance(value, (int, float)):
            value = str(value)
        try:
            answers[question_id] = check_answer(question, value)
        except InvalidAnswer as error:
            doc.problem(path_, str(error), "Fix the answer, or delete the line to leave the question unanswered.")
    if doc.problems:
        raise AnswersFileError(doc.problems)
    return answers
