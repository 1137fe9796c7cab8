"""Every figure the issues ask for, in one run: `python -m benchmarks [--quick] [--json]`.

Each benchmark runs in its own fresh process (`python -m benchmarks.NAME --json`), with its baseline measured
in the same run (a bare PySide6 window, a bare ReportLab document, `lp` alone, the 10 % mark of the soak, a bare
QTextToSpeech). `tap_latency_speech` is tap_latency with Listen on (the mock engine); `speech_latency` times speech
after each new screen's paint, with the mock engine and the real speech-dispatcher where installed.
`--quick` uses short runs (a few minutes in all); the full run takes about an hour (two 1000-patient soaks and
a 20 000-event monkey run). `--slow-pc` runs every benchmark, its baseline included, limited to half of one CPU
core (benchmarks/slow_pc.py), as on a lobby's slow kiosk PC. `--json` prints one JSON object: the headline figures at the top level, and every
benchmark's own output (medians with min and max, baselines) under "details".
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from contextlib import nullcontext
from datetime import date
from pathlib import Path

from benchmarks import slow_pc

ROOT = Path(__file__).resolve().parent.parent

# name -> (arguments for the quick run, arguments for the full run)
RUNS = {
    "startup": (["--runs", "5"], ["--runs", "15"]),
    "page_turn": (["--turns", "60"], ["--turns", "200"]),
    "tap_latency": (["--taps", "100"], ["--taps", "300"]),
    "tap_latency_speech": (["--taps", "100", "--speech", "mock"], ["--taps", "300", "--speech", "mock"]),
    "speech_latency": (["--screens", "30"], ["--screens", "100"]),
    "text_size": (["--taps", "30"], ["--taps", "120"]),
    "handout_render": (["--runs", "10"], ["--runs", "50"]),
    "print_handoff": (["--prints", "5"], ["--prints", "20"]),
    "frozen_startup": (["--runs", "5"], ["--runs", "15"]),
    "soak": (["--sessions", "60"], ["--sessions", "1000"]),
    "soak_cups": (["--sessions", "30", "--cups"], ["--sessions", "1000", "--cups"]),
    "monkey": (["--events", "2000"], ["--events", "20000"]),
    "fuzz_loaders": (["--cases", "300"], ["--cases", "3000"]),
}


def run(name: str, args: list[str], prefix: list[str] = (), preexec=None) -> dict:
    module = {"soak_cups": "soak", "tap_latency_speech": "tap_latency"}.get(name, name)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    started = time.perf_counter()
    result = subprocess.run([*prefix, sys.executable, "-m", f"benchmarks.{module}", *args, "--json"], cwd=ROOT,
                            env=env, capture_output=True, text=True, preexec_fn=preexec)
    if result.returncode != 0:
        return {"error": (result.stderr or result.stdout).strip().splitlines()[-1:]}
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    figures["benchmark_seconds"] = round(time.perf_counter() - started, 1)
    return figures


def headline(details: dict) -> dict:
    """The figures the issues name, flat; None where a benchmark failed (its error is in details)."""

    def get(name, *keys):
        value = details.get(name, {})
        for key in keys:
            if not isinstance(value, dict) or key not in value:
                return None
            value = value[key]
        return value

    soak, cups = details.get("soak", {}), details.get("soak_cups", {})
    return {
        "startup_ratio": get("startup", "startup_ratio"),
        "startup_s": get("startup", "kiosk_welcome", "median_s"),
        "frozen_startup_s": get("frozen_startup", "frozen_welcome", "median_s"),
        "bundle_mb": get("frozen_startup", "bundle_mb"),
        "page_turn_p95_ms": get("page_turn", "p95_ms"),
        "tap_latency_p95_ms": get("tap_latency", "p95_ms"),
        "tap_latency_speech_p95_ms": get("tap_latency_speech", "p95_ms"),
        "speech_after_paint_p95_ms": get("speech_latency", "mock", "paint_to_speaking", "p95_ms"),
        "speechd_after_paint_p95_ms": get("speech_latency", "speechd", "paint_to_speaking", "p95_ms"),
        "text_size_p95_ms": get("text_size", "p95_ms"),
        "handout_render_ms": get("handout_render", "median_ms"),
        "handout_ratio": get("handout_render", "ratio"),
        "print_tap_ms": get("print_handoff", "tap_to_confirmation", "median_ms"),
        "print_handoff_ms": get("print_handoff", "tap_to_cups", "median_ms"),
        "soak_sessions": (soak.get("soak_sessions") or 0) + (cups.get("soak_sessions") or 0),
        "soak_exceptions": _sum(soak, cups, "soak_exceptions"),
        "soak_lost_jobs": _sum(soak, cups, "soak_lost_jobs"),
        "soak_duplicated_jobs": _sum(soak, cups, "soak_duplicated_jobs"),
        "soak_rss_growth_mb": _max(soak, cups, "soak_rss_growth_mb"),
        "gui_block_max_ms": _max(soak, cups, "gui_block_max_ms"),
        "peak_rss_mb": _max(soak, cups, "peak_rss_mb"),
        "monkey_events": get("monkey", "monkey_events"),
        "monkey_exceptions": get("monkey", "monkey_exceptions"),
        "monkey_idle_failures": get("monkey", "monkey_idle_failures"),
        "fuzz_cases": get("fuzz_loaders", "cases"),
        "fuzz_tracebacks": get("fuzz_loaders", "tracebacks"),
        "fuzz_hangs": get("fuzz_loaders", "hangs"),
        "fuzz_slowest_s": get("fuzz_loaders", "slowest_s"),
    }


def _sum(a: dict, b: dict, key: str):
    values = [run[key] for run in (a, b) if key in run]
    return sum(values) if values else None


def _max(a: dict, b: dict, key: str):
    values = [run[key] for run in (a, b) if key in run]
    return max(values) if values else None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="short runs (minutes, not an hour)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--only", action="append", choices=sorted(RUNS), help="run just these (repeatable)")
    parser.add_argument("--slow-pc", action="store_true", help="limit every run to half of one CPU core")
    args = parser.parse_args()
    details = {}
    with slow_pc.limited() if args.slow_pc else nullcontext(([], None, "none")) as (prefix, preexec, limit):
        for name, (quick, full) in RUNS.items():
            if args.only and name not in args.only:
                continue
            if not args.json:
                print(f"running {name} ...", file=sys.stderr, flush=True)
            details[name] = run(name, quick if args.quick else full, prefix, preexec)
    result = {**headline(details), "quick": args.quick, "cpu_limit": limit, "date": date.today().isoformat(),
              "machine": f"{platform.system()} {platform.release()}, {os.cpu_count()} CPUs, "
                         f"Python {platform.python_version()}", "details": details}
    if args.json:
        print(json.dumps(result))
    else:
        for key, value in result.items():
            if key != "details":
                print(f"{key}: {value}")
        failed = [name for name, figures in details.items() if "error" in figures]
        if failed:
            print(f"failed: {', '.join(failed)} (see --json details)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
