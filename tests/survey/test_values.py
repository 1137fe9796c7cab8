"""check_answer accepts exactly the valid answers of each kind, canonically; toggle_choice honours exclusivity."""

from __future__ import annotations

import pytest

from kiosk.survey.values import InvalidAnswer, check_answer, toggle_choice


@pytest.fixture
def q(shipped_content):
    return shipped_content.survey.question


# --- single -----------------------------------------------------------------------------------------


def test_single_accepts_each_of_its_choices(q):
    question = q("cramp_duration")
    for choice_id in ("under_1_min", "1_to_5_min", "5_to_10_min", "over_10_min", "not_sure"):
        assert check_answer(question, choice_id) == choice_id


@pytest.mark.parametrize("value", ["maybe", "YES", "", "over_10_mins", ["yes"], ("yes",), 1, None, True, False])
def test_single_rejects_anything_else(q, value):
    with pytest.raises(InvalidAnswer):
        check_answer(q("cramp_any"), value)


def test_single_rejection_names_the_question_and_its_choices(q):
    with pytest.raises(InvalidAnswer, match=r"'maybe' is not a choice of 'cramp_any'.*yes, no, not_sure"):
        check_answer(q("cramp_any"), "maybe")


# --- yes_no -----------------------------------------------------------------------------------------


def test_yes_no_takes_the_strings_yes_and_no(q):
    assert check_answer(q("mnsi_01"), "yes") == "yes"
    assert check_answer(q("mnsi_01"), "no") == "no"


@pytest.mark.parametrize("value", [True, False, 1, 0, "prefer_not", "Yes", "y", None, ["yes"]])
def test_yes_no_rejects_bools_and_other_values(q, value):
    with pytest.raises(InvalidAnswer):
        check_answer(q("mnsi_07"), value)


@pytest.mark.parametrize("question_id, skip", [("mnsi_07", "not_sure"), ("cramp_nights", "not_sure"),
                                                ("cramp_where", "not_sure"), ("first_name", "prefer_not")])
def test_a_skip_button_answer_is_an_answer(q, question_id, skip):
    """Spec §2.2: "Not sure" / "Prefer not to say" is recorded as that answer, never as "not answered"."""
    assert check_answer(q(question_id), skip) == skip


def test_no_skip_answer_where_the_question_has_no_skip_button(q):
    with pytest.raises(InvalidAnswer):
        check_answer(q("red_flags"), "not_sure")


# --- multi and body_map -----------------------------------------------------------------------------


def test_multi_answer_is_a_tuple_in_choice_order(q):
    assert check_answer(q("cramp_when"), ["after_exercise", "night"]) == ("night", "after_exercise")
    assert check_answer(q("cramp_when"), ("resting_day",)) == ("resting_day",)


def test_body_map_answer_is_a_tuple_in_choice_order(q):
    value = ["shin_right", "calf_left", "toes_right", "calf_right"]
    assert check_answer(q("cramp_where"), value) == ("calf_left", "calf_right", "toes_right", "shin_right")


def test_multi_accepts_a_single_string_as_one_choice_and_folds_duplicates(q):
    assert check_answer(q("cramp_when"), "night") == ("night",)
    assert check_answer(q("cramp_when"), ["night", "night"]) == ("night",)


@pytest.mark.parametrize("value", [[], (), None, 3, True, [True], ["night", 3], ["night", "dawn"], ["Night"],
                                   {"night": True}])
def test_multi_rejects_empty_unknown_and_non_string_items(q, value):
    with pytest.raises(InvalidAnswer):
        check_answer(q("cramp_when"), value)


def test_body_map_rejects_a_region_that_is_not_a_choice(q):
    with pytest.raises(InvalidAnswer, match="'knee_left' is not a choice of 'cramp_where'"):
        check_answer(q("cramp_where"), ["calf_left", "knee_left"])


@pytest.mark.parametrize("question_id, value", [
    ("red_flags", ["none", "foot_wound"]),
    ("red_flags", ["chest_or_breathing", "none"]),
    ("conditions", ["kidney", "none"]),
    ("medicines", ["none", "not_sure"]),
    ("medicines", ["statin", "not_sure"]),
])
def test_an_exclusive_choice_cannot_be_combined(q, question_id, value):
    with pytest.raises(InvalidAnswer, match="cannot be combined"):
        check_answer(q(question_id), value)


@pytest.mark.parametrize("question_id, value", [("red_flags", "none"), ("medicines", "none"),
                                                ("medicines", "not_sure"), ("conditions", "none")])
def test_an_exclusive_choice_alone_is_fine(q, question_id, value):
    assert check_answer(q(question_id), [value]) == (value,)


# --- scale and count --------------------------------------------------------------------------------


@pytest.mark.parametrize("question_id, low, high", [("cramp_worst_pain", 0, 10), ("sleep_impact", 0, 10),
                                                    ("cramp_nights", 0, 7)])
def test_numbers_accept_their_whole_range_and_nothing_outside(q, question_id, low, high):
    question = q(question_id)
    for value in range(low, high + 1):
        assert check_answer(question, value) == value
    for value in (low - 1, high + 1, high + 100):
        with pytest.raises(InvalidAnswer, match=f"from {low} to {high}"):
            check_answer(question, value)


@pytest.mark.parametrize("value", [True, False, 3.0, 2.5, "3", None, [3]])
def test_numbers_reject_bools_floats_and_text(q, value):
    with pytest.raises(InvalidAnswer):
        check_answer(q("cramp_nights"), value)


# --- text -------------------------------------------------------------------------------------------


def test_text_is_stripped(q):
    assert check_answer(q("first_name"), "  Ana  ") == "Ana"
    assert check_answer(q("first_name"), "María José") == "María José"
    assert check_answer(q("first_name"), "Begoña\n") == "Begoña"


def test_text_max_length_counts_the_kept_letters(q):
    question = q("first_name")
    assert question.max_length == 30
    assert check_answer(question, "ñ" * 30) == "ñ" * 30
    assert check_answer(question, " " + "a" * 30 + " ") == "a" * 30   # stray spaces never reject a full name
    with pytest.raises(InvalidAnswer, match="at most 30"):
        check_answer(question, "a" * 31)


@pytest.mark.parametrize("value", ["", "   ", "\n\t", None, 5, True, ["Ana"]])
def test_text_rejects_blank_and_non_text(q, value):
    with pytest.raises(InvalidAnswer):
        check_answer(q("first_name"), value)


def test_a_canonical_answer_checks_unchanged(q, shipped_content):
    samples = {"red_flags": ["foot_wound", "chest_or_breathing"], "cramp_any": "no", "cramp_nights": 0,
               "cramp_where": ["toes_left"], "first_name": " Ana ", "mnsi_13": "no", "medicines": ["not_sure"]}
    for question_id, value in samples.items():
        once = check_answer(q(question_id), value)
        assert check_answer(q(question_id), once) == once


# --- toggle_choice ----------------------------------------------------------------------------------


def test_toggle_adds_and_removes_in_choice_order(q):
    question = q("cramp_when")
    chosen = toggle_choice(question, (), "after_exercise")
    assert chosen == ("after_exercise",)
    chosen = toggle_choice(question, chosen, "night")
    assert chosen == ("night", "after_exercise")
    chosen = toggle_choice(question, chosen, "after_exercise")
    assert chosen == ("night",)
    assert toggle_choice(question, chosen, "night") == ()


def test_tapping_none_clears_the_red_flags(q):
    question = q("red_flags")
    chosen = toggle_choice(question, ("chest_or_breathing", "foot_wound"), "none")
    assert chosen == ("none",)


def test_tapping_a_red_flag_clears_none(q):
    question = q("red_flags")
    assert toggle_choice(question, ("none",), "foot_wound") == ("foot_wound",)


def test_tapping_none_again_unchooses_it(q):
    assert toggle_choice(q("red_flags"), ("none",), "none") == ()


def test_medicines_has_two_exclusive_choices(q):
    question = q("medicines")
    assert {choice.id for choice in question.choices if choice.exclusive} == {"none", "not_sure"}
    assert toggle_choice(question, ("none",), "not_sure") == ("not_sure",)
    assert toggle_choice(question, ("not_sure",), "none") == ("none",)
    assert toggle_choice(question, ("statin", "metformin"), "not_sure") == ("not_sure",)
    assert toggle_choice(question, ("not_sure",), "statin") == ("statin",)
    assert toggle_choice(question, ("none",), "diuretic") == ("diuretic",)


def test_toggling_always_gives_a_valid_answer_or_nothing(q):
    question = q("medicines")
    chosen: tuple[str, ...] = ()
    for tap in ("statin", "diuretic", "none", "metformin", "not_sure", "not_sure", "beta_blocker", "statin"):
        chosen = toggle_choice(question, chosen, tap)
        if chosen:
            assert check_answer(question, chosen) == chosen
    assert chosen == ("statin", "beta_blocker")
