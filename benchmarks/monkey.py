"""Monkey: thousands of random taps, swipes and key presses on a real kiosk window, offscreen, and the idle
promise checked along the way (issue 8).

    python -m benchmarks.monkey [--events 20000] [--seed 1] [--json]

The events come from `random.Random(seed)`: about 70 % taps at random points of the window (a real click on
the deepest widget there), 15 % swipes (press, a few moves, release; sideways or up and down) and 15 % key
presses (letters, digits, Backspace, Return, Escape, Tab, arrows) to the focused widget. Every 1000 events,
and at the end, the monkey lets go and waits: the idle timers must bring the kiosk back to a fresh welcome
screen with nothing of the visit left (or, after an emergency answer, keep the emergency message until staff
clear it with the PIN, which the monkey then does, as staff would). Staff also come to the emergency message
after 100 of the monkey's events on it, clear it, and half the time leave the staff panel open to the monkey
(never its "Exit the kiosk" button: events landing there are skipped).

Time is shrunk (5 ms per idle "second"; the staff corner's hold, the PIN pad's lock and the print answer
time to match), so idle timeouts, the "still there?" countdown and wipes also happen in the middle of the
random play. Everything lives in a temporary folder: spool, logs and a folder printer.

Failures: any exception (sys.excepthook, wrapping the kiosk's own recovery, which logs and carries on) or
any ERROR logged under `kiosk`, a failed idle check, and the app ending (the monkey never taps "Exit the
kiosk"). Each is reported with the seed, the event number, the stack and the last few events. The exit
status is 1 when there was any (0 with --json: the figures say it). The event sequence is the same for a
seed; what the kiosk does with it also depends on timing (idle timers, worker threads), so a run is
reproducible in its events, not to the millisecond.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import logging
import random
import shutil
import string
import sys
import tempfile
import time
import traceback
from collections import Counter, deque
from pathlib import Path

TIME_SCALE_MS = 5           # milliseconds per idle "second"
CHECK_EVERY = 1000          # events between idle checks
IDLE_CHECK_TIMEOUT_S = 20.0
SETTLE_MS = 60              # a fresh welcome screen must stay fresh this long (late worker results)
STAFF_PIN = "0000"          # the default PIN: the monkey's config sets none
KEY_NAMES = ("Backspace", "Return", "Escape", "Tab", "Left", "Right", "Up", "Down")
MAX_PROBLEMS_REPORTED = 25
# Staff come to the emergency message (their alert slip printed) after this many of the monkey's events there,
# so a run is not mostly taps on a screen that, by design, nothing but the PIN ends.
STAFF_ARRIVE_EVENTS = 100


def idle_times():
    from kiosk.config import IdleTimes

    # The config reader enforces minimums; a SiteConfig built in code does not. At 5 ms a "second" these are
    # 5 ms of quiet everywhere and a 5 ms countdown: idle paths fire whenever the monkey is slow for a moment.
    return IdleTimes(survey_seconds=1, countdown_seconds=1, explainer_seconds=1, done_seconds=1, staff_seconds=1)


class Monkey:
    def __init__(self, events: int, seed: int, size=(1280, 800), idle=None, time_scale_ms: int = TIME_SCALE_MS,
                 check_every: int = CHECK_EVERY):
        self.events, self.seed, self.size = events, seed, size
        self.idle = idle or idle_times()
        self.time_scale_ms = time_scale_ms
        self.check_every = check_every
        self.rng = random.Random(seed)
        self.event_number = 0
        self.problems: list[dict] = []
        self.exceptions = 0
        self.idle_checks = 0
        self.idle_failures = 0
        self.staff_clears = 0
        self.staff_visits = 0
        self.events_in_emergency = 0
        self.idle_warnings = 0
        self.idle_expiries = 0
        self.skipped = 0
        self.kinds = Counter()
        self.events_by_screen = Counter()   # where the monkey's events landed
        self.screens_seen: set = set()
        self.screen_entries = Counter()
        self.recent = deque(maxlen=8)   # the last events, for reports
        self.qt_warnings = Counter()
        self._in_hook = False
        self.ended = False

    # --- set up and tear down -------------------------------------------------------------------------

    def _build(self, root: Path):
        from PySide6.QtTest import QTest

        from kiosk import paths
        from kiosk.config import PrinterSpec, SiteConfig
        from kiosk.content import load_content
        from kiosk.ui.activity import STAFF_HOLD_MS
        from kiosk.ui.app import _install_recovery, make_application
        from kiosk.alerts import FILE_NAME as ALERTS_FILE, AlertBoard, AlertStore
        from kiosk.ui.shell import PRINT_ANSWER_MS, KioskWindow

        config = SiteConfig(spool_dir=root / "spool", log_dir=root / "log",
                            printer=PrinterSpec("folder", str(root / "printed")), idle=self.idle)
        content, problems = load_content(paths.builtin_content_dir(), config.languages, paths.assets_dir())
        if problems:
            raise RuntimeError("the built-in content has problems:\n" + "\n".join(map(str, problems)))
        self.app = make_application()
        self.config = config
        # the run's own alerts file (real writes, as a kiosk makes them), never the user's data folder
        window = KioskWindow(config, content, size=self.size,
                             alert_board=AlertBoard(store=AlertStore(root / ALERTS_FILE)),
                             speech_engine="mock")   # Qt's mock voice: a patient may press Help
        self.window = window
        self.screen_of = {widget: screen for screen, widget in window.screens.items()}
        window.stack.currentChanged.connect(self._screen_changed)
        window.idle.warning_started.connect(self._count_warning)
        window.idle.expired.connect(self._count_expiry)
        self._note_screen(window.current)
        window.show()
        QTest.qWaitForWindowExposed(window)
        window.apply_theme()
        window.start_background_work()

        # Shrink time everywhere the kiosk measures it, by the same factor.
        factor = 1000 / self.time_scale_ms
        window.idle.set_time_scale(self.time_scale_ms)
        window.activity.set_hold_ms(max(1, round(STAFF_HOLD_MS / factor)))
        window.print_answer_ms = max(1, round(PRINT_ANSWER_MS / factor))
        start = time.monotonic()
        window.pin_guard.clock = lambda: start + (time.monotonic() - start) * factor

        # The kiosk's own recovery (logs, then back to welcome), wrapped so every exception is counted.
        self._old_hook = sys.excepthook
        _install_recovery(window)
        kiosk_hook = sys.excepthook

        def hook(exc_type, exc_value, exc_traceback):
            self.exceptions += 1
            self._problem("exception", type=exc_type.__name__, message=str(exc_value),
                          stack="".join(traceback.format_exception(exc_type, exc_value, exc_traceback)))
            self._in_hook = True
            try:
                kiosk_hook(exc_type, exc_value, exc_traceback)
            finally:
                self._in_hook = False

        sys.excepthook = hook

        monkey = self

        class ErrorRecords(logging.Handler):
            def emit(self, record):
                if monkey._in_hook and record.getMessage().startswith("app.unhandled_exception"):
                    return   # the kiosk's recovery logging the exception the hook has just counted
                monkey.exceptions += 1
                monkey._problem("error-log", logger=record.name, message=record.getMessage(),
                                stack=self.format(record) if record.exc_info else "")

        self._handler = ErrorRecords(level=logging.ERROR)
        self._handler.setFormatter(logging.Formatter("%(message)s"))
        self._kiosk_logger = logging.getLogger("kiosk")
        self._kiosk_logger.addHandler(self._handler)
        self._old_level = self._kiosk_logger.level
        if self._kiosk_logger.getEffectiveLevel() > logging.ERROR:
            self._kiosk_logger.setLevel(logging.ERROR)

        from PySide6.QtCore import qInstallMessageHandler

        def qt_message(mode, context, message):
            self.qt_warnings[message.splitlines()[0][:160] if message else ""] += 1

        self._old_qt_handler = qInstallMessageHandler(qt_message)

    def _tear_down(self) -> None:
        """Close the window and its workers; put back the hooks (also after a build that failed half-way)."""
        from PySide6.QtCore import qInstallMessageHandler

        window = getattr(self, "window", None)
        try:
            if window is not None:
                self._pump(50)
                window.detach()
                window.shutdown_workers()
                window._exit_allowed = True
                window.close()
                window.deleteLater()
                self._pump(20)
        finally:
            if hasattr(self, "_old_hook"):
                sys.excepthook = self._old_hook
            if hasattr(self, "_handler"):
                self._kiosk_logger.removeHandler(self._handler)
                self._kiosk_logger.setLevel(self._old_level)
            if hasattr(self, "_old_qt_handler"):
                qInstallMessageHandler(self._old_qt_handler)

    # --- bookkeeping ----------------------------------------------------------------------------------

    def _screen_changed(self, index: int) -> None:
        screen = self.screen_of.get(self.window.stack.widget(index))
        if screen is not None:
            self._note_screen(screen)

    def _count_warning(self, _seconds: int) -> None:
        self.idle_warnings += 1

    def _count_expiry(self) -> None:
        self.idle_expiries += 1

    def _note_screen(self, screen) -> None:
        self.screens_seen.add(screen.value)
        self.screen_entries[screen.value] += 1

    def _problem(self, kind: str, **details) -> None:
        screen = getattr(getattr(self, "window", None), "current", None)
        self.problems.append({"kind": kind, "event": self.event_number, "seed": self.seed,
                              "screen": screen.value if screen is not None else None,
                              "recent_events": list(self.recent), **details})

    # --- pumping the event loop -----------------------------------------------------------------------

    def _settle(self) -> None:
        """What the event loop does between two touches: posted events, timers due, deferred deletes."""
        from PySide6.QtCore import QCoreApplication, QEvent

        self.app.processEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)

    def _pump(self, ms: float) -> None:
        end = time.monotonic() + ms / 1000
        while True:
            self._settle()
            if time.monotonic() >= end:
                return
            time.sleep(0.001)

    def _pump_until(self, condition, timeout_s: float) -> bool:
        end = time.monotonic() + timeout_s
        while time.monotonic() < end:
            self._settle()
            if condition():
                return True
            time.sleep(0.001)
        return condition()

    # --- events -----------------------------------------------------------------------------------------

    def _forbidden(self, widget) -> bool:
        """Never "Exit the kiosk": the monkey must not end the app."""
        exit_button = self.window.staff.exit_button
        return widget is exit_button or exit_button.isAncestorOf(widget)

    def _target_at(self, point):
        widget = self.window.childAt(point)
        return widget if widget is not None else self.window

    def _describe(self, widget) -> str:
        return f"{type(widget).__name__}:{widget.objectName() or '-'}"

    def tap(self) -> None:
        from PySide6.QtCore import QPoint, Qt
        from PySide6.QtTest import QTest

        width, height = self.window.width(), self.window.height()
        point = QPoint(self.rng.randrange(width), self.rng.randrange(height))
        target = self._target_at(point)
        self.recent.append(f"#{self.event_number} tap ({point.x()},{point.y()}) on {self._describe(target)} "
                           f"at {self.window.current.value}")
        if self._forbidden(target):
            self.skipped += 1
            return
        # Time passes between a monkey's taps, as for a patient: sometimes less than the answer gate's quiet time
        # (the tap is ignored), sometimes more (spec 2.2). Without it every tap is a burst the gate ignores.
        self.window.answer_gate.pass_time(self.rng.choice((0.0, 0.3, 0.8, 1.5)))
        QTest.mouseClick(target, Qt.LeftButton, Qt.NoModifier, target.mapFrom(self.window, point))

    def swipe(self) -> None:
        from PySide6.QtCore import QPoint, Qt
        from PySide6.QtTest import QTest
        from shiboken6 import isValid

        width, height = self.window.width(), self.window.height()
        start = QPoint(self.rng.randrange(width), self.rng.randrange(height))
        horizontal = self.rng.random() < 0.5
        distance = self.rng.choice((-1, 1)) * self.rng.randint(40, 600)
        drift = self.rng.randint(-30, 30)
        end = start + (QPoint(distance, drift) if horizontal else QPoint(drift, distance))
        steps = self.rng.randint(2, 6)
        target = self._target_at(start)
        self.recent.append(f"#{self.event_number} swipe ({start.x()},{start.y()})->({end.x()},{end.y()}) "
                           f"on {self._describe(target)} at {self.window.current.value}")
        if self._forbidden(target):
            self.skipped += 1
            return
        origin = target.mapFrom(self.window, QPoint(0, 0))
        QTest.mousePress(target, Qt.LeftButton, Qt.NoModifier, start + origin)
        for step in range(1, steps + 1):
            self._settle()
            if not isValid(target) or not self.window.isVisible():
                return   # the press took the widget away (a new screen): the finger lifts with it
            point = start + (end - start) * (step / steps)
            QTest.mouseMove(target, point + origin)
        self._settle()
        if isValid(target):
            QTest.mouseRelease(target, Qt.LeftButton, Qt.NoModifier, end + origin)

    def key(self) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest
        from PySide6.QtWidgets import QApplication

        roll = self.rng.random()
        if roll < 0.45:
            char = self.rng.choice(string.ascii_uppercase)
            key, name = getattr(Qt.Key, f"Key_{char}"), char
        elif roll < 0.65:
            char = self.rng.choice(string.digits)
            key, name = getattr(Qt.Key, f"Key_{char}"), char
        else:
            name = self.rng.choice(KEY_NAMES)
            key = getattr(Qt.Key, f"Key_{name}")
        target = QApplication.focusWidget() or self.window
        self.recent.append(f"#{self.event_number} key {name} to {self._describe(target)} "
                           f"at {self.window.current.value}")
        if self._forbidden(target):
            self.skipped += 1
            return
        QTest.keyClick(target, key)

    def step(self) -> None:
        roll = self.rng.random()
        kind = "tap" if roll < 0.70 else "swipe" if roll < 0.85 else "key"
        self.kinds[kind] += 1
        self.events_by_screen[self.window.current.value] += 1
        getattr(self, kind)()
        self._settle()

    def app_ended(self) -> bool:
        return self.window._exit_allowed or not self.window.isVisible()

    # --- the idle promise ---------------------------------------------------------------------------------

    def fresh_welcome_problems(self) -> list[str]:
        """What is not as a new patient should find it (empty when all is well)."""
        from kiosk.ui.shell import Screen

        window, config = self.window, self.config
        wrong = []
        if window.current is not Screen.WELCOME:
            wrong.append(f"screen is {window.current.value}")
        visit = window.visit
        if visit.answers != {} or visit.survey is not None:
            wrong.append("the visit still has a survey")
        if (visit.language, visit.text_percent, visit.high_contrast) != \
                (config.default_language, config.text_size, config.high_contrast):
            wrong.append(f"comfort settings kept: {visit.language} {visit.text_percent} % "
                         f"high contrast {visit.high_contrast}")
        if visit.prepared is not None or visit.handout_number is not None:
            wrong.append("the visit still holds a handout")
        if window.overlay.isVisible():
            wrong.append("the idle overlay is showing")
        if window.question.session is not None or window.review.session is not None or window.review.rows:
            wrong.append("a survey screen still holds the last session")
        if window.handout.preview.image is not None or window.handout.state != "empty":
            wrong.append(f"the handout screen is {window.handout.state}"
                         + (" with a preview" if window.handout.preview.image is not None else ""))
        return wrong

    def emergency_held(self) -> bool:
        from kiosk.ui.shell import Screen

        return self.window.emergency_pending and self.window.current is Screen.ALERT_EMERGENCY

    def idle_check(self) -> None:
        """Let go; the idle timers must bring back a fresh welcome screen (or keep the emergency message)."""
        self.idle_checks += 1
        window = self.window

        def settled():
            if window.emergency_pending:
                return self.emergency_held()
            return not self.fresh_welcome_problems()

        if not self._pump_until(settled, IDLE_CHECK_TIMEOUT_S):
            self._idle_failure("not back at a fresh welcome screen after "
                               f"{IDLE_CHECK_TIMEOUT_S:.0f} s without a touch")
            return
        if window.emergency_pending:
            self._pump(SETTLE_MS)
            if not self.emergency_held():
                self._idle_failure("the emergency message did not stay on screen")
                return
            if not self.clear_emergency_as_staff():
                return
            if not self._pump_until(lambda: not self.fresh_welcome_problems(), IDLE_CHECK_TIMEOUT_S):
                self._idle_failure("staff went back to the kiosk but the welcome screen is not fresh")
                return
        self._pump(SETTLE_MS)
        wrong = self.fresh_welcome_problems()
        if wrong:
            self._idle_failure("a fresh welcome screen changed again: " + "; ".join(wrong))

    def staff_arrive(self) -> None:
        """The front desk saw the alert: staff come and clear the message (it must still be there)."""
        from kiosk.ui.shell import Screen

        self.staff_visits += 1
        self.events_in_emergency = 0
        if self.window.current not in (Screen.ALERT_EMERGENCY, Screen.STAFF_PIN):
            self._idle_failure(f"staff came for the emergency but found {self.window.current.value}")
            return
        self.clear_emergency_as_staff(walk_away=self.rng.random() < 0.5)

    def _idle_failure(self, message: str) -> None:
        self.idle_failures += 1
        details = self.fresh_welcome_problems()
        self._problem("idle", message=message, state=details,
                      emergency_pending=self.window.emergency_pending)

    def _staff_click(self, widget) -> bool:
        """A staff member's tap: only on a widget they can see (the screen may have changed under them)."""
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        if not (widget.isVisible() and widget.isEnabled()):
            return False
        QTest.mouseClick(widget, Qt.LeftButton)
        self._settle()
        return True

    def clear_emergency_as_staff(self, walk_away: bool = False) -> bool:
        """"Staff" button, the PIN, OK; then back to the kiosk, or (`walk_away`) the panel is left open for the
        monkey to play with until it times out. The pad may be locked by the monkey's wrong guesses.

        Staff are not monkeys: while they act, the kiosk's idle time runs at its real speed."""
        from kiosk.ui.shell import Screen

        window = self.window
        window.idle.set_time_scale(1000)
        try:
            signed_in = self._sign_in_as_staff()
            if not signed_in or window.emergency_pending:
                self._idle_failure(f"staff could not clear the emergency (screen {window.current.value})")
                return False
            self.staff_clears += 1
            if window.current is Screen.STAFF and not walk_away:
                self._staff_click(window.staff.back_button)
            return True
        finally:
            window.idle.set_time_scale(self.time_scale_ms)

    def _sign_in_as_staff(self) -> bool:
        from kiosk.ui.shell import Screen

        window = self.window
        deadline = time.monotonic() + IDLE_CHECK_TIMEOUT_S
        while time.monotonic() < deadline:
            self._settle()
            if window.current is Screen.ALERT_EMERGENCY:
                self._staff_click(window.emergency.staff_button)
                continue
            if window.current is not Screen.STAFF_PIN:
                return False
            pad = window.staff_pin
            if not (pad.keys["0"].isEnabled() and pad.ok_button.isEnabled()):
                time.sleep(0.002)   # locked by the monkey's wrong guesses: wait it out
                continue
            staff_entries = self.screen_entries[Screen.STAFF.value]
            # "Clear" first: whatever the monkey typed there. Any tap that finds the pad gone starts again.
            if all(self._staff_click(pad.keys[key]) for key in ("clear", *STAFF_PIN)) and \
                    self._staff_click(pad.ok_button):
                while pad.checking and time.monotonic() < deadline:   # the PIN is checked off the GUI thread
                    self._settle()
                    time.sleep(0.002)
                return self.screen_entries[Screen.STAFF.value] > staff_entries
        return False

    # --- the run --------------------------------------------------------------------------------------------

    def play(self) -> None:
        for number in range(1, self.events + 1):
            self.event_number = number
            self.step()
            if self.app_ended():
                self._problem("app-ended", message="the kiosk window closed or the app was told to quit")
                self.ended = True
                return
            if number % self.check_every == 0 and number < self.events:
                self.idle_check()
            elif self.window.emergency_pending:
                self.events_in_emergency += 1
                if self.events_in_emergency >= STAFF_ARRIVE_EVENTS:
                    self.staff_arrive()
            else:
                self.events_in_emergency = 0
        self.idle_check()

    def run(self) -> dict:
        root = Path(tempfile.mkdtemp(prefix="kiosk-monkey-"))
        started = time.perf_counter()
        try:
            self._build(root)
            self.play()
        finally:
            try:
                self._tear_down()
            finally:
                shutil.rmtree(root, ignore_errors=True)
        seconds = time.perf_counter() - started
        return {
            "monkey_events": self.event_number,
            "monkey_exceptions": self.exceptions,
            "monkey_idle_checks": self.idle_checks,
            "monkey_idle_failures": self.idle_failures + (1 if self.ended else 0),
            "monkey_seed": self.seed,
            "monkey_seconds": round(seconds, 2),
            "screens_visited": sorted(self.screens_seen),
            "screen_entries": dict(sorted(self.screen_entries.items())),
            "events_by_screen": dict(self.events_by_screen.most_common()),
            "event_kinds": dict(self.kinds),
            "events_skipped": self.skipped,
            "emergencies_cleared_by_staff": self.staff_clears,
            "staff_visits": self.staff_visits,
            "idle_warnings": self.idle_warnings,
            "idle_expiries": self.idle_expiries,
            "qt_warnings": dict(self.qt_warnings.most_common(10)),
            "problems": self.problems[:MAX_PROBLEMS_REPORTED],
        }


def run_monkey(events: int, seed: int, size=(1280, 800)) -> dict:
    """A seeded monkey run on a fresh kiosk window in a temporary folder; see the module docstring."""
    return Monkey(events, seed, size).run()


def summary_line(result: dict) -> str:
    return (f"monkey: {result['monkey_events']} events, seed {result['monkey_seed']}, "
            f"{result['monkey_seconds']} s: {result['monkey_exceptions']} exceptions, "
            f"{result['monkey_idle_checks'] - result['monkey_idle_failures']}/{result['monkey_idle_checks']} "
            f"idle checks passed, {result['emergencies_cleared_by_staff']} emergencies cleared by staff; "
            f"screens: {', '.join(result['screens_visited'])}")


def main() -> int:
    import argparse
    import json

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=20000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    result = run_monkey(args.events, args.seed)
    if args.json:
        print(json.dumps(result))
    else:
        print(summary_line(result))
        for problem in result["problems"]:
            print(f"\n{problem['kind']} at event {problem['event']} (seed {problem['seed']}, screen "
                  f"{problem['screen']}): {problem.get('message', '')}")
            if problem.get("stack"):
                print(problem["stack"].rstrip())
            if problem.get("state"):
                print("state: " + "; ".join(problem["state"]))
            print("last events:\n  " + "\n  ".join(problem["recent_events"]))
    failed = result["monkey_exceptions"] or result["monkey_idle_failures"]
    return 1 if failed and not args.json else 0   # with --json the figures carry the verdict (benchmarks/__main__)


if __name__ == "__main__":
    sys.exit(main())
