"""All patient-facing text of a part of the content, one paragraph a line: for readability tests,
translators and reviewers (`kiosk text`)."""

from __future__ import annotations

from typing import Iterator, Mapping

from kiosk.content.model import (BulletList, Chapter, ChosenAnswers, Conditional, Content, HandoutSection, ItemList,
                                 Paragraph, StepList, Survey, WarningSigns)

PARTS = ("explainer", "survey", "handout")


def chapter_sentences(chapter: Chapter, language: str, values: Mapping[str, str]) -> list[str]:
    """The chapter's reading text: title, paragraphs and list items (what the readability formulas measure)."""
    lines = [chapter.title[language]]
    for block in chapter.blocks:
        if isinstance(block, Paragraph):
            lines.append(block.text[language].format(**values))
        elif isinstance(block, BulletList):
            lines.extend(item.text[language].format(**values) for item in block.items)
    return lines


def explainer_lines(content: Content, language: str, values: Mapping[str, str]) -> Iterator[str]:
    for chapter in content.explainer.chapters:
        yield from chapter_sentences(chapter, language, values)
        yield chapter.highlight[language]
        yield chapter.illustration.alt[language]


def survey_lines(content: Content, language: str) -> Iterator[str]:
    """Section titles, then each question: prompt, hint, choices and scale words, in the order asked."""
    survey = content.survey
    for section in survey.sections:
        yield section.title[language]
        for question in (q for q in survey.questions if q.section == section.id):
            yield question.prompt[language]
            for text in (question.hint, question.low_label, question.high_label):
                if text is not None:
                    yield text[language]
            for choice in question.choices:
                yield choice.label[language]


def section_sentences(section: HandoutSection, language: str, values: Mapping[str, str],
                      survey: Survey | None = None) -> list[str]:
    """A handout section's reading text: title, paragraphs, list and step items (every item, whatever its rule),
    and with the survey, the warning signs and every choice a `chosen:` block could list."""
    lines = [section.title[language]]
    for block in section.blocks:
        if isinstance(block, Conditional):
            block = block.block
        if isinstance(block, Paragraph):
            lines.append(block.text[language].format(**values))
        elif isinstance(block, (ItemList, StepList)):
            lines.extend(item[language].format(**values) for item in block.items)
        elif isinstance(block, WarningSigns) and survey is not None:
            lines.extend(choice.label[language] for choice in survey.question("red_flags").choices
                         if choice.alert == block.level)
        elif isinstance(block, ChosenAnswers) and survey is not None:
            lines.extend(choice.label[language] for choice in survey.question(block.question).choices
                         if not block.among or choice.id in block.among)
    return lines


def handout_lines(content: Content, language: str, values: Mapping[str, str]) -> Iterator[str]:
    """The title and footer, every section (whatever its rule), then the pool of questions for the doctor."""
    handout = content.handout
    yield handout.text("title", language)
    yield handout.text("footer", language)
    for section in handout.sections:
        yield from section_sentences(section, language, values, content.survey)
    for question in handout.doctor_questions:
        yield question.text[language]


def part_lines(content: Content, part: str, language: str, values: Mapping[str, str]) -> Iterator[str]:
    if part == "explainer":
        yield from explainer_lines(content, language, values)
    elif part == "survey":
        yield from survey_lines(content, language)
    elif part == "handout":
        yield from handout_lines(content, language, values)
    else:
        raise ValueError(f"unknown part {part!r}")
