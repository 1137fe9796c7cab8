"""Keys and keypads (spec §7): the whole patient flow without the touch screen.

One window-wide event filter maps a keyboard, or a simple EZ Access-style keypad, onto the kiosk:

    Tab / Shift+Tab        next / previous control (Qt's focus chain: reading order)
    arrow keys             the nearest control in that direction (card grids, the 0-10 row, the keyboard)
    Enter, Return, Space   choose the focused control (a card, a number, a key, a button)
    Escape, Back           the screen's Back
    F1, Help, ?            read where you are (the screen, and the focused control)
    letters, Backspace     type the first name where it is asked (Space types a space there; typing takes the
                           focus to Done, so the Enter that ends the name is Done)

Arrow moves are spatial, from the focused control's centre, so one rule serves every layout a screen has and a
keypad's four arrows reach everything, and a control the keys reach is scrolled into sight. A control takes
keyboard focus only from keys (Qt.TabFocus), so a tap never shows the focus ring.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QAbstractButton, QApplication, QLineEdit, QScrollArea, QWidget

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
    """The candidate whose centre lies in `direction` from the origin's. One in the origin's beam (its row, for
    Left and Right; its column, for Up and Down) wins over any outside it, as in browsers' and Android's spatial
    navigation: Right from Back is Next on the same row, not a card above it that happens to be nearer. Within
    each, distance along the direction counts far more than distance across it."""
    dx, dy = direction
    start = origin.mapToGlobal(origin.rect().center())
    origin_span = _span(origin, dx)
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
        low, high = _span(widget, dx)
        in_beam = low < origin_span[1] and high > origin_span[0]
        score = (not in_beam, 13 * along * along + across * across)   # Android's FocusFinder weighting
        if best_score is None or score < best_score:
            best, best_score = widget, score
    return best


def _span(widget: QWidget, dx: int) -> tuple[int, int]:
    """The widget's extent across a move: top to bottom for Left and Right, left to right for Up and Down."""
    top_left = widget.mapToGlobal(widget.rect().topLeft())
    return (top_left.y(), top_left.y() + widget.height()) if dx else (top_left.x(), top_left.x() + widget.width())


def _half_extent(widget: QWidget, dx: int) -> int:
    return (widget.height() if dx else widget.width()) // 2


class KeyNavigator(QObject):
    back_pressed = Signal()
    help_pressed = Signal()
    moved = Signal(QWidget)      # focus went to this control by a key (speech reads it)

    def __init__(self, window: QWidget, may_choose: Callable[[QWidget], bool] = lambda widget: True,
                 asking: Callable[[], bool] = lambda: False, typist: Callable[[], object | None] = lambda: None):
        super().__init__(window)
        self._window = window
        self._asking = asking           # a question over the whole window ("Still there?", "Erase all?") takes the keys
        self._may_choose = may_choose   # the shell's answer gate: Enter on a question just shown waits too
        self._typist = typist           # the answer on screen that takes typing (the first name), or None
        self.active = False   # the patient is using keys (until the next touch): new screens get a focused control
        # Only keys move focus (controls take Qt.TabFocus), so every focus change is a key's doing; Tab and
        # Shift+Tab are Qt's own focus chain, in the order each screen builds its controls (reading order).
        QApplication.instance().focusChanged.connect(self._focus_changed)

    def _focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        if new is not None and new.window() is self._window:
            _scroll_into_view(new)   # a control the keys reach is never out of sight
            self.moved.emit(new)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        return self.on_input(watched, event, event.type())

    def on_input(self, watched: QObject, event: QEvent, kind: QEvent.Type) -> bool:
        """Input from the application's one input filter (kiosk/ui/input_filter.py)."""
        if kind in POINTER_PRESSES:
            self.active = False
            return False
        if kind != QEvent.KeyPress or not self._window.isVisible() or self._asking():
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
        typist = self._typist()
        if typist is not None and self._typed(typist, event, focused):
            return True
        if key in CHOOSE_KEYS and isinstance(focused, QAbstractButton) and not event.isAutoRepeat():
            if focused.isEnabled() and focused.isVisible() and self._may_choose(focused):
                focused.click()
            return True
        return False

    def _typed(self, typist, event, focused: QWidget | None) -> bool:
        """Typing on a screen that asks for a name: letters, Space and Backspace go to it; Enter chooses the
        focused key as on any screen, or is Done when no key has the focus."""
        key = event.key()
        if key == Qt.Key_Backspace:
            return typist.type_key("delete")
        if key in (Qt.Key_Return, Qt.Key_Enter):
            return not isinstance(focused, QAbstractButton) and typist.type_key("done")
        text = event.text()
        return bool(text) and text.isprintable() and not event.isAutoRepeat() and typist.type_key(text)

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


def _scroll_into_view(widget: QWidget) -> None:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea) and parent.widget() is not None and parent.widget().isAncestorOf(widget):
            parent.ensureWidgetVisible(widget)
            return
        parent = parent.parentWidget()


def _reading_position(widget: QWidget) -> tuple[int, int]:
    point = widget.mapToGlobal(widget.rect().topLeft())
    return point.y(), point.x()
