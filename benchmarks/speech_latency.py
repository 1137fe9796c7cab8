"""Speech after a screen is painted (issue 18: speech starts <= 300 ms after the paint).

The sample patient goes through the survey with Listen on (tap_latency's simulated patient, real clicks), and for
every new question read aloud, the time from the screen's first paint to
- `said`: the speech thread has handed the words to the engine (QTextToSpeech.say() returned), and
- `speaking`: the engine reports it is speaking (its state turned Speaking).
Both are stamped on the speech thread itself (direct connections to kiosk/ui/speech.py's voice), so the GUI
thread's event loop adds nothing to them. A negative figure: the engine had the words before the paint (the shell
asks for speech while it shows the screen, and the speech thread works while the GUI thread paints).

Baseline, same run, same engine: a bare QTextToSpeech on a thread of its own told to say a question's words, to
Speaking: what the engine itself takes. Engines: `mock` (Qt's, which only reports) always; `speechd`
(speech-dispatcher with espeak-ng, a private one for the run, sound to ALSA's null device: benchmarks/speechd.py)
where installed, else its reason. Starting an engine (once per kiosk run, seconds for speech-dispatcher) is
reported on its own, not counted in the figures.

    python -m benchmarks.speech_latency [--screens 60] [--engine all|mock|speechd] [--json]
"""

from __future__ import annotations

import sys
import time

from benchmarks.common import percentile, run_main

WORDS = "Do you have any of these feet problems right now? Burning. Tingling. Numbness. None of these."
WAIT_S = 5.0   # for one screen's speech to start; an engine that never reports is counted as missing


def measure(screens: int, engine: str = "all") -> dict:
    engines = ("mock", "speechd") if engine == "all" else (engine,)
    return {name: _measure_engine(screens, name) for name in engines}


def _measure_engine(screens: int, engine: str) -> dict:
    if engine == "speechd":
        from benchmarks import speechd

        if speechd.missing():
            return {"unavailable": speechd.missing()}
        with speechd.private_speechd():
            return _measure_kiosk(screens, engine)
    return _measure_kiosk(screens, engine)


class SpeechAfterPaint:
    """One record per screen shown with Listen on: when it was painted, when the engine had its words, when it
    said it was speaking (perf_counter seconds)."""

    def __init__(self, app, window):
        from PySide6.QtCore import QEvent, QObject, Qt

        self.app, self.window, self.records, self.current = app, window, [], None
        self.engine_start_s = None
        voice = window.voice.speaker._voice   # made by the Listen tap (tap_latency.listen_on)
        voice.said.connect(lambda text, language: self._stamp("said"), Qt.DirectConnection)
        voice.speaking.connect(lambda speaking: speaking and self._stamp("speaking"), Qt.DirectConnection)
        recorder = self

        class FirstPaint(QObject):
            def eventFilter(self, obj, event):  # noqa: N802 (Qt override)
                record = recorder.current
                if event.type() == QEvent.Paint and record is not None and record.get("painted") is None:
                    record["painted"] = time.perf_counter()
                return False

        self._probe = FirstPaint()
        for screen in window.screens.values():
            screen.installEventFilter(self._probe)
        shown = window.voice.screen_shown

        def screen_shown(says):
            self.current = {"shown": time.perf_counter()} if window.voice.on and says is not None else None
            if self.current is not None:
                self.records.append(self.current)
            shown(says)

        window.voice.screen_shown = screen_shown   # the shell calls it as each screen opens

    def _stamp(self, what: str) -> None:   # on the speech thread
        record = self.current
        if record is not None and what not in record:
            record[what] = time.perf_counter()

    def wait_for_speech(self) -> None:
        """Before the next tap: this screen's speech has started (or WAIT_S went by)."""
        deadline = time.monotonic() + WAIT_S
        while self.current is not None and "speaking" not in self.current and time.monotonic() < deadline:
            self.app.processEvents()
            time.sleep(0.0005)

    def figures(self) -> dict:
        painted = [record for record in self.records if "painted" in record]
        result = {"screens_read": len(painted),
                  "never_painted": len(self.records) - len(painted),
                  "never_speaking": sum(1 for record in painted if "speaking" not in record)}
        for what in ("said", "speaking"):
            samples = [(record[what] - record["painted"]) * 1000 for record in painted if what in record]
            if samples:
                result[f"paint_to_{what}"] = _summary(samples)
        return result


def _summary(samples: list[float]) -> dict:
    import statistics

    return {"median_ms": round(statistics.median(samples), 2), "p95_ms": round(percentile(samples, 0.95), 2),
            "max_ms": round(max(samples), 2), "min_ms": round(min(samples), 2), "samples": len(samples)}


def _measure_kiosk(screens: int, engine: str) -> dict:
    from benchmarks import tap_latency

    state = {}

    def on_window(app, window):
        state["recorder"] = SpeechAfterPaint(app, window)

    # The bare engine first: after a speechd engine is deleted, a second one in the same process heard nothing
    # back from speech-dispatcher (its state never turned Speaking). The kiosk's, made second, does.
    baseline = bare_engine(engine, min(screens, 30))
    started = time.perf_counter()
    taps = tap_latency.measure(screens, speech=engine, on_window=on_window,
                               before_tap=lambda: state["recorder"].wait_for_speech())
    result = state["recorder"].figures()
    result["taps_while_speaking"] = {key: taps[key] for key in ("median_ms", "p95_ms", "max_ms", "taps")}
    result["run_s"] = round(time.perf_counter() - started, 1)
    result["baseline"] = baseline
    figure = result.get("paint_to_speaking", result.get("paint_to_said"))
    if figure and "p95_ms" in result["baseline"]:
        result["p95_over_bare_engine_p95_ms"] = round(figure["p95_ms"] - result["baseline"]["p95_ms"], 2)
    return result


def bare_engine(engine: str, times: int) -> dict:
    """A bare QTextToSpeech on its own thread: say() to Speaking, `times` times (what the engine itself takes);
    and how long making the engine took."""
    from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal, Slot
    from PySide6.QtTextToSpeech import QTextToSpeech

    from kiosk.ui.app import make_application

    app = QCoreApplication.instance() or make_application()   # the same application the kiosk then uses

    class Bare(QObject):
        request, hush = Signal(), Signal()

        def __init__(self):
            super().__init__()
            self.engine, self.asked, self.samples, self.made_s, self.speaking = None, None, [], None, False

        @Slot()
        def say(self):
            if self.engine is None:
                start = time.perf_counter()
                self.engine = QTextToSpeech(engine, self)
                self.made_s = time.perf_counter() - start
                self.engine.stateChanged.connect(self._state)
            self.asked = time.perf_counter()
            self.engine.say(WORDS)

        @Slot()
        def stop(self):
            self.engine.stop()

        def _state(self, state):
            self.speaking = state == QTextToSpeech.State.Speaking
            if self.speaking and self.asked is not None:
                self.samples.append((time.perf_counter() - self.asked) * 1000)
                self.asked = None

        @Slot()
        def close(self):
            self.engine.stop()
            self.engine.deleteLater()

    thread = QThread()
    bare = Bare()
    bare.moveToThread(thread)
    bare.request.connect(bare.say)
    bare.hush.connect(bare.stop)
    thread.start()

    def wait_until(done):
        deadline = time.monotonic() + WAIT_S
        while not done() and time.monotonic() < deadline:
            app.processEvents()
            time.sleep(0.0005)

    for _ in range(times):
        wanted = len(bare.samples) + 1
        bare.request.emit()
        wait_until(lambda: len(bare.samples) >= wanted)
        time.sleep(0.05)   # like a patient's next screen: not back to back
        bare.hush.emit()   # and, like the kiosk, what was being read stops first
        wait_until(lambda: not bare.speaking)
    _close(bare, thread)
    result = _summary(bare.samples) if bare.samples else {"samples": 0}
    result["engine_made_s"] = round(bare.made_s, 3) if bare.made_s is not None else None
    return result


def _close(bare, thread) -> None:
    from PySide6.QtCore import QMetaObject, Qt

    QMetaObject.invokeMethod(bare, "close", Qt.BlockingQueuedConnection)
    thread.quit()
    thread.wait()


def describe(result: dict) -> str:
    lines = []
    for engine, figures in result.items():
        if "unavailable" in figures:
            lines.append(f"{engine}: not measured ({figures['unavailable']})")
            continue
        for what in ("said", "speaking"):
            figure = figures.get(f"paint_to_{what}")
            if figure:
                lines.append(f"{engine}: paint -> {what}: median {figure['median_ms']} ms, p95 {figure['p95_ms']} "
                             f"ms, max {figure['max_ms']} ms over {figure['samples']} screens")
        base, taps = figures["baseline"], figures["taps_while_speaking"]
        lines.append(f"{engine}: bare engine say -> speaking: median {base.get('median_ms')} ms, p95 "
                     f"{base.get('p95_ms')} ms (engine made in {base.get('engine_made_s')} s); never speaking: "
                     f"{figures['never_speaking']} of {figures['screens_read']}")
        lines.append(f"{engine}: taps while speaking: median {taps['median_ms']} ms, p95 {taps['p95_ms']} ms")
    return "\n".join(lines)


def main() -> int:
    return run_main(__doc__, measure, "screens", 60, "speech after paint", describe,
                    options=[("--engine", dict(choices=("all", "mock", "speechd"), default="all",
                                               help="which engine (default: mock, and speechd where installed)"))])


if __name__ == "__main__":
    sys.exit(main())
