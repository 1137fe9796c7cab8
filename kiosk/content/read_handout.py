"""Reads content/handout.yaml: the handout's sections and their rules, the doctor-question pool, the words of
the date and page numbers, and the clinician summary's labels."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kiosk.content.conditions import Scope, check_condition, read_condition
from kiosk.content.model import (ALERT_LEVELS, CHOICE_KINDS, ChosenAnswers, Conditional, DoctorQuestion,
                                 FlaggedSymptoms, Handout, HandoutSection, ItemList, Paragraph, StepList,
                                 SummaryLabels, Survey, WarningSigns)
from kiosk.content.read_explainer import check_asset
from kiosk.fields import Fields
from kiosk.problems import did_you_mean
from kiosk.yamldoc import YamlPath

CLINIC_PLACEHOLDERS = ("clinic_name", "clinic_phone", "clinic_address", "clinic_website")
STRINGS = {"title": (), "prepared_for": ("name",), "footer": (), "page_label": ("page", "pages"),
           "handout_number": ("number",), "date_format": ("day", "month", "year")}
# Sections the kiosk itself relies on: the urgent box, the warning signs, where doctor questions go, the clinic.
REQUIRED_SECTIONS = ("tell_the_desk", "questions_for_your_doctor", "get_help_now", "about_the_clinic")
QUESTIONS_SECTION = "questions_for_your_doctor"
STYLES = ("normal", "alert", "box")  # box: a bordered box never split across pages
MIN_DOCTOR_QUESTIONS, MAX_DOCTOR_QUESTIONS = 3, 6
SUMMARY_STRINGS = {
    "title": (), "subtitle": ("kiosk", "date", "time", "language"), "for_staff": (), "page_label": ("page", "pages"),
    "safety": (), "alert_level": (), "alert_none": (), "alert_urgent": (), "alert_emergency": (), "symptoms": (),
    "nerves": (), "mnsi_label": (), "mnsi_value": ("score", "possible", "answered", "threshold"),
    "mnsi_positive": (), "mnsi_not_positive": (), "flags": (), "none": (), "answers": (), "not_answered": (),
    "handout_number": (), "no_handout_number": (),
}
BLOCK_KINDS = ("paragraph", "list", "checklist", "steps", "symptoms", "warning_signs", "chosen")


def read_handout(fields: Fields, data: Any, assets: Path, survey: Survey | None) -> Handout | None:
    """`survey` is None when survey.yaml has problems of its own; rules naming questions are then not checked."""
    keys = tuple(STRINGS) + ("months", "sections", "doctor_questions", "clinician_summary")
    top = fields.mapping(data, (), required=keys, what="handout.yaml")
    if top is None or any(key not in top for key in keys):
        return None
    strings = {key: fields.text(top[key], (key,), what=key, allowed_placeholders=names, exact=True)
               for key, names in STRINGS.items()}
    months = _read_months(fields, top["months"])
    sections = _read_sections(fields, top["sections"], assets)
    questions = _read_doctor_questions(fields, top["doctor_questions"])
    summary = _read_summary(fields, top["clinician_summary"], survey)
    if sections is not None and questions is not None and survey is not None:
        _check_rules(fields, sections, questions, survey)
    if None in strings.values() or None in (months, sections, questions, summary):
        return None
    return Handout(strings, months, tuple(sections), tuple(questions), summary)


def _read_months(fields: Fields, value: Any) -> tuple | None:
    items = fields.sequence(value, ("months",), what="months")
    if items is None:
        return None
    if len(items) != 12:
        fields.problem(("months",), f"there are {len(items)} months; a year has 12", "List January to December.")
        return None
    months = [fields.text(item, ("months", index), what="this month") for index, item in enumerate(items)]
    return None if None in months else tuple(months)


def _read_sections(fields: Fields, value: Any, assets: Path) -> list[HandoutSection] | None:
    items = fields.sequence(value, ("sections",), what="sections", min_items=1)
    if items is None:
        return None
    sections: list[HandoutSection] = []
    ok = True
    for index, item in enumerate(items):
        section = _read_section(fields, item, ("sections", index), assets)
        if section is None:
            ok = False
        elif any(other.id == section.id for other in sections):
            fields.problem(("sections", index, "id"), f"the section id '{section.id}' is used twice",
                           "Give each section its own id.")
            ok = False
        else:
            sections.append(section)
    ids = [section.id for section in sections]
    for required in REQUIRED_SECTIONS:
        if ok and required not in ids:
            fields.problem(("sections",), f"there is no '{required}' section; the kiosk needs it",
                           f"Add a section with id: \"{required}\" (see content/README.md).")
            ok = False
    return sections if ok else None


def _read_section(fields: Fields, item: Any, path: YamlPath, assets: Path) -> HandoutSection | None:
    data = fields.mapping(item, path, required=("id", "title", "blocks"),
                          optional=("include_if", "general", "style"), what="this section")
    if data is None:
        return None
    before = len(fields.doc.problems)
    section_id = fields.ident(data.get("id"), path + ("id",), what="the section id")
    title = fields.text(data.get("title"), path + ("title",), what="the section title")
    include_if = read_condition(fields, data["include_if"], path + ("include_if",)) if "include_if" in data else None
    general = bool(fields.boolean(data["general"], path + ("general",), what="general")) if "general" in data else False
    style = fields.choice(data["style"], path + ("style",), STYLES, what="style") if "style" in data else "normal"
    blocks = _read_blocks(fields, data.get("blocks"), path + ("blocks",), assets)
    if general and include_if is not None and section_id == "tell_the_desk":
        fields.problem(path + ("general",), "the urgent box is never part of the general handout", "Remove 'general'.")
    if len(fields.doc.problems) != before or None in (section_id, title, blocks):
        return None
    return HandoutSection(section_id, title, blocks, include_if, general, style)


def _read_blocks(fields: Fields, value: Any, path: YamlPath, assets: Path) -> tuple | None:
    items = fields.sequence(value, path, what="blocks", min_items=1)
    if items is None:
        return None
    blocks: list = []
    for index, item in enumerate(items):
        where = path + (index,)
        data = fields.mapping(item, where, optional=BLOCK_KINDS + ("include_if",), what="this block")
        if data is None:
            continue
        kinds = [key for key in data if key != "include_if"]
        if len(kinds) != 1:
            fields.problem(where, "a block is one of " + ", ".join(BLOCK_KINDS) + " (and may have an include_if)",
                           "Start each block with '- paragraph:', '- list:', '- checklist:', '- steps:', "
                           "'- symptoms: true', '- warning_signs: \"emergency\"' or '- chosen:'.")
            continue
        block = _read_block(fields, kinds[0], data[kinds[0]], where + (kinds[0],), assets)
        if block is not None and "include_if" in data:
            rule = read_condition(fields, data["include_if"], where + ("include_if",))
            block = Conditional(block, rule) if rule is not None else None
        blocks.append(block)
    return None if None in blocks or not blocks else tuple(blocks)


def _read_block(fields: Fields, kind: str, raw: Any, where: YamlPath, assets: Path):
    if kind == "paragraph":
        text = fields.text(raw, where, what="this paragraph", allowed_placeholders=CLINIC_PLACEHOLDERS)
        return Paragraph(text) if text else None
    if kind in ("list", "checklist"):
        read = _read_items(fields, raw, where)
        return ItemList(read[0], checklist=kind == "checklist", conditions=read[1]) if read else None
    if kind == "steps":
        steps = fields.mapping(raw, where, required=("items",), optional=("picture", "numbered_picture"),
                               what="the steps")
        read = _read_items(fields, steps.get("items"), where + ("items",)) if steps else None
        picture = check_asset(fields, steps["picture"], where + ("picture",), assets) \
            if steps and "picture" in steps else None
        numbered = bool(fields.boolean(steps["numbered_picture"], where + ("numbered_picture",),
                                       what="numbered_picture")) if steps and "numbered_picture" in steps else False
        if numbered and read and any(read[1]):
            fields.problem(where + ("numbered_picture",), "a numbered picture must match every step, so its steps "
                                                          "cannot have an include_if", "Remove one or the other.")
            return None
        return StepList(read[0], picture, read[1], numbered) if read else None
    if kind == "warning_signs":
        level = fields.choice(raw, where, ALERT_LEVELS, what="warning_signs")
        return WarningSigns(level) if level else None
    if kind == "chosen":
        data = fields.mapping(raw, where, required=("question",), optional=("among",), what="chosen")
        if data is None or "question" not in data:
            return None
        question = fields.ident(data["question"], where + ("question",), what="the question id")
        among = fields.sequence(data["among"], where + ("among",), what="among", min_items=1) \
            if "among" in data else []
        ids = [fields.ident(item, where + ("among", i), what="this choice id") for i, item in enumerate(among or [])]
        if question is None or among is None or None in ids:
            return None
        return ChosenAnswers(question, tuple(ids))
    return FlaggedSymptoms() if fields.boolean(raw, where, what="symptoms") is True else None


def _read_items(fields: Fields, value: Any, path: YamlPath) -> tuple | None:
    """Each item is a text ({en: ..., es: ...}), or {text: {...}, include_if: {...}} for an item printed only
    when its rule holds. Returns (texts, conditions); conditions is () when no item has a rule."""
    items = fields.sequence(value, path, what="the list", min_items=1)
    if items is None:
        return None
    texts, conditions = [], []
    for index, item in enumerate(items):
        where = path + (index,)
        rule = None
        if isinstance(item, dict) and "text" in item:
            data = fields.mapping(item, where, required=("text",), optional=("include_if",), what="this item")
            if data is None:
                texts.append(None)
                continue
            if "include_if" in data:
                rule = read_condition(fields, data["include_if"], where + ("include_if",))
                if rule is None:
                    texts.append(None)
                    continue
            item, where = data["text"], where + ("text",)
        texts.append(fields.text(item, where, what="this item", allowed_placeholders=CLINIC_PLACEHOLDERS))
        conditions.append(rule)
    if None in texts:
        return None
    return tuple(texts), (tuple(conditions) if any(rule is not None for rule in conditions) else ())


def _read_doctor_questions(fields: Fields, value: Any) -> list[DoctorQuestion] | None:
    items = fields.sequence(value, ("doctor_questions",), what="doctor_questions", min_items=MIN_DOCTOR_QUESTIONS)
    if items is None:
        return None
    questions: list[DoctorQuestion] = []
    ok = True
    for index, item in enumerate(items):
        path = ("doctor_questions", index)
        data = fields.mapping(item, path, required=("id", "text"), optional=("include_if",), what="this question")
        if data is None:
            ok = False
            continue
        question_id = fields.ident(data.get("id"), path + ("id",), what="the question id")
        text = fields.text(data.get("text"), path + ("text",), what="the question")
        include_if = read_condition(fields, data["include_if"], path + ("include_if",)) \
            if "include_if" in data else None
        if question_id and any(other.id == question_id for other in questions):
            fields.problem(path + ("id",), f"the question id '{question_id}' is used twice", "Give each its own id.")
        if None in (question_id, text) or ("include_if" in data and include_if is None):
            ok = False
        else:
            questions.append(DoctorQuestion(question_id, text, include_if))
    for_everyone = sum(1 for question in questions if question.include_if is None)
    if ok and for_everyone < MIN_DOCTOR_QUESTIONS:
        fields.problem(("doctor_questions",), f"only {for_everyone} questions have no include_if, so some patients "
                                              f"would get fewer than {MIN_DOCTOR_QUESTIONS}",
                       f"Keep at least {MIN_DOCTOR_QUESTIONS} questions that fit everyone (no include_if).")
        ok = False
    return questions if ok else None


def _check_rules(fields: Fields, sections: list[HandoutSection], questions: list[DoctorQuestion],
                 survey: Survey) -> None:
    by_id = {question.id: question for question in survey.questions}
    order = {question.id: index for index, question in enumerate(survey.questions)}
    all_sections = tuple(section.id for section in sections)
    flags = tuple(flag.id for flag in survey.flags)

    def scope(before: tuple[str, ...]) -> Scope:
        return Scope(by_id, order, len(order), results=True, sections_before=before, all_sections=all_sections,
                     flags=flags)

    for index, section in enumerate(sections):
        if section.include_if is not None:
            check_condition(fields, section.include_if, scope(all_sections[:index]))
        for block in section.blocks:  # a block or an item may look at the sections above and this one
            _check_block(fields, block, scope(all_sections[:index + 1]), survey)
    for question in questions:
        if question.include_if is not None:
            check_condition(fields, question.include_if, scope(all_sections))


def _check_block(fields: Fields, block, scope: Scope, survey: Survey) -> None:
    if isinstance(block, Conditional):
        check_condition(fields, block.include_if, scope)
        _check_block(fields, block.block, scope, survey)
    elif isinstance(block, (ItemList, StepList)):
        for rule in block.conditions:
            if rule is not None:
                check_condition(fields, rule, scope)
    elif isinstance(block, ChosenAnswers):
        _check_chosen(fields, block, survey)


def _check_chosen(fields: Fields, block: ChosenAnswers, survey: Survey) -> None:
    """`chosen:` names a choice question and, under among:, some of its choices. Its path is not kept in the
    model, so the problem is placed by searching the file for the block."""
    path = _find_chosen(fields, block)
    if not survey.has_question(block.question):
        fields.problem(path + ("question",), f"'{block.question}' is not a question id"
                                             f"{did_you_mean(block.question, [q.id for q in survey.questions])}",
                       "Use the id of a question in survey.yaml.")
        return
    question = survey.question(block.question)
    if question.kind not in CHOICE_KINDS:
        fields.problem(path + ("question",), f"'{question.id}' has no choices to list",
                       "Name a question with choices.")
        return
    for index, choice in enumerate(block.among):
        if choice not in question.choice_ids():
            fields.problem(path + ("among", index), f"'{choice}' is not a choice of '{question.id}'"
                                                    f"{did_you_mean(choice, question.choice_ids())}",
                           f"Use one of: {', '.join(question.choice_ids())}.")


def _find_chosen(fields: Fields, block: ChosenAnswers) -> YamlPath:
    for s_index, section in enumerate(fields.doc.data.get("sections") or []):
        for b_index, raw in enumerate((section or {}).get("blocks") or [] if isinstance(section, dict) else []):
            chosen = raw.get("chosen") if isinstance(raw, dict) else None
            if isinstance(chosen, dict) and chosen.get("question") == block.question and \
                    tuple(chosen.get("among") or ()) == block.among:
                return ("sections", s_index, "blocks", b_index, "chosen")
    return ("sections",)


def _read_summary(fields: Fields, value: Any, survey: Survey | None) -> SummaryLabels | None:
    path = ("clinician_summary",)
    data = fields.mapping(value, path, required=("strings", "rows"), what="clinician_summary")
    if data is None or "strings" not in data or "rows" not in data:
        return None
    raw = fields.mapping(data["strings"], path + ("strings",), required=tuple(SUMMARY_STRINGS),
                         what="the summary's strings")
    if raw is None:
        return None
    strings = {key: fields.text(raw[key], path + ("strings", key), what=key, allowed_placeholders=names,
                                exact=True) for key, names in SUMMARY_STRINGS.items() if key in raw}
    rows = []
    items = fields.sequence(data["rows"], path + ("rows",), what="rows", min_items=1) or []
    for index, item in enumerate(items):
        where = path + ("rows", index)
        row = fields.mapping(item, where, required=("question", "label"), what="this row")
        if row is None:
            continue
        question_id = fields.ident(row.get("question"), where + ("question",), what="the question id")
        label = fields.text(row.get("label"), where + ("label",), what="the label")
        if survey is not None and question_id and not survey.has_question(question_id):
            fields.problem(where + ("question",), f"'{question_id}' is not a question id",
                           "Use the id of a question in survey.yaml.")
        elif question_id and label:
            rows.append((question_id, label))
    if len(strings) != len(SUMMARY_STRINGS) or None in strings.values() or len(rows) != len(items):
        return None
    return SummaryLabels(strings, tuple(rows))
