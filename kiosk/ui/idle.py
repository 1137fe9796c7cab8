"""Idle timing per spec §6: after a quiet spell, either warn with a countdown or go straight home.

The rule follows the screen: survey and review warn ("Still there?", at least 20 s to answer), the
explainer and the done screen just return to welcome, the emergency screen never times out.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, QTimer, Signal


@dataclass(frozen=True)
class IdleRule:
    quiet_seconds: int
    warn: bool = False


SPEECH_PAUSE_MAX_SECONDS = 120   # the longest screen takes about a minute to read at the slowest rate


class IdleClock(QObject):
    """Emits `warning_started`, `countdown(seconds_left)` and `expired` as the quiet time runs out."""

    warning_started = Signal(int)
    countdown = Signal(int)
    expired = Signal()

    def __init__(self, countdown_seconds: int, parent: QObject | None = None, ms_per_second: int = 1000):
        super().__init__(parent)
        self.countdown_seconds = countdown_seconds
        self.ms_per_second = ms_per_second  # the soak and monkey runs shrink time, e.g. to 5 ms a "second"
        self._rule: IdleRule | None = None
        self._seconds_left = 0
        self._quiet = QTimer(self)
        self._quiet.setSingleShot(True)
        self._quiet.timeout.connect(self._quiet_time_over)
        self._tick = QTimer(self)
        self._tick.setInterval(ms_per_second)
        self._tick.timeout.connect(self._on_tick)
        self._speech_cap = QTimer(self)
        self._speech_cap.setSingleShot(True)
        self._speech_cap.timeout.connect(lambda: self.speech_reading(False))

    @property
    def warning(self) -> bool:
        return self._tick.isActive()

    @property
    def running(self) -> bool:
        """The quiet time or the countdown is running (not while speech reads, nor on a screen without a rule)."""
        return self._quiet.isActive() or self._tick.isActive()

    @property
    def seconds_left(self) -> int:
        return self._seconds_left

    def set_time_scale(self, ms_per_second: int) -> None:
        """How long a second of idle time lasts (1000 in the kiosk; shorter for long simulated runs)."""
        self.ms_per_second = ms_per_second
        self._tick.setInterval(ms_per_second)
        self.restart()

    def set_rule(self, rule: IdleRule | None) -> None:
        """A new screen: stop any countdown and start its own quiet timer (None: never time out)."""
        self._rule = rule
        self._tick.stop()
        self.restart()

    def activity(self) -> None:
        """Any input (a touch, a key, a mouse move). During a warning the overlay, which covers the window, turns
        a touch or key into "more time" (more_time); a mouse move or a release alone does not end it."""
        if not self.warning:
            self.restart()

    def more_time(self) -> None:
        self._tick.stop()
        self.restart()

    def speech_reading(self, reading: bool) -> None:
        """While speech reads, the quiet time does not run (spec §6): it starts again when the reading ends. An
        engine that never says it has finished cannot keep a visit's answers on screen: after
        SPEECH_PAUSE_MAX_SECONDS the clock runs again whatever the engine says."""
        if reading and not self.warning:
            self._quiet.stop()
            self._speech_cap.start(SPEECH_PAUSE_MAX_SECONDS * self.ms_per_second)
        elif not reading:
            self._speech_cap.stop()
            self.restart()   # the end of a reading counts as activity

    def restart(self) -> None:
        self._quiet.stop()
        if self._speech_cap.isActive():
            return   # speech is reading: the quiet time starts when it ends
        if self._rule is not None and not self.warning:
            self._quiet.start(self._rule.quiet_seconds * self.ms_per_second)

    def stop(self) -> None:
        self._rule = None
        self._quiet.stop()
        self._tick.stop()
        self._speech_cap.stop()

    def _quiet_time_over(self) -> None:
        if self._rule is None:
            return
        if not self._rule.warn:
            self.expired.emit()
            return
        self._seconds_left = self.countdown_seconds
        self._tick.start()
        self.warning_started.emit(self._seconds_left)

    def _on_tick(self) -> None:
        self._seconds_left -= 1
        if self._seconds_left <= 0:
            self._tick.stop()
            self.expired.emit()
        else:
            self.countdown.emit(self._seconds_left)
