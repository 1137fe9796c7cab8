"""What a visit makes once and keeps (issue 20): each question's answer widget and the review's rows are made
once per visit, while the patient reads, and shown again filled, not made anew on every tap. Nothing of them
outlives the visit (tests/ui/test_privacy.py checks that too, for every way a visit ends)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from kiosk.ui.answer_gate import QUIET_S, ManualClock
from kiosk.ui.shell import Screen
from kiosk.ui.widgets.answer_widget import AnswerWidget
from tests.ui.drive import EVENTUALLY_MS, answer_current, click, walk_to_review

pytestmark = pytest.mark.ui


def start(qtbot, window):
    click(qtbot, window.welcome.check_button)
    assert window.current is Screen.SURVEY
    qtbot.waitUntil(lambda: window.answer_gate.painted, timeout=EVENTUALLY_MS)


def made_widgets(window) -> list[AnswerWidget]:
    """The answer widgets the question screen holds (a body map's cards inside it are part of it)."""
    holder = window.question.answer_holder
    return [widget for widget in holder.findChildren(AnswerWidget) if widget.parent() is holder]


def test_back_shows_the_same_widget_again_with_the_answer(qtbot, make_window):
    window = make_window()
    start(qtbot, window)
    answer_current(qtbot, window, ["none"])
    first_of_cramps = window.question.answer_widget
    answer_current(qtbot, window, "yes")
    assert window.question.session.question.id == "cramp_where"
    click(qtbot, window.question.back_button)
    assert window.question.session.question.id == "cramp_any"
    assert window.question.answer_widget is first_of_cramps          # shown again, not made anew
    assert first_of_cramps.isVisible() and first_of_cramps.answer() == "yes"
    assert first_of_cramps.cards["yes"].isChecked() and not first_of_cramps.cards["no"].isChecked()


def test_the_widgets_of_the_questions_ahead_are_made_while_the_patient_reads(qtbot, make_window, shipped_content):
    window = make_window()
    start(qtbot, window)
    questions = shipped_content.survey.questions
    qtbot.waitUntil(lambda: len(made_widgets(window)) == len(questions), timeout=EVENTUALLY_MS)
    shown = [w for w in made_widgets(window) if w.isVisible()]
    assert shown == [window.question.answer_widget]                 # the others wait, hidden
    assert all(w.answer() is None for w in made_widgets(window))    # and empty
    answer_current(qtbot, window, ["none"])
    made = {w.question.id: w for w in made_widgets(window)}
    assert window.question.answer_widget is made["cramp_any"]        # the next question found its widget ready


def test_a_new_look_or_language_makes_them_again_and_the_old_ones_go(qtbot, make_window, shipped_content):
    window = make_window()
    click(qtbot, window.welcome.language_buttons["es"])
    start(qtbot, window)
    old = window.question.answer_widget
    spanish = shipped_content.survey.question("red_flags").choices[0].label["es"]
    assert old.cards[shipped_content.survey.question("red_flags").choices[0].id].text() == spanish
    window.visit.high_contrast = True
    window.apply_theme()
    new = window.question.answer_widget
    assert new is not old and new.theme.palette.name != old.theme.palette.name
    qtbot.wait(50)   # deferred deletes
    alive = made_widgets(window)
    assert old not in alive and all(w.theme is new.theme for w in alive)


def test_a_widget_added_to_a_covered_screen_after_it_showed_is_gated_too(qtbot, make_window):
    """The gate covers a screen and everything in it, also what is added after the screen was armed."""
    window = make_window()
    clock = ManualClock()
    window.answer_gate.clock = clock
    start(qtbot, window)
    window.answer_gate.arm(window.question, window.question.prompt)
    late = QPushButton("late", window.question.answer_holder)   # added after the screen was armed
    late.show()
    taps = []
    late.clicked.connect(lambda: taps.append(1))
    qtbot.waitUntil(lambda: window.answer_gate.painted, timeout=EVENTUALLY_MS)
    ignored = window.answer_gate.ignored_taps
    qtbot.mouseClick(late, Qt.LeftButton)
    assert taps == [] and window.answer_gate.ignored_taps == ignored + 1   # too soon after new content
    clock.advance(QUIET_S + 0.5)
    qtbot.mouseClick(late, Qt.LeftButton)
    assert taps == [1]


def test_the_reviews_rows_are_made_ahead_empty_and_go_with_the_visit(qtbot, make_window, shipped_content):
    window = make_window()
    start(qtbot, window)
    review = window.review
    count = len(shipped_content.survey.questions)
    qtbot.waitUntil(lambda: len(review._made) == count, timeout=EVENTUALLY_MS)
    assert all(not row.isVisibleTo(review) and row.text() == "" and row.prompt.text() == ""
               for row in review._made.values())
    made = dict(review._made)
    walk_to_review(qtbot, window)
    assert all(review.rows[qid] is made[qid] for qid in review.rows)   # the rows made ahead, filled
    assert any(row.text() for row in review.rows.values())
    click(qtbot, review.start_over_button)
    qtbot.waitUntil(lambda: window.confirm.asking, timeout=EVENTUALLY_MS)
    window.end_visit("test")
    assert review._made == {} and review.rows == {}
