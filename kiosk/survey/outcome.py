"""What the answers mean for the clinic (spec §3): alert level, the MNSI-based score, clinician flags.

Never shown to the patient as a diagnosis: the patient sees none of this; the clinician summary does.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping

from kiosk.content.conditions import FLAG_RESULTS
from kiosk.content.model import Survey
from kiosk.survey.conditions import visible_answers

ALERT_ORDER = ("none", "urgent", "emergency")
RED_FLAGS = "red_flags"
MNSI = "mnsi"
CLINICIAN_FLAGS = FLAG_RESULTS  # the content layer names them, so handout rules can be checked


@dataclass(frozen=True)
class Outcome:
    alert_level: str
    flagged_symptoms: tuple[str, ...]
    mnsi_score: int
    mnsi_answered: int
    mnsi_possible: int  # how many items score at all (13 in the shipped survey)
    mnsi_threshold: int
    mnsi_positive: bool
    flags: tuple[str, ...]

    def results(self) -> dict[str, object]:
        """The values a handout rule's `result:` may test (kiosk.content.conditions.RESULT_VALUES)."""
        return {"alert_level": self.alert_level, "mnsi_score": self.mnsi_score, "mnsi_answered": self.mnsi_answered,
                **{flag: flag in self.flags for flag in CLINICIAN_FLAGS}}

    def as_json(self) -> dict:
        return {"alert_level": self.alert_level, "mnsi_score": self.mnsi_score, "mnsi_answered": self.mnsi_answered,
                "mnsi_positive": self.mnsi_positive, "flags": list(self.flags)}


def alert_level(survey: Survey, answers: Mapping[str, Any]) -> tuple[str, tuple[str, ...]]:
    """The highest level among the chosen red flags, and those flags (spec §2.1)."""
    chosen = answers.get(RED_FLAGS) or ()
    if not survey.has_question(RED_FLAGS):
        return "none", ()
    question = survey.question(RED_FLAGS)
    flagged = tuple(choice.id for choice in question.choices if choice.id in chosen and choice.alert)
    levels = [question.choice(choice_id).alert for choice_id in flagged]
    level = max(levels, key=ALERT_ORDER.index) if levels else "none"
    return level, flagged


def compute_outcome(survey: Survey, raw_answers: Mapping[str, Any]) -> Outcome:
    answers = visible_answers(survey, raw_answers)
    level, flagged = alert_level(survey, answers)
    threshold = next((score.threshold for score in survey.scores if score.id == MNSI), 0)
    scored = [q for q in survey.questions if q.score is not None and q.score.score_id == MNSI]
    answered = [q for q in scored if q.id in answers]
    score = sum(1 for q in answered if answers[q.id] == q.score.point_for)
    positive = bool(scored) and score >= threshold
    nights = answers.get("cramp_nights")
    present = {
        "cramp_over_10_min": answers.get("cramp_duration") == "over_10_min",
        "possible_claudication": answers.get("walk_pain_eases_rest") == "yes",
        "possible_rls": answers.get("restless_urge") == "yes",
        "mnsi_positive": positive,
        "pregnant": answers.get("pregnant") == "yes",
        "frequent_night_cramps": isinstance(nights, int) and nights >= 3,
    }
    return Outcome(level, flagged, score, len(answered), len(scored), threshold, positive,
                   tuple(flag for flag in CLINICIAN_FLAGS if present[flag]))
