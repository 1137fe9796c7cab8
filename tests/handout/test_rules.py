"""Every rule of clinical spec §4: which sections a patient's answers put into the handout, and the questions
for the doctor. The baseline patient gets only what everyone gets; each case changes one thing."""

from __future__ import annotations

import pytest

from kiosk.handout.builder import choose_general
from tests.handout.patients import ALWAYS, BASELINE, EVERYTHING, chosen, section_ids

SPEC_ORDER = ["tell_the_desk", "about_cramps", "during_a_cramp", "bedtime_routine", "drink_water", "foot_care",
              "blood_sugar", "medicines", "ask_about_b12", "alcohol", "blood_flow", "good_shoes", "move_more",
              "pregnancy", "tell_your_doctor", "questions_for_your_doctor", "get_help_now", "about_the_clinic"]
MNSI_FOUR = {"mnsi_02": "yes", "mnsi_03": "yes", "mnsi_05": "yes", "mnsi_06": "yes"}

# (name, changes to the baseline, the sections that must be added: exactly these)
RULES = [
    ("urgent_red_flag", {"red_flags": ("sudden_weakness",)}, {"tell_the_desk"}),
    ("urgent_foot_wound_is_a_high_risk_foot", {"red_flags": ("foot_wound",)},
     {"tell_the_desk", "foot_care", "good_shoes"}),
    ("sore_on_a_foot_ever", {"mnsi_08": "yes"}, {"foot_care", "good_shoes"}),
    ("amputation", {"mnsi_15": "yes"}, {"foot_care", "good_shoes"}),
    ("pregnant_not_sure", {"pregnant": "not_sure"}, set()),
    ("urgent_swollen_leg", {"red_flags": ("one_leg_swollen", "fever_red_leg")}, {"tell_the_desk"}),
    ("cramps", {"cramp_any": "yes"}, {"bedtime_routine", "drink_water"}),
    ("cramps_not_sure", {"cramp_any": "not_sure"}, set()),
    ("little_water", {"water_glasses": "0_to_3"}, {"drink_water"}),
    ("water_not_sure", {"water_glasses": "not_sure"}, {"drink_water"}),
    ("some_water", {"water_glasses": "4_to_6"}, set()),
    ("type_1", {"diabetes": "type_1"}, {"foot_care", "blood_sugar", "good_shoes"}),
    ("type_2", {"diabetes": "type_2"}, {"foot_care", "blood_sugar", "good_shoes"}),
    ("prediabetes", {"diabetes": "prediabetes"}, {"foot_care", "blood_sugar", "good_shoes"}),
    ("diabetes_not_sure", {"diabetes": "not_sure"}, set()),
    ("numb_feet", {"mnsi_01": "yes"}, {"foot_care", "good_shoes"}),
    ("mnsi_positive", MNSI_FOUR, {"foot_care", "good_shoes"}),
    ("mnsi_three_is_not_enough", {"mnsi_02": "yes", "mnsi_03": "yes", "mnsi_05": "yes"}, set()),
    ("mnsi_reverse_items_count", {"mnsi_07": "no", "mnsi_13": "no", "mnsi_02": "yes", "mnsi_03": "yes"},
     {"foot_care", "good_shoes"}),
    *[(f"medicine_{m}", {"medicines": (m,)}, {"medicines"})
      for m in ("statin", "diuretic", "beta_blocker", "blood_pressure_other", "asthma_inhaler")],
    ("metformin", {"medicines": ("metformin",)}, {"ask_about_b12"}),
    ("medicines_not_sure", {"medicines": ("not_sure",)}, set()),
    ("alcohol_8_to_14", {"alcohol_per_week": "8_to_14"}, {"ask_about_b12", "alcohol"}),
    ("alcohol_15_plus", {"alcohol_per_week": "15_plus"}, {"ask_about_b12", "alcohol"}),
    ("alcohol_1_to_7", {"alcohol_per_week": "1_to_7"}, set()),
    ("alcohol_prefer_not", {"alcohol_per_week": "prefer_not"}, set()),
    ("low_vitamins", {"conditions": ("low_vitamins",)}, {"ask_about_b12"}),
    ("circulation", {"conditions": ("circulation",)}, {"blood_flow"}),
    ("smoking", {"smoking": "yes"}, {"blood_flow"}),
    ("walk_pain", {"walk_pain_eases_rest": "yes"}, {"blood_flow"}),
    ("long_standing", {"long_standing": "yes"}, {"good_shoes"}),
    ("shoes_no", {"shoes_support": "no"}, {"good_shoes"}),
    ("shoes_not_sure", {"shoes_support": "not_sure"}, {"good_shoes"}),
    ("exercise_rarely", {"exercise": "rarely"}, {"move_more"}),
    ("exercise_some_days", {"exercise": "some_days"}, set()),
    ("pregnant", {"pregnant": "yes"}, {"pregnancy"}),
    *[(f"condition_{c}", {"conditions": (c,)}, {"tell_your_doctor"})
      for c in ("kidney", "thyroid", "autoimmune", "viral", "chemo", "injury", "inherited", "toxins")],
]


def test_the_handout_has_the_sections_of_the_spec_in_its_order(shipped_content):
    assert [section.id for section in shipped_content.handout.sections] == SPEC_ORDER


def test_the_baseline_patient_gets_only_what_everyone_gets(shipped_content):
    assert section_ids(shipped_content, BASELINE) == ALWAYS


@pytest.mark.parametrize("changes,added", [rule[1:] for rule in RULES], ids=[rule[0] for rule in RULES])
def test_each_rule_adds_exactly_its_sections(shipped_content, changes, added):
    ids = section_ids(shipped_content, {**BASELINE, **changes})
    assert set(ids) - set(ALWAYS) == added
    assert ids == [section for section in SPEC_ORDER if section in ids], "sections keep the spec's order"


def test_an_emergency_gets_no_urgent_box(shipped_content):
    """An emergency stops the survey; should a handout be made anyway, it never says 'tell the desk today'."""
    assert "tell_the_desk" not in section_ids(shipped_content, {**BASELINE, "red_flags": ("chest_or_breathing",)})


def test_answers_hidden_by_the_survey_do_not_count(shipped_content):
    """A cramp duration kept from before the patient changed cramp_any to 'no' must not steer the handout."""
    answers = {**BASELINE, "cramp_nights": 5, "cramp_duration": "over_10_min"}
    assert [q.id for q in chosen(shipped_content, answers).doctor_questions] == \
        [q.id for q in chosen(shipped_content, BASELINE).doctor_questions]


def test_everything_at_once_gets_every_section_and_six_questions(shipped_content):
    assert section_ids(shipped_content, EVERYTHING) == SPEC_ORDER
    assert len(chosen(shipped_content, EVERYTHING).doctor_questions) == 6


def test_doctor_questions_follow_the_answers(shipped_content):
    def questions(changes):
        return [q.id for q in chosen(shipped_content, {**BASELINE, **changes}).doctor_questions]

    base = questions({})
    assert 3 <= len(base) <= 6 and "what_causes_my_cramps" not in base  # no cramps: no question about "my cramps"
    assert questions({"cramp_any": "yes"})[0] == "what_causes_my_cramps"
    assert "pain_when_walking" in questions({"walk_pain_eases_rest": "yes"}) and "pain_when_walking" not in base
    assert "foot_or_nerve_test" in questions(MNSI_FOUR)
    assert "check_b12" in questions({"medicines": ("metformin",)})
    assert "often_or_long" in questions({"cramp_any": "yes", "cramp_nights": 3})
    assert "often_or_long" not in questions({"cramp_any": "yes", "cramp_nights": 2})


def test_the_general_handout_is_for_anyone(shipped_content):
    choice = choose_general(shipped_content.handout)
    ids = [section.id for section in choice.sections]
    assert "tell_the_desk" not in ids
    assert set(ALWAYS) <= set(ids) and "foot_care" in ids
    assert not {"medicines", "pregnancy", "alcohol", "tell_your_doctor"} & set(ids)
    assert 3 <= len(choice.doctor_questions) <= 6
    assert all(question.include_if is None for question in choice.doctor_questions)


def random_answers(survey):
    """Any answers a patient could give (hidden ones included: the builder must ignore them)."""
    from hypothesis import strategies as st

    from kiosk.content.model import KIND_TEXT, MULTI_KINDS, NUMBER_KINDS

    fields = {}
    for question in survey.questions:
        if question.kind in NUMBER_KINDS:
            value = st.integers(question.min, question.max)
        elif question.kind == KIND_TEXT:
            value = st.text(alphabet="abcñé ", max_size=question.max_length)
        elif question.kind in MULTI_KINDS:
            ordinary = [c.id for c in question.choices if not c.exclusive]
            value = st.lists(st.sampled_from(ordinary), min_size=1, unique=True).map(tuple)
        else:
            value = st.sampled_from(question.choice_ids())
        fields[question.id] = value
    return st.fixed_dictionaries({}, optional=fields)


def test_any_answers_give_three_to_six_questions_and_the_spec_order(shipped_content):
    from hypothesis import given, settings

    from kiosk.survey.conditions import visible_answers
    from kiosk.survey.outcome import compute_outcome

    @settings(max_examples=300, deadline=None)
    @given(random_answers(shipped_content.survey))
    def check(answers):
        choice = chosen(shipped_content, answers)
        ids = [section.id for section in choice.sections]
        assert ids == [section for section in SPEC_ORDER if section in ids]
        assert set(ALWAYS) <= set(ids)
        assert 3 <= len(choice.doctor_questions) <= 6
        urgent = compute_outcome(shipped_content.survey, visible_answers(shipped_content.survey, answers))
        assert ("tell_the_desk" in ids) == (urgent.alert_level == "urgent")
        assert ("good_shoes" in ids) >= ("foot_care" in ids)

    check()


@pytest.mark.parametrize("changes,added", [rule[1:] for rule in RULES[::3]], ids=[rule[0] for rule in RULES[::3]])
def test_the_printed_pdf_has_exactly_the_chosen_sections(shipped_content, changes, added):
    """The same rules, read back from the PDF's text: every chosen title printed, no other."""
    import io
    from datetime import date

    from pypdf import PdfReader

    from kiosk.config import Clinic
    from kiosk.handout.builder import build_handout
    from kiosk.handout.render import render_handout
    from kiosk.survey.outcome import compute_outcome

    answers = {**BASELINE, **changes}
    outcome = compute_outcome(shipped_content.survey, answers)
    pdf = render_handout(build_handout(shipped_content, answers, outcome, language="en", clinic=Clinic(),
                                       today=date(2026, 11, 23)))
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(pdf)).pages)
    expected = set(ALWAYS) | added
    for section in shipped_content.handout.sections:
        assert (section.title["en"] in text) == (section.id in expected), section.id


def test_no_question_about_my_cramps_when_there_are_none(shipped_content):
    """Spec §4: none about "my cramps" when cramp_any = no, whatever else was answered."""
    answers = {**EVERYTHING, "cramp_any": "no"}
    texts = [q.text["en"].lower() for q in chosen(shipped_content, answers).doctor_questions]
    assert texts and not [text for text in texts if "my cramps" in text]


@pytest.mark.parametrize("changes", [{"cramp_worst_pain": 7}, {"sleep_impact": 9}],
                         ids=["worst_pain_7", "sleep_impact_9"])
def test_severe_cramps_raise_the_question_about_cramps_that_come_often_or_last_long(shipped_content, changes):
    mild = {**BASELINE, "cramp_any": "yes", "cramp_nights": 1, "cramp_worst_pain": 3, "sleep_impact": 2}
    ids = [q.id for q in chosen(shipped_content, {**mild, **changes}).doctor_questions]
    assert "often_or_long" not in [q.id for q in chosen(shipped_content, mild).doctor_questions]
    assert ids[:2] == ["what_causes_my_cramps", "often_or_long"]
    busy = {**EVERYTHING, **changes}
    assert "often_or_long" in [q.id for q in chosen(shipped_content, busy).doctor_questions]  # never cut at six
