"""The PyInstaller bundle's startup: process start to the first painted welcome screen, offscreen.

    python -m benchmarks.frozen_startup [--runs 15] [--bundle dist/kiosk/kiosk] [--json]

Builds the bundle first (into build/bench-dist) unless --bundle names one. The baseline, in the same run and
measured the same way, is a bare PySide6 window from the venv (benchmarks.startup). The bundle's kiosk prints
the wall-clock time of its first paint when KIOSK_STARTUP_PROBE is set (kiosk/ui/app.py), then exits.
Goals (issue 7): median <= 0.8 s; bundle size <= 150 MB.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.startup import BARE, run_env, summary, time_once
from tests.private_env import private_environment

ROOT = Path(__file__).resolve().parent.parent


def build() -> Path:
    dist = ROOT / "build" / "bench-dist"
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "ERROR", "--distpath",
                    str(dist), "--workpath", str(ROOT / "build" / "bench-work"), "kiosk.spec"], cwd=ROOT, check=True)
    return dist / "kiosk" / ("kiosk.exe" if os.name == "nt" else "kiosk")


def bundle_bytes(executable: Path) -> int:
    """PyInstaller links the Qt libraries into _internal/ on Linux: each file counts once, not its links."""
    return sum(path.stat().st_size for path in executable.parent.rglob("*") if path.is_file() and not path.is_symlink())


def time_frozen(executable: Path, home: Path) -> float:
    env = private_environment(home, leave_out=("PYTHONPATH",), QT_QPA_PLATFORM="offscreen", KIOSK_STARTUP_PROBE="1")
    start = time.time()
    result = subprocess.run([str(executable), "run"], capture_output=True, text=True, env=env, check=True, timeout=60)
    return float(result.stdout.strip().splitlines()[-1]) - start


def measure(runs: int, executable: Path) -> dict:
    home = Path(tempfile.mkdtemp(prefix="kiosk-frozen-start-"))
    time_frozen(executable, home)  # the first start after a build fills the OS file cache; not counted
    frozen, bare = [], []
    with tempfile.TemporaryDirectory(prefix="kiosk-pycache-") as pycache:
        env = run_env(pycache)   # the bare window from compiled bytecode too, as in benchmarks/startup.py
        time_once(BARE, env)
        for _ in range(runs):
            bare.append(time_once(BARE, env))
            frozen.append(time_frozen(executable, home))
    return {"frozen_welcome": summary(frozen), "bare_window": summary(bare),
            "frozen_startup_ratio": round(summary(frozen)["median_s"] / summary(bare)["median_s"], 2),
            "bundle_mb": round(bundle_bytes(executable) / 1e6, 1)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--bundle", type=Path, help="an already built dist/kiosk/kiosk")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    result = measure(args.runs, args.bundle or build())
    if args.json:
        print(json.dumps(result))
    else:
        frozen = result["frozen_welcome"]
        print(f"frozen kiosk to first painted welcome: median {frozen['median_s']} s (min {frozen['min_s']}, "
              f"max {frozen['max_s']}) over {frozen['runs']} runs; bare PySide6 window "
              f"{result['bare_window']['median_s']} s; ratio {result['frozen_startup_ratio']}; "
              f"bundle {result['bundle_mb']} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
