"""Printing: a real tap on Print until the confirmation screen is painted, and until the job is in CUPS's hands.

    python -m benchmarks.print_handoff [--prints 20] [--json]

Offscreen at 1920x1080, the sample patient's handout already made (the preview is showing), printing to a
file-backed queue of a private cupsd started here (as the tests do). "Handed to CUPS" is the moment `lp` has
returned CUPS's request id and the spool has recorded it. Goals (issue 6): tap to confirmation <= 100 ms;
tap to CUPS <= 1 s. The baseline, in the same run, is `lp` alone on the same PDF: the floor for the hand-off.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from benchmarks.common import run_main, summary_ms, tap_until_painted


def measure(prints: int) -> dict:
    from kiosk.config import PrinterSpec
    from kiosk.printing.spool import DONE, SENT
    from kiosk.startup import load_everything
    from kiosk.survey.sample import walk
    from kiosk.ui.app import make_application
    from kiosk.ui.shell import KioskWindow, Screen
    from tests.printing.cups_server import CupsServer

    cups = CupsServer()
    cups.start()
    os.environ["CUPS_SERVER"] = str(cups.socket)
    try:
        queue, _ = cups.add_queue()
        scratch = Path(tempfile.mkdtemp(prefix="kiosk-bench-"))
        loaded = load_everything()
        config = replace(loaded.config, printer=PrinterSpec("cups", queue), spool_dir=scratch / "spool")
        app = make_application()
        window = KioskWindow(config, loaded.content, size=(1920, 1080))
        window.show()
        window.desk.start()
        wait(app, (config.spool_dir / "jobs").exists, 10)  # the spool is open, as 1.5 s after a real start

        taps, handoffs, bare = [], [], []
        for _ in range(prints):
            window.end_visit("benchmark")
            window.start_check()
            walk(window.visit.survey)
            window._show_survey_position()
            window.survey_finish()
            wait(app, lambda: window.handout.state == "ready", 20)
            app.processEvents()
            before = {path.name for path in handout_records(config.spool_dir)}
            start = time.perf_counter()
            taps.append(tap_until_painted(app, window.handout.print_button, lambda: window.done))
            assert window.current is Screen.DONE

            def handed_over():
                for meta in handout_records(config.spool_dir):
                    if meta.name not in before:
                        try:
                            text = meta.read_text()
                        except FileNotFoundError:  # moved to finished/ meanwhile
                            continue
                        return f'"state": "{SENT}"' in text or f'"state": "{DONE}"' in text
                return False

            wait(app, handed_over, 10, poll=0.002)
            handoffs.append((time.perf_counter() - start) * 1000)
            pdf = window.visit.prepared.documents.handout if window.visit.prepared else None
            if pdf:
                sample = scratch / "bare.pdf"
                sample.write_bytes(pdf)
                began = time.perf_counter()
                subprocess.run(["lp", "-d", queue, "-t", "0", str(sample)], capture_output=True, check=True,
                               env=cups.env)
                bare.append((time.perf_counter() - began) * 1000)
        window.detach()
        window.shutdown_workers()
    finally:
        cups.close()
    return {"tap_to_confirmation": summary_ms(taps, "prints"), "tap_to_cups": summary_ms(handoffs, "prints"),
            "bare_lp": summary_ms(bare, "prints")}


def handout_records(spool_dir: Path) -> list[Path]:
    """Handout job records: waiting or at the printer in jobs/, printed in finished/."""
    return [*spool_dir.glob("jobs/*-handout.json"), *spool_dir.glob("finished/*-handout.json")]


def wait(app, condition, seconds: float, poll: float = 0.01) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the kiosk did not get there in time")
        app.processEvents()
        time.sleep(poll)


def describe(result: dict) -> str:
    return "\n".join(f"{name}: median {figures['median_ms']} ms (min {figures['min_ms']}, max {figures['max_ms']}, "
                     f"p95 {figures['p95_ms']}) over {figures['prints']} prints" for name, figures in result.items())


def main() -> int:
    return run_main(__doc__, measure, "prints", 20, "printing", describe)


if __name__ == "__main__":
    sys.exit(main())
