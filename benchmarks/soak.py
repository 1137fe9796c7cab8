"""Soak: many simulated patients through the real kiosk window, by real clicks on real widgets, offscreen.

    python -m benchmarks.soak [--sessions 1000] [--seed 1] [--cups] [--json]

Each patient picks a language, sometimes browses the explainer, answers the survey at random (now and then a
red flag: urgent, or an emergency that staff clear with the PIN), and then finishes and prints, starts over,
or walks away and lets the idle timeout wipe the visit. Idle time runs 200 times faster (5 ms a "second"),
except while the patient watches the kiosk work (the preview being made, the number coming).
Printing goes to a folder, or with --cups to a private CUPS queue started here.

Measured: exceptions (the kiosk recovers from them and logs them, so the ERROR log lines are counted too);
handout jobs per finished session (exactly one each: none lost, none duplicated); RSS from the 10 % mark to
the end (from session 100 to 1000 in the full run); the longest the GUI thread went without serving a 10 ms
watchdog timer; peak RSS. Goals (issue 8): 0 exceptions, 0 lost or duplicated, growth <= 10 MB, block <= 100 ms.
"""

from __future__ import annotations

import argparse
import gc
import json
import logging
import os
import random
import resource
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TIME_SCALE_MS = 5


def rss_mb() -> float:
    """Resident memory now (Linux /proc; elsewhere the peak, which is all the OS offers without psutil)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return peak_rss_mb()


def peak_rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


class ErrorCount(logging.Handler):
    def __init__(self):
        super().__init__(logging.ERROR)
        self.count = 0
        self.first: str | None = None

    def emit(self, record):
        self.count += 1
        self.first = self.first or record.getMessage()[:2000]


@dataclass
class Tally:
    sessions: int = 0
    finished: int = 0
    started_over: int = 0
    idled_out: int = 0
    emergencies: int = 0
    numbers: list[int] = field(default_factory=list)  # handout numbers the finished patients were told


class Watchdog:
    """A 10 ms timer on the GUI thread: the longest gap between its ticks, minus 10 ms, is the longest block.
    A second thread looks at the GUI thread's stack while a block is going on (past 60 ms), so the report can
    say where the worst one was spent, not only that it happened. Each block over 50 ms also records the CPU
    time the GUI thread and the whole process used in it: a block the GUI thread spent computing is the
    kiosk's work; one it spent waiting (for the GIL held by a worker, or for a CPU the machine gave to
    something else) reads differently."""

    SLOW_MS = 50

    def __init__(self):
        import threading

        from PySide6.QtCore import QTimer

        self.longest_ms = 0.0
        self.doing = ""  # what the patient was doing, set by the soak before each action
        self.worst = ""
        self.worst_stack = ""
        self.worst_cpu_ms = (0.0, 0.0)  # GUI thread, whole process
        self.slow: list[float] = []  # every block over SLOW_MS
        self._stack_now = ""
        self._last = time.perf_counter()
        self._last_cpu = (time.thread_time(), time.process_time())
        self._gui_thread = threading.get_ident()
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._tick)
        self.timer.start()
        self._stop = threading.Event()
        threading.Thread(target=self._sample, name="watchdog", daemon=True).start()

    def _sample(self):
        import traceback

        while not self._stop.wait(0.02):
            if (time.perf_counter() - self._last) * 1000 > 60 and not self._stack_now:
                frame = sys._current_frames().get(self._gui_thread)
                if frame is not None:
                    self._stack_now = "".join(traceback.format_stack(frame)[-12:])

    def stop(self):
        self._stop.set()
        self.timer.stop()

    def _tick(self):
        now, cpu = time.perf_counter(), (time.thread_time(), time.process_time())
        blocked = (now - self._last) * 1000 - 10
        if blocked > self.SLOW_MS:
            self.slow.append(blocked)
        if blocked > self.longest_ms:
            self.longest_ms, self.worst, self.worst_stack = blocked, self.doing, self._stack_now
            self.worst_cpu_ms = tuple(round((after - before) * 1000, 1) for after, before in zip(cpu, self._last_cpu))
        self._stack_now = ""
        self._last, self._last_cpu = now, cpu

    def reset(self):
        self._last = time.perf_counter()
        self._last_cpu = (time.thread_time(), time.process_time())


READING_S = 1.0   # a simulated patient reads each new question this long before tapping (the gate's pause)


class Soak:
    def __init__(self, seed: int, printer, root: Path):
        from kiosk.alerts import FILE_NAME as ALERTS_FILE, AlertBoard, AlertStore
        from kiosk.config import IdleTimes, SiteConfig
        from kiosk.startup import load_everything
        from kiosk.ui.app import make_application
        from kiosk.ui.shell import KioskWindow

        loaded = load_everything()
        self.config = SiteConfig(spool_dir=root / "spool", log_dir=root / "log", printer=printer,
                                 idle=IdleTimes(survey_seconds=30, countdown_seconds=20, explainer_seconds=60,
                                                done_seconds=20, staff_seconds=60))
        self.app = make_application()
        # the run's own alerts file (real writes, as a kiosk makes them), never the user's data folder
        self.window = KioskWindow(self.config, loaded.content, size=(1280, 800),
                                  alert_board=AlertBoard(store=AlertStore(root / ALERTS_FILE)),
                                  speech_engine="mock")   # Qt's mock voice
        self.window.show()
        self.window.idle.set_time_scale(TIME_SCALE_MS)
        self.window.start_background_work()  # as the kiosk does at startup
        self.content = loaded.content
        self.random = random.Random(seed)
        self.tally = Tally()
        self.watchdog: Watchdog | None = None

    # --- driving ----------------------------------------------------------------------------------------

    def tap(self, widget) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        if self.watchdog is not None:
            self.watchdog.doing = f"tap {widget.objectName() or type(widget).__name__} on {self.window.current.value}"
        if not (widget.isVisible() and widget.isEnabled()):
            raise AssertionError(f"{widget.objectName() or type(widget).__name__} is not tappable "
                                 f"on {self.window.current.value}")
        gate = self.window.answer_gate   # the patient reads a new question before tapping (spec §2.2)
        if gate.covers(widget) and not gate.holding:
            self.pump_until(lambda: gate.painted)
            gate.pass_time(READING_S)
        QTest.mouseClick(widget, Qt.LeftButton)
        if gate.holding:                 # the chosen answer shows a moment, then the screen moves on
            gate.pass_time(gate.hold_s)
        self.settle()

    def show_card(self, choice_id: str) -> None:
        """Turn to the page of choices that holds `choice_id` (long lists come in pages, never a scroll)."""
        screen = self.window.question
        widget = screen.answer_widget
        if widget.page_count() > 1:
            target = widget.page_of(choice_id)
            while widget.page != target:
                self.tap(screen.next_button if widget.page < target else screen.back_button)

    def next_after_every_page(self) -> None:
        screen = self.window.question
        while screen.answer_widget.has_next_page():
            self.tap(screen.next_button)
        self.tap(screen.next_button)

    def settle(self) -> None:
        """What one turn of the kiosk's event loop does. processEvents() alone, outside app.exec(), never runs
        deleteLater(): without the second call every replaced widget would pile up, which the kiosk never does."""
        from PySide6.QtCore import QEvent

        self.app.processEvents()
        self.app.sendPostedEvents(None, QEvent.Type.DeferredDelete)

    def wait_for_kiosk(self, condition) -> None:
        """The patient watches the screen while the kiosk works (the preview, the number): real-time idle rules
        meanwhile, as in the clinic where a 60 s rule meets a 50 ms handout; shrunk again afterwards."""
        self.window.idle.set_time_scale(1000)
        try:
            self.pump_until(condition)
        finally:
            self.window.idle.set_time_scale(TIME_SCALE_MS)

    def pump_until(self, condition, seconds: float = 30.0) -> None:
        deadline = time.monotonic() + seconds
        while not condition():
            if time.monotonic() > deadline:
                raise AssertionError(f"stuck on {self.window.current.value}")
            if self.watchdog is not None:
                self.watchdog.doing = f"waiting on {self.window.current.value}"
            self.settle()
            time.sleep(0.002)

    def patient(self) -> None:
        from kiosk.ui.shell import Screen

        window, chance = self.window, self.random.random
        self.tally.sessions += 1
        assert window.current is Screen.WELCOME and window.visit.answers == {}
        language = self.random.choice(self.content.languages)
        self.tap(window.welcome.language_buttons[language])
        if chance() < 0.1:
            self.tap(window.welcome.learn_button)
            for _ in range(self.random.randint(1, 4)):
                self.tap(window.explainer.next_button)
            self.tap(window.explainer.check_button)
        else:
            self.tap(window.welcome.check_button)
        walk_away_at = self.random.randint(0, 40) if chance() < 0.25 else None
        for step in range(200):
            if window.current is Screen.REVIEW:
                break
            if window.current is Screen.ALERT_URGENT:
                self.tap(window.urgent.continue_button)
                continue
            if window.current is Screen.ALERT_EMERGENCY:
                self.staff_clears_emergency()
                return
            if step == walk_away_at:
                self.leave()
                return
            self.answer()
        else:
            raise AssertionError("the survey did not end")
        self.finish()

    def answer(self) -> None:
        from kiosk.content.model import KIND_BODY_MAP, KIND_COUNT, KIND_MULTI, KIND_SCALE, KIND_TEXT
        from kiosk.ui.widgets.registry import ONE_TAP_KINDS

        screen = self.window.question
        question = screen.session.question
        widget = screen.answer_widget
        if screen.unsure_value and self.random.random() < 0.08:
            self.tap(screen.skip_button)   # "Not sure" / "Prefer not to say": an answer
            if question.kind not in ONE_TAP_KINDS and screen.session.question is question:
                self.next_after_every_page()
            return
        if question.kind == KIND_TEXT:
            for letter in self.random.sample("ABCDEFGHIJKLMNOPQRSTUVWXYZ", self.random.randint(2, 8)):
                self.tap(widget.keys[letter])
            self.tap(widget.keys["done"])
            return
        if question.kind in (KIND_SCALE, KIND_COUNT):
            self.tap(widget.buttons[self.random.randint(question.min, question.max)])
            return
        if question.kind in ONE_TAP_KINDS:
            choice_id = self.random.choice(question.choice_ids())
            if choice_id == widget.unsure_choice:
                self.tap(screen.skip_button)
                return
            self.show_card(choice_id)
            screen.scroll.ensureWidgetVisible(widget.cards[choice_id], 0, 0)
            self.tap(widget.cards[choice_id])
            return
        cards = widget.cards.cards if question.kind == KIND_BODY_MAP else widget.cards
        chosen = self.multi_choice(question)
        for choice_id in chosen:
            if choice_id == widget.unsure_choice:
                self.tap(screen.skip_button)
                continue
            if question.kind != KIND_BODY_MAP:
                self.show_card(choice_id)
            screen.scroll.ensureWidgetVisible(cards[choice_id], 0, 0)
            self.tap(cards[choice_id])
        assert question.kind in (KIND_MULTI, KIND_BODY_MAP)
        self.next_after_every_page()

    def multi_choice(self, question) -> list[str]:
        exclusive = [choice.id for choice in question.choices if choice.exclusive]
        ordinary = [choice.id for choice in question.choices if not choice.exclusive]
        if question.id == "red_flags":  # most patients have none; some urgent, a few an emergency
            roll = self.random.random()
            urgent = [c.id for c in question.choices if c.alert == "urgent"]
            emergency = [c.id for c in question.choices if c.alert == "emergency"]
            if roll < 0.03:
                return [self.random.choice(emergency)]
            if roll < 0.10:
                return [self.random.choice(urgent)]
            return exclusive[:1]
        if exclusive and self.random.random() < 0.3:
            return [self.random.choice(exclusive)]
        return self.random.sample(ordinary, self.random.randint(1, min(3, len(ordinary))))

    def leave(self) -> None:
        """Start over, or walk away and let the idle timeout wipe the visit."""
        from kiosk.ui.shell import Screen

        if self.random.random() < 0.5 and self.window.question.start_over_button.isVisible():
            self.tap(self.window.question.start_over_button)
            if self.window.confirm.asking:                 # "Erase all your answers?": yes
                self.tap(self.window.confirm.act_button)
            self.tally.started_over += 1
        else:
            self.pump_until(lambda: self.window.current is Screen.WELCOME)
            self.tally.idled_out += 1

    def staff_clears_emergency(self) -> None:
        from PySide6.QtWidgets import QPushButton

        from kiosk.ui.shell import Screen

        window = self.window
        self.tap(window.emergency.staff_button)
        for digit in "0000":
            self.tap(window.staff_pin.keys[digit])
        self.tap(window.staff_pin.ok_button)
        self.pump_until(lambda: not window.staff_pin.checking)   # the PIN is checked off the GUI thread
        assert window.current is Screen.STAFF, (window.current, window.staff_pin.status.text())
        for alert in window.alert_board.unacknowledged():  # staff saw to the patient: they acknowledge
            self.tap(window.staff.findChild(QPushButton, f"acknowledge_{alert.number}"))
        self.tap(window.staff.back_button)
        self.tally.emergencies += 1

    def finish(self) -> None:
        from kiosk.ui.shell import Screen

        window = self.window
        self.tap(window.review.finish_button)
        self.wait_for_kiosk(lambda: window.handout.state == "ready")
        self.tap(window.handout.print_button)
        self.wait_for_kiosk(lambda: window.visit.handout_number is not None)
        self.tally.numbers.append(window.visit.handout_number)
        self.tally.finished += 1
        if self.random.random() < 0.7:
            self.tap(window.done.done_button)
        else:
            self.pump_until(lambda: window.current is Screen.WELCOME)
            self.tally.idled_out += 1


def run_soak(sessions: int, seed: int = 1, cups: bool = False, cups_server=None) -> dict:
    """`cups_server`: a running tests.printing.cups_server.CupsServer to use (else one is started here)."""
    from kiosk.config import PrinterSpec
    from kiosk.printing.spool import DONE

    root = Path(tempfile.mkdtemp(prefix="kiosk-soak-"))
    server, own_server, saved_env = cups_server, False, os.environ.get("CUPS_SERVER")
    if cups:
        if server is None:
            from tests.printing.cups_server import CupsServer

            server, own_server = CupsServer(), True
            server.start()
        os.environ["CUPS_SERVER"] = str(server.socket)
        queue, _ = server.add_queue()
        printer = PrinterSpec("cups", queue)
    else:
        printer = PrinterSpec("folder", str(root / "printed"))
    errors = ErrorCount()
    logging.getLogger("kiosk").addHandler(errors)
    exceptions = []
    previous_hook = sys.excepthook
    sys.excepthook = lambda *info: exceptions.append(info[0].__name__)
    started = time.perf_counter()
    try:
        soak = Soak(seed, printer, root)
        watchdog = soak.watchdog = Watchdog()
        mark = max(1, sessions // 10)
        rss_at_mark = None
        for index in range(sessions):
            soak.patient()
            if index + 1 == mark:
                gc.collect()
                rss_at_mark = rss_mb()
                watchdog.reset()
        gc.collect()
        rss_end = rss_mb()
        soak.pump_until(lambda: all(job.state == DONE for job in soak.window.desk.front_desk.jobs()), 60)
        handouts: dict[int, int] = {}
        for job in soak.window.desk.front_desk.jobs():
            if job.kind == "handout" and job.state == DONE:
                handouts[job.number] = handouts.get(job.number, 0) + 1
        told = soak.tally.numbers
        lost = sum(1 for number in told if number not in handouts)
        duplicated = sum(count - 1 for count in handouts.values() if count > 1) + (len(told) - len(set(told)))
        unexpected = sum(1 for number in handouts if number not in told)
        watchdog.stop()
        soak.window.detach()
        soak.window.shutdown_workers()
    finally:
        sys.excepthook = previous_hook
        logging.getLogger("kiosk").removeHandler(errors)
        if own_server:
            server.close()
        if cups:
            if saved_env is None:
                os.environ.pop("CUPS_SERVER", None)
            else:
                os.environ["CUPS_SERVER"] = saved_env
    tally = soak.tally
    return {
        "soak_printer": "cups" if cups else "folder",
        "soak_sessions": tally.sessions, "soak_finished": tally.finished, "soak_started_over": tally.started_over,
        "soak_idled_out": tally.idled_out, "soak_emergencies": tally.emergencies,
        "soak_exceptions": len(exceptions) + errors.count, "soak_first_error": errors.first,
        "soak_lost_jobs": lost + unexpected, "soak_duplicated_jobs": duplicated,
        "soak_rss_growth_mb": round(rss_end - rss_at_mark, 1), "soak_rss_mb_at_10pct": round(rss_at_mark, 1),
        "gui_block_max_ms": round(watchdog.longest_ms, 1), "gui_block_worst_during": watchdog.worst,
        "gui_block_worst_stack": watchdog.worst_stack,
        "gui_block_worst_cpu_ms": {"gui_thread": watchdog.worst_cpu_ms[0], "process": watchdog.worst_cpu_ms[1]},
        "gui_blocks_over_50ms": len(watchdog.slow), "gui_blocks_over_100ms": sum(1 for ms in watchdog.slow if ms > 100),
        "peak_rss_mb": round(peak_rss_mb(), 1),
        "soak_seconds": round(time.perf_counter() - started, 1),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sessions", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--cups", action="store_true", help="print to a private CUPS queue instead of a folder")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    result = run_soak(args.sessions, args.seed, args.cups)
    print(json.dumps(result) if args.json else "\n".join(f"{key}: {value}" for key, value in result.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
