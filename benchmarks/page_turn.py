"""Explainer page turn: a real click on Next until the new chapter page has been painted.

    python -m benchmarks.page_turn [--turns 200] [--json]

Offscreen at 1920x1080; the clock starts before the click is sent and stops at the first Paint event of
the page that the click brought up. Pages are laid out on first sight, so first visits (and those after the
language switch half-way) are in the sample. Goal (issue 3): p95 <= 50 ms.
"""

from __future__ import annotations

import sys

from benchmarks.common import kiosk_window, run_main, summary_ms, tap_until_painted


def measure(turns: int) -> dict:
    from kiosk.ui.shell import Screen

    app, window = kiosk_window()
    window.go(Screen.EXPLAINER)
    explainer = window.explainer
    for _ in range(5):
        app.processEvents()

    samples = []
    last = len(explainer.chapters) - 1
    for turn in range(turns):
        if explainer.index == last:
            explainer.show_chapter(0)
            app.processEvents()
        if turn == turns // 2:
            window.set_language("es")  # pages are laid out again on first sight, as after a language switch
        # The click lays out the page if it was not seen yet in this language.
        samples.append(tap_until_painted(app, explainer.next_button, explainer.current_page))
    window.detach()
    return summary_ms(samples, "turns")


def main() -> int:
    return run_main(__doc__, measure, "turns", 200, "page turn")


if __name__ == "__main__":
    sys.exit(main())
