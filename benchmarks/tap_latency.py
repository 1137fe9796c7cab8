"""Survey tap latency: a real click on an answer until it is painted chosen (a one-tap question then keeps it in
view for the answer gate's hold, 0.45 s by design, before the next question: not counted), or on Next (lists,
the name) until the next question has been painted. The simulated patient reads each question first (the gate
ignores taps on a question just shown).

    python -m benchmarks.tap_latency [--taps 300] [--speech off|mock|speechd] [--json]

Offscreen at 1920x1080 with the sample patient's answers, round after round through the whole survey.
Goal (issue 4): p95 <= 50 ms. `--speech mock` or `speechd`: the patient turned Listen on, so every new question is
read aloud while the next tap comes (issue 18: still p95 <= 50 ms); `speechd` is the real speech-dispatcher with
espeak-ng (benchmarks/speechd.py), where installed.
"""

from __future__ import annotations

import sys
import time

from benchmarks.common import bare_tap_baseline, kiosk_window, run_main, summary_ms, tap_until_painted


READ_MS = 30   # real event-loop time the simulated patient spends reading each question (see read_first)


def measure(taps: int, speech: str = "off", on_window=None, before_tap=None) -> dict:
    """`on_window(app, window)` once the window is up (and speech on); `before_tap()` before each measured tap."""
    if speech == "speechd":
        from benchmarks import speechd

        if speechd.missing():
            return {"speech": speech, "unavailable": speechd.missing()}
        with speechd.private_speechd():
            return _measure(taps, speech, on_window, before_tap)
    return _measure(taps, speech, on_window, before_tap)


def _measure(taps: int, speech: str, on_window, before_tap) -> dict:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from kiosk.content.model import KIND_BODY_MAP, KIND_TEXT
    from kiosk.survey.sample import SAMPLE_ANSWERS, SKIPPED
    from kiosk.ui.shell import Screen
    from kiosk.ui.widgets.registry import ONE_TAP_KINDS

    speaking = speech != "off"
    app, window = kiosk_window(speech_engine=speech if speaking else "")
    gate = window.answer_gate
    if speaking:
        listen_on(app, window)
    if on_window is not None:
        on_window(app, window)

    def read_first():
        while not gate.painted:
            app.processEvents()
        # The patient reads: at least the gate's 0.5 s on a real kiosk, in which the event loop turns freely and
        # the kiosk makes the widgets of the questions ahead. The simulated patient gives it READ_MS of real time
        # (a small part of that), then ages the gate's clock as if the whole second had passed.
        until = time.perf_counter() + READ_MS / 1000
        while time.perf_counter() < until:
            app.processEvents()
        gate.pass_time(1.0)

    def click(widget):
        read_first()
        QTest.mouseClick(widget, Qt.LeftButton)
        if gate.holding:
            gate.pass_time(gate.hold_s)

    def prepare_and_pick_tap():
        """Answer the question on screen except for its last tap; return the button whose tap moves on."""
        screen = window.question
        question = screen.session.question
        widget = screen.answer_widget
        value = SAMPLE_ANSWERS.get(question.id, SKIPPED)
        if value == SKIPPED or value == widget.unsure_choice:
            if question.kind in ONE_TAP_KINDS:
                return screen.skip_button
            click(screen.skip_button)
            return screen.next_button
        if question.kind in ONE_TAP_KINDS:
            return widget.buttons[value] if isinstance(value, int) else widget.cards[value]
        if question.kind == KIND_TEXT:
            for letter in value.upper().replace(" ", ""):
                widget.press(letter)
            return screen.next_button
        cards = widget.cards.cards if question.kind == KIND_BODY_MAP else widget.cards
        for choice in value:
            if question.kind != KIND_BODY_MAP:
                while choice not in widget.pages[widget.page]:
                    click(screen.next_button)
            click(cards[choice])
        while widget.has_next_page():
            click(screen.next_button)
        return screen.next_button

    samples = []
    while len(samples) < taps:
        if window.current is not Screen.SURVEY:
            window.end_visit("benchmark")
            window.start_check()
            app.processEvents()
            if speaking:   # a visit ends with speech off; this patient turns Listen on again
                window.voice.toggle(window.screen_says())
            continue
        target = prepare_and_pick_tap()
        app.processEvents()
        read_first()
        if before_tap is not None:
            before_tap()
        one_tap = target is not window.question.next_button
        if one_tap:
            samples.append(tap_until_chosen_painted(app, target))
        else:
            samples.append(tap_until_painted(
                app, target,
                lambda: window.question.answer_widget if window.current is Screen.SURVEY else
                window.stack.currentWidget()))
        if gate.holding:
            gate.pass_time(gate.hold_s)
            app.processEvents()
    window.end_visit("benchmark")
    window.detach()
    settle(app)   # the visit's widgets deleted before the bare baseline runs in this process
    result = summary_ms(samples, "taps")
    result["speech"] = speech
    if speaking:
        result["speech_engine_available"] = window.voice.speaker.available
        window.voice.shutdown()
    result["baseline"] = bare_tap_baseline(app, min(taps, 100))
    return result


def settle(app, seconds: float = 0.3) -> None:
    """Let the event loop finish what it has pending (deferred deletes, timers)."""
    until = time.perf_counter() + seconds
    while time.perf_counter() < until:
        app.processEvents()


def listen_on(app, window, timeout_s: float = 30.0) -> None:
    """A real tap on the welcome screen's Listen control, then wait until the engine has started (that takes
    seconds for speech-dispatcher, and happens once per kiosk run, not per tap: not counted)."""
    import time

    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    QTest.mouseClick(window.welcome.listen_button, Qt.LeftButton)
    deadline = time.monotonic() + timeout_s
    while window.voice.speaker.available is None and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.001)
    if not window.voice.speaker.available:
        raise SystemExit(f"speech did not start ({window.voice.speaker.available})")


def tap_until_chosen_painted(app, button) -> float:
    """Milliseconds from a real click on an answer until it is painted chosen (watched from before the click: the
    repaint may come inside the click's own event processing)."""
    import time

    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from benchmarks.common import paint_probe

    probe = paint_probe()
    button.installEventFilter(probe)
    start = time.perf_counter()
    QTest.mouseClick(button, Qt.LeftButton)
    while not probe.painted:
        app.processEvents()
    elapsed = (time.perf_counter() - start) * 1000
    button.removeEventFilter(probe)
    return elapsed


def main() -> int:
    return run_main(__doc__, measure, "taps", 300, "tap to the answer (or next question) painted",
                    options=[("--speech", dict(choices=("off", "mock", "speechd"), default="off",
                                               help="Listen on, with this engine (default: off)"))])


if __name__ == "__main__":
    sys.exit(main())
