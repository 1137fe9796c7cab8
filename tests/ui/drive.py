"""Drives the survey the way a patient does: real clicks on the real widgets of the question on screen."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

from kiosk.content.model import KIND_BODY_MAP, KIND_TEXT
from kiosk.ui.shell import Screen

SKIP = object()

# How long a test waits for something that must happen (a handout made, a job printed, an idle wipe). Only a
# broken kiosk reaches it: a slow or busy machine waits longer and still passes. Speed is measured in benchmarks/.
EVENTUALLY_MS = 120_000

# A patient who has cramps and some nerve symptoms, no red flags.
TYPICAL = {
    "red_flags": ["none"], "cramp_any": "yes", "cramp_where": ["calf_left", "toes_right"], "cramp_nights": 3,
    "cramp_duration": "5_to_10_min", "cramp_worst_pain": 7, "sleep_impact": 6, "cramp_when": ["night"],
    "walk_pain_eases_rest": "no", "restless_urge": "not_sure",
    **{f"mnsi_{n:02d}": "yes" for n in range(1, 16)},
    "mnsi_07": "no", "mnsi_13": "yes", "mnsi_10": SKIP,
    "diabetes": "type_2", "conditions": ["kidney"], "pregnant": "no", "smoking": "no", "alcohol_per_week": "none",
    "medicines": ["statin", "metformin"], "water_glasses": "0_to_3", "stretch_before_bed": "no",
    "exercise": "rarely", "long_standing": "yes", "shoes_support": "not_sure", "first_name": "josé",
}


def click(qtbot, widget):
    assert widget.isVisible() and widget.isEnabled(), f"{widget.objectName()} not clickable"
    qtbot.mouseClick(widget, Qt.LeftButton)


def reveal(window, widget):
    """Scroll the answer area so the widget is in view, as a patient would with a finger."""
    if window.question.scroll.widget().isAncestorOf(widget):
        window.question.scroll.ensureWidgetVisible(widget, 0, 0)


def tap_region(qtbot, picture, region: str):
    """Tap the middle of a body map region, inside its real outline."""
    shape = picture.shapes[region]
    centre = shape.boundingRect().center()
    assert shape.contains(centre), region
    point = picture.transform().map(centre).toPoint()
    qtbot.mouseClick(picture, Qt.LeftButton, pos=point)


def answer_current(qtbot, window, value):
    """Answer the question on screen with `value` (or SKIP), then go on if the widget did not already."""
    screen = window.question
    question = screen.session.question
    widget = screen.answer_widget
    if value is SKIP:
        click(qtbot, screen.skip_button)
        return
    if question.kind == KIND_TEXT:
        for letter in value.upper():
            click(qtbot, widget.keys["space" if letter == " " else letter])
        click(qtbot, widget.keys["done"])
        return
    if question.kind == KIND_BODY_MAP:
        for region in value:
            tap_region(qtbot, widget.picture, region)
    elif isinstance(value, list):
        for choice in value:
            reveal(window, widget.cards[choice])
            click(qtbot, widget.cards[choice])
    elif isinstance(value, int):
        reveal(window, widget.buttons[value])
        click(qtbot, widget.buttons[value])
        return
    else:
        reveal(window, widget.cards[value])
        click(qtbot, widget.cards[value])
        return
    click(qtbot, screen.next_button)


def walk_to_review(qtbot, window, plan=TYPICAL, stop_before: str | None = None):
    """Answer from the current question until the review (or until `stop_before` is on screen)."""
    for _ in range(100):
        if window.current is Screen.REVIEW:
            return
        if window.current is Screen.ALERT_URGENT:
            click(qtbot, window.urgent.continue_button)
            continue
        assert window.current is Screen.SURVEY, window.current
        question = window.question.session.question
        if question.id == stop_before:
            return
        answer_current(qtbot, window, plan[question.id])
    raise AssertionError("the survey did not end")
