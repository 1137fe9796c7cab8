"""A screen reader's "activate" on a kiosk choice does what a tap does (spec §7)."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QAccessible, QAccessibleActionInterface

pytestmark = pytest.mark.ui


def activate(widget) -> None:
    """What Orca does on Enter: the first accessible action of the focused object."""
    actions = QAccessible.queryAccessibleInterface(widget).actionInterface()
    assert actions.actionNames() == [QAccessibleActionInterface.pressAction()]
    actions.doAction(actions.actionNames()[0])


def test_activating_a_language_changes_the_language_like_a_tap(qtbot, make_window):
    window = make_window()
    activate(window.welcome.language_buttons["es"])
    assert window.visit.language == "es"
    interface = QAccessible.queryAccessibleInterface(window.welcome.language_buttons["es"])
    assert interface.state().checked and interface.role() == QAccessible.Role.RadioButton  # one of
    assert interface.text(QAccessible.Text.Name) == "Español"


def test_activating_a_text_size_changes_the_text_size(qtbot, make_window):
    window = make_window()
    activate(window.welcome.text_size_buttons[150])
    assert window.visit.text_percent == 150


def test_high_contrast_is_a_check_box(qtbot, make_window):
    window = make_window()
    interface = QAccessible.queryAccessibleInterface(window.welcome.contrast_button)
    assert interface.role() == QAccessible.Role.CheckBox and not interface.state().checked
    activate(window.welcome.contrast_button)
    assert window.visit.high_contrast and interface.state().checked


def test_a_disabled_choice_offers_no_action(qtbot, make_window):
    window = make_window()
    button = window.welcome.language_buttons["es"]
    button.setEnabled(False)
    assert QAccessible.queryAccessibleInterface(button).actionInterface().actionNames() == []


def test_a_screen_readers_activate_on_a_question_just_shown_waits_like_a_tap(qtbot, make_window):
    """Spec §2.2 for every input: an activate the instant a question appears (a double Enter in a screen reader)
    answers nothing; once the patient has had the moment to take it in, it answers."""
    from tests.ui.drive import EVENTUALLY_MS

    window = make_window()
    window.welcome.check_button.click()
    qtbot.waitUntil(lambda: window.answer_gate.painted, timeout=EVENTUALLY_MS)
    card = window.question.answer_widget.controls()["chest_or_breathing"]
    activate(card)
    assert not card.isChecked() and window.visit.survey.answer_of("red_flags") is None
    window.answer_gate.pass_time(1.0)
    activate(card)
    assert card.isChecked()
