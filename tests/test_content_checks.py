"""`kiosk check` refuses content the kiosk cannot use (issue 16 item 7): pictures outside the assets folder, by
absolute path or through a symbolic link; body maps it cannot hit-test."""

from __future__ import annotations

import shutil

import pytest

from kiosk import paths
from kiosk.content.loader import load_content

LANGUAGES = ("en", "es")


@pytest.fixture
def assets_copy(tmp_path):
    target = tmp_path / "assets"
    shutil.copytree(paths.assets_dir(), target)
    return target


def _replace(file, old, new):
    text = file.read_text(encoding="utf-8")
    assert old in text
    file.write_text(text.replace(old, new, 1), encoding="utf-8")


def _problems(content_copy, assets):
    content, problems = load_content(content_copy, LANGUAGES, assets)
    assert content is None
    return problems


@pytest.mark.parametrize("name, words", [
    ("/etc/passwd.svg", "absolute path"),
    ("../../../../../../etc/x.svg", "out of the assets folder"),
    ("illustrations/../../outside.svg", "out of the assets folder"),
    ("C:/Windows/x.svg", "absolute path"),
    ("illustrations\\\\calf-cramp.svg", "uses '\\'"),
])
def test_an_illustration_outside_the_assets_folder(content_copy, assets_copy, tmp_path, name, words):
    (tmp_path / "outside.svg").write_text("<svg/>")
    _replace(content_copy / "explainer.yaml", 'file: "illustrations/calf-cramp.svg"', f'file: "{name}"')
    problems = _problems(content_copy, assets_copy)
    assert len(problems) == 1
    assert problems[0].file.endswith("explainer.yaml") and problems[0].path.endswith("illustration.file")
    assert words in problems[0].message and problems[0].fix


def test_an_illustration_through_a_symbolic_link(content_copy, assets_copy, tmp_path):
    (tmp_path / "elsewhere.svg").write_text("<svg/>")
    (assets_copy / "illustrations" / "linked.svg").symlink_to(tmp_path / "elsewhere.svg")
    _replace(content_copy / "explainer.yaml", 'file: "illustrations/calf-cramp.svg"',
             'file: "illustrations/linked.svg"')
    problems = _problems(content_copy, assets_copy)
    assert ["symbolic link" in problem.message for problem in problems] == [True]


def test_a_folder_of_illustrations_through_a_symbolic_link(content_copy, assets_copy, tmp_path):
    shutil.move(assets_copy / "illustrations", tmp_path / "pictures")
    (assets_copy / "illustrations").symlink_to(tmp_path / "pictures")
    problems = _problems(content_copy, assets_copy)
    assert problems and all("symbolic link" in problem.message for problem in problems)


def test_a_body_map_without_a_viewbox(content_copy, assets_copy):
    _replace(assets_copy / "illustrations" / "body-map.svg", 'viewBox="0 0 600 800" ', "")
    problems = _problems(content_copy, assets_copy)
    assert len(problems) == 1
    assert problems[0].file.endswith("survey.yaml") and problems[0].path.endswith(".image")
    assert "no viewBox" in problems[0].message


def test_a_body_map_region_drawn_as_a_line(content_copy, assets_copy):
    svg = assets_copy / "illustrations" / "body-map.svg"
    text = svg.read_text()
    start = text.index('<path id="calf_left"')
    end = text.index("/>", start) + 2
    svg.write_text(text[:start] + '<line id="calf_left" x1="0" y1="0" x2="10" y2="10"/>' + text[end:])
    problems = _problems(content_copy, assets_copy)
    assert len(problems) == 1
    assert "<line>" in problems[0].message and "calf_left" in problems[0].message
    assert ".choices[" in problems[0].path


def test_a_body_map_region_with_an_arc(content_copy, assets_copy):
    svg = assets_copy / "illustrations" / "body-map.svg"
    text = svg.read_text()
    start = text.index('<path id="calf_left"')
    d_start = text.index(' d="', start) + 4
    svg.write_text(text[:d_start] + "M10 10 A 5 5 0 0 1 20 20 " + text[d_start:])
    problems = _problems(content_copy, assets_copy)
    assert len(problems) == 1 and "'A'" in problems[0].message


def test_a_body_map_picture_outside_the_assets_folder(content_copy, assets_copy):
    _replace(content_copy / "survey.yaml", 'image: "illustrations/body-map.svg"', 'image: "/tmp/body-map.svg"')
    problems = _problems(content_copy, assets_copy)
    assert len(problems) == 1 and "absolute path" in problems[0].message


def test_text_the_handout_font_cannot_print(content_copy):
    _replace(content_copy / "survey.yaml", 'en: "', 'en: "Đau chân → ')
    problems = _problems(content_copy, paths.assets_dir())
    assert len(problems) == 1
    problem = problems[0]
    assert problem.file.endswith("survey.yaml") and problem.line and problem.path.endswith(".en")
    assert "U+2192" in problem.message and "empty box" in problem.message
    assert "Đ" not in problem.message    # Latin Extended-A is in the font: only what is missing is named


def test_the_clinics_details_are_checked_too(tmp_path):
    from kiosk.config import load_config

    config = tmp_path / "config.yaml"
    config.write_text('clinic:\n  name: "Phòng khám Đau ✚"\n  address: "1 Main St"\n')
    _, problems = load_config(config)
    assert [(problem.path, problem.line) for problem in problems] == [("clinic.name", 2)]
    assert "U+271A" in problems[0].message


def test_spaces_and_invisible_marks_are_not_letters():
    from kiosk.content.check_glyphs import unprintable

    assert unprintable("a\u00a0b\u00adc\u200bd\n\t", frozenset(map(ord, "abcd"))) == []


LONG_TEXT = " ".join(["Stretch your calves slowly and hold each stretch for thirty seconds."] * 120)


def test_kiosk_check_lays_out_the_longest_handout(content_copy, capsys):
    from kiosk import cli

    assert cli.main(["check", "--content", str(content_copy)]) == 0
    _replace(content_copy / "handout.yaml", 'en: "A cramp is a muscle', f'en: "{LONG_TEXT} A cramp is a muscle')
    _replace(content_copy / "handout.yaml", 'es: "Un calambre es', f'es: "{LONG_TEXT} Un calambre es')
    capsys.readouterr()
    assert cli.main(["check", "--content", str(content_copy)]) == 1
    out = capsys.readouterr().out
    assert "handout.yaml: sections: the longest handout runs to" in out and "'en'" in out and "'es'" in out


def test_kiosk_check_finds_a_box_taller_than_a_page(content_copy, capsys, monkeypatch):
    """A part the layout keeps whole (the get-help box) and taller than a page: ReportLab raises LayoutError,
    the handout would not print. The check says so instead of a traceback."""
    from reportlab.platypus.doctemplate import LayoutError

    from kiosk import cli
    from kiosk.handout import render

    def too_tall(spec):
        raise LayoutError("Splitting error(n==1) on page 1")

    monkeypatch.setattr(render, "render_handout_with_layout", too_tall)
    assert cli.main(["check", "--content", str(content_copy)]) == 1
    out = capsys.readouterr().out
    assert "taller than a page" in out and "'en'" in out and "internal error" not in out


def test_an_illustration_that_is_not_a_readable_svg(content_copy, assets_copy):
    (assets_copy / "illustrations" / "calf-cramp.svg").write_text("<svg><g></svg>")
    problems = _problems(content_copy, assets_copy)
    assert len(problems) == 1
    assert "not a readable SVG" in problems[0].message and problems[0].path.endswith("illustration.file")


def test_a_missing_text_names_the_language_as_content_names_it(tmp_path):
    """No list of language names in the code (issue 19): authors read the language's own name from ui.yaml."""
    from kiosk.fields import Fields
    from kiosk.yamldoc import load_yaml_text

    doc = load_yaml_text('title:\n  en: "Leg cramps"\n', "survey.yaml")
    fields = Fields(doc, ("en", "vi"), known_languages={"en": "English", "vi": "Tiếng Việt"})
    assert fields.text(doc.data["title"], ("title",), what="the title") is None
    assert "no Tiếng Việt ('vi') text" in str(doc.problems[0])
    once = load_yaml_text('title: "Leg cramps"\n', "survey.yaml")
    Fields(once, ("en", "vi")).text(once.data["title"], ("title",), what="the title")
    assert "'en: \"...\"' and 'vi: \"...\"'" in once.problems[0].fix


def test_the_staff_language_is_content_and_a_wrong_one_is_located(tmp_path, shipped_content):
    """Which language the front desk reads is declared in ui.yaml (issue 19), not "en" in the code."""
    import shutil

    from kiosk import paths
    from kiosk.content.loader import load_content

    assert shipped_content.staff_language == "en"
    folder = tmp_path / "content"
    shutil.copytree(shipped_content.folder, folder)
    ui = folder / "ui.yaml"
    ui.write_text(ui.read_text(encoding="utf-8").replace("staff_language: en", "staff_language: es"),
                  encoding="utf-8")
    content, problems = load_content(folder, ("en", "es"), paths.assets_dir())
    assert problems == [] and content.staff_language == "es"
    content, _ = load_content(folder, ("en",), paths.assets_dir())
    assert content.staff_language == "en"                       # not enabled: the first enabled language
    ui.write_text(ui.read_text(encoding="utf-8").replace("staff_language: es", "staff_language: fr"),
                  encoding="utf-8")
    _, problems = load_content(folder, ("en", "es"), paths.assets_dir())
    line = ui.read_text(encoding="utf-8").splitlines().index("staff_language: fr") + 1
    assert [(p.path, p.line) for p in problems] == [("staff_language", line)] and "not one of" in str(problems[0])
