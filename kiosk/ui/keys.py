"""Keys and keypads (spec §7): the whole patient flow without the touch screen.

One window-wide event filter maps a keyboard, or a simple EZ Access-style keypad, onto the kiosk:

    Tab / Shift+Tab        next / previous control (Qt's focus chain: reading order)
    arrow keys             the nearest control in that direction (card grids, the 0-10 row, the keyboard)
    Enter, Return, Space   choose the focused control (a card, a number, a key, a button)
    Escape, Back           the screen's Back
    F1, Help, ?            read where you are (the screen, and the focused control)

Arrow moves are spatial, from the focused control's centre, so one rule serves every layout a screen has and a
keypad's four arrows reach everything. A control takes keyboard focus only from keys (Qt.TabFocus), so a tap
never shows the focus ring. Typing into a text field (the first name) reaches it untouched.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QAbstractButton, QApplication, QLineEdit, QWidget

CHOOSE_KEYS = frozenset({Qt.Key_Return, Qt.Key_Enter, Qt.Key_Space, Qt.Key_Select})
BACK_KEYS = frozenset({Qt.Key_Escape, Qt.Key_Back})
HELP_KEYS = frozenset({Qt.Key_F1, Qt.Key_Help, Qt.Key_Question})
POINTER_PRESSES = frozenset({QEvent.MouseButtonPress, QEvent.TouchBegin, QEvent.TabletPress})
DIRECTIONS = {Qt.Key_Left: (-1, 0), Qt.Key_Right: (1, 0), Qt.Key_Up: (0, -1), Qt.Key_Down: (0, 1)}


def focusable_controls(window: QWidget) -> list[QWidget]:
    """The controls a key can reach: shown, enabled, and taking focus from keys. Qt leaves Tab focus only to
    the chosen button of a one-of group (Tab visits the group once); the arrows reach all of them."""
    return [widget for widget in window.findChildren(QWidget)
            if widget.isVisible() and widget.isEnabled() and widget.window() is window
            and (widget.focusPolicy() & Qt.TabFocus or isinstance(widget, QAbstractButton) and widget.group())]


def nearest_in_direction(origin: QWidget, candidates: list[QWidget], direction: tuple[int, int]) -> QWidget | None:
    """The candidate whose centre lies in `direction` from the origin's, nearest along it and then across it
    (a row's neighbour before a control further down the screen)."""
    dx, dy = direction
    start = origin.mapToGlobal(origin.rect().center())
    best, best_score = None, None
    for widget in candidates:
        if widget is origin:
            continue
        centre = widget.mapToGlobal(widget.rect().center())
        along = (centre.x() - start.x()) * dx + (centre.y() - start.y()) * dy
        if along <= 0:
            continue
        across = abs((centre.y() - start.y()) if dx else (centre.x() - start.x()))
        if across > along * 3 + _half_extent(origin, dx):   # well off to the side: not "in that direction"
            continue
        score = (along + across * 2)
        if best_score is None or score < best_score:
            best, best_score = widget, score
    return best


def _half_extent(widget: QWidget, dx: int) -> int:
    return (widget.height() if dx else widget.width()) // 2


class KeyNavigator(QObject):
    back_pressed = Signal()
    help_pressed = Signal()
    moved = Signal(QWidget)      # focus went to this control by a key (speech reads it)

    def __init__(self, window: QWidget, may_choose: Callable[[QWidget], bool] = lambda widget: True,
                 asking: Callable[[], bool] = lambda: False):
        super().__init__(window)
        self._window = window
        self._asking = asking           # a question over the whole window ("Still there?", "Erase all?") takes the keys
        self._may_choose = may_choose   # the shell's answer gate: Enter on a question just shown waits too
        self.active = False   # the patient is using keys (until the next touch): new screens get a focused control
        # Only keys move focus (controls take Qt.TabFocus), so every focus change is a key's doing; Tab and
        # Shift+Tab are Qt's own focus chain, in the order each screen builds its controls (reading order).
        QApplication.instance().focusChanged.connect(self._focus_changed)

    def _focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        if new is not None and new.window() is self._window:
            self.moved.emit(new)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() in POINTER_PRESSES:
            self.active = False
            return False
        if event.type() != QEvent.KeyPress or not self._window.isVisible() or self._asking():
            return False
        self.active = True
        key = event.key()
        focused = QApplication.focusWidget()
        typing = isinstance(focused, QLineEdit)
        if key in BACK_KEYS:
            self.back_pressed.emit()
            return True
        if key in HELP_KEYS and not (typing and key == Qt.Key_Question):
            self.help_pressed.emit()
            return True
        if key in DIRECTIONS and not (typing and key in (Qt.Key_Left, Qt.Key_Right)):
            return self._move(focused, DIRECTIONS[key])
        if key in CHOOSE_KEYS and isinstance(focused, QAbstractButton) and not event.isAutoRepeat():
            if focused.isEnabled() and focused.isVisible() and self._may_choose(focused):
                focused.click()
            return True
        return False

    def focus_first(self, root: QWidget, preferred: list[QWidget] = ()) -> None:
        """A new screen for a keys user: focus its first answer (`preferred`), else its top-left control."""
        shown = [widget for widget in preferred if widget.isVisible() and widget.isEnabled()]
        controls = shown or [widget for widget in self._controls() if root.isAncestorOf(widget)]
        if controls:
            first = controls[0] if shown else min(controls, key=_reading_position)
            first.setFocus(Qt.TabFocusReason)

    def _controls(self) -> list[QWidget]:
        return focusable_controls(self._window)

    def _move(self, focused: QWidget | None, direction: tuple[int, int]) -> bool:
        controls = self._controls()
        if not controls:
            return False
        if focused is None or focused not in controls:
            target = controls[0] if direction in ((1, 0), (0, 1)) else controls[-1]
        else:
            target = nearest_in_direction(focused, controls, direction)
        if target is not None:
            target.setFocus(Qt.TabFocusReason)
        return True


def _reading_position(widget: QWidget) -> tuple[int, int]:
    point = widget.mapToGlobal(widget.rect().topLeft())
    return point.y(), point.x()
