"""compute_outcome follows spec §2.1, §2.3 and §3: alert level, MNSI score from content, clinician flags."""

from __future__ import annotations

import pytest

from kiosk import paths
from kiosk.content import load_content
from kiosk.survey.outcome import alert_level, compute_outcome

# Spec §2.3, copied here on purpose: the content must agree with the spec, not the test with the content.
MNSI_POINT_FOR = {"mnsi_01": "yes", "mnsi_02": "yes", "mnsi_03": "yes", "mnsi_05": "yes", "mnsi_06": "yes",
                  "mnsi_07": "no", "mnsi_08": "yes", "mnsi_09": "yes", "mnsi_11": "yes", "mnsi_12": "yes",
                  "mnsi_13": "no", "mnsi_14": "yes", "mnsi_15": "yes"}
MNSI_NOT_SCORED = ("mnsi_04", "mnsi_10")
# Spec §3, in its order.
SPEC_FLAGS = ("cramp_over_10_min", "possible_claudication", "possible_rls", "mnsi_positive", "pregnant",
              "frequent_night_cramps", "high_risk_foot", "severe_cramps")
EMERGENCY = ("chest_or_breathing", "stroke_signs", "leg_cold_pale", "bladder_bowel", "weakness_spreading")
URGENT = ("one_leg_swollen", "foot_wound", "sudden_weakness", "dark_urine", "fever_red_leg")


def opposite(answer):
    return "no" if answer == "yes" else "yes"


def mnsi_answers(points: int) -> dict:
    """All 13 scored items answered, exactly `points` of them for a point (plus the two unscored ones)."""
    answers = {item: (point if index < points else opposite(point))
               for index, (item, point) in enumerate(MNSI_POINT_FOR.items())}
    return {**answers, "mnsi_04": "yes", "mnsi_10": "yes"}


@pytest.fixture
def survey(shipped_content):
    return shipped_content.survey


def outcome(survey, **answers):
    return compute_outcome(survey, answers)


# --- alert level ------------------------------------------------------------------------------------


def test_no_red_flags_answer_gives_no_alert(survey):
    result = outcome(survey)
    assert result.alert_level == "none" and result.flagged_symptoms == ()


def test_the_none_choice_gives_no_alert(survey):
    result = outcome(survey, red_flags=("none",))
    assert result.alert_level == "none" and result.flagged_symptoms == ()


@pytest.mark.parametrize("flag", EMERGENCY)
def test_each_emergency_flag(survey, flag):
    assert outcome(survey, red_flags=(flag,)).alert_level == "emergency"


@pytest.mark.parametrize("flag", URGENT)
def test_each_urgent_flag(survey, flag):
    assert outcome(survey, red_flags=(flag,)).alert_level == "urgent"


def test_the_content_levels_match_the_spec(survey):
    question = survey.question("red_flags")
    levels = {choice.id: choice.alert for choice in question.choices}
    assert levels == {**{f: "emergency" for f in EMERGENCY}, **{f: "urgent" for f in URGENT}, "none": None}


@pytest.mark.parametrize("urgent", URGENT)
@pytest.mark.parametrize("emergency", EMERGENCY)
def test_emergency_wins_over_urgent(survey, urgent, emergency):
    assert outcome(survey, red_flags=(emergency, urgent)).alert_level == "emergency"
    assert outcome(survey, red_flags=(urgent, emergency)).alert_level == "emergency"


def test_several_urgent_flags_stay_urgent_and_are_all_listed_in_choice_order(survey):
    result = outcome(survey, red_flags=("fever_red_leg", "one_leg_swollen", "dark_urine"))
    assert result.alert_level == "urgent"
    assert result.flagged_symptoms == ("one_leg_swollen", "dark_urine", "fever_red_leg")


def test_alert_level_function_returns_level_and_flags(survey):
    assert alert_level(survey, {"red_flags": ("foot_wound", "leg_cold_pale")}) == (
        "emergency", ("leg_cold_pale", "foot_wound"))
    assert alert_level(survey, {}) == ("none", ())


# --- MNSI score -------------------------------------------------------------------------------------


def test_the_content_scores_the_items_the_spec_scores(survey):
    scored = {q.id: q.score.point_for for q in survey.questions if q.score is not None and q.score.score_id == "mnsi"}
    assert scored == MNSI_POINT_FOR
    for item in MNSI_NOT_SCORED:
        assert survey.question(item).score is None


@pytest.mark.parametrize("item, point_for", sorted(MNSI_POINT_FOR.items()))
def test_each_scored_item_scores_for_its_answer_only(survey, item, point_for):
    scoring = outcome(survey, **{item: point_for})
    assert (scoring.mnsi_score, scoring.mnsi_answered) == (1, 1)
    other = outcome(survey, **{item: opposite(point_for)})
    assert (other.mnsi_score, other.mnsi_answered) == (0, 1)


@pytest.mark.parametrize("item", ["mnsi_07", "mnsi_13"])
def test_the_two_reversed_items_score_for_no(survey, item):
    assert outcome(survey, **{item: "no"}).mnsi_score == 1
    assert outcome(survey, **{item: "yes"}).mnsi_score == 0


@pytest.mark.parametrize("item", MNSI_NOT_SCORED)
@pytest.mark.parametrize("reply", ["yes", "no"])
def test_unscored_items_never_score_nor_count_as_answered(survey, item, reply):
    result = outcome(survey, **{item: reply})
    assert (result.mnsi_score, result.mnsi_answered) == (0, 0)


def test_mnsi_answered_counts_answered_scored_items_only(survey):
    answers = {"mnsi_01": "yes", "mnsi_04": "yes", "mnsi_07": "yes", "mnsi_10": "no", "mnsi_13": "no",
               "cramp_any": "yes", "diabetes": "type_2"}
    result = compute_outcome(survey, answers)
    assert result.mnsi_answered == 3
    assert result.mnsi_score == 2        # mnsi_01 yes, mnsi_13 no


def test_all_thirteen_points(survey):
    result = compute_outcome(survey, mnsi_answers(13))
    assert (result.mnsi_score, result.mnsi_answered) == (13, 13)


def test_no_points_when_every_answer_is_the_healthy_one(survey):
    result = compute_outcome(survey, mnsi_answers(0))
    assert (result.mnsi_score, result.mnsi_answered, result.mnsi_positive) == (0, 13, False)


def test_the_shipped_threshold_is_4(survey):
    assert compute_outcome(survey, {}).mnsi_threshold == 4


@pytest.mark.parametrize("points, positive", [(0, False), (3, False), (4, True), (5, True), (13, True)])
def test_positive_at_the_threshold_or_above(survey, points, positive):
    result = compute_outcome(survey, mnsi_answers(points))
    assert result.mnsi_score == points
    assert result.mnsi_positive is positive
    assert ("mnsi_positive" in result.flags) is positive


def test_positive_counts_points_not_answered_items(survey):
    # four points among only four answered items is positive; unanswered items are not points
    answers = {"mnsi_01": "yes", "mnsi_02": "yes", "mnsi_07": "no", "mnsi_13": "no"}
    result = compute_outcome(survey, answers)
    assert (result.mnsi_score, result.mnsi_answered, result.mnsi_positive) == (4, 4, True)


def test_the_threshold_comes_from_content(content_copy):
    survey_file = content_copy / "survey.yaml"
    text = survey_file.read_text(encoding="utf-8")
    assert text.count("threshold: 4 ") == 1
    survey_file.write_text(text.replace("threshold: 4 ", "threshold: 7 "), encoding="utf-8")
    content, problems = load_content(content_copy, ("en", "es"), paths.assets_dir())
    assert problems == [], "\n".join(map(str, problems))
    survey = content.survey
    assert compute_outcome(survey, {}).mnsi_threshold == 7
    for points, positive in ((4, False), (6, False), (7, True), (8, True)):
        result = compute_outcome(survey, mnsi_answers(points))
        assert result.mnsi_positive is positive, points
        assert ("mnsi_positive" in result.flags) is positive


# --- clinician flags --------------------------------------------------------------------------------

YES_CRAMPS = {"cramp_any": "yes"}
FLAG_CASES = [
    ("cramp_over_10_min", {**YES_CRAMPS, "cramp_duration": "over_10_min"},
     [{**YES_CRAMPS, "cramp_duration": d} for d in ("under_1_min", "1_to_5_min", "5_to_10_min", "not_sure")]),
    ("possible_claudication", {"walk_pain_eases_rest": "yes"},
     [{"walk_pain_eases_rest": "no"}, {"walk_pain_eases_rest": "not_sure"}]),
    ("possible_rls", {"restless_urge": "yes"}, [{"restless_urge": "no"}, {"restless_urge": "not_sure"}]),
    ("mnsi_positive", mnsi_answers(4), [mnsi_answers(3)]),
    ("pregnant", {"pregnant": "yes"}, [{"pregnant": "no"}, {"pregnant": "not_applicable"}]),
    ("frequent_night_cramps", {**YES_CRAMPS, "cramp_nights": 3},
     [{**YES_CRAMPS, "cramp_nights": n} for n in (0, 1, 2)]),
    ("high_risk_foot", {"mnsi_08": "yes"}, [{"mnsi_08": "no"}, {"mnsi_08": "not_sure"}, {"mnsi_15": "no"},
                                             {"red_flags": ("one_leg_swollen",)}]),
    ("high_risk_foot", {"mnsi_15": "yes"}, [{"mnsi_15": "not_sure"}]),
    ("high_risk_foot", {"red_flags": ("foot_wound",)}, [{"red_flags": ("none",)}]),
    ("severe_cramps", {**YES_CRAMPS, "cramp_worst_pain": 7},
     [{**YES_CRAMPS, "cramp_worst_pain": n} for n in (0, 6)] + [{**YES_CRAMPS, "cramp_worst_pain": "not_sure"}]),
    ("severe_cramps", {**YES_CRAMPS, "sleep_impact": 10},
     [{**YES_CRAMPS, "sleep_impact": 6}, {"cramp_any": "no", "sleep_impact": 9}]),
]


@pytest.mark.parametrize("flag, present, absent_cases", FLAG_CASES, ids=[case[0] for case in FLAG_CASES])
def test_each_clinician_flag_appears_exactly_when_its_rule_holds(survey, flag, present, absent_cases):
    assert compute_outcome(survey, present).flags == (flag,)
    for absent in absent_cases:
        assert compute_outcome(survey, absent).flags == (), absent
    assert compute_outcome(survey, {}).flags == ()


@pytest.mark.parametrize("nights, frequent", [(2, False), (3, True), (4, True), (7, True)])
def test_frequent_night_cramps_from_three_nights(survey, nights, frequent):
    result = compute_outcome(survey, {"cramp_any": "yes", "cramp_nights": nights})
    assert ("frequent_night_cramps" in result.flags) is frequent


def test_all_flags_together_come_in_the_spec_order(survey):
    answers = {"cramp_any": "yes", "cramp_nights": 7, "cramp_duration": "over_10_min", "cramp_worst_pain": 8,
               "walk_pain_eases_rest": "yes", "restless_urge": "yes", "pregnant": "yes", **mnsi_answers(13)}
    assert compute_outcome(survey, answers).flags == SPEC_FLAGS


def test_a_subset_of_flags_keeps_the_spec_order(survey):
    answers = {"pregnant": "yes", "restless_urge": "yes", "cramp_any": "yes", "cramp_nights": 5}
    assert compute_outcome(survey, answers).flags == ("possible_rls", "pregnant", "frequent_night_cramps")


# --- hidden answers ---------------------------------------------------------------------------------


def test_answers_to_hidden_questions_are_ignored(survey):
    answers = {"cramp_any": "no", "cramp_nights": 7, "cramp_duration": "over_10_min"}
    assert compute_outcome(survey, answers).flags == ()
    answers["cramp_any"] = "yes"
    assert compute_outcome(survey, answers).flags == ("cramp_over_10_min", "frequent_night_cramps")


def test_cramp_follow_ups_without_cramp_any_are_ignored(survey):
    assert compute_outcome(survey, {"cramp_nights": 7, "cramp_duration": "over_10_min"}).flags == ()


# --- JSON -------------------------------------------------------------------------------------------


def test_as_json_has_exactly_the_documented_keys(survey):
    answers = {"red_flags": ("foot_wound",), "restless_urge": "yes", **mnsi_answers(5)}
    data = compute_outcome(survey, answers).as_json()
    assert data == {"alert_level": "urgent", "mnsi_score": 5, "mnsi_answered": 13, "mnsi_positive": True,
                    "flags": ["possible_rls", "mnsi_positive", "high_risk_foot"]}


# --- "Not sure" and the flags declared in content -------------------------------------------------------------


def test_not_sure_is_an_answer_but_no_point_and_not_counted_as_answered(survey):
    result = compute_outcome(survey, {**mnsi_answers(4), "mnsi_01": "not_sure"})
    assert result.mnsi_score == 3 and result.mnsi_answered == 12 and not result.mnsi_positive


def test_every_flag_is_declared_in_content_with_its_words(survey):
    assert tuple(flag.id for flag in survey.flags) == SPEC_FLAGS
    assert all(flag.label["en"] and flag.label["es"] for flag in survey.flags)


def test_a_flag_a_site_adds_in_content_works_without_code(content_copy):
    text = (content_copy / "survey.yaml").read_text(encoding="utf-8")
    text += ('  - id: "smokes_and_numb"\n    when: {all: [{question: "smoking", equals: "yes"}, '
             '{question: "mnsi_01", equals: "yes"}]}\n    label: {en: "Smokes, numb feet", es: "Fuma, pies dormidos"}\n')
    (content_copy / "survey.yaml").write_text(text, encoding="utf-8")
    content, problems = load_content(content_copy, ("en", "es"), paths.assets_dir())
    assert problems == []
    assert compute_outcome(content.survey, {"smoking": "yes", "mnsi_01": "yes"}).flags == ("smokes_and_numb",)
