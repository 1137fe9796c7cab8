"""Regenerates docs/handouts/: sample handouts for very different patients, in English and Spanish, each printed
as from a visit (with its handout number), the clinician summary, and the general handout, as PDFs rendered to
PNG pages with pdftoppm, for review. Look at every page after a change to the content or the layout.

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

NOW = datetime(2026, 12, 7, 10, 40)
# A patient with nothing in particular to act on: only what everyone gets.
QUIET = {"red_flags": ("none",), "cramp_any": "no", "walk_pain_eases_rest": "no", "restless_urge": "no",
         **{f"mnsi_{n:02d}": "no" for n in range(1, 16)}, "mnsi_07": "yes", "mnsi_13": "yes",
         "diabetes": "no", "conditions": ("none",), "pregnant": "not_applicable", "smoking": "no",
         "alcohol_per_week": "none", "medicines": ("none",), "water_glasses": "7_plus", "stretch_before_bed": "yes",
         "exercise": "most_days", "long_standing": "no", "shoes_support": "yes"}
# Urgent: one leg newly swollen, with night cramps (no rubbing step; the urgent box first).
SWOLLEN_LEG = {**QUIET, "red_flags": ("one_leg_swollen",), "cramp_any": "yes", "cramp_where": ("calf_left",),
               "cramp_nights": 2, "cramp_duration": "1_to_5_min", "cramp_worst_pain": 6, "sleep_impact": 5,
               "cramp_when": ("night",), "first_name": "Rosa"}
METFORMIN_ONLY = {**QUIET, "medicines": ("metformin",), "first_name": "Tom"}
PREGNANT = {**QUIET, "pregnant": "yes", "cramp_any": "yes", "cramp_where": ("calf_right",), "cramp_nights": 3,
            "cramp_duration": "under_1_min", "cramp_worst_pain": 5, "sleep_impact": 7, "cramp_when": ("night",),
            "water_glasses": "not_sure", "first_name": "Lupe"}
SAMPLE = {key: value for key, value in SAMPLE_ANSWERS.items() if value != SKIPPED}
PATIENTS = {  # name: (answers, the day's handout number)
    "urgent-swollen-leg": (SWOLLEN_LEG, 3),
    "metformin-only": (METFORMIN_ONLY, 4),
    "pregnant": (PREGNANT, 5),
    "urgent-every-section": (EVERY_SECTION_ANSWERS, 6),
    "diabetes-night-cramps": (SAMPLE, 7),
    "no-cramps": (QUIET, 8),
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
        for name, (answers, number) in PATIENTS.items():
            for language in ("en", "es"):
                documents = make_documents(loaded.content, loaded.config, answers, language, NOW).numbered(number)
                pages(documents.handout, f"{name}-{language}", Path(scratch))
                if name == "urgent-swollen-leg" and language == "es":
                    pages(documents.summary, "clinician-summary", Path(scratch))
        for language in ("en", "es"):
            pages(make_general_handout(loaded.content, loaded.config, language, NOW), f"general-{language}",
                  Path(scratch))
    print(f"pictures in {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
