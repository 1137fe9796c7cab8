"""`kiosk outcome --answers FILE` prints the right JSON, ignores hidden answers, and refuses bad files clearly."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pytest

from kiosk.survey.answers_file import AnswersFileError, load_answers
from kiosk.survey.outcome import compute_outcome
from kiosk.survey.session import SurveySession

ENV = {}
KEYS = {"alert_level", "mnsi_score", "mnsi_answered", "mnsi_positive", "flags"}


def kiosk(*args):
    """Run the real command with private platform folders, so no config of this machine leaks in."""
    return subprocess.run([sys.executable, "-m", "kiosk", *args], capture_output=True, text=True, env=ENV)


@pytest.fixture(autouse=True)
def private_environment(tmp_path):
    ENV.clear()
    ENV.update({key: value for key, value in os.environ.items() if key != "KIOSK_CONFIG"})
    for name in ("XDG_CONFIG_HOME", "XDG_CONFIG_DIRS", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        ENV[name] = str(tmp_path / "xdg" / name.lower())
    ENV["QT_QPA_PLATFORM"] = "offscreen"


@pytest.fixture
def write(tmp_path):
    def write(text: str, name: str = "answers.yaml"):
        path = tmp_path / name
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return path
    return write


def outcome_of(path):
    result = kiosk("outcome", "--answers", str(path))
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return json.loads(result.stdout)


def refused(path):
    """Exit 2, nothing on stdout, a report on stderr without a traceback; returns stderr."""
    result = kiosk("outcome", "--answers", str(path))
    assert result.returncode == 2, (result.returncode, result.stdout, result.stderr)
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("1 problem found:") or "problems found:" in result.stderr.splitlines()[0]
    assert str(path) in result.stderr
    return result.stderr


REALISTIC = """
    # Filled in from a paper form by the front desk
    red_flags: ["foot_wound"]
    cramp_any: "yes"
    cramp_where: ["calf_left", "calf_right"]
    cramp_nights: 4
    cramp_duration: "over_10_min"
    cramp_worst_pain: 8
    sleep_impact: 6
    cramp_when: ["night"]
    walk_pain_eases_rest: "no"
    restless_urge: "yes"
    mnsi_01: "yes"
    mnsi_02: "yes"
    mnsi_03: "no"
    mnsi_04: "yes"
    mnsi_05: "yes"
    mnsi_06: "no"
    mnsi_07: "no"
    mnsi_08: "no"
    mnsi_09: "no"
    mnsi_10: "yes"
    mnsi_11: "yes"
    mnsi_13: "yes"
    mnsi_14: "no"
    mnsi_15: "no"
    diabetes: "type_2"
    conditions: ["kidney"]
    pregnant: "no"
    smoking: "no"
    alcohol_per_week: "1_to_7"
    medicines: ["statin", "metformin"]
    water_glasses: "0_to_3"
    first_name: "Ana"
"""


# --- good files -------------------------------------------------------------------------------------


def test_a_realistic_file_prints_exactly_the_outcome_keys(write):
    data = outcome_of(write(REALISTIC))
    assert set(data) == KEYS
    # points: mnsi_01, 02, 05, 07 (no), 11; mnsi_12 unanswered; mnsi_04 and 10 not scored
    assert data == {"alert_level": "urgent", "mnsi_score": 5, "mnsi_answered": 12, "mnsi_positive": True,
                    "flags": ["cramp_over_10_min", "possible_rls", "mnsi_positive", "frequent_night_cramps",
                              "high_risk_foot", "severe_cramps"]}


def test_the_output_is_one_json_line(write):
    result = kiosk("outcome", "--answers", str(write(REALISTIC)))
    assert result.returncode == 0
    assert result.stdout.endswith("\n") and result.stdout.count("\n") == 1


def test_an_emergency_and_no_points(write):
    data = outcome_of(write("""
        red_flags: ["one_leg_swollen", "bladder_bowel"]
        mnsi_07: "yes"
        mnsi_13: "yes"
        pregnant: "yes"
    """))
    assert data == {"alert_level": "emergency", "mnsi_score": 0, "mnsi_answered": 2, "mnsi_positive": False,
                    "flags": ["pregnant"]}


def test_an_empty_file_is_no_answers(write):
    assert outcome_of(write("# nothing answered\n")) == {
        "alert_level": "none", "mnsi_score": 0, "mnsi_answered": 0, "mnsi_positive": False, "flags": []}


def test_answers_to_hidden_questions_are_ignored(write):
    data = outcome_of(write("""
        cramp_any: "no"
        cramp_nights: 7
        cramp_duration: "over_10_min"
    """))
    assert data["flags"] == []


def test_hidden_answers_are_ignored_exactly_as_at_finish(write, shipped_content):
    """The same answers given on the kiosk (then cramps changed to "no" from the review) and in a file."""
    survey = shipped_content.survey
    given = {"red_flags": ["none"], "cramp_any": "yes", "cramp_where": ["foot_right"], "cramp_nights": 6,
             "cramp_duration": "over_10_min", "cramp_worst_pain": 9, "sleep_impact": 9, "cramp_when": ["night"],
             "restless_urge": "yes", "mnsi_01": "yes", "first_name": "Ana"}
    session = SurveySession(survey)
    while not session.at_review:
        question = session.question
        if question.id in given:
            session.set_answer(given[question.id])
            session.next()
        elif question.skip:
            session.skip()
        else:
            session.set_answer(question.choice_ids()[-1])
            session.next()
    session.edit("cramp_any")
    session.set_answer("no")
    session.next()
    assert session.at_review
    expected = compute_outcome(survey, session.finish()).as_json()
    assert "frequent_night_cramps" not in expected["flags"] and "cramp_over_10_min" not in expected["flags"]

    lines = [f"{key}: {json.dumps(value)}" for key, value in {**given, "cramp_any": "no"}.items()]
    file_answers = {key: value for key, value in session.finish().items() if key not in given}
    lines += [f"{key}: {json.dumps(value)}" for key, value in file_answers.items()]
    assert outcome_of(write("\n".join(lines) + "\n")) == expected


# --- bad files --------------------------------------------------------------------------------------


def test_an_unknown_question_is_refused_with_did_you_mean(write):
    path = write("""
        red_flags: ["none"]
        cramp_anyy: "yes"
    """)
    stderr = refused(path)
    assert f"{path}:2: cramp_anyy: 'cramp_anyy' is not a question id (did you mean 'cramp_any'?)" in stderr


def test_an_unknown_choice_is_refused(write):
    path = write("""
        cramp_any: "yes"
        cramp_duration: "over_ten_min"
    """)
    stderr = refused(path)
    assert f"{path}:2: cramp_duration: 'over_ten_min' is not a choice of 'cramp_duration'" in stderr
    assert "over_10_min" in stderr   # the choices are listed


def test_a_list_for_a_single_choice_is_refused(write):
    path = write('cramp_any: ["yes"]\n')
    assert f"{path}:1: cramp_any:" in refused(path)


def test_text_for_a_count_is_refused(write):
    path = write("""
        cramp_any: "yes"
        cramp_nights: "three"
    """)
    assert f"{path}:2: cramp_nights: 'cramp_nights' takes a whole number from 0 to 7" in refused(path)


def test_a_number_out_of_range_is_refused(write):
    path = write("""
        cramp_any: "yes"
        cramp_worst_pain: 11
    """)
    assert f"{path}:2: cramp_worst_pain: 'cramp_worst_pain' takes a whole number from 0 to 10" in refused(path)


def test_a_bare_yes_read_as_a_boolean_is_refused_with_the_fix(write):
    path = write("""
        cramp_any: yes
    """)
    stderr = refused(path)
    assert f"{path}:1: cramp_any: an answer was read as yes/no (true/false), not as a choice id" in stderr
    assert 'Put choice ids in double quotes, like "yes".' in stderr


def test_a_bare_yes_inside_a_list_is_refused(write):
    path = write("""
        red_flags: ["none"]
        mnsi_01: [yes]
    """)
    assert f"{path}:2: mnsi_01: an answer was read as yes/no" in refused(path)


@pytest.mark.parametrize("question_id, value", [("medicines", '["none", "not_sure"]'),
                                                ("red_flags", '["none", "foot_wound"]')])
def test_an_exclusive_choice_with_another_is_refused(write, question_id, value):
    path = write(f"{question_id}: {value}\n")
    assert "cannot be combined with other choices" in refused(path)


def test_broken_yaml_names_the_file_and_the_line(write):
    path = write("""
        red_flags: ["none"]
        cramp_any: "yes"
        cramp_when: ["night": "after_exercise"
        mnsi_01: "yes"
    """)
    stderr = refused(path)
    first = stderr.splitlines()[1]
    # the parser notices the missing ']' on the line after; the fix text says "this line and the one above it"
    assert first.startswith((f"- {path}:3: the file is not valid YAML", f"- {path}:4: the file is not valid YAML"))
    assert "the one above it" in stderr


def test_a_tab_indent_names_its_line_and_the_fix(write):
    path = write('red_flags: ["none"]\n\tcramp_any: "yes"\n')
    stderr = refused(path)
    assert f"{path}:2: the file is not valid YAML" in stderr
    assert "Indent with spaces, not tabs." in stderr


def test_a_colon_in_an_unquoted_value_names_its_line(write):
    path = write("""
        red_flags: ["none"]
        first_name: Ana: Maria
    """)
    stderr = refused(path)
    assert f"{path}:2: the file is not valid YAML" in stderr
    assert "double quotes" in stderr


def test_a_missing_file_is_refused_clearly(tmp_path):
    path = tmp_path / "nowhere.yaml"
    assert "the file does not exist" in refused(path)


def test_every_problem_is_listed_not_only_the_first(write):
    path = write("""
        cramp_any: yes
        cramp_worst_pain: 11
        smokin: "no"
    """)
    stderr = refused(path)
    assert stderr.splitlines()[0] == "3 problems found:"
    assert f"{path}:1: cramp_any:" in stderr and f"{path}:2: cramp_worst_pain:" in stderr
    assert f"{path}:3: smokin:" in stderr and "did you mean 'smoking'" in stderr


# --- load_answers directly --------------------------------------------------------------------------


def problems_of(path, survey):
    with pytest.raises(AnswersFileError) as caught:
        load_answers(path, survey)
    return caught.value.problems


def test_load_answers_gives_canonical_values(write, shipped_content):
    path = write("""
        red_flags: ["none"]
        cramp_any: "yes"
        cramp_where: ["toes_right", "calf_left"]
        cramp_nights: 0
        first_name: "  Ana  "
    """)
    assert load_answers(path, shipped_content.survey) == {
        "red_flags": ("none",), "cramp_any": "yes", "cramp_where": ("calf_left", "toes_right"), "cramp_nights": 0,
        "first_name": "Ana"}


def test_load_answers_keeps_answers_to_hidden_questions_for_the_outcome_to_drop(write, shipped_content):
    answers = load_answers(write('cramp_any: "no"\ncramp_nights: 7\n'), shipped_content.survey)
    assert answers == {"cramp_any": "no", "cramp_nights": 7}
    assert "frequent_night_cramps" not in compute_outcome(shipped_content.survey, answers).flags


def test_a_number_typed_as_a_first_name_is_text(write, shipped_content):
    assert load_answers(write("first_name: 1234\n"), shipped_content.survey) == {"first_name": "1234"}


def test_load_answers_reports_the_line_and_path_of_each_problem(write, shipped_content):
    path = write("""
        # an answers file with four mistakes
        red_flags: ["none"]
        cramp_any: "maybe"

        cramp_nights: 9
        mnsi_07: no
        diabetis: "no"
        medicines: ["statin", "none"]
    """)
    problems = problems_of(path, shipped_content.survey)
    assert [(problem.line, problem.path) for problem in problems] == [
        (3, "cramp_any"), (5, "cramp_nights"), (6, "mnsi_07"), (7, "diabetis"), (8, "medicines")]
    assert all(problem.file == str(path) for problem in problems)
    assert all(problem.fix for problem in problems)
    assert "did you mean 'diabetes'" in problems[3].message


def test_load_answers_reports_the_line_of_a_key_that_is_not_text(write, shipped_content):
    path = write("""
        red_flags: ["none"]
        7: "yes"
        1.5: "no"
        yes: "no"
    """)
    problems = problems_of(path, shipped_content.survey)
    assert [problem.line for problem in problems] == [2, 3, 4]
    assert all("is not a question id" in problem.message for problem in problems)


def test_a_top_level_list_is_refused(write, shipped_content):
    problems = problems_of(write('- cramp_any: "yes"\n'), shipped_content.survey)
    assert len(problems) == 1 and "question_id: answer" in problems[0].message and problems[0].line == 1


def test_a_duplicate_question_is_refused_with_its_line(write, shipped_content):
    problems = problems_of(write('cramp_any: "yes"\nsmoking: "no"\ncramp_any: "no"\n'), shipped_content.survey)
    assert [(problem.line, problem.path) for problem in problems] == [(3, "cramp_any")]
    assert "given twice" in problems[0].message
