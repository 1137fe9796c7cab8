"""Who is touching the kiosk: one application-wide event filter for activity and the hidden staff corner.

Touch, mouse, pen and keys all count as activity (a touch panel may send only touch events). A long press
in the top-left corner opens the staff PIN pad; that corner is kept free of patient controls.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QTimer, Signal
from PySide6.QtWidgets import QWidget

ACTIVITY_EVENTS = frozenset({
    QEvent.MouseButtonPress, QEvent.MouseButtonRelease, QEvent.MouseMove, QEvent.TouchBegin,
    QEvent.TouchUpdate, QEvent.TouchEnd, QEvent.KeyPress, QEvent.Wheel, QEvent.TabletPress,
})
PRESS_EVENTS = frozenset({QEvent.MouseButtonPress, QEvent.TouchBegin, QEvent.TabletPress})
RELEASE_EVENTS = frozenset({QEvent.MouseButtonRelease, QEvent.TouchEnd, QEvent.TouchCancel, QEvent.TabletRelease})
STAFF_HOLD_MS = 3000
ACTIVITY_THROTTLE_S = 0.05


class ActivityFilter(QObject):
    activity = Signal()            # any input: restarts the quiet time
    touched = Signal()             # a touch, click or key press: a person, not a drifting pointer
    staff_corner_held = Signal()

    def __init__(self, window: QWidget, corner_px: int, hold_ms: int = STAFF_HOLD_MS):
        super().__init__(window)
        self._window = window
        self.corner_px = corner_px
        self._last_activity = 0.0
        self._hold = QTimer(self)
        self._hold.setSingleShot(True)
        self._hold.setInterval(hold_ms)
        self._hold.timeout.connect(self.staff_corner_held)

    def set_hold_ms(self, hold_ms: int) -> None:
        self._hold.setInterval(hold_ms)

    def on_input(self, watched: QObject, event: QEvent, kind: QEvent.Type) -> bool:
        """Input from the application's one input filter (kiosk/ui/input_filter.py)."""
        if kind not in ACTIVITY_EVENTS and kind not in RELEASE_EVENTS:
            return False
        now = time.monotonic()
        if now - self._last_activity > ACTIVITY_THROTTLE_S or kind in PRESS_EVENTS:
            self._last_activity = now
            self.activity.emit()
        if kind in PRESS_EVENTS or kind == QEvent.KeyPress:
            self.touched.emit()
        if kind in PRESS_EVENTS and self._window.isVisible():
            point = global_point(event)
            if point is not None and self._in_corner(point):
                self._hold.start()
        elif kind in RELEASE_EVENTS:
            self._hold.stop()
        return False

    def _in_corner(self, point: QPoint) -> bool:
        local = self._window.mapFromGlobal(point)
        return QRect(0, 0, self.corner_px, self.corner_px).contains(local)


def global_point(event: QEvent) -> QPoint | None:
    """Where a mouse, touch or pen event happened, in screen coordinates."""
    if hasattr(event, "points") and event.points():
        return event.points()[0].globalPosition().toPoint()
    if hasattr(event, "globalPosition"):
        return event.globalPosition().toPoint()
    return None
