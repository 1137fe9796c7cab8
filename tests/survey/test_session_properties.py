"""Under any sequence of patient actions the session keeps its invariants and only raises what it should."""

from __future__ import annotations

import copy

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.content.conditions import AllOf, AnyOf, Not
from kiosk.content.model import KIND_BODY_MAP, KIND_COUNT, KIND_MULTI, KIND_SCALE, KIND_SINGLE, KIND_TEXT, KIND_YES_NO
from kiosk.survey.conditions import visible_answers
from kiosk.survey.outcome import compute_outcome
from kiosk.survey.session import SurveySession
from kiosk.survey.values import InvalidAnswer, check_answer

PROPERTY = settings(max_examples=300, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                           HealthCheck.function_scoped_fixture])

# Weighted so that runs get far into the survey; every action still appears in every state.
ACTIONS = ("answer", "next", "answer", "next", "answer", "next", "skip", "back", "invalid", "clear", "edit")
BACKTRACK_ACTIONS = ("back", "edit_gate", "answer", "back_run", "next", "back", "edit", "back_run", "skip", "clear",
                     "invalid")
LETTERS = "abcdefghijklmnopqrstuvwxyzñáéíóúüÁÉÑ'-"
NOT_CHOICE_IDS = ("", "Yes", "none ", "knee_left", "over_10_mins", "maybe", "True")


# --- values drawn from the question itself ----------------------------------------------------------


def valid_values(question) -> st.SearchStrategy:
    kind = question.kind
    if kind in (KIND_SINGLE, KIND_YES_NO):
        return st.sampled_from(question.choice_ids())
    if kind in (KIND_MULTI, KIND_BODY_MAP):
        exclusive = [c.id for c in question.choices if c.exclusive]
        others = [c.id for c in question.choices if not c.exclusive]
        subsets = st.lists(st.sampled_from(others), min_size=1, unique=True)
        if exclusive:
            return st.one_of(subsets, st.sampled_from(exclusive).map(lambda choice: [choice]))
        return subsets
    if kind in (KIND_SCALE, KIND_COUNT):
        return st.integers(question.min, question.max)
    assert kind == KIND_TEXT
    core = st.text(st.sampled_from(LETTERS + " "), min_size=1, max_size=question.max_length).filter(str.strip)
    padding = st.text(" ", max_size=3)
    return st.tuples(padding, core, padding).map("".join)


def invalid_values(question) -> st.SearchStrategy:
    kind = question.kind
    anything_wrong = st.one_of(st.none(), st.booleans(), st.floats(allow_nan=True))
    if kind in (KIND_SINGLE, KIND_YES_NO):
        ids = question.choice_ids()
        return st.one_of(anything_wrong, st.integers(),
                         st.sampled_from(NOT_CHOICE_IDS + ("not_sure",) * (kind == KIND_YES_NO))
                         .filter(lambda v: v not in ids and v != question.skip),  # a skip button's is valid
                         st.lists(st.sampled_from(ids), min_size=1, max_size=2))    # a list for a single
    if kind in (KIND_MULTI, KIND_BODY_MAP):
        ids = question.choice_ids()
        exclusive = [c.id for c in question.choices if c.exclusive]
        unknown = st.sampled_from(NOT_CHOICE_IDS).filter(lambda v: v not in ids)
        wrong = [anything_wrong, st.integers(), st.just([]), st.just(()),
                 st.lists(st.sampled_from(ids), max_size=2).flatmap(
                     lambda chosen: unknown.map(lambda bad: [*chosen, bad])),
                 st.lists(st.booleans(), min_size=1, max_size=2)]
        if exclusive:
            wrong.append(st.tuples(st.sampled_from(exclusive), st.sampled_from(ids)).filter(
                lambda pair: pair[0] != pair[1]).map(list))
        return st.one_of(*wrong)
    if kind in (KIND_SCALE, KIND_COUNT):
        return st.one_of(anything_wrong, st.integers(max_value=question.min - 1),
                         st.integers(min_value=question.max + 1), st.just(str(question.min)),
                         st.just([question.min]))
    assert kind == KIND_TEXT
    too_long = st.text(st.sampled_from(LETTERS), min_size=question.max_length + 1,
                       max_size=question.max_length + 5)
    return st.one_of(anything_wrong, st.integers(), st.text(" \t\n", max_size=4), too_long, st.just(["Ana"]))


def named_questions(condition) -> set[str]:
    if isinstance(condition, (AllOf, AnyOf)):
        return set().union(*(named_questions(part) for part in condition.parts))
    if isinstance(condition, Not):
        return named_questions(condition.part)
    return {condition.name}


def gate_ids(survey) -> set[str]:
    """Questions whose answer shows or hides others (cramp_any in the shipped survey)."""
    return set().union(*(named_questions(q.show_if) for q in survey.questions if q.show_if is not None))


# --- invariants -------------------------------------------------------------------------------------


def state(session):
    """Everything the session holds, to prove that a refused action changed nothing."""
    return copy.deepcopy({key: value for key, value in vars(session).items() if key != "survey"})


def raw_answers(session):
    return {q.id: session.answer_of(q.id) for q in session.survey.questions if session.answer_of(q.id) is not None}


def check_outcome(survey, answers):
    result = compute_outcome(survey, answers)
    assert 0 <= result.mnsi_score <= result.mnsi_answered <= 13
    assert result.alert_level in ("none", "urgent", "emergency")
    assert result.mnsi_positive == (result.mnsi_score >= result.mnsi_threshold)
    return result


def check_invariants(session):
    survey = session.survey
    shown = [q.id for q in session.shown_questions()]
    a, b = session.progress()
    order = [q.id for q in survey.questions]
    assert b == len(order)                      # the total never changes (issue 17: no jump)
    if session.at_review:
        assert session.question is None and a == b
    else:
        assert session.question.id in shown
        assert 1 <= a <= b
        assert order[a - 1] == session.question.id
    finished = session.finish()
    for question_id, value in finished.items():
        assert question_id in shown
        assert check_answer(survey.question(question_id), value) == value
    assert list(finished) == [question_id for question_id in shown if question_id in finished]
    assert finished == visible_answers(survey, finished)
    assert session.finish() == finished
    assert check_outcome(survey, finished) == compute_outcome(survey, raw_answers(session))


def refused(session, action, error=ValueError):
    before = state(session)
    with pytest.raises(error):
        action()
    assert state(session) == before


# --- one action -------------------------------------------------------------------------------------


def act(session, data, action):
    survey = session.survey
    question = session.question
    if action == "answer":
        if question is None:
            return refused(session, lambda: session.set_answer("yes"))
        value = data.draw(valid_values(question), label=f"valid {question.id}")
        canonical = session.set_answer(value)
        assert canonical == check_answer(question, value)
        assert session.answer_of(question.id) == canonical
        assert session.is_skipped(question.id) == (canonical == question.skip) and session.can_go_next()
        assert session.question is question
    elif action == "invalid":
        if question is None:
            return refused(session, lambda: session.set_answer("yes"))
        value = data.draw(invalid_values(question), label=f"invalid {question.id}")
        refused(session, lambda: session.set_answer(value), InvalidAnswer)
    elif action == "clear":
        if question is None:
            return refused(session, session.clear_answer)
        session.clear_answer()
        assert session.answer_of(question.id) is None
        assert session.question is question
    elif action == "skip":
        if question is None or question.skip is None:
            return refused(session, session.skip)
        session.skip()
        assert session.is_skipped(question.id) and session.answer_of(question.id) == question.skip
        assert_moved_forward(session, question)
    elif action == "next":
        if not session.can_go_next():
            return refused(session, session.next)
        session.next()
        assert_moved_forward(session, question)
    elif action == "back":
        before = state(session)
        if not session.back():
            assert state(session) == before
            assert session.question is not None and session.question.id == survey.questions[0].id
    elif action in ("edit", "edit_gate"):
        if not session.at_review:
            question_id = data.draw(st.sampled_from([q.id for q in survey.questions]), label="edit (refused)")
            return refused(session, lambda: session.edit(question_id))
        shown = [q.id for q in session.shown_questions()]
        gates = [question_id for question_id in shown if question_id in gate_ids(survey)]
        question_id = data.draw(st.sampled_from(gates if action == "edit_gate" and gates else shown), label="edit")
        session.edit(question_id)
        assert session.question.id == question_id
    else:  # pragma: no cover
        raise AssertionError(action)


def assert_moved_forward(session, previous):
    if session.at_review:
        return
    order = [q.id for q in session.survey.questions]
    assert order.index(session.question.id) > order.index(previous.id)


def run_actions(session, data, steps, actions=ACTIONS):
    check_invariants(session)
    for _ in range(steps):
        action = data.draw(st.sampled_from(actions), label="action")
        if action == "back_run":     # Back, again and again: a history reaching far behind the review
            for _ in range(data.draw(st.integers(1, len(session.survey.questions)), label="backs")):
                act(session, data, "back")
                check_invariants(session)
            continue
        act(session, data, action)
        check_invariants(session)


# --- the properties ---------------------------------------------------------------------------------


class Shipped:
    """The shipped survey with a short repr, so that a falsifying example is readable."""

    def __init__(self, survey):
        self.survey = survey

    def __repr__(self) -> str:
        return "<the shipped survey>"


@pytest.fixture(scope="module")
def shipped(shipped_content):
    return Shipped(shipped_content.survey)


@PROPERTY
@given(data=st.data())
def test_random_actions_from_the_start_keep_the_invariants(shipped, data):
    session = SurveySession(shipped.survey)
    run_actions(session, data, data.draw(st.integers(1, 80), label="steps"))


def walk_to_review_randomly(session, data):
    """Reach the review with random valid answers and skips, so that edit and back-from-review get used."""
    while not session.at_review:
        question = session.question
        if question.skip is not None and data.draw(st.integers(0, 4), label="skip?") == 0:
            session.skip()
        else:
            session.set_answer(data.draw(valid_values(question), label=f"valid {question.id}"))
            session.next()
    check_invariants(session)


@PROPERTY
@given(data=st.data())
def test_random_actions_from_the_review_keep_the_invariants(shipped, data):
    session = SurveySession(shipped.survey)
    walk_to_review_randomly(session, data)
    run_actions(session, data, data.draw(st.integers(1, 40), label="steps"))


@PROPERTY
@given(data=st.data())
def test_edits_then_long_walks_back_keep_the_invariants(shipped, data):
    """Edits that hide questions, then back through a history that still names them."""
    session = SurveySession(shipped.survey)
    walk_to_review_randomly(session, data)
    run_actions(session, data, data.draw(st.integers(1, 80), label="steps"), actions=BACKTRACK_ACTIONS)


@PROPERTY
@given(data=st.data())
def test_after_edits_backing_all_the_way_out_visits_only_shown_questions(shipped, data):
    """Edits from the review (some hiding questions), each left by Next or Back; then Back to the very start."""
    session = SurveySession(shipped.survey)
    walk_to_review_randomly(session, data)
    for _ in range(data.draw(st.integers(1, 3), label="edits")):
        act(session, data, data.draw(st.sampled_from(("edit_gate", "edit")), label="which edit"))
        act(session, data, "answer")
        check_invariants(session)
        if data.draw(st.booleans(), label="leave by back"):
            assert session.back() and session.at_review
        else:
            while not session.at_review:
                if not session.can_go_next():
                    act(session, data, "answer")
                act(session, data, "next")
                check_invariants(session)
                if not session.at_review:   # Next after an edit only stops at questions it newly shows
                    arrived = session.question.id
                    assert session.answer_of(arrived) is None and not session.is_skipped(arrived)
    visited = []
    while session.back():
        check_invariants(session)
        visited.append("review" if session.at_review else session.question.id)
        assert len(visited) <= 10 * len(shipped.survey.questions)
    assert session.question.id == shipped.survey.questions[0].id
    shown = [q.id for q in session.shown_questions()]
    assert all(step == "review" or step in shown for step in visited)


@PROPERTY
@given(data=st.data())
def test_finish_is_idempotent_and_the_outcome_is_always_well_formed(shipped, data):
    """Any valid answers to any questions (hidden or not): visible_answers settles in one pass."""
    survey = shipped.survey
    chosen = data.draw(st.lists(st.sampled_from([q.id for q in survey.questions]), unique=True), label="questions")
    answers = {question_id: check_answer(survey.question(question_id),
                                         data.draw(valid_values(survey.question(question_id)), label=question_id))
               for question_id in chosen}
    kept = visible_answers(survey, answers)
    assert visible_answers(survey, kept) == kept
    assert set(kept) <= set(answers)
    result = check_outcome(survey, answers)
    assert result == compute_outcome(survey, kept)
