"""Startup: process start to the first painted welcome screen, beside a bare PySide6 window.

Both are measured the same way in the same run (a fresh interpreter each time, offscreen, the clock
stops at the window's first Paint event), so the ratio says what the kiosk itself adds.

    python -m benchmarks.startup [--runs 15] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time

PAINT_PROBE = """
import os, sys, time
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QWidget

class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Paint:
            print(time.time(), flush=True)
            os._exit(0)
        return False
"""

BARE = PAINT_PROBE + """
app = QApplication([])
window = QWidget()
window.resize(1920, 1080)
probe = FirstPaint()
window.installEventFilter(probe)
window.show()
app.exec()
"""

KIOSK = PAINT_PROBE + """
from kiosk.startup import load_everything
from kiosk.ui.app import make_application
from kiosk.ui.shell import KioskWindow
loaded = load_everything()
app = make_application()
window = KioskWindow(loaded.config, loaded.content, size=(1920, 1080))
probe = FirstPaint()
window.welcome.installEventFilter(probe)
window.show()
app.exec()
"""


def time_once(code: str) -> float:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    start = time.time()
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    return float(result.stdout.strip().splitlines()[-1]) - start


def summary(samples: list[float]) -> dict:
    return {"median_s": round(statistics.median(samples), 4), "min_s": round(min(samples), 4),
            "max_s": round(max(samples), 4), "runs": len(samples)}


def measure(runs: int) -> dict:
    bare, kiosk = [], []
    for _ in range(runs):  # interleaved, so machine load affects both alike
        bare.append(time_once(BARE))
        kiosk.append(time_once(KIOSK))
    result = {"bare_window": summary(bare), "kiosk_welcome": summary(kiosk)}
    result["startup_ratio"] = round(result["kiosk_welcome"]["median_s"] / result["bare_window"]["median_s"], 2)
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    result = measure(args.runs)
    if args.json:
        print(json.dumps(result))
    else:
        print(f"bare PySide6 window : median {result['bare_window']['median_s']:.3f} s "
              f"(min {result['bare_window']['min_s']:.3f}, max {result['bare_window']['max_s']:.3f})")
        print(f"kiosk welcome screen: median {result['kiosk_welcome']['median_s']:.3f} s "
              f"(min {result['kiosk_welcome']['min_s']:.3f}, max {result['kiosk_welcome']['max_s']:.3f})")
        print(f"ratio: {result['startup_ratio']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
