"""All patient-facing text of a part of the content, one paragraph a line: for readability tests,
translators and reviewers (`kiosk text`)."""

from __future__ import annotations

from typing import Iterator, Mapping

from kiosk.content.model import BulletList, Chapter, Content, Paragraph

PARTS = ("explainer",)


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


def part_lines(content: Content, part: str, language: str, values: Mapping[str, str]) -> Iterator[str]:
    if part == "explainer":
        yield from explainer_lines(content, language, values)
    else:
        raise ValueError(f"unknown part {part!r}")
