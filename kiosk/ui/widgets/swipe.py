"""Horizontal swipe detection over a widget, for touch and mouse alike, without taking events from anyone.

It listens to the application's input filter (kiosk/ui/input_filter.py) while its widget is shown: it watches
presses and releases inside the widget and reports a mostly-horizontal drag longer than a threshold. Buttons keep
working (a drag that started on a button releases outside it, so Qt does not click it).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, Signal
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.ui.activity import global_point
from kiosk.ui.input_filter import input_filter

PRESS = frozenset({QEvent.MouseButtonPress, QEvent.TouchBegin})
RELEASE = frozenset({QEvent.MouseButtonRelease, QEvent.TouchEnd})


class SwipeWatcher(QObject):
    swiped_left = Signal()    # finger moved right-to-left: next page
    swiped_right = Signal()   # finger moved left-to-right: previous page

    def __init__(self, area: QWidget, min_distance_px: int = 120):
        super().__init__(area)
        self.area = area
        self.min_distance_px = min_distance_px
        self._start: QPoint | None = None

    def start(self) -> None:
        input_filter().listen(self)

    def stop(self) -> None:
        self._start = None
        if QApplication.instance() is not None:   # not after the application has gone (shutdown)
            input_filter().forget(self)

    def on_input(self, watched: QObject, event: QEvent, kind: QEvent.Type) -> bool:
        if kind in PRESS:
            point = global_point(event)
            if point is not None and self.area.isVisible() and self.area.rect().contains(self.area.mapFromGlobal(point)):
                self._start = point
        elif kind in RELEASE and self._start is not None:
            point = global_point(event)
            start, self._start = self._start, None
            if point is not None:
                self._judge(point.x() - start.x(), point.y() - start.y())
        return False

    def _judge(self, dx: int, dy: int) -> None:
        if abs(dx) >= self.min_distance_px and abs(dx) > 2 * abs(dy):
            (self.swiped_left if dx < 0 else self.swiped_right).emit()

