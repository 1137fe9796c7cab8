"""Issue 18, low vision and low literacy: capital letters at least 4.8 mm tall on the real panel (ADA 2010
§707.7.2), and icons beside the words of action buttons that follow the colour scheme and the text size."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtGui import QFontMetricsF, QIcon
from PySide6.QtWidgets import QLabel, QPushButton

from kiosk.ui.screenshot import _survey_at
from kiosk.ui.shell import Screen
from kiosk.ui.theme import CAP_MM
from tests.ui.clipping import clipped_texts

AUDIT_DPI = 141   # the audit's panel: 1920x1080 on 15.6"


def cap_mm(widget, dpi: float) -> float:
    return QFontMetricsF(widget.font()).capHeight() / dpi * 25.4


def patient_texts(root):
    """Every visible label and button with words: body text, muted text, headings, titles, button words."""
    for widget in root.findChildren(QLabel) + root.findChildren(QPushButton):
        if widget.isVisibleTo(root) and widget.text().strip() and widget.text() not in ("A", "\u2190", "\u2192"):
            yield widget


def screens_of_a_visit(qtbot, window):
    yield "welcome", window.welcome
    window.go(Screen.EXPLAINER)
    qtbot.wait(1)
    yield "explainer", window.explainer
    window.go(Screen.WELCOME)
    _survey_at(window, "cramp_any")
    qtbot.wait(1)
    yield "question", window.question
    _survey_at(window, None)
    qtbot.wait(1)
    yield "review", window.review


@pytest.mark.parametrize("size", [(1920, 1080), (1280, 800)])
@pytest.mark.parametrize("language", ["en", "es"])
def test_patient_text_is_at_least_4_8mm_tall_at_141_dpi(qtbot, make_window, config, size, language):
    window = make_window(size=size, site_config=replace(config, screen_dpi=AUDIT_DPI))
    window.set_language(language)
    qtbot.wait(1)
    measured = {}
    for name, screen in screens_of_a_visit(qtbot, window):
        for widget in patient_texts(screen):
            measured[f"{name}: {type(widget).__name__} {widget.text()[:30]!r}"] = cap_mm(widget, AUDIT_DPI)
        body = [w for w in screen.findChildren(QLabel) if w.property("role") == "body" and w.isVisibleTo(screen)]
        assert body or name == "question", name
    assert len(measured) > 20
    small = {text: round(mm, 2) for text, mm in measured.items() if mm < CAP_MM}
    assert small == {}


@pytest.mark.parametrize("language", ["en", "es"])
def test_nothing_clips_on_the_audit_panel_at_150_percent(qtbot, make_window, config, language):
    window = make_window(size=(1920, 1080), site_config=replace(config, screen_dpi=AUDIT_DPI))
    window.set_language(language)
    window.set_text_size(150)
    qtbot.wait(120)
    window.go(Screen.EXPLAINER)
    window.explainer.open_menu()
    qtbot.wait(1)
    problems = [f"menu: {p}" for p in clipped_texts(window)]
    window.go(Screen.WELCOME)
    for name, _screen in screens_of_a_visit(qtbot, window):
        problems += [f"{name}: {p}" for p in clipped_texts(window)]
    assert problems == []


def test_action_buttons_have_an_icon_in_their_words_colour_and_keep_the_word_as_their_name(qtbot, make_window):
    window = make_window(size=(1920, 1080))
    _survey_at(window, "cramp_any")
    qtbot.wait(1)
    screen = window.question
    for button in (screen.back_button, screen.next_button, screen.start_over_button):
        assert not button.icon().isNull(), button.objectName()
        assert button.iconSize().height() >= 0.7 * button.font().pixelSize()
        assert button.accessibleName() in ("", button.text())   # the word alone (Qt reads the text when unset)
        assert "\u2190" not in button.text() and "\u2192" not in button.text()
    # → follows the word; ← and ↺ come before it
    assert screen.next_button.layoutDirection() != screen.back_button.layoutDirection()

    def icon_colours(button):
        image = button.icon().pixmap(button.iconSize(), QIcon.Normal).toImage()
        return {image.pixelColor(x, y).name() for x in range(image.width()) for y in range(image.height())
                if image.pixelColor(x, y).alpha() == 255}

    standard = icon_colours(screen.back_button)
    size_before = screen.back_button.iconSize().height()
    window.set_high_contrast(True)
    window.set_text_size(150)
    qtbot.wait(1)
    assert icon_colours(screen.back_button) == {window.theme().palette.text.lower()}
    assert icon_colours(screen.back_button) != standard
    assert screen.back_button.iconSize().height() > size_before


def test_print_button_shows_a_printer(qtbot, make_window):
    window = make_window(size=(1920, 1080))
    assert window.handout.print_button._icon is not None
    assert window.handout.print_button.accessibleName() in ("", window.handout.print_button.text())
