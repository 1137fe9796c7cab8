"""Names and roles a screen reader is given, one per bug the AT-SPI walk found (tests/ui/test_accessibility_walk.py
reads them over the real bus; these read Qt's interfaces offscreen, fast). Every word is from content/."""

from __future__ import annotations

from PySide6.QtGui import QAccessible, QAccessibleActionInterface
from PySide6.QtWidgets import QPushButton

from kiosk.survey.sample import SAMPLE_ANSWERS, walk
from kiosk.survey.session import SurveySession
from kiosk.ui.shell import Screen
from kiosk.ui.widgets.number_buttons import NumberButtons


def name_of(widget) -> str:
    return QAccessible.queryAccessibleInterface(widget).text(QAccessible.Text.Name)


def question_screen(window, question_id: str):
    window.visit.survey = session = SurveySession(window.content.survey)
    walk(session, stop_at=question_id)
    window.go(Screen.SURVEY)   # styled first: the answer widget is made for the theme
    window.question.show_question(session)
    return window.question


def test_text_size_buttons_say_text_size_in_the_visits_language(make_window):
    window = make_window()
    window.set_language("es")
    ui = window.content.ui
    for percent, choice in window.welcome.text_size_buttons.items():
        assert name_of(choice) == ui.get("comfort.text_size_percent", "es", percent=percent)   # not "100%"


def test_a_review_row_says_its_question_and_its_answer(make_window):
    window = make_window()
    window.set_language("es")
    window.visit.survey = session = SurveySession(window.content.survey)
    walk(session)
    window.review.show_review(session)
    question = window.content.survey.question("cramp_duration")
    assert name_of(window.review.rows["cramp_duration"]) == \
        f"{question.prompt['es']}: {question.choice(SAMPLE_ANSWERS['cramp_duration']).label['es']}"


def test_handout_page_buttons_are_named_in_the_visits_language(make_window):
    window = make_window()
    window.set_language("es")
    ui = window.content.ui
    assert name_of(window.handout.previous_page_button) == ui.get("handout.previous_page", "es")
    assert name_of(window.handout.next_page_button) == ui.get("handout.next_page", "es")   # not "next page button"


def test_page_dots_say_which_page(make_window):
    window = make_window()
    window.set_language("es")
    window.go(Screen.EXPLAINER)
    window.explainer.show_chapter(2)
    total = len(window.content.explainer.chapters)
    assert name_of(window.explainer.dots) == window.content.ui.get("explainer.page_of", "es", current=3, total=total)


def test_the_body_map_picture_and_the_progress_bar_are_named(make_window):
    window = make_window()
    window.set_language("es")
    screen = question_screen(window, "cramp_where")
    ui = window.content.ui
    assert name_of(screen.answer_widget.picture) == ui.get("bodymap.picture", "es")
    assert name_of(screen.progress) == screen.progress_label.text()
    assert name_of(screen.scroll.verticalScrollBar()) == window.content.survey.question("cramp_where").prompt["es"]


def test_the_overlays_that_take_the_focus_are_named_by_their_question(make_window):
    window = make_window()
    window.set_language("es")
    ui = window.content.ui
    assert name_of(window.overlay) == ui.get("idle.title", "es")
    window.confirm.ask("¿Borrar?", "No", "Sí", lambda: None)
    assert name_of(window.confirm) == "¿Borrar?"
    window.confirm.keep()


def test_a_number_made_while_a_screen_reader_listens_is_a_radio_button_that_presses(make_window, shipped_content):
    """Qt makes a button's interface at its first accessibility event (its text, while a reader listens) and keeps
    it: made before the button was checkable, it was Qt's own, whose first action "Toggle" never answers."""
    window = make_window()
    question = shipped_content.survey.question("cramp_nights")
    QAccessible.setActive(True)
    try:
        numbers = NumberButtons(question, shipped_content.ui, "en", window.theme())
    finally:
        QAccessible.setActive(False)
    interface = QAccessible.queryAccessibleInterface(numbers.buttons[3])
    assert interface.actionInterface().actionNames()[0] == QAccessibleActionInterface.pressAction()
    assert interface.role() == QAccessible.Role.RadioButton
    numbers.deleteLater()


def test_not_sure_is_one_answer_of_a_single_choice_question(make_window):
    window = make_window()
    screen = question_screen(window, "cramp_any")
    assert QAccessible.queryAccessibleInterface(screen.skip_button).role() == QAccessible.Role.RadioButton
    assert isinstance(screen.skip_button, QPushButton)
