"""Reads content/handout.yaml: the handout's sections and their rules, the doctor-question pool, the words of
the date and page numbers, and the clinician summary's labels."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kiosk.content.conditions import Scope, check_condition, read_condition
from kiosk.content.model import (DoctorQuestion, FlaggedSymptoms, Handout, HandoutSection, ItemList, Paragraph,
                                 StepList, SummaryLabels, Survey)
from kiosk.content.read_explainer import check_asset
from kiosk.fields import Fields
from kiosk.yamldoc import YamlPath

CLINIC_PLACEHOLDERS = ("clinic_name", "clinic_phone", "clinic_address", "clinic_website")
STRINGS = {"title": (), "prepared_for": ("name",), "footer": (), "page_label": ("page", "pages"),
           "date_format": ("day", "month", "year")}
# Sections the kiosk itself relies on: the urgent box, the warning signs, where doctor questions go, the clinic.
REQUIRED_SECTIONS = ("tell_the_desk", "questions_for_your_doctor", "get_help_now", "about_the_clinic")
QUESTIONS_SECTION = "questions_for_your_doctor"
STYLES = ("normal", "alert")
MIN_DOCTOR_QUESTIONS, MAX_DOCTOR_QUESTIONS = 3, 6
SUMMARY_STRINGS = {
    "title": (), "subtitle": ("kiosk", "date", "time", "language"), "for_staff": (), "page_label": ("page", "pages"),
    "safety": (), "alert_level": (), "alert_none": (), "alert_urgent": (), "alert_emergency": (), "symptoms": (),
    "nerves": (), "mnsi_label": (), "mnsi_value": ("score", "possible", "answered", "threshold"),
    "mnsi_positive": (), "mnsi_not_positive": (), "flags": (), "none": (), "answers": (), "not_answered": (),
    "flag_cramp_over_10_min": (), "flag_possible_claudication": (), "flag_possible_rls": (),
    "flag_mnsi_positive": (), "flag_pregnant": (), "flag_frequent_night_cramps": (),
}


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
        data = fields.mapping(item, where, optional=("paragraph", "list", "checklist", "steps", "symptoms"),
                              what="this block")
        if data is None:
            continue
        if len(data) != 1:
            fields.problem(where, "a block is one of paragraph, list, checklist, steps or symptoms",
                           "Start each block with '- paragraph:', '- list:', '- checklist:', '- steps:' or "
                           "'- symptoms: true'.")
            continue
        kind, raw = next(iter(data.items()))
        where = where + (kind,)
        if kind == "paragraph":
            text = fields.text(raw, where, what="this paragraph", allowed_placeholders=CLINIC_PLACEHOLDERS)
            blocks.append(Paragraph(text) if text else None)
        elif kind in ("list", "checklist"):
            entries = _read_items(fields, raw, where)
            blocks.append(ItemList(entries, checklist=kind == "checklist") if entries else None)
        elif kind == "steps":
            steps = fields.mapping(raw, where, required=("items",), optional=("picture",), what="the steps")
            entries = _read_items(fields, steps.get("items"), where + ("items",)) if steps else None
            picture = check_asset(fields, steps["picture"], where + ("picture",), assets) \
                if steps and "picture" in steps else None
            blocks.append(StepList(entries, picture) if entries else None)
        elif fields.boolean(raw, where, what="symptoms") is True:
            blocks.append(FlaggedSymptoms())
    return None if None in blocks else tuple(blocks)


def _read_items(fields: Fields, value: Any, path: YamlPath) -> tuple | None:
    items = fields.sequence(value, path, what="the list", min_items=1)
    if items is None:
        return None
    texts = [fields.text(item, path + (index,), what="this item", allowed_placeholders=CLINIC_PLACEHOLDERS)
             for index, item in enumerate(items)]
    return None if None in texts else tuple(texts)


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
    for index, section in enumerate(sections):
        if section.include_if is not None:
            check_condition(fields, section.include_if, Scope(by_id, order, len(order), results=True,
                                                              sections_before=all_sections[:index],
                                                              all_sections=all_sections))
    for question in questions:
        if question.include_if is not None:
            check_condition(fields, question.include_if, Scope(by_id, order, len(order), results=True,
                                                               sections_before=all_sections,
                                                               all_sections=all_sections))


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
