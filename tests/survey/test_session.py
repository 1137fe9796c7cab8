"""SurveySession on the shipped survey: order, skip logic, progress, back, review, edit from review, finish."""

from __future__ import annotations

import pytest

from kiosk.content.model import CHOICE_KINDS, KIND_MULTI, KIND_TEXT, KIND_YES_NO, NUMBER_KINDS
from kiosk.survey.session import SurveySession
from kiosk.survey.values import InvalidAnswer

FOLLOW_UPS = ["cramp_where", "cramp_nights", "cramp_duration", "cramp_worst_pain", "sleep_impact", "cramp_when"]
FOLLOW_UP_ANSWERS = {"cramp_where": ["calf_left"], "cramp_nights": 4, "cramp_duration": "over_10_min",
                     "cramp_worst_pain": 6, "sleep_impact": 3, "cramp_when": ["night"]}


@pytest.fixture
def survey(shipped_content):
    return shipped_content.survey


@pytest.fixture
def session(survey):
    return SurveySession(survey)


def first_valid(question):
    """The first choice, the minimum, or 'Ana': a valid answer for any question."""
    if question.kind in NUMBER_KINDS:
        return question.min
    if question.kind == KIND_TEXT:
        return "Ana"
    if question.kind == KIND_YES_NO:
        return "yes"
    first = question.choice_ids()[0]
    return [first] if question.kind in (KIND_MULTI, "body_map") else first


def answer(session, value):
    session.set_answer(value)
    session.next()


def walk_to(session, question_id, answers=None):
    """Answer on (with `answers`, else the first valid value) until `question_id` is on screen."""
    answers = answers or {}
    while session.question is not None and session.question.id != question_id:
        answer(session, answers.get(session.question.id, first_valid(session.question)))
    assert session.question is not None and session.question.id == question_id


def walk_to_review(session, answers=None):
    """Answer every question on the way; returns the ids asked, in order."""
    answers = answers or {}
    asked = []
    while not session.at_review:
        question = session.question
        asked.append(question.id)
        answer(session, answers.get(question.id, first_valid(question)))
        assert len(asked) <= len(session.survey.questions), "the survey never reached the review"
    return asked


# --- the first question -----------------------------------------------------------------------------


def test_the_first_question_is_the_required_red_flags(session):
    question = session.question
    assert question.id == "red_flags"
    assert question.required and question.skip is None
    assert session.progress() == (1, len(session.survey.questions))
    assert not session.at_review


def test_red_flags_cannot_be_skipped(session):
    with pytest.raises(ValueError, match="cannot be skipped"):
        session.skip()
    assert session.question.id == "red_flags"
    assert not session.is_skipped("red_flags")


def test_red_flags_cannot_go_next_unanswered(session):
    assert not session.can_go_next()
    with pytest.raises(ValueError):
        session.next()
    assert session.question.id == "red_flags"
    session.set_answer(["foot_wound"])
    session.clear_answer()
    assert not session.can_go_next()
    with pytest.raises(ValueError):
        session.next()
    assert session.question.id == "red_flags"


def test_an_invalid_answer_is_refused_and_changes_nothing(session):
    session.set_answer(["none"])
    with pytest.raises(InvalidAnswer):
        session.set_answer(["none", "foot_wound"])
    assert session.answer_of("red_flags") == ("none",)


def test_set_answer_returns_the_canonical_value(session):
    assert session.set_answer(["foot_wound", "chest_or_breathing"]) == ("chest_or_breathing", "foot_wound")
    assert session.answer_of("red_flags") == ("chest_or_breathing", "foot_wound")


def test_back_from_the_first_question_returns_false_and_stays(session):
    assert session.back() is False
    assert session.question.id == "red_flags"


# --- skip logic -------------------------------------------------------------------------------------


@pytest.mark.parametrize("reply", ["no", "not_sure"])
def test_cramp_any_other_than_yes_skips_the_follow_ups(session, reply):
    walk_to(session, "cramp_any")
    answer(session, reply)
    assert session.question.id == "walk_pain_eases_rest"
    shown = [q.id for q in session.shown_questions()]
    assert not set(FOLLOW_UPS) & set(shown)


def test_cramp_any_yes_asks_the_follow_ups_in_order(session):
    walk_to(session, "cramp_any")
    answer(session, "yes")
    asked = []
    while session.question.id != "walk_pain_eases_rest":
        asked.append(session.question.id)
        answer(session, FOLLOW_UP_ANSWERS[session.question.id])
    assert asked == FOLLOW_UPS


def test_skipping_a_follow_up_records_not_sure_and_moves_on(session):
    walk_to(session, "cramp_any")
    answer(session, "yes")
    assert session.question.id == "cramp_where"
    session.skip()
    assert session.question.id == "cramp_nights"
    assert session.is_skipped("cramp_where") and session.answer_of("cramp_where") == "not_sure"
    assert session.finish()["cramp_where"] == "not_sure"      # an answer, never "not answered" (spec §2.2)
    session.back()
    assert session.question.id == "cramp_where" and session.can_go_next()
    session.set_answer(["foot_left"])
    assert not session.is_skipped("cramp_where")


def test_skip_drops_an_earlier_answer(session):
    walk_to(session, "cramp_any")
    answer(session, "yes")
    session.set_answer(["foot_left"])
    session.skip()
    assert session.answer_of("cramp_where") == "not_sure"
    assert session.finish()["cramp_where"] == "not_sure"


# --- progress ---------------------------------------------------------------------------------------


def test_progress_never_changes_its_total(session):
    """Issue 17: the total was the questions shown so far, and jumped 31 -> 37 at a "yes"; now it is the survey's
    questions all along, and questions the answers leave out count as passed."""
    total = len(session.survey.questions)
    walk_to(session, "cramp_any")
    assert session.progress() == (2, total)
    session.set_answer("yes")
    assert session.progress() == (2, total)
    session.next()
    assert session.progress() == (3, total)
    session.back()
    session.set_answer("no")
    assert session.progress() == (2, total)
    session.next()
    assert session.question.id == "walk_pain_eases_rest"
    order = [q.id for q in session.survey.questions]
    assert session.progress() == (order.index("walk_pain_eases_rest") + 1, total)


def test_progress_at_the_review_is_the_end(session):
    walk_to_review(session)
    total = len(session.survey.questions)
    assert session.progress() == (total, total)


# --- back -------------------------------------------------------------------------------------------


def test_back_returns_through_the_history(session):
    walk_to(session, "cramp_any")
    answer(session, "yes")
    answer(session, ["calf_right"])
    assert session.question.id == "cramp_nights"
    assert session.back() and session.question.id == "cramp_where"
    assert session.back() and session.question.id == "cramp_any"
    assert session.back() and session.question.id == "red_flags"
    assert session.back() is False and session.question.id == "red_flags"


def test_back_keeps_the_answers(session):
    walk_to(session, "cramp_any")
    answer(session, "yes")
    session.back()
    assert session.answer_of("cramp_any") == "yes" and session.can_go_next()
    session.back()
    assert session.answer_of("red_flags") is not None


def test_back_skips_questions_that_became_hidden(session):
    walk_to(session, "cramp_any")
    answer(session, "yes")
    walk_to_review(session, FOLLOW_UP_ANSWERS)
    session.edit("cramp_any")
    session.set_answer("no")
    assert session.back() and session.at_review                   # back from the edited question
    while session.question is None or session.question.id != "walk_pain_eases_rest":
        assert session.back()
    assert session.back()
    assert session.question.id == "cramp_any"                     # not cramp_when ... cramp_where


# --- review -----------------------------------------------------------------------------------------


def test_review_is_reached_after_first_name(session):
    walk_to(session, "first_name")
    assert session.question.id == "first_name"
    assert session.survey.questions[-1].id == "first_name"
    answer(session, "Ana")
    assert session.at_review and session.question is None


def test_skipping_first_name_also_reaches_the_review(session):
    walk_to(session, "first_name")
    session.skip()
    assert session.at_review
    assert session.finish()["first_name"] == "prefer_not"


def test_at_the_review_there_is_nothing_to_answer_skip_or_next(session):
    walk_to_review(session)
    assert not session.can_go_next()
    for action in (lambda: session.set_answer("yes"), session.skip, session.next, session.clear_answer):
        with pytest.raises(ValueError):
            action()
    assert session.at_review


def test_back_from_the_review_goes_to_the_last_question(session):
    walk_to_review(session)
    assert session.back() and session.question.id == "first_name"


def test_review_items_follow_the_shown_questions(session):
    walk_to(session, "cramp_any")
    answer(session, "no")
    walk_to_review(session)
    items = session.review_items()
    assert [question.id for question, _ in items] == [q.id for q in session.shown_questions()]
    assert dict((question.id, value) for question, value in items)["cramp_any"] == "no"


# --- edit from review -------------------------------------------------------------------------------


def test_edit_is_only_for_the_review_and_shown_questions(session):
    with pytest.raises(ValueError):
        session.edit("cramp_any")
    walk_to(session, "cramp_any")
    answer(session, "no")
    walk_to_review(session)
    with pytest.raises(ValueError, match="not shown"):
        session.edit("cramp_nights")
    assert session.at_review


def test_edit_then_next_returns_to_the_review(session):
    walk_to_review(session)
    session.edit("diabetes")
    assert session.question.id == "diabetes" and not session.at_review
    session.set_answer("type_1")
    session.next()
    assert session.at_review
    assert session.finish()["diabetes"] == "type_1"


def test_an_edit_revealing_questions_asks_them_first_then_the_review(session):
    walk_to(session, "cramp_any")
    answer(session, "no")
    walk_to_review(session)
    before = len(session.shown_questions())
    session.edit("cramp_any")
    session.set_answer("yes")
    assert session.progress() == (2, before + len(FOLLOW_UPS))
    session.next()
    asked = []
    while not session.at_review:
        asked.append(session.question.id)
        answer(session, FOLLOW_UP_ANSWERS[session.question.id])
        assert len(asked) <= len(FOLLOW_UPS)
    assert asked == FOLLOW_UPS
    assert {key: session.finish()[key] for key in FOLLOW_UPS} == {
        key: (tuple(value) if isinstance(value, list) else value) for key, value in FOLLOW_UP_ANSWERS.items()}


def test_back_from_an_edited_question_returns_to_the_review(session):
    walk_to_review(session)
    session.edit("smoking")
    assert session.back() is True
    assert session.at_review


def test_back_through_revealed_questions_reaches_the_edited_one_then_the_review(session):
    walk_to(session, "cramp_any")
    answer(session, "no")
    walk_to_review(session)
    session.edit("cramp_any")
    answer(session, "yes")
    answer(session, ["calf_left"])
    assert session.question.id == "cramp_nights"
    assert session.back() and session.question.id == "cramp_where"
    assert session.back() and session.question.id == "cramp_any"
    assert session.back() and session.at_review


def test_after_back_to_the_review_next_walks_normally_again(session):
    walk_to_review(session)
    session.edit("exercise")
    session.back()
    assert session.at_review
    session.back()                           # an ordinary back from the review: no longer editing
    assert session.question.id == "first_name"
    session.back()
    assert session.question.id == "shoes_support"
    session.next()                           # not straight to the review, as an edit would
    assert session.question.id == "first_name"
    session.next()
    assert session.at_review


def test_finish_drops_answers_of_questions_that_became_hidden(session):
    walk_to(session, "cramp_any")
    answer(session, "yes")
    walk_to_review(session, FOLLOW_UP_ANSWERS)
    assert set(FOLLOW_UPS) <= set(session.finish())
    session.edit("cramp_any")
    answer(session, "no")
    assert session.at_review
    finished = session.finish()
    assert finished["cramp_any"] == "no"
    assert not set(FOLLOW_UPS) & set(finished)
    assert [q.id for q in session.shown_questions()] == list(finished)


# --- walking the whole survey -----------------------------------------------------------------------


@pytest.mark.parametrize("cramp_any", ["yes", "no"])
def test_walking_every_question_reaches_the_review_in_exactly_the_shown_count(session, cramp_any):
    asked = walk_to_review(session, {"cramp_any": cramp_any})
    shown = [q.id for q in session.shown_questions()]
    assert len(asked) == len(shown)
    assert asked == shown
    assert list(session.finish()) == shown
    expected_total = len(session.survey.questions) - (0 if cramp_any == "yes" else len(FOLLOW_UPS))
    assert len(shown) == expected_total


def test_walking_with_the_first_choice_of_everything_gives_valid_canonical_answers(session):
    walk_to_review(session)
    finished = session.finish()
    for question_id, value in finished.items():
        question = session.survey.question(question_id)
        if question.kind in CHOICE_KINDS and question.kind != "single":
            assert value == (question.choice_ids()[0],)
    assert finished["first_name"] == "Ana"
    assert finished["cramp_nights"] == 0


def test_which_questions_are_shown_is_worked_out_once_per_change(session, survey, monkeypatch):
    """Visibility asks which answers count; that pass over the survey runs again only after an answer changes
    (once per question made every tap O(n²), issue 20)."""
    import kiosk.survey.session as module

    passes = []
    real = module.visible_answers
    monkeypatch.setattr(module, "visible_answers", lambda *args: passes.append(1) or real(*args))
    session.shown_questions()
    session.progress()
    assert len(passes) <= 1
    answer(session, ["none"])     # red flags: none
    session.set_answer("yes")     # cramps: the follow-ups come in
    before = len(passes)
    assert any(q.id in FOLLOW_UPS for q in session.shown_questions())
    session.progress()
    assert len(passes) == before + 1
    session.set_answer("no")      # no cramps: they leave
    assert not any(q.id in FOLLOW_UPS for q in session.shown_questions())
    assert len(passes) == before + 2
