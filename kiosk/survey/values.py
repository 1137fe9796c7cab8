"""What a valid answer to each kind of question looks like, and choosing with exclusive choices."""

from __future__ import annotations

from typing import Any

from kiosk.content.model import (KIND_BODY_MAP, KIND_COUNT, KIND_MULTI, KIND_SCALE, KIND_SINGLE, KIND_TEXT,
                                 KIND_YES_NO, Question)


class InvalidAnswer(ValueError):
    """An answer that does not fit its question; the message says why in plain words."""


def check_answer(question: Question, value: Any) -> Any:
    """The answer in its canonical form (multi: a tuple in choice order), or InvalidAnswer.

    A question with a skip button also takes that button's answer ("not_sure" or "prefer_not"), whatever its
    kind: "Not sure" is an answer everywhere (spec §2.2), never "not answered"."""
    kind = question.kind
    if question.skip is not None and value == question.skip:
        return value
    if kind in (KIND_SINGLE, KIND_YES_NO):
        if not isinstance(value, str) or value not in question.choice_ids():
            raise InvalidAnswer(f"'{value}' is not a choice of '{question.id}' "
                                f"(choices: {', '.join(question.choice_ids())})")
        return value
    if kind in (KIND_MULTI, KIND_BODY_MAP):
        items = [value] if isinstance(value, str) else value
        if not isinstance(items, (list, tuple)) or not items or not all(isinstance(i, str) for i in items):
            raise InvalidAnswer(f"'{question.id}' takes a list of choice ids")
        unknown = [item for item in items if item not in question.choice_ids()]
        if unknown:
            raise InvalidAnswer(f"'{unknown[0]}' is not a choice of '{question.id}' "
                                f"(choices: {', '.join(question.choice_ids())})")
        chosen = set(items)
        exclusive = [c.id for c in question.choices if c.exclusive and c.id in chosen]
        if exclusive and len(chosen) > 1:
            raise InvalidAnswer(f"'{exclusive[0]}' in '{question.id}' cannot be combined with other choices")
        return tuple(choice for choice in question.choice_ids() if choice in chosen)
    if kind in (KIND_SCALE, KIND_COUNT):
        if isinstance(value, bool) or not isinstance(value, int) or not question.min <= value <= question.max:
            raise InvalidAnswer(f"'{question.id}' takes a whole number from {question.min} to {question.max}")
        return value
    if kind == KIND_TEXT:
        if not isinstance(value, str) or not value.strip():
            raise InvalidAnswer(f"'{question.id}' takes text")
        text = value.strip()  # the limit is on what is kept, so a stray space never rejects a full-length name
        if len(text) > question.max_length:
            raise InvalidAnswer(f"'{question.id}' takes at most {question.max_length} characters")
        return text
    raise InvalidAnswer(f"unknown question kind {kind!r}")


def toggle_choice(question: Question, chosen: tuple[str, ...], choice_id: str) -> tuple[str, ...]:
    """Tap a card of a multi-choice question: exclusive choices clear the others, and the others clear them."""
    choice = question.choice(choice_id)
    if choice_id in chosen:
        remaining = set(chosen) - {choice_id}
    elif choice.exclusive:
        remaining = {choice_id}
    else:
        exclusive = {c.id for c in question.choices if c.exclusive}
        remaining = (set(chosen) - exclusive) | {choice_id}
    return tuple(c for c in question.choice_ids() if c in remaining)
