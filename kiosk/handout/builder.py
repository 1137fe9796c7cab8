"""Answers + outcome + the rules in content/handout.yaml -> a HandoutSpec in one language. Pure: no Qt, no I/O.

Sections are chosen in content order by the survey's condition language, with the derived results and the
sections already chosen as extra facts (so `good_shoes` can follow `foot_care`).
"""

from __future__ import annotations

import string
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Mapping

from kiosk import paths
from kiosk.config import Clinic, clinic_values
from kiosk.content.model import (ChosenAnswers, Conditional, Content, DoctorQuestion, FlaggedSymptoms, Handout,
                                 HandoutSection, ItemList, Paragraph, StepList, Survey, WarningSigns)
from kiosk.content.read_handout import MAX_DOCTOR_QUESTIONS, QUESTIONS_SECTION
from kiosk.handout.spec import (Block, Branding, Bullets, Checklist, HandoutSpec, Para, QrCode, Questions,
                                SectionSpec, Steps)
from kiosk.localtext import LocalText
from kiosk.survey.conditions import is_met, visible_answers
from kiosk.survey.outcome import RED_FLAGS, Outcome

CLINIC_SECTION = "about_the_clinic"
NAME_QUESTION = "first_name"


@dataclass(frozen=True)
class Selection:
    """Which parts of the handout a patient gets: what `kiosk handout --explain` prints."""

    sections: tuple[HandoutSection, ...]
    doctor_questions: tuple[DoctorQuestion, ...]


def choose(handout: Handout, answers: Mapping[str, Any], outcome: Outcome) -> Selection:
    results = outcome.results()
    chosen: list[HandoutSection] = []
    for section in handout.sections:
        if section.include_if is None or is_met(section.include_if, answers, results,
                                                 {s.id for s in chosen}):
            chosen.append(section)
    ids = {section.id for section in chosen}
    questions = [q for q in handout.doctor_questions
                 if q.include_if is None or is_met(q.include_if, answers, results, ids)]
    return Selection(tuple(chosen), tuple(questions[:MAX_DOCTOR_QUESTIONS]))


def choose_general(handout: Handout) -> Selection:
    """The handout for anyone: sections without a rule, and those marked general; questions that fit all."""
    sections = tuple(s for s in handout.sections if s.include_if is None or s.general)
    questions = tuple(q for q in handout.doctor_questions if q.include_if is None)
    return Selection(sections, questions[:MAX_DOCTOR_QUESTIONS])


def build_handout(content: Content, raw_answers: Mapping[str, Any], outcome: Outcome, *, language: str,
                  clinic: Clinic, today: date, paper: str = "letter", name: str | None = None,
                  number: int | None = None) -> HandoutSpec:
    """`name` overrides the first name answered in the survey; an empty one prints no "Prepared for" line.
    `number` is the day's handout number (spooled from a visit), printed on every page."""
    answers = visible_answers(content.survey, raw_answers)
    if name is None:
        name = answers.get(NAME_QUESTION)
        if content.survey.has_question(NAME_QUESTION) and name == content.survey.question(NAME_QUESTION).skip:
            name = None  # "Prefer not to say" is an answer, not a name
    symptoms = tuple(content.survey.question(RED_FLAGS).choice(flag).label[language]
                     for flag in outcome.flagged_symptoms)
    facts = _Facts(answers, outcome.results())
    return _spec(content, choose(content.handout, answers, outcome), language, clinic, today, paper, name,
                 symptoms, facts, number)


def build_general_handout(content: Content, *, language: str, clinic: Clinic, today: date,
                          paper: str = "letter") -> HandoutSpec:
    return _spec(content, choose_general(content.handout), language, clinic, today, paper, None, (), None, None)


def format_date(handout: Handout, day: date, language: str) -> str:
    month = handout.months[day.month - 1][language]
    return handout.text("date_format", language).format(day=day.day, month=month, year=day.year)


@dataclass(frozen=True)
class _Facts:
    """What block and item rules are tested against; None for the general handout (it belongs to no one, so a
    block with a rule is left out, and so is an item with one, unless the rule holds for no answers at all)."""

    answers: Mapping[str, Any]
    results: Mapping[str, Any]


def _spec(content: Content, choice: Selection, language: str, clinic: Clinic, today: date, paper: str,
          name: str | None, symptoms: tuple[str, ...], facts: _Facts | None, number: int | None) -> HandoutSpec:
    handout = content.handout
    filler = _Filler(language, clinic_values(clinic), paths.assets_dir(), content.survey, facts)
    sections = []
    chosen_ids: set[str] = set()
    for section in choice.sections:
        chosen_ids.add(section.id)
        blocks = [block for block in (filler.block(b, symptoms, frozenset(chosen_ids)) for b in section.blocks)
                  if block is not None]
        if section.id == QUESTIONS_SECTION:
            blocks.append(Questions(tuple(q.text[language] for q in choice.doctor_questions)))
        if section.id == CLINIC_SECTION and clinic.website:
            blocks.append(QrCode(clinic.website))
        sections.append(SectionSpec(section.id, section.title[language], tuple(blocks), section.style))
    name = " ".join((name or "").split())
    return HandoutSpec(
        language=language, title=handout.text("title", language), date_text=format_date(handout, today, language),
        prepared_for=handout.text("prepared_for", language).format(name=name) if name else None,
        sections=tuple(sections), footer=handout.text("footer", language),
        page_label=handout.text("page_label", language), branding=Branding(clinic.name, clinic.logo), paper=paper,
        number_label=handout.text("handout_number", language).format(number=number) if number else None,
        number_room=handout.text("handout_number", language).format(number=999) if facts is not None else None)


@dataclass(frozen=True)
class _Filler:
    """Puts one language's words and the clinic's details into a block; drops text whose details are unset, and
    blocks and items whose rules do not hold."""

    language: str
    clinic: Mapping[str, str]
    assets: Path
    survey: Survey
    facts: _Facts | None

    def holds(self, rule, sections: frozenset[str]) -> bool:
        if rule is None:
            return True
        if self.facts is None:
            return is_met(rule, {}, {}, sections)
        return is_met(rule, self.facts.answers, self.facts.results, sections)

    def text(self, text: LocalText) -> str | None:
        words = text[self.language]
        used = {name for _, name, _, _ in string.Formatter().parse(words) if name}
        if any(not self.clinic.get(name) for name in used):
            return None
        return words.format(**self.clinic) if used else words

    def items(self, texts: tuple[LocalText, ...], rules=(), sections: frozenset[str] = frozenset()) -> tuple[str, ...]:
        kept = [text for index, text in enumerate(texts)
                if not rules or self.holds(rules[index], sections)]
        return tuple(item for item in map(self.text, kept) if item is not None)

    def block(self, block, symptoms: tuple[str, ...], sections: frozenset[str] = frozenset()) -> Block | None:
        if isinstance(block, Conditional):
            if self.facts is None or not self.holds(block.include_if, sections):
                return None
            return self.block(block.block, symptoms, sections)
        if isinstance(block, Paragraph):
            text = self.text(block.text)
            return Para(text) if text else None
        if isinstance(block, FlaggedSymptoms):
            return Bullets(symptoms) if symptoms else None
        if isinstance(block, WarningSigns):
            question = self.survey.question(RED_FLAGS)
            return Bullets(tuple(choice.label[self.language] for choice in question.choices
                                 if choice.alert == block.level))
        if isinstance(block, ChosenAnswers):
            if self.facts is None:
                return None
            question = self.survey.question(block.question)
            value = self.facts.answers.get(block.question)
            chosen = value if isinstance(value, tuple) else (value,)
            labels = tuple(choice.label[self.language] for choice in question.choices
                           if choice.id in chosen and (not block.among or choice.id in block.among))
            return Bullets(labels) if labels else None
        if isinstance(block, StepList):
            items = self.items(block.items, block.conditions, sections)
            return Steps(items, self.assets / block.picture if block.picture else None,
                         numbered_picture=block.numbered_picture) if items else None
        if isinstance(block, ItemList):
            items = self.items(block.items, block.conditions, sections)
            return (Checklist(items) if block.checklist else Bullets(items)) if items else None
        raise TypeError(f"unknown handout block {block!r}")
