"""Startup: process start to the first painted welcome screen, beside a bare PySide6 window.

Both are measured the same way in the same run (a fresh interpreter each time, offscreen, the clock
stops at the window's first Paint event), so the ratio says what the kiosk itself adds.

    python -m benchmarks.startup [--runs 15] [--json]
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time

from benchmarks.common import run_main

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


def run_env(pycache: str) -> dict:
    """Offscreen, with Python's compiled-bytecode cache on (in `pycache`, not in the tree): a kiosk starts from
    compiled bytecode (PyInstaller's archive holds it), and a shell with PYTHONDONTWRITEBYTECODE=1 (these build
    machines have it) would otherwise time the compiling of every kiosk module, ~0.1 s, at every start."""
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    return dict(env, QT_QPA_PLATFORM="offscreen", PYTHONPYCACHEPREFIX=pycache)


def time_once(code: str, env: dict) -> float:
    start = time.time()
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    return float(result.stdout.strip().splitlines()[-1]) - start


def summary(samples: list[float]) -> dict:
    return {"median_s": round(statistics.median(samples), 4), "min_s": round(min(samples), 4),
            "max_s": round(max(samples), 4), "runs": len(samples)}


def measure(runs: int) -> dict:
    bare, kiosk = [], []
    with tempfile.TemporaryDirectory(prefix="kiosk-pycache-") as pycache:
        env = run_env(pycache)
        time_once(BARE, env), time_once(KIOSK, env)   # not timed: the bytecode cache is filled
        for _ in range(runs):  # interleaved, so machine load affects both alike
            bare.append(time_once(BARE, env))
            kiosk.append(time_once(KIOSK, env))
    result = {"bare_window": summary(bare), "kiosk_welcome": summary(kiosk)}
    result["startup_ratio"] = round(result["kiosk_welcome"]["median_s"] / result["bare_window"]["median_s"], 2)
    return result


def describe(result: dict) -> str:
    bare, kiosk = result["bare_window"], result["kiosk_welcome"]
    return (f"bare PySide6 window : median {bare['median_s']:.3f} s (min {bare['min_s']:.3f}, max {bare['max_s']:.3f})\n"
            f"kiosk welcome screen: median {kiosk['median_s']:.3f} s (min {kiosk['min_s']:.3f}, max {kiosk['max_s']:.3f})\n"
            f"ratio: {result['startup_ratio']}")


def main() -> int:
    return run_main(__doc__, measure, "runs", 15, "startup", describe)


if __name__ == "__main__":
    sys.exit(main())
