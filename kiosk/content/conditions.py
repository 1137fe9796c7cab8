"""The one condition language: `show_if` on survey questions and `include_if` on handout sections.

Structured YAML, never an expression string, so it can be checked before anyone sees the kiosk:

    {question: cramp_any, equals: "yes"}          {question: water_glasses, in: ["0_to_3", not_sure]}
    {question: cramp_nights, at_least: 3}         {question: first_name, answered: true}
    {result: alert_level, equals: urgent}         {result: mnsi_positive, equals: true}     (handout only)
    {section: foot_care}                          (handout only: that earlier section is printed)
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
QUESTION, RESULT, SECTION = "question", "result", "section"
SOURCES = (QUESTION, RESULT, SECTION)

# The derived results (clinical spec §3) the kiosk works out itself, and their possible values. The clinician
# flags (cramp_over_10_min, high_risk_foot, ...) are declared in survey.yaml (`flags:`), each a condition in this
# language; a handout rule may test them too (true/false), once they are declared.
ALERT_VALUES = ("none", "urgent", "emergency")
RESULT_VALUES: dict[str, Any] = {"alert_level": ALERT_VALUES, "mnsi_score": int, "mnsi_answered": int,
                                 "mnsi_positive": bool}
# The flags spec §3 names: the clinician summary and the handout rules rely on every one (kiosk check says so).
FLAG_RESULTS = ("cramp_over_10_min", "possible_claudication", "possible_rls", "mnsi_positive", "pregnant",
                "frequent_night_cramps", "high_risk_foot", "severe_cramps")


@dataclass(frozen=True)
class Compare:
    """`name` is a question id, a result name or a handout section id, as `source` says."""

    name: str
    op: str
    value: Any
    path: YamlPath = ()
    source: str = QUESTION

    @property
    def values(self) -> tuple:
        """The operand as a tuple: the list of an `in` test, else its one value."""
        return self.value if self.op == "in" else (self.value,)


def is_whole_number(value: Any) -> bool:
    """An int that is not True/False (bool is an int in Python; YAML's yes/no would otherwise count)."""
    return isinstance(value, int) and not isinstance(value, bool)


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


@dataclass(frozen=True)
class Scope:
    """What a condition may name where it stands.

    Survey: questions asked before this one. Handout: any question, the results, and earlier sections.
    """

    questions: Mapping[str, "Question"]  # read without problems
    order: Mapping[str, int]  # every question id in the file -> its place
    position: int  # questions at or after this place are not answered yet
    results: bool = False
    sections_before: tuple[str, ...] | None = None  # None: section conditions are not allowed here
    all_sections: tuple[str, ...] = ()
    flags: tuple[str, ...] = ()  # the clinician flags declared in survey.yaml: results, true or false

    def result_values(self) -> dict[str, Any]:
        return {**RESULT_VALUES, **{flag: bool for flag in self.flags}}


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
    sources = [key for key in SOURCES if key in value]
    if len(sources) != 1:
        fields.problem(path, "a condition names exactly one of question:, result: or section:", _FIX_SHAPE)
        return None
    source = sources[0]
    data = fields.mapping(value, path, required=(source,), optional=COMPARISONS, what="this condition")
    if data is None:
        return None
    name = fields.ident(data[source], path + (source,), what=f"the {source} id" if source != RESULT else "the result")
    if source == SECTION:
        if any(key in data for key in COMPARISONS):
            fields.problem(path, "a section condition has no test: it holds when that section is printed",
                           "Write it as {section: foot_care}; use not: for 'not printed'.")
            return None
        return Compare(name, "equals", True, path + (source,), SECTION) if name else None
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
    if name is None or operand is None:
        return None
    return Compare(name, op, operand, op_path, source)


def _read_value(fields: Fields, value: Any, path: YamlPath) -> str | int | bool | None:
    """A choice id, a whole number, or true/false (for results such as mnsi_positive)."""
    if isinstance(value, (int, bool)):
        return value
    return fields.ident(value, path, what="this choice id")


def check_condition(fields: Fields, condition: Condition, scope: Scope) -> None:
    """Every question, result or section named must exist and be known at this place; every value must fit.

    A question with problems of its own is in `scope.order` but not in `scope.questions`, so it is not
    reported a second time here.
    """
    if isinstance(condition, (AllOf, AnyOf)):
        for part in condition.parts:
            check_condition(fields, part, scope)
        return
    if isinstance(condition, Not):
        check_condition(fields, condition.part, scope)
        return
    path = condition.path if condition.source == SECTION else condition.path[:-1] + (condition.source,)
    if condition.source == RESULT:
        _check_result(fields, condition, path, scope)
    elif condition.source == SECTION:
        _check_section(fields, condition, path, scope)
    elif condition.name not in scope.order:
        fields.problem(path, f"'{condition.name}' is not a question id{did_you_mean(condition.name, scope.order)}",
                       "Use the id of a question in survey.yaml.")
    elif scope.order[condition.name] >= scope.position:
        fields.problem(path, f"'{condition.name}' is asked later, so it has no answer yet here",
                       "A question can only depend on questions asked before it; move one of them.")
    elif condition.name in scope.questions:
        _check_operand(fields, condition, scope.questions[condition.name])


def _check_result(fields: Fields, condition: Compare, path: YamlPath, scope: Scope) -> None:
    if not scope.results:
        fields.problem(path, "results such as alert_level are only known when the survey is finished",
                       "Use result: conditions in handout.yaml only; here, test a question.")
        return
    known = scope.result_values()
    kind = known.get(condition.name)
    if kind is None:
        fields.problem(path, f"'{condition.name}' is not a result the kiosk works out, nor a flag declared in "
                             f"survey.yaml{did_you_mean(condition.name, known)}",
                       f"Use one of: {', '.join(known)}; or declare the flag under flags: in survey.yaml.")
        return
    values = condition.values
    if condition.op == "answered":
        fields.problem(condition.path, "a result is always known, so 'answered' does not apply",
                       "Use equals:, in:, at_least: or at_most:.")
    elif kind is int:
        if not all(is_whole_number(value) for value in values):
            fields.problem(condition.path, f"'{condition.name}' is a number", "Compare it with a whole number.")
    elif condition.op in ("at_least", "at_most"):
        fields.problem(condition.path, f"'{condition.op}' only works with numbers, and '{condition.name}' is not one",
                       "Use equals: or in:.")
    elif kind is bool:
        if not all(isinstance(value, bool) for value in values):
            fields.problem(condition.path, f"'{condition.name}' is true or false",
                           "Write equals: true or equals: false.")
    else:
        for value in values:
            if value not in kind:
                fields.problem(condition.path, f"'{value}' is not a possible {condition.name}"
                                               f"{did_you_mean(str(value), kind)}", f"Use one of: {', '.join(kind)}.")


def _check_section(fields: Fields, condition: Compare, path: YamlPath, scope: Scope) -> None:
    if scope.sections_before is None:
        fields.problem(path, "only handout sections can depend on other handout sections",
                       "Test a question instead.")
    elif condition.name not in scope.all_sections:
        fields.problem(path, f"'{condition.name}' is not a handout section id"
                             f"{did_you_mean(condition.name, scope.all_sections)}", "Use the id of a section above.")
    elif condition.name not in scope.sections_before:
        fields.problem(path, f"'{condition.name}' comes later in the handout, so it is not decided yet here",
                       "A section can only depend on sections above it; move one of them.")


def _check_operand(fields: Fields, condition: Compare, question: "Question") -> None:
    from kiosk.content.model import NUMBER_KINDS

    numeric = question.kind in NUMBER_KINDS
    if condition.op != "answered" and any(isinstance(value, bool) for value in condition.values):
        fields.problem(condition.path, "true and false are not answers to a question (YAML reads a bare yes/no "
                                       "as true/false)", 'Quote the choice id: "yes" or "no".')
        return
    if condition.op in ("at_least", "at_most"):
        if not numeric:
            fields.problem(condition.path, f"'{condition.op}' only works with number questions, and "
                                           f"'{question.id}' is a {question.kind} question",
                           "Use equals: or in: with one of its choice ids.")
        return
    if condition.op == "answered":
        return
    for index, value in enumerate(condition.values):
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
