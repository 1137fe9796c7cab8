"""Answers + outcome -> the one-page clinician summary (spec §4), in the staff language. Pure.

For the front desk only: it shows the score and the word "positive" that the patient never sees. No name.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Mapping

from kiosk.content.model import Content
from kiosk.handout.builder import format_date
from kiosk.handout.spec import SummaryRow, SummarySpec
from kiosk.survey.conditions import is_met, visible_answers
from kiosk.survey.outcome import RED_FLAGS, Outcome
from kiosk.survey.words import answer_in_words


def build_summary(content: Content, raw_answers: Mapping[str, Any], outcome: Outcome, *, kiosk_name: str,
                  when: datetime, patient_language: str, paper: str = "letter",
                  number: int | None = None) -> SummarySpec:
    """`number` is the day's handout number (the same one printed on the handout), when printed from a visit."""
    language = content.staff_language
    labels = content.handout.summary
    say = lambda key, **values: labels.get(key, language, **values)  # noqa: E731 - a short local alias
    survey = content.survey
    answers = visible_answers(survey, raw_answers)

    symptoms = [survey.question(RED_FLAGS).choice(flag).label[language] for flag in outcome.flagged_symptoms]
    safety = (SummaryRow(say("handout_number"), str(number) if number else say("no_handout_number"), bool(number)),
              SummaryRow(say("alert_level"), say(f"alert_{outcome.alert_level}"), outcome.alert_level != "none"),
              SummaryRow(say("symptoms"), "; ".join(symptoms) or say("none"), bool(symptoms)))
    nerves = (SummaryRow(say("mnsi_label"), say("mnsi_value", score=outcome.mnsi_score,
                                                possible=outcome.mnsi_possible, answered=outcome.mnsi_answered,
                                                threshold=outcome.mnsi_threshold)),
              SummaryRow("", say("mnsi_positive") if outcome.mnsi_positive else say("mnsi_not_positive"),
                         outcome.mnsi_positive))
    labels_of = {flag.id: flag.label[language] for flag in survey.flags}
    flags = tuple(SummaryRow("", labels_of[flag], True) for flag in outcome.flags) or \
        (SummaryRow("", say("none")),)
    rows = []
    for question_id, label in labels.rows:
        question = survey.question(question_id)
        if question.show_if is not None and not is_met(question.show_if, answers):
            continue  # not asked, so nothing to report
        value = answers.get(question_id)
        words = answer_in_words(question, value, False, content.ui, language, "; ") if value is not None \
            else say("not_answered")
        rows.append(SummaryRow(label[language], words))
    subtitle = say("subtitle", kiosk=kiosk_name, date=format_date(content.handout, when.date(), language),
                   time=when.strftime("%H:%M"), language=content.ui.language_names[patient_language])
    return SummarySpec(
        title=say("title"), subtitle=subtitle,
        groups=((say("safety"), safety), (say("nerves"), nerves), (say("flags"), flags),
                (say("answers"), tuple(rows))),
        footer=say("for_staff"), page_label=say("page_label"), paper=paper)
