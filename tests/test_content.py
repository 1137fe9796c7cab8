"""The shipped content loads; every kind of mistake a content author can make is reported where it is."""

from __future__ import annotations

import re

import pytest

from kiosk import paths
from kiosk.content import load_content
from kiosk.content.ui_keys import UI_KEYS


def test_shipped_content_loads_without_problems(shipped_content):
    assert shipped_content.languages == ("en", "es")
    assert set(shipped_content.ui.strings) == set(UI_KEYS)
    assert len(shipped_content.explainer.chapters) == 8
    assert shipped_content.survey.question("red_flags").required


def test_english_only_kiosk_does_not_need_spanish(content_copy):
    text = (content_copy / "ui.yaml").read_text()
    (content_copy / "ui.yaml").write_text(text.replace('    es: "Idioma"\n', ""))
    _, problems_both = load_content(content_copy, ("en", "es"), paths.assets_dir())
    content, problems_en = load_content(content_copy, ("en",), paths.assets_dir())
    assert [p.path for p in problems_both] == ['strings["welcome.choose_language"]']
    assert problems_en == [] and content.languages == ("en",)


# (file, text to replace, replacement, expected YAML path, words in the message). The problem must be
# reported on the line where the replacement starts.
BROKEN = [
    ("survey.yaml", 'show_if: {question: "cramp_any", equals: "yes"}',
     'show_if: {question: "cramp_anyy", equals: "yes"}',
     "questions[2].show_if.question", "did you mean 'cramp_any'"),
    ("survey.yaml", 'show_if: {question: "cramp_any", equals: "yes"}',
     'show_if: {question: "cramp_any", equals: "maybe"}',
     "questions[2].show_if.equals", "not a choice of 'cramp_any'"),
    ("survey.yaml", '- id: "none"\n        label:', '- id: no\n        label:',
     "questions[0].choices[10].id", "read as yes/no"),
    ("survey.yaml", '- id: "mnsi_02"', '- id: "mnsi_01"', "questions[11].id", "used twice"),
    ("survey.yaml", 'kind: "count"', 'kind: "counter"', "questions[3].kind", "did you mean 'count'"),
    ("survey.yaml", 'show_if: {question: "cramp_any", equals: "yes"}',
     'show_if: {question: "cramp_nights", at_least: 3}',
     "questions[2].show_if.question", "asked later"),
    ("survey.yaml", 'show_if: {question: "cramp_any", equals: "yes"}',
     'show_if: {question: "cramp_any", at_least: 3}',
     "questions[2].show_if.at_least", "only works with number questions"),
    ("explainer.yaml", 'file: "illustrations/calf-cramp.svg"', 'file: "illustrations/calf-kramp.svg"',
     "chapters[0].illustration.file", "does not exist"),
    ("explainer.yaml", '{clinic_phone}', '{clinic_fone}', None, "did you mean 'clinic_phone'"),
    ("ui.yaml", "  welcome.title:", "  welcome.titel:", 'strings["welcome.titel"]', "did you mean 'welcome.title'"),
    ("ui.yaml", 'es: "Aprenda sobre los calambres"', 'fr: "Apprendre"', 'strings["welcome.learn"].fr',
     "not a setting"),
    ("ui.yaml", 'es: "Para proteger su privacidad, borraremos sus respuestas en {seconds} segundos."',
     'es: "Para proteger su privacidad, borraremos sus respuestas pronto."',
     'strings["idle.message"].es', "same placeholders"),
]


@pytest.mark.parametrize("file,old,new,path,words", BROKEN, ids=[f"{b[0]}:{b[4][:24]}" for b in BROKEN])
def test_each_broken_content_file_is_located_exactly(content_copy, file, old, new, path, words):
    original = (content_copy / file).read_text(encoding="utf-8")
    assert old in original, "the shipped content changed; update this case"
    broken = original.replace(old, new, 1)
    (content_copy / file).write_text(broken, encoding="utf-8")
    content, problems = load_content(content_copy, ("en", "es"), paths.assets_dir())
    assert content is None
    matching = [p for p in problems if words in str(p)]
    assert len(matching) == 1, "\n".join(map(str, problems))
    problem = matching[0]
    assert problem.file.endswith(file)
    if path is not None:
        assert problem.path == path
    else:
        assert re.match(r"chapters\[7\]\.blocks\[\d+\]\.paragraph\.(en|es)$", problem.path), problem.path
    assert problem.line == original[: original.index(old)].count("\n") + 1
    assert problem.fix


def test_yaml_syntax_error_in_content_names_file_and_line(content_copy):
    text = (content_copy / "explainer.yaml").read_text().splitlines(keepends=True)
    text[9] = '      en: "unclosed\n'
    (content_copy / "explainer.yaml").write_text("".join(text))
    _, problems = load_content(content_copy, ("en", "es"), paths.assets_dir())
    assert len(problems) == 1
    assert problems[0].file.endswith("explainer.yaml")
    assert "not valid YAML" in problems[0].message
    assert problems[0].line is not None and problems[0].line >= 10


def test_every_problem_is_collected_not_just_the_first(content_copy):
    survey = (content_copy / "survey.yaml").read_text()
    survey = survey.replace('kind: "count"', 'kind: "counter"').replace('section: "habits"', 'section: "habitz"', 1)
    (content_copy / "survey.yaml").write_text(survey)
    ui = (content_copy / "ui.yaml").read_text().replace("  welcome.title:", "  welcome.titel:")
    (content_copy / "ui.yaml").write_text(ui)
    _, problems = load_content(content_copy, ("en", "es"), paths.assets_dir())
    messages = "\n".join(map(str, problems))
    for expected in ("'counter'", "'habitz'", "welcome.titel", "the string 'welcome.title' is missing"):
        assert expected in messages


def test_body_map_choices_must_match_regions_of_the_picture(content_copy):
    survey = (content_copy / "survey.yaml").read_text().replace('id: "shin_left"', 'id: "knee_left"')
    (content_copy / "survey.yaml").write_text(survey)
    _, problems = load_content(content_copy, ("en", "es"), paths.assets_dir())
    assert any("no region with the id 'knee_left'" in p.message for p in problems)


def test_enabling_a_language_the_content_lacks_is_one_clear_problem(content_copy):
    _, problems = load_content(content_copy, ("en", "fr"), paths.assets_dir())
    assert len(problems) == 1
    assert problems[0].file.endswith("ui.yaml") and problems[0].path == "languages"
