"""Drives the survey the way a patient does: real clicks on the real widgets of the question on screen."""

from __future__ import annotations

from PySide6.QtCore import Qt

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


# A patient reads a question before answering it: the kiosk ignores taps on a question just shown (spec §2.2).
READING_S = 1.0


def gate_of(widget):
    """The answer gate that filters taps on `widget`, or None."""
    gate = getattr(widget.window(), "answer_gate", None)
    return gate if gate is not None and gate.covers(widget) else None


def read_first(qtbot, widget):
    """Be the patient who looks before tapping: the screen has been painted and a moment has passed."""
    gate = gate_of(widget)
    if gate is not None and not gate.holding:
        qtbot.waitUntil(lambda: gate.painted, timeout=EVENTUALLY_MS)
        gate.pass_time(READING_S)


def let_the_answer_show(gate):
    """The chosen answer stays on screen a moment before a one-tap question moves on: let that moment pass."""
    if gate is not None and gate.holding:
        gate.pass_time(gate.hold_s)


def click(qtbot, widget):
    assert widget.isVisible() and widget.isEnabled(), f"{widget.objectName()} not clickable"
    gate = gate_of(widget)
    read_first(qtbot, widget)
    qtbot.mouseClick(widget, Qt.LeftButton)
    let_the_answer_show(gate)


def reveal(qtbot, window, widget):
    """Bring the widget into view as a patient would: turn to its page of choices, or scroll with a finger."""
    screen = window.question
    answers = screen.answer_widget
    if answers is not None and answers.page_count() > 1 and widget in answers.cards.values():
        target = answers.page_of(next(c for c, card in answers.cards.items() if card is widget))
        while answers.page != target:
            click(qtbot, screen.next_button if answers.page < target else screen.back_button)
    if screen.scroll.widget().isAncestorOf(widget):
        screen.scroll.ensureWidgetVisible(widget, 0, 0)


def tap_region(qtbot, picture, region: str):
    """Tap the middle of a body map region, inside its real outline."""
    shape = picture.shapes[region]
    centre = shape.boundingRect().center()
    assert shape.contains(centre), region
    point = picture.transform().map(centre).toPoint()
    gate = gate_of(picture)
    read_first(qtbot, picture)
    qtbot.mouseClick(picture, Qt.LeftButton, pos=point)
    let_the_answer_show(gate)


def answer_current(qtbot, window, value):
    """Answer the question on screen with `value` (or SKIP), then go on if the widget did not already."""
    screen = window.question
    question = screen.session.question
    widget = screen.answer_widget
    if value is SKIP:                                   # "Not sure" / "Prefer not to say": an answer
        click(qtbot, screen.skip_button)
        if window.current is Screen.SURVEY and screen.session.question is question:   # a list: then Next
            while widget.has_next_page():
                click(qtbot, screen.next_button)
            click(qtbot, screen.next_button)
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
            if choice == widget.unsure_choice:
                click(qtbot, screen.skip_button)
                continue
            reveal(qtbot, window, widget.cards[choice])
            click(qtbot, widget.cards[choice])
        while widget.has_next_page():                  # every page seen before going on
            click(qtbot, screen.next_button)
    elif isinstance(value, int):
        reveal(qtbot, window, widget.buttons[value])
        click(qtbot, widget.buttons[value])
        return
    else:
        if value == widget.unsure_choice:
            click(qtbot, screen.skip_button)
            return
        reveal(qtbot, window, widget.cards[value])
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
