"""Work done ahead while the patient reads (the next questions' answer widgets, the review's rows): one small
piece per timer tick, with a pause between pieces, so touches, paints and other timers get their turn between
any two. Zero-delay timers ran piece after piece with nothing between (the soak's 10 ms watchdog saw the GUI
thread held ~40 ms, and ~100 ms while a worker thread held the GIL); a patient reads for at least half a second
(the answer gate), so a few milliseconds between pieces costs nothing they can see."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QObject, QTimer

PAUSE_MS = 5


def piece_timer(owner: QObject, step: Callable[[], None]) -> QTimer:
    """A single-shot timer that calls `step` after the pause. `start()` it to ask for the next piece (again while
    it waits: still one piece, so however often work ahead is asked for, one chain of pieces runs); `stop()` it
    to stop the chain. It goes with `owner`."""
    timer = QTimer(owner)
    timer.setSingleShot(True)
    timer.setInterval(PAUSE_MS)
    timer.timeout.connect(step)
    return timer
