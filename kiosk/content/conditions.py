"""The one condition language: `show_if` on questions (and later `include_if` on handout sections).

Structured YAML, never an expression string, so it can be checked before anyone sees the kiosk:

    {question: cramp_any, equals: "yes"}          {question: water_glasses, in: ["0_to_3", not_sure]}
    {question: cramp_nights, at_least: 3}         {question: first_name, answered: true}
    {all: [...]}   {any: [...]}   {not: {...}}

For multi-choice questions, `equals: X` means "X is among the chosen", and `in: [...]` means "any of these
is among the chosen". Evaluation lives in kiosk.survey; this module reads and checks.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Mapping, Union

from kiosk.fields import Fields
from kiosk.problems import did_you_mean
from kiosk.yamldoc import YamlPath

if TYPE_CHECKING:
    from kiosk.content.model import Question

COMPARISONS = ("equals", "in", "at_least", "at_most", "answered")
COMBINATORS = ("all", "any", "not")


@dataclass(frozen=True)
class Compare:
    question: str
    op: str
    value: Any
    path: YamlPath = ()


@dataclass(frozen=True)
class AllOf:
    parts: tuple["Condition", ...]


@dataclass(frozen=True)
class AnyOf:
    parts: tuple["Condition", ...]


@dataclass(frozen=True)
class Not:
    part: "Condition"


Condition = Union[Compare, AllOf, AnyOf, Not]

_FIX_SHAPE = ("Write a condition like {question: cramp_any, equals: \"yes\"}, or combine conditions with "
              "all:, any: or not:.")


def read_condition(fields: Fields, value: Any, path: YamlPath) -> Condition | None:
    """Reads the shape of a condition; which questions and choices it names is checked by check_condition."""
    if not isinstance(value, dict):
        fields.problem(path, "a condition should be a set of 'name: value' lines", _FIX_SHAPE)
        return None
    combinators = [key for key in COMBINATORS if key in value]
    if combinators:
        if len(value) != 1:
            fields.problem(path, f"'{combinators[0]}' must stand alone in its condition",
                           "Put the other parts inside the list under it.")
            return None
        key = combinators[0]
        if key == "not":
            inner = read_condition(fields, value["not"], path + ("not",))
            return Not(inner) if inner is not None else None
        items = fields.sequence(value[key], path + (key,), what=f"'{key}'", min_items=1)
        if not items:
            return None
        parts = [read_condition(fields, item, path + (key, index)) for index, item in enumerate(items)]
        if any(part is None for part in parts):
            return None
        return AllOf(tuple(parts)) if key == "all" else AnyOf(tuple(parts))
    data = fields.mapping(value, path, required=("question",), optional=COMPARISONS, what="this condition")
    if data is None or "question" not in data:
        return None
    question = fields.ident(data["question"], path + ("question",), what="the question id")
    ops = [key for key in COMPARISONS if key in data]
    if len(ops) != 1:
        fields.problem(path, "a condition needs exactly one test: " + ", ".join(COMPARISONS), _FIX_SHAPE)
        return None
    op = ops[0]
    raw = data[op]
    op_path = path + (op,)
    if op == "equals":
        operand = _read_value(fields, raw, op_path)
    elif op == "in":
        items = fields.sequence(raw, op_path, what="'in'", min_items=1)
        operand = tuple(_read_value(fields, item, op_path + (i,)) for i, item in enumerate(items)) if items else None
        if operand is not None and any(item is None for item in operand):
            operand = None
    elif op == "answered":
        operand = fields.boolean(raw, op_path, what="'answered'")
    else:
        operand = fields.integer(raw, op_path, what=f"'{op}'")
    if question is None or operand is None:
        return None
    return Compare(question, op, operand, op_path)


def _read_value(fields: Fields, value: Any, path: YamlPath) -> str | int | None:
    """A choice id or a whole number."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    return fields.ident(value, path, what="this choice id")


def check_condition(fields: Fields, condition: Condition, questions: Mapping[str, "Question"],
                    order: Mapping[str, int], position: int) -> None:
    """Every question named must exist and be asked before `position`; every choice must be one of its own.

    `questions` holds the questions that were read without problems; `order` maps every id in the file to its
    place, so that a question with problems of its own is not reported a second time here.
    """
    if isinstance(condition, (AllOf, AnyOf)):
        for part in condition.parts:
            check_condition(fields, part, questions, order, position)
        return
    if isinstance(condition, Not):
        check_condition(fields, condition.part, questions, order, position)
        return
    path = condition.path[:-1] + ("question",)
    if condition.question not in order:
        fields.problem(path, f"'{condition.question}' is not a question id{did_you_mean(condition.question, order)}",
                       "Use the id of a question in survey.yaml.")
    elif order[condition.question] >= position:
        fields.problem(path, f"'{condition.question}' is asked later, so it has no answer yet here",
                       "A question can only depend on questions asked before it; move one of them.")
    elif condition.question in questions:
        _check_operand(fields, condition, questions[condition.question])


def _check_operand(fields: Fields, condition: Compare, question: "Question") -> None:
    from kiosk.content.model import NUMBER_KINDS

    numeric = question.kind in NUMBER_KINDS
    if condition.op in ("at_least", "at_most"):
        if not numeric:
            fields.problem(condition.path, f"'{condition.op}' only works with number questions, and "
                                           f"'{question.id}' is a {question.kind} question",
                           "Use equals: or in: with one of its choice ids.")
        return
    if condition.op == "answered":
        return
    values = condition.value if condition.op == "in" else (condition.value,)
    for index, value in enumerate(values):
        where = condition.path + ((index,) if condition.op == "in" else ())
        if numeric:
            if not isinstance(value, int) or not (question.min <= value <= question.max):
                fields.problem(where, f"'{value}' is not a possible answer to '{question.id}' "
                                      f"(a number from {question.min} to {question.max})",
                               f"Use a whole number from {question.min} to {question.max}.")
        elif value not in question.choice_ids():
            fields.problem(where, f"'{value}' is not a choice of '{question.id}'"
                                  f"{did_you_mean(str(value), question.choice_ids())}",
                           f"Use one of: {', '.join(question.choice_ids())}.")
