"""Spec §3: the ids the outcome, the handout rules and the clinician summary rely on are a contract. A site's own
content that renames or drops one is a `kiosk check` problem (file, line, fix), never a safety check quietly
switched off, and never a crash."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from kiosk import paths
from kiosk.content import load_content
from tests.survey.test_answers_cli import ENV, private_environment  # noqa: F401 - the fixture is used by name


def broken(content_copy, file, old, new, count=1):
    path = content_copy / file
    text = path.read_text(encoding="utf-8")
    assert old in text, "the shipped content changed; update this case"
    path.write_text(text.replace(old, new, count), encoding="utf-8")  # count -1: every one
    content, problems = load_content(content_copy, ("en", "es"), paths.assets_dir())
    assert content is None, "content that breaks the contract must not load"
    assert problems and all(problem.fix for problem in problems)
    return problems, text


def line_of(text, old):
    return text[: text.index(old)].count("\n") + 1


# (file, text to replace, replacement, file the problem is reported in, words in its message)
CASES = [
    ("survey.yaml", '  - id: "red_flags"', '  - id: "safety_flags"', "survey.yaml",
     "there is no 'red_flags' question"),
    ("survey.yaml", '  - id: "red_flags"\n    section: "safety"\n    kind: "multi"\n    required: true',
     '  - id: "red_flags"\n    section: "safety"\n    kind: "multi"', "survey.yaml", "it must be required"),
    ("survey.yaml", '        alert: "emergency"', '        alert: "urgent"', "survey.yaml",
     "at least one choice needs alert: \"emergency\""),
    ("survey.yaml", '  - id: "mnsi"\n', '  - id: "nerve_score"\n', "survey.yaml", "'mnsi' is not one of the scores"),
    ("survey.yaml", '  - id: "high_risk_foot"', '  - id: "risky_foot"', "survey.yaml",
     "there is no 'high_risk_foot' flag"),
    ("survey.yaml", '  - id: "severe_cramps"', '  - id: "bad_cramps"', "survey.yaml",
     "there is no 'severe_cramps' flag"),
    ("survey.yaml", '  - id: "mnsi_08"', '  - id: "mnsi_08b"', "survey.yaml", "'mnsi_08' is not a question id"),
    ("survey.yaml", '  - id: "mnsi_15"', '  - id: "amputation"', "survey.yaml", "'mnsi_15' is not a question id"),
    ("survey.yaml", '      - id: "foot_wound"', '      - id: "foot_sore"', "survey.yaml",
     "'foot_wound' is not a choice of 'red_flags'"),
    ("survey.yaml", '      - id: "one_leg_swollen"', '      - id: "swollen_leg"', "handout.yaml",
     "'one_leg_swollen' is not a choice of 'red_flags'"),
    ("survey.yaml", '      - id: "asthma_inhaler"', '      - id: "inhaler"', "handout.yaml",
     "'asthma_inhaler' is not a choice of 'medicines'"),
    ("survey.yaml", '    when: {question: "cramp_nights", at_least: 3}',
     '    when: {question: "cramp_nite", at_least: 3}',
     "survey.yaml", "did you mean 'cramp_nights'"),
    ("handout.yaml", '        - {result: "high_risk_foot", equals: true}\n    title:',
     '        - {result: "high_risk_feet", equals: true}\n    title:', "handout.yaml", "did you mean 'high_risk_foot'"),
    ("handout.yaml", '  - id: "get_help_now"', '  - id: "help"', "handout.yaml", "there is no 'get_help_now' section"),
]


@pytest.mark.parametrize("file,old,new,reported_in,words", CASES, ids=[case[4][:40] for case in CASES])
def test_renaming_or_dropping_a_relied_on_id_is_reported_with_file_line_and_fix(content_copy, file, old, new,
                                                                               reported_in, words):
    problems, text = broken(content_copy, file, old, new, -1 if "alert:" in old or "score:" in old else 1)
    matching = [problem for problem in problems if words in problem.message]
    assert matching, "\n".join(map(str, problems))
    problem = matching[0]
    assert problem.file.endswith(reported_in) and problem.line and problem.fix
    named = re.match(r"'(\w+)' is not", problem.message)
    if named:  # reported where the missing id is used: that line names it
        lines = (content_copy / reported_in).read_text(encoding="utf-8").splitlines()
        assert f'"{named.group(1)}"' in lines[problem.line - 1]


def test_a_score_with_no_items_is_refused(content_copy):
    path = content_copy / "survey.yaml"
    text = path.read_text(encoding="utf-8")
    for point in ("yes", "no"):
        text = text.replace(f'    score: {{id: "mnsi", point_for: "{point}"}}\n', "")
    path.write_text(text, encoding="utf-8")
    content, problems = load_content(content_copy, ("en", "es"), paths.assets_dir())
    assert content is None and any("no question scores for 'mnsi'" in problem.message for problem in problems)


def test_the_alert_level_never_quietly_becomes_none(content_copy):
    """Before 2026-12: without a red_flags question the outcome said 'none' for every patient."""
    problems, _ = broken(content_copy, "survey.yaml", '  - id: "red_flags"', '  - id: "safety"')
    assert any("safety check" in problem.message for problem in problems)


def test_a_chosen_block_naming_a_choice_that_is_gone_is_located(content_copy):
    old = 'among: ["statin", "diuretic", "beta_blocker", "blood_pressure_other", "asthma_inhaler"]'
    problems, text = broken(content_copy, "handout.yaml", old, old.replace('"diuretic"', '"water_pill"'))
    problem = next(problem for problem in problems if "'water_pill' is not a choice" in problem.message)
    assert problem.line == line_of(text, old) and problem.path.endswith("chosen.among[1]")


def test_a_numbered_picture_cannot_have_steps_that_come_and_go(content_copy):
    problems, _ = broken(content_copy, "handout.yaml", '''            - en: "Sit on the bed''', '''            - text:
                en: "Sit."
                es: "Siéntese."
              include_if: {question: "cramp_any", equals: "yes"}
            - en: "Sit on the bed''')
    assert any("numbered picture must match every step" in problem.message for problem in problems)


def test_kiosk_check_lists_the_problem_and_fails_without_a_traceback(content_copy):
    text = (content_copy / "survey.yaml").read_text(encoding="utf-8")
    (content_copy / "survey.yaml").write_text(text.replace('  - id: "mnsi_15"', '  - id: "amputation"'),
                                              encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "kiosk", "check", "--content", str(content_copy)],
                            capture_output=True, text=True, env=ENV)
    assert result.returncode != 0
    assert "'mnsi_15' is not a question id" in result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
