"""What a screen says (spec §7): one model per screen, built from content in the visit's language, that the
widgets are named from, that speech reads and that tests read, so what is drawn, what is heard and what a
screen reader is given cannot drift apart. Plain Python (no Qt): a screen builds its `ScreenSays` from the
same content and answers it draws.

Reading order is the screen's: title, texts, then the controls. When a screen opens, speech reads the title,
the texts and every choice with its state; actions are read when they are focused. `private` texts are on
screen but never spoken (the typed first name: a waiting room can hear).
"""

from __future__ import annotations

import re

from dataclasses import dataclass

from kiosk.content.model import (KIND_BODY_MAP, KIND_MULTI, KIND_TEXT, KIND_YES_NO, MULTI_KINDS, NUMBER_KINDS,
                                 Question, UiStrings)

ROLE_CHOICE = "choice"     # one of several (a radio button)
ROLE_TOGGLE = "toggle"     # any of several (a check box)
ROLE_NUMBER = "number"     # one of a row of numbers ("3 of 11")
ROLE_ACTION = "action"     # a button that does something


@dataclass(frozen=True)
class Control:
    id: str                            # a choice id, a number, or the action's name ("next", "back", "skip")
    name: str                          # the words, in the visit's language
    role: str
    selected: bool | None = None       # for choices; None for actions
    position: tuple[int, int] | None = None   # (place, count) in a row of numbers
    enabled: bool = True

    @property
    def is_choice(self) -> bool:
        return self.role != ROLE_ACTION


@dataclass(frozen=True)
class ScreenSays:
    language: str
    title: str
    texts: tuple[str, ...] = ()
    controls: tuple[Control, ...] = ()
    private: tuple[str, ...] = ()      # shown, never spoken

    @property
    def choices(self) -> tuple[Control, ...]:
        return tuple(control for control in self.controls if control.is_choice)

    @property
    def actions(self) -> tuple[Control, ...]:
        return tuple(control for control in self.controls if not control.is_choice)

    def control(self, control_id: str) -> Control:
        return next(control for control in self.controls if control.id == control_id)


@dataclass(frozen=True)
class StateWords:
    """How a control's state is said, in one language (content/ui.yaml's speech.* strings)."""

    selected: str
    not_selected: str
    position: str                      # "{current} of {total}"
    unavailable: str

    @classmethod
    def from_ui(cls, ui: UiStrings, language: str) -> StateWords:
        return cls(ui.get("speech.selected", language), ui.get("speech.not_selected", language),
                   ui.strings["speech.position"][language], ui.get("speech.unavailable", language))


def spoken_control(control: Control, words: StateWords) -> str:
    """"Yes, selected", "7, 8 of 11, not selected", "Next, unavailable"."""
    parts = [control.name]
    if control.position is not None:
        parts.append(words.position.format(current=control.position[0], total=control.position[1]))
    if control.selected is not None:
        parts.append(words.selected if control.selected else words.not_selected)
    if not control.enabled:
        parts.append(words.unavailable)
    return ", ".join(parts)


def withhold(text: str, secrets: tuple[str, ...]) -> str:
    """`text` without any of `secrets` in it, whatever their case ("First name: Ana" -> "First name")."""
    for secret in secrets:
        if secret.strip():
            text = re.sub(rf"(?<!\w){re.escape(secret.strip())}(?!\w)", "", text, flags=re.IGNORECASE)
    return re.sub(r"\s*[:,]\s*$", "", re.sub(r"\s{2,}", " ", text)).strip()


def opening_words(says: ScreenSays, words: StateWords) -> list[str]:
    """What speech reads when the screen opens: title, texts, then each choice with its state."""
    private = set(says.private)
    lines = [says.title, *says.texts, *(spoken_control(choice, words) for choice in says.choices)]
    return [line for line in lines if line and not any(secret and secret in line for secret in private)]


def question_says(question: Question, ui: UiStrings, language: str, answer, progress: tuple[int, int],
                  can_go_next: bool, skip_available: bool = True) -> ScreenSays:
    """One survey question: the prompt, its hint and progress, each choice with its state, and the actions."""
    current, total = progress
    hint = question.hint[language] if question.hint else ui.get("survey.pick_all", language) \
        if question.kind in MULTI_KINDS else ""
    texts = tuple(text for text in (hint, ui.get("survey.question_of", language, current=current, total=total))
                  if text)
    chosen = set(answer) if isinstance(answer, (tuple, list)) else {answer}
    controls: list[Control] = []
    if question.kind == KIND_YES_NO:
        controls += [Control(choice_id, ui.get(f"choice.{choice_id}", language), ROLE_CHOICE, choice_id in chosen)
                     for choice_id in ("yes", "no")]
    elif question.kind in NUMBER_KINDS:
        numbers = range(question.min, question.max + 1)
        controls += [Control(str(n), _number_name(question, ui, language, n), ROLE_NUMBER, n in chosen,
                             (place, len(numbers))) for place, n in enumerate(numbers, 1)]
    elif question.kind != KIND_TEXT:
        role = ROLE_TOGGLE if question.kind in (KIND_MULTI, KIND_BODY_MAP) else ROLE_CHOICE
        controls += [Control(choice.id, choice.label[language], role, choice.id in chosen)
                     for choice in question.choices]
    controls.append(Control("back", ui.get("common.back", language), ROLE_ACTION))
    if question.skip is not None and skip_available:
        controls.append(Control("skip", ui.get(f"survey.skip_{question.skip}", language), ROLE_ACTION,
                                selected=None))
    controls.append(Control("next", ui.get("common.next", language), ROLE_ACTION, enabled=can_go_next))
    controls.append(Control("start_over", ui.get("common.start_over", language), ROLE_ACTION))
    private = (str(answer),) if question.kind == KIND_TEXT and answer else ()
    return ScreenSays(language, question.prompt[language], texts, tuple(controls), private)


def _number_name(question: Question, ui: UiStrings, language: str, number: int) -> str:
    """A number, with the scale's word anchor at either end ("0, no pain")."""
    if number == question.min and question.low_label is not None:
        return f"{number}, {question.low_label[language]}"
    if number == question.max and question.high_label is not None:
        return f"{number}, {question.high_label[language]}"
    return str(number)


def words_says(ui: UiStrings, language: str, title_key: str, *text_keys: str, **values) -> ScreenSays:
    """A screen that says a title and some sentences from content/ui.yaml (alerts, review, handout, done)."""
    return ScreenSays(language, ui.get(title_key, language, **values),
                      tuple(ui.get(key, language, **values) for key in text_keys))


def welcome_says(ui: UiStrings, language: str, languages: tuple[str, ...]) -> ScreenSays:
    choices = tuple(Control(code, ui.language_names[code], ROLE_CHOICE, code == language) for code in languages)
    actions = tuple(Control(key, ui.get(f"welcome.{key}", language), ROLE_ACTION)
                    for key in ("start_check", "learn"))
    return ScreenSays(language, ui.get("welcome.title", language), (ui.get("welcome.subtitle", language),),
                      choices + actions)


def chapter_says(chapter, language: str) -> ScreenSays:
    """An explainer page: its title, then every paragraph and list item, then the picture's description."""
    texts: list[str] = []
    for block in chapter.blocks:
        if hasattr(block, "items"):
            texts += [item.text[language] for item in block.items]
        else:
            texts.append(block.text[language])
    texts.append(chapter.illustration.alt[language])
    return ScreenSays(language, chapter.title[language], tuple(texts))
