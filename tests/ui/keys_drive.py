"""Drives the kiosk the way a keyboard or keypad user does (spec §7): no mouse, no touch, only key presses to the
focused control. To reach a control it presses the arrow key toward it (Tab when the arrows go no further), as a
person who can see the screen but not touch it would; a control the keys cannot reach fails the test."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.content.model import KIND_TEXT
from kiosk.ui.shell import Screen
from tests.ui.drive import EVENTUALLY_MS, SKIP, gate_of, let_the_answer_show, read_first

MOST_PRESSES_TO_REACH = 60   # more than any screen needs: only an unreachable control uses them all


class Keys:
    def __init__(self, qtbot, window):
        self.qtbot, self.window = qtbot, window

    def press(self, key) -> None:
        self.qtbot.keyClick(QApplication.focusWidget() or self.window, key)

    def type(self, text: str) -> None:
        """Type on a physical keyboard, accents and all (QTest's keyClicks knows only ASCII)."""
        for character in text:
            code = ord(character.upper()) if ord(character.upper()) < 256 else Qt.Key_unknown
            for kind in (QEvent.KeyPress, QEvent.KeyRelease):
                QApplication.sendEvent(QApplication.focusWidget() or self.window,
                                       QKeyEvent(kind, code, Qt.NoModifier, character))

    def reach(self, target: QWidget) -> None:
        """Move the focus to `target` with arrow keys (and Tab where no arrow goes further)."""
        assert target.isVisible() and target.isEnabled(), f"{target.objectName()} cannot be reached"
        for _ in range(MOST_PRESSES_TO_REACH):
            focused = QApplication.focusWidget()
            if focused is target:
                return
            self.press(self._arrow_toward(focused, target) if isinstance(focused, QWidget) and
                       focused is not self.window else Qt.Key_Tab)
            if QApplication.focusWidget() is focused:     # no control that way: the next in reading order
                self.press(Qt.Key_Tab)
        stuck = QApplication.focusWidget()
        raise AssertionError(f"keys did not reach {target.objectName()!r} (stuck at "
                             f"{stuck.objectName() if stuck is not None else None!r})")

    def choose(self, target: QWidget) -> None:
        """Reach `target` and press Enter, after reading the screen as a patient does (spec §2.2)."""
        self.reach(target)
        gate = gate_of(target)
        read_first(self.qtbot, target)
        self.press(Qt.Key_Return)
        let_the_answer_show(gate)

    @staticmethod
    def _arrow_toward(focused: QWidget, target: QWidget):
        start = focused.mapToGlobal(focused.rect().center())
        end = target.mapToGlobal(target.rect().center())
        dx, dy = end.x() - start.x(), end.y() - start.y()
        if abs(dy) > max(focused.height(), target.height()) // 2:
            return Qt.Key_Down if dy > 0 else Qt.Key_Up
        return Qt.Key_Right if dx > 0 else Qt.Key_Left


def answer_with_keys(keys: Keys, value) -> None:
    """Answer the question on screen with `value` (or SKIP) using keys only, then go on."""
    window = keys.window
    screen = window.question
    question = screen.session.question
    widget = screen.answer_widget
    if value is SKIP or value == widget.unsure_choice:
        keys.choose(screen.skip_button)
        if window.current is Screen.SURVEY and screen.session.question is question:   # a list: then Next
            _next_until_gone(keys, question)
        return
    if question.kind == KIND_TEXT:
        read_first(keys.qtbot, widget)
        keys.type(value)                              # a physical keyboard types the name: the focus goes to Done
        assert QApplication.focusWidget() is widget.keys["done"], QApplication.focusWidget()
        keys.press(Qt.Key_Return)
        let_the_answer_show(gate_of(widget))
        return
    controls = widget.controls()
    for choice in value if isinstance(value, list) else [value]:
        if choice == widget.unsure_choice:
            keys.choose(screen.skip_button)
            continue
        control = controls[str(choice)]
        while not control.isVisible():                # on a later page of cards: Next turns it
            keys.choose(screen.next_button)
        keys.choose(control)
    if isinstance(value, list):
        _next_until_gone(keys, question)


def _next_until_gone(keys: Keys, question) -> None:
    screen = keys.window.question
    for _ in range(10):
        if keys.window.current is not Screen.SURVEY or screen.session.question is not question:
            return
        keys.choose(screen.next_button)
    raise AssertionError(f"Next did not leave {question.id}")


def walk_to_review_with_keys(keys: Keys, plan: dict) -> list[str]:
    """Answer with keys until the review; the ids of the questions shown, in order."""
    window, shown = keys.window, []
    for _ in range(100):
        if window.current is Screen.REVIEW:
            return shown
        if window.current is Screen.ALERT_URGENT:
            keys.choose(window.urgent.continue_button)
            continue
        assert window.current is Screen.SURVEY, window.current
        keys.qtbot.waitUntil(lambda: window.answer_gate.painted, timeout=EVENTUALLY_MS)
        question = window.question.session.question
        shown.append(question.id)
        answer_with_keys(keys, plan[question.id])
    raise AssertionError(f"the survey did not end: {shown[-5:]}")
