"""What the answers mean for the clinic (spec §3): alert level, the MNSI-based score, clinician flags.

Never shown to the patient as a diagnosis: the patient sees none of this; the clinician summary does. The safety
question, the score's items and threshold, and every clinician flag (a condition in the survey's condition
language) are declared in content/survey.yaml; `kiosk check` refuses content that drops or renames them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping

from kiosk.content.conditions import FLAG_RESULTS
from kiosk.content.model import Survey
from kiosk.content.read_survey import MNSI_SCORE, SAFETY_QUESTION
from kiosk.survey.conditions import is_met, visible_answers

ALERT_ORDER = ("none", "urgent", "emergency")
RED_FLAGS = SAFETY_QUESTION
MNSI = MNSI_SCORE
CLINICIAN_FLAGS = FLAG_RESULTS  # the flags spec §3 names; content may declare more


@dataclass(frozen=True)
class Outcome:
    alert_level: str
    flagged_symptoms: tuple[str, ...]
    mnsi_score: int
    mnsi_answered: int
    mnsi_possible: int  # how many items score at all (13 in the shipped survey)
    mnsi_threshold: int
    mnsi_positive: bool
    flags: tuple[str, ...]  # the declared flags that hold, in the order of survey.yaml
    declared_flags: tuple[str, ...] = ()  # every flag survey.yaml declares (a handout rule may test any)

    def results(self) -> dict[str, object]:
        """The values a handout rule's `result:` may test: the kiosk's own results and every declared flag."""
        return {**self.base_results(), **{flag: flag in self.flags for flag in self.declared_flags}}

    def base_results(self) -> dict[str, object]:
        return {"alert_level": self.alert_level, "mnsi_score": self.mnsi_score,
                "mnsi_answered": self.mnsi_answered, "mnsi_positive": self.mnsi_positive}

    def as_json(self) -> dict:
        return {"alert_level": self.alert_level, "mnsi_score": self.mnsi_score, "mnsi_answered": self.mnsi_answered,
                "mnsi_positive": self.mnsi_positive, "flags": list(self.flags)}


def alert_level(survey: Survey, answers: Mapping[str, Any]) -> tuple[str, tuple[str, ...]]:
    """The highest level among the chosen red flags, and those flags (spec §2.1). The loader refuses content
    without the safety question, so it is always there."""
    chosen = answers.get(RED_FLAGS) or ()
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
    # "Not sure" is an answer, but not a yes or no: it adds no point and does not count as answered
    answered = [q for q in scored if answers.get(q.id) in q.choice_ids()]
    score = sum(1 for q in answered if answers[q.id] == q.score.point_for)
    positive = bool(scored) and score >= threshold
    base = {"alert_level": level, "mnsi_score": score, "mnsi_answered": len(answered), "mnsi_positive": positive}
    flags = tuple(flag.id for flag in survey.flags if is_met(flag.when, answers, base))
    return Outcome(level, flagged, score, len(answered), len(scored), threshold, positive, flags,
                   tuple(flag.id for flag in survey.flags))
