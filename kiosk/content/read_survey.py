"""Reads content/survey.yaml: scores, sections and questions, with every rule of the format checked."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kiosk.content.conditions import FLAG_RESULTS, Scope, check_condition, read_condition
from kiosk.content.model import (ALERT_LEVELS, CHOICE_KINDS, KIND_BODY_MAP, KIND_COUNT, KIND_MULTI, KIND_SCALE,
                                 KIND_SINGLE, KIND_TEXT, KIND_YES_NO, MULTI_KINDS, NUMBER_KINDS, QUESTION_KINDS,
                                 SKIP_KINDS, Choice, FlagDefinition, Question, ScoreDefinition, ScoreRule, Section,
                                 Survey)
from kiosk.fields import Fields
from kiosk.problems import did_you_mean
from kiosk.yamldoc import YamlPath

COMMON_KEYS = ("id", "section", "kind", "prompt", "hint", "show_if", "required", "skip")
KEYS_BY_KIND = {
    KIND_SINGLE: ("choices", "score"),
    KIND_MULTI: ("choices",),
    KIND_BODY_MAP: ("choices", "image"),
    KIND_YES_NO: ("score",),
    KIND_SCALE: ("min", "max", "low_label", "high_label"),
    KIND_COUNT: ("min", "max"),
    KIND_TEXT: ("max_length",),
}
MAX_NUMBER_BUTTONS = 11
# What the kiosk's own code relies on (spec §2.1, §2.3, §3): the safety question that raises staff alerts and
# the score behind mnsi_positive. Renaming or dropping them would switch a safety check off without a word,
# so kiosk check refuses it.
SAFETY_QUESTION = "red_flags"
MNSI_SCORE = "mnsi"


def read_survey(fields: Fields, data: Any, assets: Path) -> Survey | None:
    top = fields.mapping(data, (), required=("scores", "sections", "questions", "flags"), what="survey.yaml")
    if top is None:
        return None
    scores = _read_scores(fields, top.get("scores", []))
    sections = _read_sections(fields, top.get("sections", []))
    questions = _read_questions(fields, top.get("questions", []), scores, sections, assets)
    if questions is not None:
        _check_safety_and_score(fields, questions, scores or {})
    flags = _read_flags(fields, top.get("flags", []), questions) if questions is not None else None
    if scores is None or sections is None or questions is None or flags is None:
        return None
    return Survey(tuple(scores.values()), tuple(sections.values()), tuple(questions), tuple(flags))


def _check_safety_and_score(fields: Fields, questions: list[Question], scores) -> None:
    safety = next((question for question in questions if question.id == SAFETY_QUESTION), None)
    if safety is None:
        fields.problem(("questions",), f"there is no '{SAFETY_QUESTION}' question; the kiosk's safety check "
                                       "(staff alerts, the urgent box, the clinician summary) relies on it",
                       f"Keep the safety question with id: \"{SAFETY_QUESTION}\" first in the list; change its "
                       "wording, never its id.")
    else:
        index = questions.index(safety)
        problems = []
        if index != 0:
            problems.append("it must be the first question")
        if safety.kind != KIND_MULTI:
            problems.append("it must be kind: \"multi\"")
        if not safety.required:
            problems.append("it must be required: true")
        if not any(choice.alert == "emergency" for choice in safety.choices):
            problems.append("at least one choice needs alert: \"emergency\"")
        if not any(choice.alert == "urgent" for choice in safety.choices):
            problems.append("at least one choice needs alert: \"urgent\"")
        if problems:
            fields.problem(("questions", index, "id"), f"the safety question '{SAFETY_QUESTION}' is not as the "
                                                       f"kiosk needs it: {'; '.join(problems)}",
                           "See the clinical spec, section 2.1, and content/README.md.")
    if MNSI_SCORE not in scores:
        fields.problem(("scores",), f"there is no '{MNSI_SCORE}' score; the neuropathy symptom check, the "
                                    "mnsi_positive flag and the foot-care rule rely on it",
                       f"Keep the score with id: \"{MNSI_SCORE}\" and its threshold.")
    elif not any(q.score is not None and q.score.score_id == MNSI_SCORE for q in questions):
        fields.problem(("scores",), f"no question scores for '{MNSI_SCORE}', so the check would always be 0",
                       f"Keep score: {{id: \"{MNSI_SCORE}\", point_for: ...}} on the nerve questions.")


def _read_flags(fields: Fields, value: Any, questions: list[Question]) -> list[FlagDefinition] | None:
    """The clinician flags: each an id, a condition (questions, and the results alert_level and mnsi_*), and
    the clinician summary's words for it."""
    items = fields.sequence(value, ("flags",), what="flags", min_items=1)
    if items is None:
        return None
    by_id = {question.id: question for question in questions}
    order = {question.id: index for index, question in enumerate(questions)}
    flags: list[FlagDefinition] = []
    ok = True
    for index, item in enumerate(items):
        path = ("flags", index)
        data = fields.mapping(item, path, required=("id", "when", "label"), what="this flag")
        if data is None or any(key not in data for key in ("id", "when", "label")):
            ok = False
            continue
        before = len(fields.doc.problems)
        flag_id = fields.ident(data["id"], path + ("id",), what="the flag id")
        when = read_condition(fields, data["when"], path + ("when",))
        label = fields.text(data["label"], path + ("label",), what="the flag's label")
        if when is not None:
            check_condition(fields, when, Scope(by_id, order, len(order), results=True))
        if flag_id and any(flag.id == flag_id for flag in flags):
            fields.problem(path + ("id",), f"the flag id '{flag_id}' is used twice", "Give each flag its own id.")
        if len(fields.doc.problems) != before or None in (flag_id, when, label):
            ok = False
        else:
            flags.append(FlagDefinition(flag_id, when, label))
    declared = {flag.id for flag in flags}
    for required in FLAG_RESULTS:
        if ok and required not in declared:
            fields.problem(("flags",), f"there is no '{required}' flag; the clinician summary and the handout "
                                       "rules rely on it (clinical spec, section 3)",
                           f"Add a flag with id: \"{required}\", its when: condition and its label.")
            ok = False
    return flags if ok else None


def _read_scores(fields: Fields, value: Any) -> dict[str, ScoreDefinition] | None:
    items = fields.sequence(value, ("scores",), what="scores")
    if items is None:
        return None
    scores: dict[str, ScoreDefinition] = {}
    for index, item in enumerate(items):
        path = ("scores", index)
        data = fields.mapping(item, path, required=("id", "threshold"), what="this score")
        if data is None:
            continue
        score_id = fields.ident(data.get("id"), path + ("id",), what="the score id")
        threshold = fields.integer(data.get("threshold"), path + ("threshold",), what="the threshold", low=0)
        if score_id in scores:
            fields.problem(path + ("id",), f"the score id '{score_id}' is used twice", "Give each score its own id.")
        elif score_id and threshold is not None:
            scores[score_id] = ScoreDefinition(score_id, threshold)
    return scores


def _read_sections(fields: Fields, value: Any) -> dict[str, Section] | None:
    items = fields.sequence(value, ("sections",), what="sections", min_items=1)
    if items is None:
        return None
    sections: dict[str, Section] = {}
    for index, item in enumerate(items):
        path = ("sections", index)
        data = fields.mapping(item, path, required=("id", "title"), what="this section")
        if data is None:
            continue
        section_id = fields.ident(data.get("id"), path + ("id",), what="the section id")
        title = fields.text(data.get("title"), path + ("title",), what="the section title")
        if section_id in sections:
            fields.problem(path + ("id",), f"the section id '{section_id}' is used twice",
                           "Give each section its own id.")
        elif section_id and title:
            sections[section_id] = Section(section_id, title)
    return sections


def _read_questions(fields: Fields, value: Any, scores, sections, assets: Path) -> list[Question] | None:
    items = fields.sequence(value, ("questions",), what="questions", min_items=1)
    if items is None:
        return None
    order: dict[str, int] = {}
    for index, item in enumerate(items):
        if isinstance(item, dict) and isinstance(item.get("id"), str):
            order.setdefault(item["id"], index)
    questions: list[Question] = []
    positions: dict[str, int] = {}
    ok = True
    for index, item in enumerate(items):
        path = ("questions", index)
        question = _read_question(fields, item, path, scores or {}, sections or {}, assets)
        if question is None:
            ok = False
        elif question.id in positions:
            fields.problem(path + ("id",), f"the question id '{question.id}' is used twice",
                           "Give each question its own id; ids are used by the handout rules.")
            ok = False
        else:
            positions[question.id] = index
            questions.append(question)
    by_id = {question.id: question for question in questions}
    for question in questions:
        if question.show_if is not None:
            check_condition(fields, question.show_if, Scope(by_id, order, positions[question.id]))
    return questions if ok else None


def _read_question(fields: Fields, item: Any, path: YamlPath, scores, sections, assets: Path) -> Question | None:
    if not isinstance(item, dict):
        fields.mapping(item, path, what="this question")
        return None
    kind = fields.choice(item.get("kind"), path + ("kind",), QUESTION_KINDS, what="the kind") \
        if "kind" in item else None
    allowed = COMMON_KEYS + (KEYS_BY_KIND[kind] if kind else sum(KEYS_BY_KIND.values(), ()))
    required = ("id", "section", "kind", "prompt") + (("choices",) if kind in CHOICE_KINDS else ()) + \
        (("min", "max") if kind in NUMBER_KINDS else ()) + (("image",) if kind == KIND_BODY_MAP else ()) + \
        (("max_length",) if kind == KIND_TEXT else ())
    data = fields.mapping(item, path, required=required, optional=[k for k in allowed if k not in required],
                          what=f"question '{item.get('id')}'" if isinstance(item.get("id"), str) else "this question")
    if data is None or kind is None:
        return None
    values: dict[str, Any] = {"kind": kind}
    problems_before = len(fields.doc.problems)
    values["id"] = fields.ident(data.get("id"), path + ("id",), what="the question id")
    section = fields.ident(data.get("section"), path + ("section",), what="the section")
    if section and section not in sections:
        fields.problem(path + ("section",), f"'{section}' is not a section id{did_you_mean(section, sections)}",
                       "Use the id of one of the sections listed at the top of survey.yaml.")
    values["section"] = section
    values["prompt"] = fields.text(data.get("prompt"), path + ("prompt",), what="the prompt")
    if "hint" in data:
        values["hint"] = fields.text(data["hint"], path + ("hint",), what="the hint")
    if "required" in data:
        values["required"] = bool(fields.boolean(data["required"], path + ("required",), what="required"))
    if "skip" in data:
        values["skip"] = fields.choice(data["skip"], path + ("skip",), SKIP_KINDS, what="skip")
        if values.get("required"):
            fields.problem(path + ("skip",), "a required question cannot have a skip button",
                           "Remove 'skip', or remove 'required: true'.")
    if "show_if" in data:
        values["show_if"] = read_condition(fields, data["show_if"], path + ("show_if",))
    if kind in CHOICE_KINDS:
        values["choices"] = _read_choices(fields, data.get("choices"), path + ("choices",), kind)
    if kind in NUMBER_KINDS:
        _read_range(fields, data, path, values)
    if kind == KIND_SCALE:
        for key in ("low_label", "high_label"):
            if key in data:
                values[key] = fields.text(data[key], path + (key,), what=f"the {key.replace('_', ' ')}")
    if kind == KIND_TEXT:
        values["max_length"] = fields.integer(data.get("max_length"), path + ("max_length",),
                                              what="max_length", low=1, high=100)
    if kind == KIND_BODY_MAP:
        values["image"] = _read_body_map_image(fields, data.get("image"), path + ("image",), assets,
                                               values.get("choices") or ())
    if "score" in data:
        values["score"] = _read_score_rule(fields, data["score"], path + ("score",), scores, kind,
                                           values.get("choices") or ())
    if len(fields.doc.problems) != problems_before:
        return None
    return Question(**values)


def _read_choices(fields: Fields, value: Any, path: YamlPath, kind: str) -> tuple[Choice, ...] | None:
    items = fields.sequence(value, path, what="choices", min_items=1 if kind == KIND_BODY_MAP else 2)
    if items is None:
        return None
    choices: list[Choice] = []
    for index, item in enumerate(items):
        where = path + (index,)
        data = fields.mapping(item, where, required=("id", "label"), optional=("exclusive", "alert"),
                              what="this choice")
        if data is None:
            continue
        choice_id = fields.ident(data.get("id"), where + ("id",), what="the choice id")
        label = fields.text(data.get("label"), where + ("label",), what="the choice label")
        exclusive = False
        if "exclusive" in data:
            exclusive = bool(fields.boolean(data["exclusive"], where + ("exclusive",), what="exclusive"))
            if kind not in MULTI_KINDS:
                fields.problem(where + ("exclusive",), "'exclusive' only makes sense where several choices can "
                                                       "be picked", "Remove it, or make the question kind multi.")
        alert = fields.choice(data["alert"], where + ("alert",), ALERT_LEVELS, what="alert") \
            if "alert" in data else None
        if any(choice.id == choice_id for choice in choices):
            fields.problem(where + ("id",), f"the choice id '{choice_id}' is used twice in this question",
                           "Give each choice its own id.")
        elif choice_id and label:
            choices.append(Choice(choice_id, label, exclusive, alert))
    return tuple(choices)


def _read_range(fields: Fields, data: dict, path: YamlPath, values: dict) -> None:
    low = fields.integer(data.get("min"), path + ("min",), what="min", low=0)
    high = fields.integer(data.get("max"), path + ("max",), what="max", low=0)
    if low is not None and high is not None:
        if high <= low:
            fields.problem(path + ("max",), f"max ({high}) must be larger than min ({low})", "Swap or fix them.")
        elif high - low + 1 > MAX_NUMBER_BUTTONS:
            fields.problem(path + ("max",), f"{high - low + 1} buttons will not fit on one row",
                           f"Keep max - min below {MAX_NUMBER_BUTTONS}.")
    values["min"], values["max"] = low, high


def _read_body_map_image(fields: Fields, value: Any, path: YamlPath, assets: Path, choices) -> str | None:
    from kiosk.content.check_svg import check_body_map

    name = fields.string(value, path, what="the image")
    if name is None:
        return None
    # where the picture lives, a region for each choice, shapes the body map can hit-test (check_svg.py)
    return name if check_body_map(fields, name, path, assets, choices) else None


def _read_score_rule(fields: Fields, value: Any, path: YamlPath, scores, kind: str, choices) -> ScoreRule | None:
    data = fields.mapping(value, path, required=("id", "point_for"), what="score")
    if data is None:
        return None
    score_id = fields.ident(data.get("id"), path + ("id",), what="the score id")
    point_for = fields.ident(data.get("point_for"), path + ("point_for",), what="point_for")
    if score_id and score_id not in scores:
        fields.problem(path + ("id",), f"'{score_id}' is not one of the scores listed at the top",
                       "Add it under 'scores:', or fix the id.")
        return None
    answers = ("yes", "no") if kind == KIND_YES_NO else tuple(choice.id for choice in choices)
    if point_for and point_for not in answers:
        fields.problem(path + ("point_for",), f"'{point_for}' is not an answer to this question",
                       f"Use one of: {', '.join(answers)}.")
        return None
    return ScoreRule(score_id, point_for) if score_id and point_for else None
