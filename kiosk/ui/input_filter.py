"""The one application-wide event filter: the patient's input (touch, mouse, pen, keys) to those who watch it.

Every event of the application passes an application event filter: paints, layout requests, timers, polish and
show events, several hundred for one tap that brings a new question. A filter written in Python costs a call into
Python for each, and asking an event its type costs another (PySide makes a Python enum of it). With the idle
clock, the key navigator, the explainer's swipe and the answer gate each filtering on their own, that was a few
milliseconds of every tap. This filter asks the type once, lets everything but input go at once, and hands input
to its listeners in the order they were added: the activity filter first (every touch counts for the idle clock,
even one another listener then takes), then the others.

A listener has `on_input(watched, event, kind) -> bool` (True: the event is taken, no one else sees it).
"""

from __future__ import annotations

from functools import partial
from typing import Protocol

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication

INPUT_EVENTS = frozenset({
    QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease, QEvent.Type.MouseButtonDblClick,
    QEvent.Type.MouseMove, QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TouchEnd,
    QEvent.Type.TouchCancel, QEvent.Type.TabletPress, QEvent.Type.TabletMove, QEvent.Type.TabletRelease,
    QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.Wheel,
})

NAME = "kiosk_input_filter"


class InputListener(Protocol):
    def on_input(self, watched: QObject, event: QEvent, kind: QEvent.Type) -> bool: ...


class InputFilter(QObject):
    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.setObjectName(NAME)
        self._listeners: list[InputListener] = []

    def listen(self, *listeners: InputListener) -> None:
        if not self._listeners:
            QApplication.instance().installEventFilter(self)
        for listener in listeners:
            if not any(known is listener for known in self._listeners):
                self._listeners.append(listener)
                if isinstance(listener, QObject):   # a listener deleted with its window stops listening
                    listener.destroyed.connect(partial(self._forget_id, id(listener)))

    def forget(self, listener: InputListener) -> None:
        self._forget_id(id(listener))

    def _forget_id(self, key: int, *_destroyed) -> None:
        self._listeners = [known for known in self._listeners if id(known) != key]
        app = QApplication.instance()
        if not self._listeners and app is not None:
            app.removeEventFilter(self)   # no one listening: no cost at all

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        kind = event.type()
        if kind not in INPUT_EVENTS:
            return False
        for listener in tuple(self._listeners):   # a listener may stop listening while it handles the event
            if listener.on_input(watched, event, kind):
                return True
        return False


def input_filter() -> InputFilter:
    """The application's input filter (installed on it while it has listeners)."""
    app = QApplication.instance()
    found = app.findChild(InputFilter, NAME, Qt.FindDirectChildrenOnly)
    return found if found is not None else InputFilter(app)
