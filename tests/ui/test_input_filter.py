"""The application's one input filter (kiosk/ui/input_filter.py): input reaches its listeners in order, nothing
else does, and a listener that takes an event keeps it from the rest."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QPushButton

from kiosk.ui.input_filter import input_filter

pytestmark = pytest.mark.ui


class Recorder(QObject):
    def __init__(self, name, log, take=False):
        super().__init__()
        self.name, self.log, self.take = name, log, take

    def on_input(self, watched, event, kind):
        self.log.append((self.name, kind))
        return self.take


@pytest.fixture
def button(qtbot):
    widget = QPushButton("tap")
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_listeners_get_input_in_order_and_nothing_else(qtbot, button):
    log, clicks = [], []
    button.clicked.connect(lambda: clicks.append(1))
    first, second = Recorder("first", log), Recorder("second", log)
    input_filter().listen(first, second)
    try:
        button.update()
        qtbot.wait(20)   # a paint and whatever else comes: none of it is input
        assert log == []
        qtbot.mouseClick(button, Qt.LeftButton)
        names = [name for name, _kind in log]
        assert names and names[::2] == ["first"] * (len(names) // 2) and names[1::2] == ["second"] * (len(names) // 2)
        assert clicks == [1]
    finally:
        input_filter().forget(first)
        input_filter().forget(second)


def test_a_listener_that_takes_a_press_keeps_it_from_the_widget_and_the_listeners_after_it(qtbot, button):
    log, clicks = [], []
    button.clicked.connect(lambda: clicks.append(1))
    taker, after = Recorder("taker", log, take=True), Recorder("after", log)
    input_filter().listen(taker, after)
    try:
        qtbot.mouseClick(button, Qt.LeftButton)
        assert clicks == [] and log and all(name == "taker" for name, _kind in log)
    finally:
        input_filter().forget(taker)
        input_filter().forget(after)


def test_a_deleted_listener_stops_listening(qtbot, button):
    log = []
    listener = Recorder("gone", log)
    hub = input_filter()
    hub.listen(listener)
    assert any(known is listener for known in hub._listeners)
    key = id(listener)
    listener.deleteLater()
    qtbot.waitUntil(lambda: all(id(known) != key for known in hub._listeners))
    qtbot.mouseClick(button, Qt.LeftButton)   # would raise inside the filter if the dead listener were called
    assert log == []
