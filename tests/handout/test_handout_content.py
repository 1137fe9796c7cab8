"""handout.yaml loads, and each mistake an author can make in it is reported where it is, with a fix."""

from __future__ import annotations

import pytest

from kiosk import paths
from kiosk.content import load_content

# (file, text to replace, replacement, expected YAML path, words in the message); reported on the line where
# the replacement starts.
BROKEN = [
    ("handout.yaml", '{result: "alert_level", equals: "urgent"}', '{result: "alert_levl", equals: "urgent"}',
     "sections[0].include_if.result", "did you mean 'alert_level'"),
    ("handout.yaml", '{result: "alert_level", equals: "urgent"}', '{result: "alert_level", equals: "urgnt"}',
     "sections[0].include_if.equals", "not a possible alert_level"),
    ("handout.yaml", '- {result: "mnsi_positive", equals: true}', '- {result: "mnsi_positive", equals: "yes"}',
     "sections[5].include_if.any[1].equals", "true or false"),
    ("handout.yaml", '- {result: "mnsi_positive", equals: true}', '- {result: "mnsi_score", equals: true}',
     "sections[5].include_if.any[1].equals", "is a number"),
    ("handout.yaml", '- {section: "foot_care"}', '- {section: "move_more"}',
     "sections[11].include_if.any[2].section", "comes later in the handout"),
    ("handout.yaml", '- {section: "foot_care"}', '- {section: "foot_cair"}',
     "sections[11].include_if.any[2].section", "did you mean 'foot_care'"),
    ("handout.yaml", '- {section: "foot_care"}', '- {section: "foot_care", equals: "yes"}',
     "sections[11].include_if.any[2]", "has no test"),
    ("handout.yaml", 'include_if: {question: "pregnant", equals: "yes"}',
     'include_if: {question: "pregnant", equals: yes}', "sections[13].include_if.equals", "not answers to a question"),
    ("handout.yaml", 'include_if: {question: "exercise", equals: "rarely"}',
     'include_if: {question: "exercise", equals: "rarelly"}', "sections[12].include_if.equals", "did you mean 'rarely'"),
    ("handout.yaml", '  en: "Prepared for {name}"\n  es: "Preparado para {name}"',
     '  en: "Prepared for you"\n  es: "Preparado para usted"', "prepared_for.en", "must use {name}"),
    ("handout.yaml", 'en: "Page {page} of {pages}"\n', 'en: "Page {page} of {total}"\n', "page_label.en",
     "'{total}' is not a placeholder"),
    ("handout.yaml", 'picture: "illustrations/calf-stretch-steps.svg"', 'picture: "illustrations/calf-steps.svg"',
     "sections[3].blocks[1].steps.picture", "does not exist"),
    ("handout.yaml", '      - symptoms: true', '      - symptom: true', "sections[0].blocks[1].symptom",
     "not a setting"),
    ("handout.yaml", '{question: "cramp_any", label:', '{question: "cramp_anyy", label:',
     "clinician_summary.rows[0].question", "not a question id"),
    ("handout.yaml", 'en: "Questions? Call us at {clinic_phone}."', 'en: "Questions? Call us at {clinic_fone}."',
     "sections[17].blocks[1].list[0].en", "did you mean 'clinic_phone'"),
    ("survey.yaml", 'show_if: {question: "cramp_any", equals: "yes"}',
     'show_if: {result: "alert_level", equals: "urgent"}', "questions[2].show_if.result",
     "only known when the survey is finished"),
]


@pytest.mark.parametrize("file,old,new,path,words", BROKEN, ids=[b[4][:30] for b in BROKEN])
def test_each_broken_handout_rule_is_located_exactly(content_copy, file, old, new, path, words):
    original = (content_copy / file).read_text(encoding="utf-8")
    assert old in original, "the shipped content changed; update this case"
    (content_copy / file).write_text(original.replace(old, new, 1), encoding="utf-8")
    content, problems = load_content(content_copy, ("en", "es"), paths.assets_dir())
    assert content is None
    matching = [p for p in problems if words in str(p)]
    assert len(matching) == 1, "\n".join(map(str, problems))
    problem = matching[0]
    assert problem.file.endswith(file) and problem.path == path and problem.fix
    assert problem.line == original[: original.index(old)].count("\n") + 1


def load_with(content_copy, old, new):
    path = content_copy / "handout.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    content, problems = load_content(content_copy, ("en", "es"), paths.assets_dir())
    assert content is None
    return "\n".join(map(str, problems))


def test_a_section_the_kiosk_needs_cannot_go_missing(content_copy):
    report = load_with(content_copy, '  - id: "get_help_now"', '  - id: "get_help_later"')
    assert "there is no 'get_help_now' section" in report


def test_fewer_than_three_questions_for_everyone_is_refused(content_copy):
    rule = '    include_if: {question: "pregnant", equals: "yes"}\n'
    path = content_copy / "handout.yaml"
    text = path.read_text(encoding="utf-8")
    for question in ("safe_exercises", "what_can_i_do_at_home"):
        text = text.replace(f'  - id: "{question}"\n', f'  - id: "{question}"\n{rule}')
    path.write_text(text, encoding="utf-8")
    report = load_with(content_copy, '  - id: "when_to_come_back"\n', f'  - id: "when_to_come_back"\n{rule}')
    assert "fewer than 3" in report


def test_a_year_has_twelve_months(content_copy):
    report = load_with(content_copy, '  - {en: "December", es: "diciembre"}\n', "")
    assert "there are 11 months" in report


def test_summary_strings_are_all_required(content_copy):
    report = load_with(content_copy, '    handout_number: {en: "Handout number", es: "Número de hoja"}\n', "")
    assert "handout_number" in report
