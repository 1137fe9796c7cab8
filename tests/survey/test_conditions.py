"""The condition language evaluates as documented (multi-choice semantics, unanswered) and hides answers."""

from __future__ import annotations

import pytest

from kiosk.content.conditions import AllOf, AnyOf, Compare, Not
from kiosk.survey.conditions import is_met, visible_answers

YES = Compare("cramp_any", "equals", "yes")
NIGHTS_3 = Compare("cramp_nights", "at_least", 3)


# --- equals / in on single answers ------------------------------------------------------------------


def test_equals_on_a_single_answer():
    assert is_met(YES, {"cramp_any": "yes"})
    assert not is_met(YES, {"cramp_any": "no"})
    assert not is_met(YES, {"cramp_any": "not_sure"})


def test_in_on_a_single_answer():
    condition = Compare("water_glasses", "in", ("0_to_3", "not_sure"))
    assert is_met(condition, {"water_glasses": "0_to_3"})
    assert is_met(condition, {"water_glasses": "not_sure"})
    assert not is_met(condition, {"water_glasses": "4_to_6"})
    assert not is_met(condition, {"water_glasses": "7_plus"})


def test_equals_with_a_number():
    condition = Compare("cramp_nights", "equals", 3)
    assert is_met(condition, {"cramp_nights": 3})
    assert not is_met(condition, {"cramp_nights": 4})
    assert not is_met(condition, {"cramp_nights": 0})


# --- multi-choice semantics -------------------------------------------------------------------------


def test_equals_on_a_multi_answer_means_among_the_chosen():
    condition = Compare("conditions", "equals", "circulation")
    assert is_met(condition, {"conditions": ("circulation",)})
    assert is_met(condition, {"conditions": ("kidney", "circulation", "toxins")})
    assert not is_met(condition, {"conditions": ("kidney", "thyroid")})
    assert not is_met(condition, {"conditions": ("none",)})


def test_in_on_a_multi_answer_means_any_among_the_chosen():
    condition = Compare("medicines", "in", ("statin", "diuretic", "beta_blocker"))
    assert is_met(condition, {"medicines": ("diuretic",)})
    assert is_met(condition, {"medicines": ("metformin", "beta_blocker")})
    assert is_met(condition, {"medicines": ("statin", "diuretic", "beta_blocker")})
    assert not is_met(condition, {"medicines": ("metformin", "asthma_inhaler")})
    assert not is_met(condition, {"medicines": ("none",)})


def test_equals_on_a_multi_answer_is_not_equality_of_the_whole_set():
    # "statin" alone is not the answer, but it is among the chosen: equals holds.
    assert is_met(Compare("medicines", "equals", "statin"), {"medicines": ("statin", "metformin")})
    # and a choice id is not matched as a substring of another
    assert not is_met(Compare("medicines", "equals", "blood_pressure"), {"medicines": ("blood_pressure_other",)})


# --- at_least / at_most -----------------------------------------------------------------------------


@pytest.mark.parametrize("nights, expected", [(0, False), (2, False), (3, True), (4, True), (7, True)])
def test_at_least_includes_its_bound(nights, expected):
    assert is_met(NIGHTS_3, {"cramp_nights": nights}) is expected


@pytest.mark.parametrize("pain, expected", [(0, True), (4, True), (5, True), (6, False), (10, False)])
def test_at_most_includes_its_bound(pain, expected):
    assert is_met(Compare("cramp_worst_pain", "at_most", 5), {"cramp_worst_pain": pain}) is expected


def test_number_tests_never_hold_for_a_choice_answer():
    assert not is_met(Compare("cramp_any", "at_least", 0), {"cramp_any": "yes"})
    assert not is_met(Compare("cramp_any", "at_most", 100), {"cramp_any": "yes"})
    assert not is_met(Compare("cramp_where", "at_least", 0), {"cramp_where": ("calf_left",)})


# --- answered ---------------------------------------------------------------------------------------


def test_answered_true_and_false():
    answered, unanswered = Compare("first_name", "answered", True), Compare("first_name", "answered", False)
    assert is_met(answered, {"first_name": "Ana"})
    assert not is_met(unanswered, {"first_name": "Ana"})
    assert not is_met(answered, {})
    assert is_met(unanswered, {})


def test_answered_counts_zero_as_an_answer():
    assert is_met(Compare("cramp_nights", "answered", True), {"cramp_nights": 0})
    assert not is_met(Compare("cramp_nights", "answered", False), {"cramp_nights": 0})


@pytest.mark.parametrize("condition", [
    Compare("cramp_any", "equals", "yes"),
    Compare("cramp_any", "equals", "no"),
    Compare("cramp_any", "in", ("yes", "no", "not_sure")),
    Compare("cramp_nights", "at_least", 0),
    Compare("cramp_nights", "at_most", 7),
    Compare("cramp_nights", "equals", 0),
    Compare("conditions", "equals", "none"),
    Compare("first_name", "answered", True),
], ids=lambda c: f"{c.name}-{c.op}-{c.value}")
def test_an_unanswered_question_meets_no_test_except_answered_false(condition):
    other_answers = {"red_flags": ("none",), "diabetes": "no"}
    assert not is_met(condition, other_answers)
    assert not is_met(condition, {})


def test_a_none_value_counts_as_unanswered():
    assert not is_met(YES, {"cramp_any": None})
    assert is_met(Compare("cramp_any", "answered", False), {"cramp_any": None})


# --- all / any / not --------------------------------------------------------------------------------


def test_all_needs_every_part():
    condition = AllOf((YES, NIGHTS_3))
    assert is_met(condition, {"cramp_any": "yes", "cramp_nights": 3})
    assert not is_met(condition, {"cramp_any": "yes", "cramp_nights": 2})
    assert not is_met(condition, {"cramp_any": "no", "cramp_nights": 5})
    assert not is_met(condition, {})


def test_any_needs_one_part():
    condition = AnyOf((Compare("water_glasses", "in", ("0_to_3", "not_sure")), YES))
    assert is_met(condition, {"water_glasses": "0_to_3", "cramp_any": "no"})
    assert is_met(condition, {"water_glasses": "7_plus", "cramp_any": "yes"})
    assert is_met(condition, {"cramp_any": "yes"})
    assert not is_met(condition, {"water_glasses": "7_plus", "cramp_any": "no"})
    assert not is_met(condition, {})


def test_not_inverts_including_for_unanswered():
    assert not is_met(Not(YES), {"cramp_any": "yes"})
    assert is_met(Not(YES), {"cramp_any": "no"})
    assert is_met(Not(YES), {})  # not (unanswered meets equals) -> true


def test_nested_combinators():
    # (diabetes in {type_1,type_2,prediabetes}) or (mnsi_01 = yes and not smoking = yes)
    condition = AnyOf((
        Compare("diabetes", "in", ("type_1", "type_2", "prediabetes")),
        AllOf((Compare("mnsi_01", "equals", "yes"), Not(Compare("smoking", "equals", "yes")))),
    ))
    assert is_met(condition, {"diabetes": "type_2"})
    assert is_met(condition, {"diabetes": "no", "mnsi_01": "yes"})
    assert is_met(condition, {"diabetes": "no", "mnsi_01": "yes", "smoking": "no"})
    assert not is_met(condition, {"diabetes": "no", "mnsi_01": "yes", "smoking": "yes"})
    assert not is_met(condition, {"diabetes": "no", "mnsi_01": "no"})


def test_an_unknown_test_is_an_error_not_false():
    with pytest.raises(ValueError):
        is_met(Compare("cramp_any", "like", "y"), {"cramp_any": "yes"})


# --- visible_answers --------------------------------------------------------------------------------

CRAMP_FOLLOW_UPS = {"cramp_where": ("calf_left",), "cramp_nights": 4, "cramp_duration": "over_10_min",
                    "cramp_worst_pain": 7, "sleep_impact": 5, "cramp_when": ("night",)}


def test_visible_answers_drops_answers_of_hidden_questions(shipped_content):
    survey = shipped_content.survey
    answers = {"red_flags": ("none",), "cramp_any": "no", "cramp_nights": 5, "walk_pain_eases_rest": "yes"}
    assert visible_answers(survey, answers) == {"red_flags": ("none",), "cramp_any": "no",
                                                "walk_pain_eases_rest": "yes"}


def test_visible_answers_keeps_answers_of_shown_questions(shipped_content):
    survey = shipped_content.survey
    answers = {"red_flags": ("none",), "cramp_any": "yes", **CRAMP_FOLLOW_UPS, "walk_pain_eases_rest": "no"}
    assert visible_answers(survey, answers) == answers


@pytest.mark.parametrize("cramp_any", ["no", "not_sure", None])
def test_every_cramp_follow_up_is_dropped_unless_cramp_any_is_yes(shipped_content, cramp_any):
    answers = {**CRAMP_FOLLOW_UPS, "restless_urge": "yes"}
    if cramp_any is not None:
        answers["cramp_any"] = cramp_any
    kept = visible_answers(shipped_content.survey, answers)
    assert not set(CRAMP_FOLLOW_UPS) & set(kept)
    assert kept["restless_urge"] == "yes"


def test_visible_answers_is_in_survey_order_and_ignores_unknown_ids(shipped_content):
    survey = shipped_content.survey
    answers = {"first_name": "Ana", "not_a_question": "x", "cramp_any": "yes", "red_flags": ("none",)}
    kept = visible_answers(survey, answers)
    assert list(kept) == ["red_flags", "cramp_any", "first_name"]
