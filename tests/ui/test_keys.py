"""Keys and keypads move, choose, go back and ask for help (spec §7), on real widgets with real key presses."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QGridLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from kiosk.ui.keys import KeyNavigator

pytestmark = pytest.mark.ui


@pytest.fixture
def grid(qtbot):
    """A 3x3 grid of cards above a Next button and a text field, like a question screen."""
    window = QWidget()
    qtbot.addWidget(window)
    outer = QVBoxLayout(window)
    cards = QGridLayout()
    buttons = {}
    for row in range(3):
        for column in range(3):
            card = QPushButton(f"{row}{column}")
            card.setCheckable(True)
            card.setFocusPolicy(Qt.TabFocus)
            card.setMinimumSize(120, 80)
            cards.addWidget(card, row, column)
            buttons[f"{row}{column}"] = card
    outer.addLayout(cards)
    buttons["next"] = QPushButton("Next")
    buttons["next"].setFocusPolicy(Qt.TabFocus)
    outer.addWidget(buttons["next"])
    field = QLineEdit()
    field.setFocusPolicy(Qt.StrongFocus)
    outer.addWidget(field)
    window.resize(600, 600)
    navigator = KeyNavigator(window)
    QApplication.instance().installEventFilter(navigator)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    yield window, buttons, field, navigator
    QApplication.instance().removeEventFilter(navigator)


def focused_name(buttons):
    return next((name for name, widget in buttons.items() if widget.hasFocus()), None)


def test_arrows_move_to_the_nearest_control_in_that_direction(qtbot, grid):
    window, buttons, _, _ = grid
    buttons["11"].setFocus(Qt.TabFocusReason)
    moves = [(Qt.Key_Right, "12"), (Qt.Key_Down, "22"), (Qt.Key_Left, "21"), (Qt.Key_Left, "20"),
             (Qt.Key_Up, "10"), (Qt.Key_Down, "20"), (Qt.Key_Down, "next")]
    for key, expected in moves:
        qtbot.keyClick(QApplication.focusWidget(), key)
        assert focused_name(buttons) == expected, (key, expected)


def test_with_nothing_focused_the_first_key_goes_to_the_first_control(qtbot, grid):
    window, buttons, _, _ = grid
    if QApplication.focusWidget() is not None:
        QApplication.focusWidget().clearFocus()
    qtbot.keyClick(window, Qt.Key_Down)
    assert focused_name(buttons) == "00"


def test_enter_and_space_choose_the_focused_control(qtbot, grid):
    window, buttons, _, _ = grid
    buttons["01"].setFocus(Qt.TabFocusReason)
    qtbot.keyClick(buttons["01"], Qt.Key_Return)
    assert buttons["01"].isChecked()
    qtbot.keyClick(buttons["01"], Qt.Key_Space)
    assert not buttons["01"].isChecked()
    clicked = []
    buttons["next"].clicked.connect(lambda: clicked.append(True))
    buttons["next"].setFocus(Qt.TabFocusReason)
    qtbot.keyClick(buttons["next"], Qt.Key_Enter)
    assert clicked == [True]


def test_escape_is_back_and_f1_or_question_mark_is_help(qtbot, grid):
    window, buttons, _, navigator = grid
    with qtbot.waitSignal(navigator.back_pressed, timeout=1000):
        qtbot.keyClick(window, Qt.Key_Escape)
    with qtbot.waitSignal(navigator.help_pressed, timeout=1000):
        qtbot.keyClick(window, Qt.Key_F1)
    buttons["00"].setFocus(Qt.TabFocusReason)
    with qtbot.waitSignal(navigator.help_pressed, timeout=1000):
        qtbot.keyClick(buttons["00"], Qt.Key_Question)


def test_a_text_field_keeps_its_letters_and_its_left_and_right(qtbot, grid):
    window, buttons, field, _ = grid
    field.setFocus(Qt.TabFocusReason)
    qtbot.keyClicks(field, "Jose?")
    qtbot.keyClick(field, Qt.Key_Left)
    qtbot.keyClick(field, Qt.Key_Backspace)
    assert field.text() == "Jos?"
    assert field.hasFocus()


def test_focus_moved_by_a_key_is_reported_for_speech(qtbot, grid):
    window, buttons, _, navigator = grid
    buttons["00"].setFocus(Qt.TabFocusReason)
    with qtbot.waitSignal(navigator.moved, timeout=1000) as moved:
        qtbot.keyClick(buttons["00"], Qt.Key_Right)
    assert moved.args[0] is buttons["01"]


def test_a_tap_does_not_take_focus(qtbot, grid):
    window, buttons, _, _ = grid
    qtbot.mouseClick(buttons["11"], Qt.LeftButton)
    assert buttons["11"].isChecked() and not buttons["11"].hasFocus()   # no focus ring after a tap


def test_keys_reach_every_control_of_the_welcome_screen_and_a_tap_shows_no_ring(qtbot, make_window):
    """Tab visits each group once (Qt: the chosen button of a one-of group); arrows move along a row."""
    window = make_window()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    assert QApplication.focusWidget() is window            # no control holds the focus (no ring) at first
    welcome = window.welcome
    reached = set()
    for _ in range(8):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key_Tab)
        reached.add(QApplication.focusWidget())
    assert {welcome.listen_button, welcome.language_buttons["en"], welcome.check_button, welcome.learn_button,
            welcome.text_size_buttons[100], welcome.contrast_button} <= reached
    for row in ([welcome.language_buttons["en"], welcome.language_buttons["es"]],
                [welcome.text_size_buttons[100], welcome.text_size_buttons[125], welcome.text_size_buttons[150]]):
        row[0].setFocus(Qt.TabFocusReason)
        for following in row[1:]:
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key_Right)
            assert QApplication.focusWidget() is following
    window.setFocus()
    qtbot.mouseClick(welcome.text_size_buttons[125], Qt.LeftButton)
    assert QApplication.focusWidget() is window            # a tap chose the size and took no focus


def test_escape_goes_back_and_enter_chooses_on_a_question(qtbot, make_window):
    from kiosk.ui.shell import Screen

    window = make_window()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.welcome.check_button.setFocus(Qt.TabFocusReason)
    qtbot.keyClick(window.welcome.check_button, Qt.Key_Return)
    assert window.current is Screen.SURVEY
    qtbot.waitUntil(lambda: window.answer_gate.painted)
    focused = QApplication.focusWidget()                        # a keys user starts at the first answer
    assert focused is window.question.answer_widget.controls()["chest_or_breathing"]
    qtbot.keyClick(focused, Qt.Key_Space)                      # the Enter that opened it, repeated: too soon
    assert not focused.isChecked()
    window.answer_gate.pass_time(1.0)                          # the patient has looked at the question
    qtbot.keyClick(focused, Qt.Key_Space)
    assert focused.isChecked()
    qtbot.keyClick(focused, Qt.Key_Escape)                     # Back, from the first question: welcome
    assert window.current is Screen.WELCOME


def test_keys_during_a_question_over_the_window_go_to_that_question(qtbot, make_window):
    """Escape on "Erase all your answers?" keeps them (it is not Back), and any key during "Are you still
    there?" is more time: the key navigator stands aside, and every key is activity first."""
    from kiosk.ui.idle import IdleRule
    from kiosk.ui.shell import Screen
    from tests.ui.drive import EVENTUALLY_MS, answer_current

    window = make_window()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    click_start = window.welcome.check_button
    qtbot.mouseClick(click_start, Qt.LeftButton)
    answer_current(qtbot, window, ["none"])
    assert window.current is Screen.SURVEY and window.visit.answers
    window.ask_start_over()
    assert window.confirm.asking
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key_Escape)
    assert not window.confirm.asking and window.current is Screen.SURVEY and window.visit.answers
    question = window.question.session.question.id
    window.idle.set_rule(IdleRule(0, warn=True))   # quiet at once: "Are you still there?" counts down
    qtbot.waitUntil(window.overlay.isVisible, timeout=EVENTUALLY_MS)
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key_Down)
    assert not window.overlay.isVisible() and window.question.session.question.id == question
