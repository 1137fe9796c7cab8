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


# Content, config and answers files are plain data: tags and anchors/aliases are refused before anything is
# built from them (issue 16: tracebacks, a recursive alias, a 340-byte alias bomb taking 1.2 GB).
import pytest  # noqa: E402

from kiosk.yamldoc import MAX_DEPTH, MAX_DOCUMENT_CHARS  # noqa: E402


@pytest.mark.parametrize("text, line", [
    ('a: !!int "abc"\n', 1),
    ("a: 1\nb: !custom x\n", 2),
    ('a: !!float "zz"\n', 1),
    ("a:\n  b: !!timestamp 2024-99-99\n", 2),
    ("a: !!python/object:os.system x\n", 1),
    ("a: !!map {b: 1}\n", 1),
    ("!!seq [1]\n", 1),
    ("a: !!str 5\n", 1),
])
def test_a_tag_is_a_problem_with_its_line_and_a_fix(text, line):
    doc = load_yaml_text(text, "content/survey.yaml")
    assert doc.data is None
    assert len(doc.problems) == 1
    problem = doc.problems[0]
    assert (problem.file, problem.line) == ("content/survey.yaml", line)
    assert "tag" in problem.message and problem.fix


@pytest.mark.parametrize("text", [
    "a: &a [*a]\n",
    "a: &x 1\nb: *x\n",
    "base: &b {x: 1}\nother:\n  <<: *b\n",
    "a: &a [1]\n",
])
def test_anchors_and_aliases_are_refused_before_anything_is_expanded(text):
    doc = load_yaml_text(text, "config.yaml")
    assert doc.data is None
    assert doc.problems and all(p.file == "config.yaml" and p.line for p in doc.problems)
    assert any("&" in p.message or "*" in p.message for p in doc.problems)


def test_an_alias_bomb_is_refused_at_once():
    levels = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    for level in range(1, 8):
        levels.append(f"a{level}: &a{level} [" + ", ".join([f"*a{level - 1}"] * 9) + "]")
    doc = load_yaml_text("\n".join(levels) + "\n", "answers.yaml")
    assert doc.data is None and doc.problems          # no 1.2 GB, no 30 s: nothing was built


@pytest.mark.parametrize("levels", [MAX_DEPTH + 1, 100, 5000])
def test_deep_nesting_is_a_problem_not_a_recursion_error(levels):
    doc = load_yaml_text("a: " + "[" * levels + "]" * levels + "\n", "f.yaml")
    assert doc.data is None
    assert [p.line for p in doc.problems] == [1]
    assert "nest" in doc.problems[0].message     # libyaml stops 5000 levels itself; ours says the limit


def test_deep_block_nesting_names_the_limit_and_the_path():
    text = "".join("  " * level + f"k{level}:\n" for level in range(MAX_DEPTH + 5))
    doc = load_yaml_text(text, "f.yaml")
    assert str(MAX_DEPTH) in doc.problems[0].message
    assert doc.problems[0].path.startswith("k0.k1.k2")


def test_nesting_up_to_the_limit_is_read():
    depth = MAX_DEPTH - 1
    doc = load_yaml_text("[" * depth + "1" + "]" * depth + "\n", "f.yaml")
    assert not doc.problems


def test_a_file_too_big_for_content_is_a_problem():
    doc = load_yaml_text("a: " + "x" * MAX_DOCUMENT_CHARS + "\n", "f.yaml")
    assert doc.data is None and "too big" in doc.problems[0].message


@pytest.mark.parametrize("text", [
    "a: 2024-13-45\n",             # an impossible date (resolves to a timestamp)
    "a: " + "9" * 5000 + "\n",     # more digits than Python turns into an int
    "<<: {b: 1}\n",                # a merge key without an alias
    "a: =\n",                      # YAML's 'value' key
    "? [1, 2]\n: x\n",             # a list as a key
    "? {a: 1}\n: x\n",
])
def test_values_yaml_cannot_build_are_problems_not_tracebacks(text):
    doc = load_yaml_text(text, "f.yaml")
    assert all(p.file == "f.yaml" for p in doc.problems)


def test_plain_values_still_read_as_before():
    doc = load_yaml_text('a: 1\nb: 1.5\nc: yes\nd: ~\ne: "text"\nf: [1, {g: h}]\n', "f.yaml")
    assert not doc.problems
    assert doc.data == {"a": 1, "b": 1.5, "c": True, "d": None, "e": "text", "f": [1, {"g": "h"}]}


def test_a_path_through_a_number_or_yes_no_key_still_formats():
    # `1.5: x` or `yes: x` as a key, under a mapping that expects language codes (found by the fuzzer)
    assert format_path(("strings", 1.5)) == 'strings["1.5"]'
    assert format_path(("strings", True)) == "strings.True"
    doc = load_yaml_text("strings:\n  1.5: x\n", "f.yaml")
    doc.problem(("strings", 1.5), "not a language")
    assert doc.problems[0].line == 2


def test_a_huge_file_is_refused_without_reading_it(tmp_path):
    from kiosk.yamldoc import load_yaml_file

    big = tmp_path / "survey.yaml"
    with open(big, "wb") as file:
        file.truncate(50 * MAX_DOCUMENT_CHARS)       # sparse: 50 MB that take no disk
    doc = load_yaml_file(big, "content/survey.yaml")
    assert doc.data is None and "too big" in doc.problems[0].message


def test_something_that_is_not_a_regular_file_is_not_read(tmp_path):
    import os

    from kiosk.yamldoc import load_yaml_file

    fifo = tmp_path / "config.yaml"
    os.mkfifo(fifo)                                    # reading it would wait forever
    doc = load_yaml_file(fifo, "config.yaml")
    assert "not a regular file" in doc.problems[0].message


def test_the_quick_check_and_the_full_scan_agree_on_what_is_plain():
    """Every file takes the quick check (_plain_data_only); only what it doubts goes to the full scan, which
    reports each refusal with its path. So the quick check must never pass what the full scan refuses."""
    from pathlib import Path

    from kiosk.yamldoc import MAX_DEPTH, _plain_data_only, _scan_for_non_plain_data

    shipped = [path.read_text(encoding="utf-8") for path in Path(__file__).parent.parent.glob("content/*.yaml")]
    cases = shipped + [
        "a: !!int '1'\n", "a: !custom x\n", "a: &x 1\nb: 2\n", "a: &x 1\nb: *x\n", "- &l [1]\n", "? !t k\n: v\n",
        "a: ! x\n", "{a: !!str b}\n", "[*a]\n", "a: {b: &c [d]}\n", "--- !!map\na: 1\n",
        "a: 'Q&A! *not* an alias'\nb: \"¡Hola! &c\"\n", "a: b & c ! d * e\n",
        "[" * MAX_DEPTH + "]" * MAX_DEPTH, "[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1),
        "a:\n" + "".join("  " * level + "- \n" for level in range(1, MAX_DEPTH + 3)),
    ]
    for text in cases:
        assert _plain_data_only(text) == (not _scan_for_non_plain_data(text, "f.yaml")), text
    assert all(_plain_data_only(text) for text in shipped)
    assert not _plain_data_only("a: [1, 2\nb: 3\n")   # a syntax error: the full scan reports it
