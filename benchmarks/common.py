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


def kiosk_window(size=(1920, 1080)):
    """The application and a shown kiosk window with the built-in content and config."""
    from kiosk.startup import load_everything
    from kiosk.ui.app import make_application
    from kiosk.ui.shell import KioskWindow

    loaded = load_everything()
    app = make_application()
    window = KioskWindow(loaded.config, loaded.content, size=size)
    window.show()
    app.processEvents()
    return app, window
