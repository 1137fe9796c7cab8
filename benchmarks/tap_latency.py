"""Survey tap latency: a real click on an answer (or on Next, for multi-choice questions) until the next
question has been painted.

    python -m benchmarks.tap_latency [--taps 300] [--json]

Offscreen at 1920x1080 with the sample patient's answers, round after round through the whole survey.
Goal (issue 4): p95 <= 50 ms.
"""

from __future__ import annotations

import argparse
import json
import sys
import time

from benchmarks.common import kiosk_window, paint_probe, summary_ms


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
        probe = paint_probe()
        start = time.perf_counter()
        QTest.mouseClick(target, Qt.LeftButton)
        shown = window.question.answer_widget if window.current is Screen.SURVEY else window.stack.currentWidget()
        shown.installEventFilter(probe)
        while not probe.painted:
            app.processEvents()
        samples.append((time.perf_counter() - start) * 1000)
    window.detach()
    return summary_ms(samples, "taps")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--taps", type=int, default=300)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    result = measure(args.taps)
    print(json.dumps(result) if args.json else
          f"tap to next question painted: median {result['median_ms']} ms, p95 {result['p95_ms']} ms, "
          f"max {result['max_ms']} ms over {result['taps']} taps")
    return 0


if __name__ == "__main__":
    sys.exit(main())
