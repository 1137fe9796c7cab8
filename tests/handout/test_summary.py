"""The clinician summary (spec §4): everything the front desk needs on one page, and never the patient's name."""

from __future__ import annotations

from datetime import datetime

from kiosk.handout.summary import build_summary
from kiosk.survey.outcome import compute_outcome
from tests.handout.patients import BASELINE, EVERYTHING


def summary(content, answers, language="es"):
    return build_summary(content, answers, compute_outcome(content.survey, answers), kiosk_name="Lobby 2",
                         when=datetime(2026, 11, 23, 14, 5), patient_language=language)


def rows(spec):
    return {title: {row.label: row for row in group} for title, group in spec.groups}


def test_the_summary_carries_what_spec_4_lists(shipped_content):
    spec = summary(shipped_content, EVERYTHING)
    assert spec.subtitle == "Lobby 2 · November 23, 2026 at 14:05 · Patient's language: Español"
    groups = rows(spec)
    safety = groups["Safety check"]
    assert safety["Alert level"].value.startswith("URGENT") and safety["Alert level"].emphasis
    assert "One leg or calf" in safety["Flagged symptoms"].value
    nerves = groups["Neuropathy symptom check (based on the MNSI)"]
    assert nerves["Score"].value == "11 of 13 (13 of 13 items answered; positive at 4 or more)"
    assert nerves[""].value == "Positive screen"
    flags = [row.value for row in spec.groups[2][1]]
    assert "Calf pain on walking that eases with rest (possible claudication)" in flags and len(flags) == 6
    answers = groups["Answers"]
    assert answers["Nights woken (of 7)"].value == "6"
    assert "Kidney" in answers["Other conditions"].value and "Metformin" in answers["Medicines"].value
    assert answers["Alcoholic drinks a week"].value == "15 or more" and answers["Exercise"].value
    assert all("Maximiliano" not in row.value for group in spec.groups for row in group[1])


def test_questions_not_asked_are_left_out_and_unanswered_ones_said(shipped_content):
    answers = dict(BASELINE)
    del answers["smoking"]
    groups = rows(summary(shipped_content, answers, "en"))
    assert "Where" not in groups["Answers"]  # no cramps, so never asked
    assert groups["Answers"]["Smokes"].value == "not answered"
    assert groups["Safety check"]["Alert level"].value == "None" and not groups["Safety check"]["Alert level"].emphasis
    assert [row.value for row in rows(summary(shipped_content, answers))["Clinician flags"].values()] == ["None"]
