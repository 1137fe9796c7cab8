"""Patients for handout tests: a baseline with nothing to act on, and changes to it."""

from __future__ import annotations

from typing import Any

from kiosk.handout.builder import choose
from kiosk.survey.conditions import visible_answers
from kiosk.survey.outcome import compute_outcome
from kiosk.survey.sample import EVERY_SECTION_ANSWERS

# Answers nothing in spec §4 acts on: only the sections printed for everyone follow.
BASELINE: dict[str, Any] = {
    "red_flags": ("none",), "cramp_any": "no", "walk_pain_eases_rest": "no", "restless_urge": "no",
    **{f"mnsi_{n:02d}": "no" for n in range(1, 16)}, "mnsi_07": "yes", "mnsi_13": "yes",
    "diabetes": "no", "conditions": ("none",), "pregnant": "no", "smoking": "no", "alcohol_per_week": "none",
    "medicines": ("none",), "water_glasses": "7_plus", "stretch_before_bed": "yes", "exercise": "most_days",
    "long_standing": "no", "shoes_support": "yes",
}
ALWAYS = ["about_cramps", "during_a_cramp", "questions_for_your_doctor", "get_help_now", "about_the_clinic"]

# Everything at once: the longest handout there can be.
EVERYTHING = EVERY_SECTION_ANSWERS


def chosen(content, answers):
    answers = visible_answers(content.survey, answers)
    return choose(content.handout, answers, compute_outcome(content.survey, answers))


def section_ids(content, answers) -> list[str]:
    return [section.id for section in chosen(content, answers).sections]
