"""Run work once a widget is on screen. A worker thread started alongside a screen change takes the GIL that the
change needs (ReportLab holds it for tens of ms at a time): the patient's tap on Finish painted in 30-50 ms
instead of 4. So the screen paints first, and the work starts after."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

FALLBACK_MS = 100  # never wait on a paint that does not come (a window off screen, a minimised panel)


class _AfterPaint(QObject):
    def __init__(self, widget: QWidget, work: Callable[[], None], fallback_ms: int):
        super().__init__(widget)
        self._widget, self._work = widget, work
        widget.installEventFilter(self)
        QTimer.singleShot(fallback_ms, self, self._run)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, self, self._run)  # after this paint has reached the screen
        return False

    def _run(self) -> None:
        if self._work is None:
            return
        work, self._work = self._work, None
        self._widget.removeEventFilter(self)
        # Let go of the widget before asking to be deleted: were this the widget's last reference, deleting this
        # helper would delete the widget, which deletes its child, this helper, a second time.
        self._widget = None
        self.deleteLater()
        work()


def after_next_paint(widget: QWidget, work: Callable[[], None], fallback_ms: int = FALLBACK_MS) -> None:
    """Calls `work()` once, on the GUI thread, just after `widget` is next painted (or after `fallback_ms`)."""
    _AfterPaint(widget, work, fallback_ms)
