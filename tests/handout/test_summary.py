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
    assert "Calf pain on walking that eases with rest (possible claudication)" in flags and len(flags) == 8
    assert any(flag.startswith("High-risk foot") for flag in flags)
    assert any(flag.startswith("Severe cramps") for flag in flags)
    answers = groups["Answers"]
    assert answers["Nights woken (of 7)"].value == "6"
    assert "Kidney" in answers["Other health problems"].value and "Metformin" in answers["Medicines"].value
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


def test_the_summary_has_the_handout_number_and_the_high_risk_foot_answers(shipped_content):
    answers = {**BASELINE, "mnsi_08": "yes", "mnsi_15": "not_sure"}
    spec = build_summary(shipped_content, answers, compute_outcome(shipped_content.survey, answers),
                         kiosk_name="Lobby 2", when=datetime(2026, 11, 23, 14, 5), patient_language="en", number=17)
    groups = rows(spec)
    assert groups["Safety check"]["Handout number"].value == "17"
    assert groups["Answers"]["Open sore on a foot, ever"].value == "Yes"
    assert groups["Answers"]["Amputation (toe, foot or leg)"].value == "Not sure"  # never "not answered"
    assert [row.value for row in groups["Clinician flags"].values()][0].startswith("High-risk foot")
    unnumbered = rows(summary(shipped_content, answers, "en"))
    assert unnumbered["Safety check"]["Handout number"].value.startswith("None")


def test_not_sure_shows_as_not_sure_for_every_kind_of_question(shipped_content):
    answers = {**BASELINE, "cramp_any": "yes", "cramp_nights": "not_sure", "cramp_worst_pain": "not_sure",
               "cramp_where": "not_sure", "smoking": "prefer_not", "pregnant": "not_sure"}
    groups = rows(summary(shipped_content, answers, "en"))["Answers"]
    assert groups["Nights woken (of 7)"].value == "Not sure"
    assert groups["Worst pain (0-10)"].value == "Not sure"
    assert groups["Where"].value == "Not sure"
    assert groups["Smokes"].value == "Prefer not to say"
    assert groups["Pregnant"].value == "Not sure"
