"""The content as the rest of the kiosk sees it: frozen, already checked, in every enabled language."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping, Union

from kiosk.content.conditions import Condition
from kiosk.localtext import LocalText

# --- UI strings -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class UiStrings:
    language_names: Mapping[str, str]
    strings: Mapping[str, LocalText]
    staff_language: str | None = None   # what the front desk reads (summary, slips), when ui.yaml says

    def get(self, key: str, language: str, /, **values: object) -> str:
        text = self.strings[key][language]
        return text.format(**values) if values else text


# --- Explainer --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Illustration:
    file: str
    alt: LocalText


@dataclass(frozen=True)
class Paragraph:
    text: LocalText


@dataclass(frozen=True)
class ListItem:
    text: LocalText
    icon: str | None = None


@dataclass(frozen=True)
class BulletList:
    items: tuple[ListItem, ...]


Block = Union[Paragraph, BulletList]


@dataclass(frozen=True)
class Chapter:
    id: str
    title: LocalText
    highlight: LocalText
    illustration: Illustration
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class Explainer:
    chapters: tuple[Chapter, ...]


# --- Survey -----------------------------------------------------------------------------------------

KIND_SINGLE, KIND_MULTI, KIND_YES_NO = "single", "multi", "yes_no"
KIND_SCALE, KIND_COUNT, KIND_BODY_MAP, KIND_TEXT = "scale", "count", "body_map", "text"
QUESTION_KINDS = (KIND_SINGLE, KIND_MULTI, KIND_YES_NO, KIND_SCALE, KIND_COUNT, KIND_BODY_MAP, KIND_TEXT)
CHOICE_KINDS = (KIND_SINGLE, KIND_MULTI, KIND_BODY_MAP)
NUMBER_KINDS = (KIND_SCALE, KIND_COUNT)
MULTI_KINDS = (KIND_MULTI, KIND_BODY_MAP)
YES_NO_IDS = ("yes", "no")
SKIP_KINDS = ("not_sure", "prefer_not")
ALERT_LEVELS = ("emergency", "urgent")


@dataclass(frozen=True)
class Choice:
    id: str
    label: LocalText
    exclusive: bool = False
    alert: str | None = None


@dataclass(frozen=True)
class ScoreRule:
    """This question adds one point to score `score_id` when answered `point_for`."""

    score_id: str
    point_for: str


@dataclass(frozen=True)
class Question:
    id: str
    section: str
    kind: str
    prompt: LocalText
    hint: LocalText | None = None
    choices: tuple[Choice, ...] = ()
    show_if: Condition | None = None
    required: bool = False
    skip: str | None = None
    min: int | None = None
    max: int | None = None
    low_label: LocalText | None = None
    high_label: LocalText | None = None
    image: str | None = None
    score: ScoreRule | None = None
    max_length: int | None = None

    def choice_ids(self) -> tuple[str, ...]:
        if self.kind == KIND_YES_NO:
            return YES_NO_IDS
        return tuple(choice.id for choice in self.choices)

    def choice(self, choice_id: str) -> Choice:
        return next(choice for choice in self.choices if choice.id == choice_id)


@dataclass(frozen=True)
class Section:
    id: str
    title: LocalText


@dataclass(frozen=True)
class ScoreDefinition:
    id: str
    threshold: int


@dataclass(frozen=True)
class FlagDefinition:
    """A clinician flag (spec §3): set when its condition holds; `label` is the clinician summary's words."""

    id: str
    when: Condition
    label: LocalText


@dataclass(frozen=True)
class Survey:
    scores: tuple[ScoreDefinition, ...]
    sections: tuple[Section, ...]
    questions: tuple[Question, ...]
    flags: tuple[FlagDefinition, ...] = ()
    _by_id: Mapping[str, Question] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_id", {question.id: question for question in self.questions})

    def question(self, question_id: str) -> Question:
        return self._by_id[question_id]

    def has_question(self, question_id: str) -> bool:
        return question_id in self._by_id


# --- Handout ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ItemList:
    """`list` (bullets) or `checklist` (tick boxes) in handout.yaml. `conditions`, when not empty, holds one
    include_if (or None) per item: an item whose rule does not hold is left out."""

    items: tuple[LocalText, ...]
    checklist: bool = False
    conditions: tuple[Condition | None, ...] = ()


@dataclass(frozen=True)
class StepList:
    """Numbered steps; `picture` is drawn above them, its panels numbered to match the steps (one panel a
    step, left to right) when `numbered_picture` is set."""

    items: tuple[LocalText, ...]
    picture: str | None = None
    conditions: tuple[Condition | None, ...] = ()
    numbered_picture: bool = False


@dataclass(frozen=True)
class FlaggedSymptoms:
    """Stands for the red-flag choices the patient picked, in their words (the urgent box only)."""


@dataclass(frozen=True)
class WarningSigns:
    """The safety question's choices of one alert level, in the survey's own words (get_help_now)."""

    level: str


@dataclass(frozen=True)
class ChosenAnswers:
    """The choices of `question` the patient picked, in the survey's words, limited to `among` when given."""

    question: str
    among: tuple[str, ...] = ()


@dataclass(frozen=True)
class Conditional:
    """A block printed only when `include_if` holds (the handout's condition language)."""

    block: "HandoutBlock"
    include_if: Condition


HandoutBlock = Union[Paragraph, ItemList, StepList, FlaggedSymptoms, WarningSigns, ChosenAnswers, Conditional]


@dataclass(frozen=True)
class HandoutSection:
    id: str
    title: LocalText
    blocks: tuple[HandoutBlock, ...]
    include_if: Condition | None = None
    general: bool = False  # printed in the general (not personalized) handout
    style: str = "normal"


@dataclass(frozen=True)
class DoctorQuestion:
    id: str
    text: LocalText
    include_if: Condition | None = None


@dataclass(frozen=True)
class SummaryLabels:
    """The clinician summary's own words (staff language); question rows use `rows`."""

    strings: Mapping[str, LocalText]
    rows: tuple[tuple[str, LocalText], ...]  # (question id, short label) in print order

    def get(self, key: str, language: str, /, **values: object) -> str:
        text = self.strings[key][language]
        return text.format(**values) if values else text


@dataclass(frozen=True)
class Handout:
    strings: Mapping[str, LocalText]  # title, prepared_for, footer, page_label, date_format
    months: tuple[LocalText, ...]
    sections: tuple[HandoutSection, ...]
    doctor_questions: tuple[DoctorQuestion, ...]
    summary: SummaryLabels

    def text(self, key: str, language: str) -> str:
        return self.strings[key][language]


# --- All of it --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Content:
    folder: Path
    languages: tuple[str, ...]
    ui: UiStrings
    explainer: Explainer
    survey: Survey
    handout: Handout

    @property
    def staff_language(self) -> str:
        """Front-desk documents (alerts, clinician summary): ui.yaml's staff_language where enabled, else the
        first enabled language."""
        declared = self.ui.staff_language
        return declared if declared in self.languages else self.languages[0]

    def summary(self) -> str:
        return (f"{len(self.explainer.chapters)} chapters, {len(self.survey.questions)} questions, "
                f"{len(self.handout.sections)} handout sections, languages {', '.join(self.languages)}")
