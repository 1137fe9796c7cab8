"""Answering must be deliberate (spec §2.2, issue 17): real clicks on the real kiosk, with the answer gate's clock
in the test's hands (a ManualClock), so no test sleeps for the rule and none depends on the machine's speed."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import QPoint, Qt

from kiosk.handout.summary import build_summary
from kiosk.survey.outcome import compute_outcome
from kiosk.ui.answer_gate import HOLD_S, QUIET_S, ManualClock
from kiosk.ui.shell import Screen
from tests.ui.drive import EVENTUALLY_MS, SKIP, TYPICAL, answer_current, click, reveal, walk_to_review

pytestmark = pytest.mark.ui


def start_with_clock(qtbot, make_window, size=(1280, 800)):
    window = make_window(size=size)
    clock = ManualClock()
    window.answer_gate.clock = clock
    click(qtbot, window.welcome.check_button)
    return window, clock


def on_screen(window) -> str:
    return window.question.session.question.id


def spot_of(window, widget) -> QPoint:
    """Where the patient's finger is: the middle of `widget`, in window coordinates."""
    return widget.mapTo(window, widget.rect().center())


def tap_at(qtbot, window, point: QPoint) -> None:
    """A real tap on whatever is on screen at `point` (the finger does not know the screen changed)."""
    target = window.childAt(point)
    qtbot.mouseClick(target, Qt.LeftButton, pos=target.mapFrom(window, point))


def ready_to_answer(qtbot, window, clock) -> None:
    """The question has been painted and the patient has read it."""
    qtbot.waitUntil(lambda: window.answer_gate.painted, timeout=EVENTUALLY_MS)
    clock.advance(QUIET_S + 0.5)


def answered_ids(window) -> set[str]:
    return set(window.visit.survey.finish())


@pytest.mark.parametrize("apart_s", [0.15, 0.3])
def test_a_double_tap_answers_exactly_one_question(qtbot, make_window, apart_s):
    window, clock = start_with_clock(qtbot, make_window)
    answer_current(qtbot, window, ["none"])
    assert on_screen(window) == "cramp_any"
    ready_to_answer(qtbot, window, clock)
    before = answered_ids(window)
    spot = spot_of(window, window.question.answer_widget.cards["no"])
    tap_at(qtbot, window, spot)                                   # the patient means "No"
    clock.advance(apart_s)
    window.answer_gate.poll()                                      # what the gate's timer does when it fires
    tap_at(qtbot, window, spot)                                   # the finger bounces
    clock.advance(HOLD_S)
    qtbot.waitUntil(lambda: on_screen(window) != "cramp_any", timeout=EVENTUALLY_MS)
    tap_at(qtbot, window, spot)                                   # and lands on the new question at once
    qtbot.wait(10)
    assert answered_ids(window) - before == {"cramp_any"}
    assert window.visit.survey.answer_of("cramp_any") == "no"
    assert on_screen(window) == "walk_pain_eases_rest" and window.visit.survey.answer_of(on_screen(window)) is None
    assert not any(card.isChecked() for card in window.question.answer_widget.cards.values())


def test_a_burst_of_ten_taps_on_one_spot_answers_exactly_one_question(qtbot, make_window):
    window, clock = start_with_clock(qtbot, make_window)
    answer_current(qtbot, window, ["none"])
    answer_current(qtbot, window, "no")
    assert on_screen(window) == "walk_pain_eases_rest"
    ready_to_answer(qtbot, window, clock)
    before = answered_ids(window)
    spot = spot_of(window, window.question.answer_widget.cards["no"])
    seen = []
    for _ in range(10):                                             # one second of taps, 100 ms apart
        tap_at(qtbot, window, spot)
        clock.advance(0.1)
        window.answer_gate.poll()
        qtbot.wait(1)                                               # the move paints
        seen.append(on_screen(window))
    assert answered_ids(window) - before == {"walk_pain_eases_rest"}
    assert seen[-1] == "restless_urge" and window.visit.survey.answer_of("restless_urge") is None
    # the burst is over: once the taps have been quiet for a moment, the next tap answers
    clock.advance(QUIET_S)
    tap_at(qtbot, window, spot)
    clock.advance(HOLD_S)
    qtbot.waitUntil(lambda: on_screen(window) != "restless_urge", timeout=EVENTUALLY_MS)
    assert window.visit.survey.answer_of("restless_urge") == "no"


def test_taps_wait_until_the_new_question_has_been_painted_and_quiet(qtbot, make_window):
    window, clock = start_with_clock(qtbot, make_window)
    answer_current(qtbot, window, ["none"])
    gate = window.answer_gate
    qtbot.waitUntil(lambda: gate.painted, timeout=EVENTUALLY_MS)
    card = window.question.answer_widget.cards["yes"]
    clock.advance(QUIET_S - 0.05)
    tap_at(qtbot, window, spot_of(window, card))
    assert window.visit.survey.answer_of("cramp_any") is None and not card.isChecked()
    clock.advance(QUIET_S - 0.05)                                  # quiet counts from that tap too
    tap_at(qtbot, window, spot_of(window, card))
    assert window.visit.survey.answer_of("cramp_any") is None
    clock.advance(QUIET_S)
    tap_at(qtbot, window, spot_of(window, card))
    assert window.visit.survey.answer_of("cramp_any") == "yes"


def test_the_chosen_answer_stays_in_view_before_the_screen_moves_on(qtbot, make_window):
    window, clock = start_with_clock(qtbot, make_window)
    answer_current(qtbot, window, ["none"])
    ready_to_answer(qtbot, window, clock)
    card = window.question.answer_widget.cards["no"]
    tap_at(qtbot, window, spot_of(window, card))
    clock.advance(0.39)
    window.answer_gate.poll()
    qtbot.wait(20)
    assert on_screen(window) == "cramp_any" and card.isVisible() and card.isChecked()   # chosen, on screen
    clock.advance(HOLD_S)
    qtbot.waitUntil(lambda: on_screen(window) == "walk_pain_eases_rest", timeout=EVENTUALLY_MS)


def test_a_double_tap_on_the_last_answer_does_not_act_on_the_review(qtbot, make_window):
    window, clock = start_with_clock(qtbot, make_window)
    walk_to_review(qtbot, window, stop_before="first_name")
    keys = window.question.answer_widget.keys
    for letter in "ANA":
        click(qtbot, keys[letter])
    spot = spot_of(window, keys["done"])
    tap_at(qtbot, window, spot)
    clock.advance(HOLD_S)
    qtbot.waitUntil(lambda: window.current is Screen.REVIEW, timeout=EVENTUALLY_MS)
    finish = window.review.finish_button
    for _ in range(3):                                            # taps right after the review appears
        clock.advance(0.2)
        tap_at(qtbot, window, spot)
        tap_at(qtbot, window, spot_of(window, finish))
    assert window.current is Screen.REVIEW


def test_a_body_map_region_toggles_only_when_press_and_release_land_in_it(qtbot, make_window):
    window, clock = start_with_clock(qtbot, make_window, size=(1920, 1080))
    answer_current(qtbot, window, ["none"])
    answer_current(qtbot, window, "yes")
    ready_to_answer(qtbot, window, clock)
    picture = window.question.answer_widget.picture

    def centre(region):
        return picture.transform().map(picture.shapes[region].boundingRect().center()).toPoint()

    qtbot.mousePress(picture, Qt.LeftButton, pos=centre("calf_right"))
    qtbot.mouseRelease(picture, Qt.LeftButton, pos=centre("calf_left"))     # slid to another region
    assert window.visit.survey.answer_of("cramp_where") is None
    qtbot.mousePress(picture, Qt.LeftButton, pos=centre("calf_right"))
    qtbot.mouseRelease(picture, Qt.LeftButton, pos=QPoint(2, 2))             # slid off the legs
    assert window.visit.survey.answer_of("cramp_where") is None
    qtbot.mousePress(picture, Qt.LeftButton, pos=centre("thigh_left"))
    qtbot.mouseRelease(picture, Qt.LeftButton, pos=centre("thigh_left"))
    assert window.visit.survey.answer_of("cramp_where") == ("thigh_left",)


# --- "Not sure" / "Prefer not to say": one place, one look, one wording, and always an answer -------------


def test_not_sure_is_one_card_in_one_place_on_every_question(qtbot, make_window, shipped_content):
    window = make_window()
    click(qtbot, window.welcome.check_button)
    screen = window.question
    places, unsure_words = set(), {shipped_content.ui.get(f"survey.skip_{kind}", "en")
                                   for kind in ("not_sure", "prefer_not")}
    for _ in range(60):
        if window.current is Screen.REVIEW:
            break
        widget = screen.answer_widget
        cards = getattr(widget, "cards", {})
        cards = getattr(cards, "cards", cards)
        assert not unsure_words & {card.text() for card in cards.values()}, on_screen(window)
        if screen.skip_button.isVisible():
            places.add((screen.skip_button.mapTo(window, QPoint(0, 0)).toTuple(), screen.skip_button.size().toTuple(),
                        screen.skip_button.property("role")))
            assert screen.skip_button.text() in unsure_words
        value = TYPICAL[on_screen(window)]
        answer_current(qtbot, window, value)
    assert window.current is Screen.REVIEW
    assert len(places) == 1, places


@pytest.mark.parametrize("language", ["en", "es"])
def test_not_sure_by_any_control_is_recorded_as_that_answer(qtbot, make_window, shipped_content, language):
    window = make_window()
    if language != "en":
        click(qtbot, window.welcome.language_buttons[language])
    click(qtbot, window.welcome.check_button)
    plan = {**TYPICAL, "cramp_when": SKIP, "mnsi_02": SKIP, "restless_urge": "not_sure",
            "alcohol_per_week": SKIP, "medicines": ["not_sure"], "first_name": SKIP}
    walk_to_review(qtbot, window, plan)
    answers = window.visit.answers
    survey, ui = shipped_content.survey, shipped_content.ui
    expected = {"cramp_when": "not_sure", "mnsi_02": "not_sure", "restless_urge": "not_sure",
                "alcohol_per_week": "prefer_not", "medicines": ("not_sure",), "first_name": "prefer_not"}
    assert {key: answers.get(key) for key in expected} == expected
    no_answer = ui.get("review.no_answer", language)
    for question_id, value in expected.items():
        kind = value[0] if isinstance(value, tuple) else value
        words = window.review.rows[question_id].text()
        assert words == ui.get(f"survey.skip_{kind}", language) or \
            words == survey.question(question_id).choice(kind).label[language], (question_id, words)
        assert words != no_answer
    summary = build_summary(shipped_content, answers, compute_outcome(survey, answers), kiosk_name="Lobby",
                            when=datetime(2026, 12, 7, 9, 30), patient_language=language)
    rows = {row.label: row.value for _title, group in summary.groups for row in group}
    not_answered = shipped_content.handout.summary.get("not_answered", shipped_content.staff_language)
    staff = shipped_content.staff_language
    for question_id, label in shipped_content.handout.summary.rows:
        if question_id in expected:
            assert rows[label[staff]] != not_answered, question_id


def test_a_double_tap_on_next_does_not_skip_the_urgent_message(qtbot, make_window):
    window, clock = start_with_clock(qtbot, make_window)
    screen = window.question
    widget = screen.answer_widget
    reveal(qtbot, window, widget.cards["dark_urine"])
    click(qtbot, widget.cards["dark_urine"])
    while widget.has_next_page():
        click(qtbot, screen.next_button)
    ready_to_answer(qtbot, window, clock)
    spot = spot_of(window, screen.next_button)
    tap_at(qtbot, window, spot)
    assert window.current is Screen.ALERT_URGENT
    assert window.childAt(spot) is window.urgent.continue_button or \
        window.urgent.continue_button.isAncestorOf(window.childAt(spot))   # the finger is on "Go on" now
    clock.advance(0.15)
    tap_at(qtbot, window, spot)
    assert window.current is Screen.ALERT_URGENT                          # the message stays until read
    ready_to_answer(qtbot, window, clock)
    tap_at(qtbot, window, spot)
    assert window.current is Screen.SURVEY


def test_a_choice_by_key_follows_the_same_rule_as_a_tap(qtbot, make_window):
    """For the key navigator (kiosk/ui/keys.py): Enter twice on a question just shown acts at most once."""
    window, clock = start_with_clock(qtbot, make_window)
    answer_current(qtbot, window, ["none"])
    gate = window.answer_gate
    qtbot.waitUntil(lambda: gate.painted, timeout=EVENTUALLY_MS)
    assert not gate.take_choice()                 # at once: the question was just painted
    clock.advance(QUIET_S - 0.1)
    assert not gate.take_choice()                 # a burst of key presses keeps it waiting
    clock.advance(QUIET_S)
    assert gate.take_choice()
