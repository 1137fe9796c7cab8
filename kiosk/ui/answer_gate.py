"""Answering must be deliberate (spec §2.2): a tap never answers a question the patient has not seen.

One object, used by the question and review screens, holds the whole rule:

* After a screen shows new content (a question, a page of its choices, the review), taps on it are ignored
  until `QUIET_S` has passed since both that content was painted and the last tap. A burst of taps keeps
  being ignored for as long as it lasts, so a double tap (150 or 300 ms apart) or a burst on one spot answers
  exactly one question.
* A one-tap answer stays visibly chosen for `HOLD_S` before the screen moves on (`hold_then`); taps meanwhile
  are ignored (and count as taps for the rule above).

It filters the presses on the screens it covers, and on everything in them, as a listener of the application's
input filter (kiosk/ui/input_filter.py), after the activity filter: an ignored tap is still a touch for the idle
clock. A press it ignores takes its release with it, so no widget acts on half a tap. Only the witness of new
content (one widget) has an event filter of its own, to see its paint.

The clock is injected (`clock`, seconds): tests pass a manual clock and never sleep for the rule.
Simulated patients (tests, the soak) call `pass_time`, which ages every time the gate remembers, as if the
patient had paused to read, with the real clock.
"""

from __future__ import annotations

import math
import time
from typing import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

QUIET_S = 0.5    # after the new content was painted and after the last tap
HOLD_S = 0.45    # at least 0.4 s of the chosen answer on screen, measured from the tap (the paint comes after)

PRESS_EVENTS = frozenset({QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick, QEvent.Type.TouchBegin,
                          QEvent.Type.TabletPress})
FOLLOW_EVENTS = frozenset({QEvent.Type.MouseMove, QEvent.Type.TouchUpdate, QEvent.Type.TabletMove})
END_EVENTS = frozenset({QEvent.Type.MouseButtonRelease, QEvent.Type.TouchEnd, QEvent.Type.TouchCancel,
                        QEvent.Type.TabletRelease})


class ManualClock:
    """A clock that moves only when told (tests)."""

    def __init__(self, start: float = 1000.0):
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


class AnswerGate(QObject):
    def __init__(self, clock: Callable[[], float] = time.monotonic, parent: QObject | None = None):
        super().__init__(parent)
        self.clock = clock
        self.quiet_s, self.hold_s = QUIET_S, HOLD_S
        self._roots: list[QWidget] = []
        self._witness: QWidget | None = None
        self._painted_at: float | None = 0.0
        self._last_tap = -math.inf
        self._open = True
        self._swallowing = False
        self._action: Callable[[], None] | None = None
        self._hold_from = 0.0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.poll)
        self.ignored_taps = 0   # for tests and the soak's tally

    # --- what the screens call ------------------------------------------------------------------------

    def arm(self, root: QWidget, witness: QWidget) -> None:
        """New content is on `root`: closed until `witness` has painted it and the taps have been quiet."""
        self.cover(root)
        if self._witness is not None and self._witness is not witness:
            self._witness.removeEventFilter(self)
        self._witness = witness
        witness.installEventFilter(self)
        self._painted_at = None
        self._open = False
        witness.update()   # a paint comes even when the words did not change (the same question again)

    def cover(self, root: QWidget) -> None:
        """Filter the taps on `root` and everything in it, now and later."""
        if root not in self._roots:
            self._roots.append(root)
            root.destroyed.connect(lambda *_args, root=root: self._forget(root))

    def hold_then(self, action: Callable[[], None]) -> None:
        """Keep the chosen answer on screen for `hold_s`, ignoring taps, then call `action` (once)."""
        self._action = action
        self._hold_from = self.clock()
        self._timer.start(max(1, math.ceil(self.hold_s * 1000)))

    def cancel(self) -> None:
        """Drop a pending hold (the visit ended, the screen was left)."""
        self._action = None
        self._timer.stop()

    def poll(self) -> None:
        """Finish the hold if its time has come on the gate's clock (else look again when it should have)."""
        if self._action is None:
            return
        left = self._hold_from + self.hold_s - self.clock()
        if left > 0:
            self._timer.start(max(1, math.ceil(left * 1000)))
            return
        action, self._action = self._action, None
        self._timer.stop()
        action()

    def pass_time(self, seconds: float) -> None:
        """As if `seconds` had passed: every time the gate remembers is made that much older (simulated
        patients who pause to read, with the real clock). A hold that is due then ends at once."""
        if self._painted_at is not None:
            self._painted_at -= seconds
        self._last_tap -= seconds
        self._hold_from -= seconds
        self.poll()

    # --- state ------------------------------------------------------------------------------------------

    @property
    def painted(self) -> bool:
        return self._painted_at is not None

    @property
    def holding(self) -> bool:
        return self._action is not None

    def covers(self, widget: QWidget) -> bool:
        return any(root is widget or root.isAncestorOf(widget) for root in self._roots)

    def take_choice(self) -> bool:
        """A choice made without a tap (Enter or Space on the focused control, kiosk/ui/keys.py): the same rule as
        a tap, and it counts as one for the quiet time. True when the choice may act."""
        now = self.clock()
        allowed = self._allows(now)
        self._last_tap = now
        if allowed:
            self._open = True
        else:
            self.ignored_taps += 1
        return allowed

    def would_take_tap(self) -> bool:
        """Whether a tap now would reach the screen."""
        return self._allows(self.clock())

    def _allows(self, now: float) -> bool:
        if self._action is not None:
            return False
        if self._open:
            return True
        if self._painted_at is None:
            return False
        return now - max(self._painted_at, self._last_tap) >= self.quiet_s

    def _forget(self, root: QWidget) -> None:
        self._roots = [r for r in self._roots if r is not root]

    # --- Qt -----------------------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        """The witness's paint: the new content is in view."""
        if watched is self._witness and self._painted_at is None and event.type() == QEvent.Type.Paint:
            self._painted_at = self.clock()
        return False

    def on_input(self, watched: QObject, event: QEvent, kind: QEvent.Type) -> bool:
        """Input from the application's one input filter: presses on a covered screen follow the rule."""
        if kind not in PRESS_EVENTS and not (self._swallowing and (kind in FOLLOW_EVENTS or kind in END_EVENTS)):
            return False
        if not isinstance(watched, QWidget) or not self.covers(watched):
            return False
        if kind in PRESS_EVENTS:
            now = self.clock()
            allowed = self._allows(now)
            self._last_tap = now
            if allowed:
                self._open = True
                self._swallowing = False
                return False
            self._swallowing = True
            self.ignored_taps += 1
            event.accept()
            return True
        if self._swallowing and (kind in FOLLOW_EVENTS or kind in END_EVENTS):
            if kind in END_EVENTS:
                self._swallowing = False
            event.accept()
            return True
        return False
