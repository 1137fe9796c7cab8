from kiosk.yamldoc import format_path, load_yaml_text


def test_lines_are_recorded_for_every_value():
    doc = load_yaml_text("a: 1\nlist:\n  - x: 2\n  - y: 3\n", "f.yaml")
    assert doc.data == {"a": 1, "list": [{"x": 2}, {"y": 3}]}
    assert doc.line_of(("list", 1, "y")) == 4
    assert doc.line_of(("list", 0, "x")) == 3
    assert doc.line_of(("list", 1, "missing")) == 4  # falls back to the nearest parent


def test_duplicate_key_is_a_problem_on_its_second_line():
    doc = load_yaml_text("a: 1\nb: 2\na: 3\n", "f.yaml")
    assert [(p.path, p.line) for p in doc.problems] == [("a", 3)]
    assert "given twice" in doc.problems[0].message


def test_syntax_error_names_file_and_line():
    doc = load_yaml_text("a: 1\nb: [1, 2\nc: 3\n", "content/ui.yaml")
    assert len(doc.problems) == 1
    problem = doc.problems[0]
    assert problem.file == "content/ui.yaml"
    assert problem.line == 3
    assert "not valid YAML" in problem.message


def test_tab_indentation_gets_a_specific_fix():
    doc = load_yaml_text("a:\n\t- b\n", "f.yaml")
    assert doc.problems[0].line == 2
    assert "spaces, not tabs" in doc.problems[0].fix


def test_paths_read_like_the_file():
    assert format_path(("questions", 12, "show_if", "question")) == "questions[12].show_if.question"
    assert format_path(("strings", "welcome.title", "es")) == 'strings["welcome.title"].es'
