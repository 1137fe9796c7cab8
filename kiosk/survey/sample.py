"""A sample patient for screenshots, self-tests and benchmarks: cramps at night, some nerve symptoms,
type 2 diabetes, no red flags. Also a way to walk a session to any question with such answers."""

from __future__ import annotations

from typing import Any, Mapping

from kiosk.survey.session import SurveySession

SKIPPED = "__skipped__"

SAMPLE_ANSWERS: dict[str, Any] = {
    "red_flags": ("none",), "cramp_any": "yes", "cramp_where": ("calf_left", "calf_right", "toes_right"),
    "cramp_nights": 3, "cramp_duration": "1_to_5_min", "cramp_worst_pain": 7, "sleep_impact": 6,
    "cramp_when": ("night", "resting_day"), "walk_pain_eases_rest": "no", "restless_urge": "not_sure",
    **{f"mnsi_{n:02d}": "no" for n in range(1, 16)},
    "mnsi_01": "yes", "mnsi_02": "yes", "mnsi_05": "yes", "mnsi_07": "yes", "mnsi_11": "yes", "mnsi_13": "yes",
    "mnsi_10": SKIPPED,
    "diabetes": "type_2", "conditions": ("none",), "pregnant": "not_applicable", "smoking": "no",
    "alcohol_per_week": "1_to_7", "medicines": ("statin", "metformin"), "water_glasses": "4_to_6",
    "stretch_before_bed": "sometimes", "exercise": "some_days", "long_standing": "no", "shoes_support": "yes",
    "first_name": "María José",
}

# A patient whose answers put every section into the handout: the longest there can be (benchmarks, tests).
EVERY_SECTION_ANSWERS: dict[str, Any] = {
    "red_flags": ("one_leg_swollen", "foot_wound", "sudden_weakness", "dark_urine", "fever_red_leg"),
    "cramp_any": "yes", "cramp_where": ("calf_left", "calf_right", "foot_left", "toes_right"), "cramp_nights": 6,
    "cramp_duration": "over_10_min", "cramp_worst_pain": 9, "sleep_impact": 9,
    "cramp_when": ("night", "resting_day", "during_exercise"), "walk_pain_eases_rest": "yes",
    "restless_urge": "yes", **{f"mnsi_{n:02d}": "yes" for n in range(1, 16)}, "diabetes": "type_2",
    "conditions": ("kidney", "thyroid", "circulation", "low_vitamins", "chemo"), "pregnant": "yes",
    "smoking": "yes", "alcohol_per_week": "15_plus",
    "medicines": ("statin", "diuretic", "beta_blocker", "blood_pressure_other", "asthma_inhaler", "metformin"),
    "water_glasses": "0_to_3", "stretch_before_bed": "no", "exercise": "rarely", "long_standing": "yes",
    "shoes_support": "no", "first_name": "Maximiliano Bartholomew-Quiñon",
}


def walk(session: SurveySession, answers: Mapping[str, Any] = SAMPLE_ANSWERS, stop_at: str | None = None) -> None:
    """Answer question after question until `stop_at` is on screen, or the review."""
    while not session.at_review and session.question.id != stop_at:
        question = session.question
        value = answers.get(question.id, SKIPPED)
        if value == SKIPPED and question.skip:
            session.skip()
            continue
        if value == SKIPPED:
            value = question.choice_ids()[0] if question.choice_ids() else question.min
        session.set_answer(value)
        session.next()
