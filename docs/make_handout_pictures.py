"""Regenerates docs/handouts/: sample handouts for very different patients (EN and ES) and a clinician summary,
as PDFs rendered to PNG pages with pdftoppm, for review.

    .venv/bin/python docs/make_handout_pictures.py
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
OUT = ROOT / "docs" / "handouts"

from kiosk.handout.documents import make_documents, make_general_handout  # noqa: E402
from kiosk.startup import load_everything  # noqa: E402
from kiosk.survey.sample import EVERY_SECTION_ANSWERS, SAMPLE_ANSWERS, SKIPPED  # noqa: E402

NOW = datetime(2026, 11, 23, 10, 40)
# A patient with nothing in particular to act on: only what everyone gets.
QUIET = {"red_flags": ("none",), "cramp_any": "no", "walk_pain_eases_rest": "no", "restless_urge": "no",
         "diabetes": "no", "conditions": ("none",), "smoking": "no", "alcohol_per_week": "none",
         "medicines": ("none",), "water_glasses": "7_plus", "exercise": "most_days", "long_standing": "no",
         "shoes_support": "yes"}
PATIENTS = {  # name: (answers, language)
    "diabetes-night-cramps-es": ({k: v for k, v in SAMPLE_ANSWERS.items() if v != SKIPPED}, "es"),
    "diabetes-night-cramps-en": ({k: v for k, v in SAMPLE_ANSWERS.items() if v != SKIPPED}, "en"),
    "urgent-every-section-en": (EVERY_SECTION_ANSWERS, "en"),
    "urgent-every-section-es": (EVERY_SECTION_ANSWERS, "es"),
    "no-cramps-en": (QUIET, "en"),
}


def pages(pdf: bytes, name: str, scratch: Path) -> None:
    path = scratch / f"{name}.pdf"
    path.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", "60", "-png", str(path), str(OUT / name)], check=True)


def main() -> int:
    loaded = load_everything()
    OUT.mkdir(exist_ok=True)
    for old in OUT.glob("*.png"):
        old.unlink()
    with tempfile.TemporaryDirectory() as scratch:
        for name, (answers, language) in PATIENTS.items():
            documents = make_documents(loaded.content, loaded.config, answers, language, NOW)
            pages(documents.handout, name, Path(scratch))
            if name == "diabetes-night-cramps-es":
                pages(documents.summary, "clinician-summary", Path(scratch))
        for language in ("en", "es"):
            pages(make_general_handout(loaded.content, loaded.config, language, NOW), f"general-{language}",
                  Path(scratch))
    print(f"pictures in {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
