"""`kiosk handout`: the PDFs, the --explain JSON authors use, the general handout, and clear refusals."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
import yaml

from tests.handout.patients import BASELINE, EVERYTHING
from tests.survey.test_answers_cli import ENV, private_environment  # noqa: F401 - the fixture is used by name


def kiosk(*args):
    return subprocess.run([sys.executable, "-m", "kiosk", *args], capture_output=True, text=True, env=ENV)


def answers_file(tmp_path, answers, name="answers.yaml"):
    path = tmp_path / name
    path.write_text(yaml.safe_dump({k: list(v) if isinstance(v, tuple) else v for k, v in answers.items()},
                                   allow_unicode=True), encoding="utf-8")
    return path


def pdf_text(path) -> str:
    return " ".join(subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                                   check=True).stdout.split())


def test_explain_says_which_sections_and_questions_and_why(tmp_path):
    result = kiosk("handout", "--answers", str(answers_file(tmp_path, EVERYTHING)), "--explain")
    assert result.returncode == 0, result.stderr
    explained = json.loads(result.stdout)
    assert set(explained) == {"alert_level", "mnsi_score", "mnsi_answered", "mnsi_positive", "flags", "sections",
                              "doctor_questions"}
    assert explained["alert_level"] == "urgent" and explained["sections"][0] == "tell_the_desk"
    assert "pregnancy" in explained["sections"] and len(explained["doctor_questions"]) == 6
    assert "mnsi_positive" in explained["flags"] and explained["mnsi_score"] == 11  # 13 scored items; 07 and 13 score for "no"


def test_handout_and_summary_pdfs_in_spanish_with_a_name(tmp_path):
    out, summary = tmp_path / "h.pdf", tmp_path / "s.pdf"
    result = kiosk("handout", "--answers", str(answers_file(tmp_path, BASELINE)), "--lang", "es",
                   "--name", "Iñaki Peña", "-o", str(out), "--summary", str(summary))
    assert result.returncode == 0, result.stderr
    text = pdf_text(out)
    assert "Preparado para Iñaki Peña" in text and "Su plan para los calambres en las piernas" in text
    assert "Esta hoja es información general, no un diagnóstico." in text
    staff = pdf_text(summary)
    assert "Clinician summary" in staff and "Iñaki" not in staff  # the summary never carries the name


def test_general_handout_for_anyone(tmp_path):
    out = tmp_path / "general.pdf"
    result = kiosk("handout", "--general", "--lang", "en", "-o", str(out))
    assert result.returncode == 0, result.stderr
    text = pdf_text(out)
    assert "Check your feet every day" in text and "Prepared for" not in text
    assert "Please tell the front desk today" not in text


def test_a_bad_answers_file_is_refused_like_kiosk_outcome(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text('cramp_any: "maybe"\n', encoding="utf-8")
    result = kiosk("handout", "--answers", str(bad), "-o", str(tmp_path / "x.pdf"))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert str(bad) in result.stderr and "cramp_any" in result.stderr
    assert not (tmp_path / "x.pdf").exists()


@pytest.mark.parametrize("args,words", [
    (["--general", "--summary", "s.pdf"], "no clinician summary"),
    (["--general", "--lang", "fr", "-o", "x.pdf"], "not enabled"),
    (["--general"], "Say what to make"),
])
def test_unclear_requests_are_refused(tmp_path, args, words):
    result = kiosk("handout", *args)
    assert result.returncode == 2 and words in result.stderr


def test_text_part_handout_lists_every_section(shipped_content):
    result = kiosk("text", "--lang", "es", "--part", "handout")
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    for section in shipped_content.handout.sections:
        assert section.title["es"] in lines
    assert "No deje de tomar ni cambie ninguna medicina por su cuenta. Traiga a su cita la lista de todas sus " \
           "medicinas." in lines


def page_count(pdf: bytes) -> int:
    import io

    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(pdf)).pages)


@pytest.mark.parametrize("paper", ["letter", "a4"])
@pytest.mark.parametrize("language", ["en", "es"])
def test_any_patient_gets_two_to_six_pages(shipped_content, language, paper):
    """The longest handout there can be (every section, every urgent flag, six questions) and the shortest. Six
    since the 2026-12-01 revision: 14 pt type, writing lines and sections kept whole (render.MAX_PAGES)."""
    from datetime import date

    from kiosk.config import Clinic
    from kiosk.handout.builder import build_handout
    from kiosk.handout.render import render_handout
    from kiosk.survey.outcome import compute_outcome

    def pages(answers):
        outcome = compute_outcome(shipped_content.survey, answers)
        return page_count(render_handout(build_handout(
            shipped_content, answers, outcome, language=language, clinic=Clinic(), today=date(2026, 9, 30),
            paper=paper)))

    assert pages(EVERYTHING) <= 6
    assert pages(BASELINE) >= 2
