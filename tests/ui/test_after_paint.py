"""after_next_paint: work waits for the screen, once, and never forever."""

from __future__ import annotations

import gc

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QWidget

from kiosk.ui.after_paint import after_next_paint
from tests.ui.drive import EVENTUALLY_MS

pytestmark = pytest.mark.ui


def test_work_runs_once_after_the_widget_is_painted(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.resize(200, 100)
    widget.show()
    qtbot.waitExposed(widget)
    calls = []
    after_next_paint(widget, lambda: calls.append("work"), fallback_ms=600_000)  # only a paint runs it
    assert calls == []        # not before the paint
    widget.update()
    qtbot.waitUntil(lambda: calls == ["work"], timeout=EVENTUALLY_MS)
    widget.update()
    qtbot.wait(100)
    assert calls == ["work"]  # once


def test_work_still_runs_when_no_paint_comes(qtbot):
    widget = QWidget()        # never shown: no paint will come
    qtbot.addWidget(widget)
    calls = []
    after_next_paint(widget, lambda: calls.append("work"), fallback_ms=50)
    qtbot.waitUntil(lambda: calls == ["work"], timeout=EVENTUALLY_MS)



def test_the_widget_may_go_once_the_work_is_done(qtbot):
    """The helper that waited for the paint must not keep its widget alive: deleting the helper would then delete
    the widget, which deletes the helper (its child) a second time: a segmentation fault, seen in CI."""
    widget = QWidget()
    calls = []
    after_next_paint(widget, lambda: calls.append("work"), fallback_ms=0)
    while calls != ["work"]:  # no nested event loop: the helper's deletion stays due until the widget is let go
        QCoreApplication.processEvents()
    gone = []
    widget.destroyed.connect(lambda: gone.append(True))
    del widget                # the test lets go: nothing else should hold the widget now
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)   # the helper's deletion, if still due
    gc.collect()
    assert gone == [True]     # the widget went, once, and this process is still here
