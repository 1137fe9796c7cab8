"""Survey tap latency: a real click on an answer (or on Next, for multi-choice questions) until the next
question has been painted.

    python -m benchmarks.tap_latency [--taps 300] [--json]

Offscreen at 1920x1080 with the sample patient's answers, round after round through the whole survey.
Goal (issue 4): p95 <= 50 ms.
"""

from __future__ import annotations

import sys

from benchmarks.common import bare_tap_baseline, kiosk_window, run_main, summary_ms, tap_until_painted


def measure(taps: int) -> dict:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from kiosk.content.model import KIND_BODY_MAP, KIND_TEXT
    from kiosk.survey.sample import SAMPLE_ANSWERS, SKIPPED
    from kiosk.ui.shell import Screen
    from kiosk.ui.widgets.registry import ONE_TAP_KINDS

    app, window = kiosk_window()

    def prepare_and_pick_tap():
        """Answer the question on screen except for its last tap; return the button whose tap moves on."""
        screen = window.question
        question = screen.session.question
        widget = screen.answer_widget
        value = SAMPLE_ANSWERS.get(question.id, SKIPPED)
        if value == SKIPPED:
            return screen.skip_button
        if question.kind in ONE_TAP_KINDS:
            return widget.buttons[value] if isinstance(value, int) else widget.cards[value]
        if question.kind == KIND_TEXT:
            for letter in value.upper().replace(" ", ""):
                widget.press(letter)
            return screen.next_button
        cards = widget.cards.cards if question.kind == KIND_BODY_MAP else widget.cards
        for choice in value:
            QTest.mouseClick(cards[choice], Qt.LeftButton)
        return screen.next_button

    samples = []
    while len(samples) < taps:
        if window.current is not Screen.SURVEY:
            window.end_visit("benchmark")
            window.start_check()
            app.processEvents()
            continue
        target = prepare_and_pick_tap()
        app.processEvents()
        samples.append(tap_until_painted(
            app, target,
            lambda: window.question.answer_widget if window.current is Screen.SURVEY else window.stack.currentWidget()))
    window.detach()
    result = summary_ms(samples, "taps")
    result["baseline"] = bare_tap_baseline(app, min(taps, 100))
    return result


def main() -> int:
    return run_main(__doc__, measure, "taps", 300, "tap to next question painted")


if __name__ == "__main__":
    sys.exit(main())
