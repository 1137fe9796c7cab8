"""Handout rendering: answers to PDF bytes for the longest personalized handout, beside bare ReportLab.

    python -m benchmarks.handout_render [--runs 50] [--json]

The kiosk's run is everything the worker thread does for the handout: choose the sections, fill in the
words, lay out with our styles, draw the SVG pictures as vectors and the QR code, and write the PDF. The
baseline, in the same run, is a bare ReportLab document of the same words (Helvetica, plain paragraphs, no
pictures): the ratio is the figure. Goal (issue 5): median <= 50 ms. Warm: the first run (font and SVG
parsing, cached for the life of the kiosk) is left out and reported on its own.
"""

from __future__ import annotations

import io
import statistics
import sys
import time
from datetime import date

from benchmarks.common import run_main, summary_ms


def _inputs():
    from kiosk.startup import load_everything
    from kiosk.survey.outcome import compute_outcome
    from kiosk.survey.sample import EVERY_SECTION_ANSWERS

    loaded = load_everything()
    content, config = loaded.content, loaded.config
    return content, config, EVERY_SECTION_ANSWERS, compute_outcome(content.survey, EVERY_SECTION_ANSWERS)


def kiosk_handout(content, config, answers, outcome) -> bytes:
    from kiosk.handout.builder import build_handout
    from kiosk.handout.render import render_handout

    spec = build_handout(content, answers, outcome, language="en", clinic=config.clinic, today=date(2026, 11, 23),
                         paper=config.paper)
    return render_handout(spec)


def bare_reportlab(spec) -> bytes:
    """The same words as plain paragraphs in a default SimpleDocTemplate."""
    from reportlab.lib.pagesizes import letter
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    from kiosk.handout.spec import block_texts

    styles = getSampleStyleSheet()
    story = [Paragraph(spec.title, styles["Title"])]
    for section in spec.sections:
        story.append(Paragraph(section.title, styles["Heading2"]))
        for block in section.blocks:
            story.extend(Paragraph(text, styles["BodyText"]) for text in block_texts(block))
    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=letter, invariant=1).build(story)
    return out.getvalue()


def measure(runs: int) -> dict:
    from kiosk.handout.builder import build_handout

    content, config, answers, outcome = _inputs()
    start = time.perf_counter()
    pdf = kiosk_handout(content, config, answers, outcome)
    first_ms = (time.perf_counter() - start) * 1000
    spec = build_handout(content, answers, outcome, language="en", clinic=config.clinic, today=date(2026, 11, 23))
    bare_reportlab(spec)

    ours, bare = [], []
    for _ in range(runs):  # interleaved, so both see the same machine load
        start = time.perf_counter()
        kiosk_handout(content, config, answers, outcome)
        ours.append((time.perf_counter() - start) * 1000)
        start = time.perf_counter()
        bare_reportlab(spec)
        bare.append((time.perf_counter() - start) * 1000)
    result = summary_ms(ours, "runs")
    result.update({"first_run_ms": round(first_ms, 1), "pdf_bytes": len(pdf),
                   "baseline_median_ms": round(statistics.median(bare), 2),
                   "baseline_min_ms": round(min(bare), 2), "baseline_max_ms": round(max(bare), 2),
                   "ratio": round(statistics.median(ours) / statistics.median(bare), 2)})
    return result


def main() -> int:
    return run_main(__doc__, measure, "runs", 50, "handout render")


if __name__ == "__main__":
    sys.exit(main())
