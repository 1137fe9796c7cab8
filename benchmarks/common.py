"""What the in-process benchmarks share: percentiles, a first-paint probe, and a kiosk window offscreen."""

from __future__ import annotations

import os
import statistics

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def summary_ms(samples: list[float], count_name: str) -> dict:
    return {count_name: len(samples), "median_ms": round(statistics.median(samples), 2),
            "p95_ms": round(percentile(samples, 0.95), 2), "max_ms": round(max(samples), 2),
            "min_ms": round(min(samples), 2)}


def paint_probe():
    """An event filter whose `painted` turns True at the first Paint event of the widget it watches."""
    from PySide6.QtCore import QEvent, QObject

    class PaintSeen(QObject):
        painted = False

        def eventFilter(self, obj, event):  # noqa: N802 (Qt override)
            if event.type() == QEvent.Paint:
                self.painted = True
            return False

    return PaintSeen()


def tap_until_painted(app, button, shown_after) -> float:
    """Milliseconds from a real click on `button` until the widget `shown_after()` returns is first painted."""
    import time

    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    probe = paint_probe()
    start = time.perf_counter()
    QTest.mouseClick(button, Qt.LeftButton)
    shown = shown_after()
    shown.installEventFilter(probe)
    while not probe.painted:
        app.processEvents()
    elapsed = (time.perf_counter() - start) * 1000
    shown.removeEventFilter(probe)
    return elapsed


def run_main(doc: str, measure, count_name: str, default: int, title: str, describe=None, options=()) -> int:
    """The command line every in-process benchmark shares: --COUNT N and --json. Without --json, one line of
    the single figure `measure` returns, or `describe(result)` where it returns several. `options`: more
    arguments, as (flag, argparse keywords) pairs, handed to `measure` by name."""
    import argparse
    import json

    parser = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(f"--{count_name}", type=int, default=default)
    parser.add_argument("--json", action="store_true")
    for flag, keywords in options:
        parser.add_argument(flag, **keywords)
    args = parser.parse_args()
    extra = {flag.lstrip("-").replace("-", "_"): getattr(args, flag.lstrip("-").replace("-", "_"))
             for flag, _ in options}
    result = measure(getattr(args, count_name), **extra)
    if args.json:
        print(json.dumps(result))
    elif describe is not None:
        print(describe(result))
    else:
        print(f"{title}: median {result['median_ms']} ms, p95 {result['p95_ms']} ms, max {result['max_ms']} ms "
              f"over {result[count_name]} {count_name}")
    return 0


def kiosk_window(size=(1920, 1080), speech_engine: str = ""):
    """The application and a shown kiosk window with the built-in content and config."""
    from kiosk.startup import load_everything
    from kiosk.ui.app import make_application
    from kiosk.ui.shell import KioskWindow

    loaded = load_everything()
    app = make_application()
    window = KioskWindow(loaded.config, loaded.content, size=size, speech_engine=speech_engine)
    window.show()
    app.processEvents()
    return app, window


def bare_tap_baseline(app, taps: int, size=(1920, 1080)) -> dict:
    """The floor for a tap, in the same run: a plain QPushButton that flips a QStackedWidget between two plain
    pages, clicked until the new page is painted."""
    from PySide6.QtWidgets import QLabel, QPushButton, QStackedWidget, QVBoxLayout, QWidget

    window = QWidget()
    window.resize(*size)
    pages = QStackedWidget()
    for text in ("one", "two"):
        pages.addWidget(QLabel(text))
    button = QPushButton("next")
    button.clicked.connect(lambda: pages.setCurrentIndex(1 - pages.currentIndex()))
    layout = QVBoxLayout(window)
    layout.addWidget(pages)
    layout.addWidget(button)
    window.show()
    app.processEvents()
    samples = [tap_until_painted(app, button, pages.currentWidget) for _ in range(taps)]
    window.close()
    return summary_ms(samples, "taps")
