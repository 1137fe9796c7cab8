"""The command line, run as IT runs it: a real subprocess where the exit status matters."""

from __future__ import annotations

import subprocess
import sys

import pytest
import yaml

from kiosk import cli
from kiosk.config import load_config
from kiosk.staff_pin import verify_pin
from tests.private_env import private_environment


def kiosk(*args):
    """Run the real command with private platform folders, so no config of this machine leaks in."""
    return subprocess.run([sys.executable, "-m", "kiosk", *args], capture_output=True, text=True, env=ENV)


ENV = {}


@pytest.fixture(autouse=True)
def private_child_environment(tmp_path):
    ENV.clear()
    ENV.update(private_environment(tmp_path / "xdg", QT_QPA_PLATFORM="offscreen"))


def test_check_passes_on_the_shipped_content(private_platform_dirs):
    result = kiosk("check")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("OK: 8 chapters")
    assert len(result.stdout.strip().splitlines()) == 1


def test_check_lists_every_problem_and_exits_1(content_copy, tmp_path):
    survey = (content_copy / "survey.yaml").read_text().replace('kind: "count"', 'kind: "counter"')
    (content_copy / "survey.yaml").write_text(survey)
    config = tmp_path / "config.yaml"
    config.write_text("paper: legal\n")
    result = kiosk("check", "--content", str(content_copy), "--config", str(config))
    assert result.returncode == 1
    assert result.stdout.startswith("2 problems found:")
    assert "config.yaml:1: paper:" in result.stdout
    assert "survey.yaml:" in result.stdout and "questions[3].kind" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_config_example_prints_a_loadable_file(tmp_path):
    result = kiosk("config", "--example")
    assert result.returncode == 0
    assert yaml.safe_load(result.stdout)["printer"] == ("qt" if sys.platform.startswith("win") else "cups")


def test_config_shows_the_file_in_use(tmp_path):
    path = tmp_path / "site.yaml"
    path.write_text('kiosk_name: "North lobby"\n')
    result = kiosk("config", "--config", str(path))
    assert result.returncode == 0
    assert f"config file: {path}" in result.stdout
    assert "kiosk_name: North lobby" in result.stdout


def test_set_pin_writes_only_a_hash_and_keeps_comments(tmp_path, monkeypatch):
    path = tmp_path / "config.yaml"
    path.write_text("# IT notes: lobby PC 3\nkiosk_name: Lobby\n")
    answers = iter(["4826", "4826"])
    monkeypatch.setattr(cli.getpass, "getpass", lambda prompt="": next(answers))
    assert cli.main(["set-pin", "--config", str(path)]) == 0
    text = path.read_text()
    assert text.startswith("# IT notes: lobby PC 3\n")
    assert "4826" not in text
    config, problems = load_config(path)
    assert problems == [] and verify_pin("4826", config.staff_pin_hash)


def test_set_pin_refuses_mismatch_and_short_pins(tmp_path, monkeypatch):
    path = tmp_path / "config.yaml"
    for answers in (["12", "12"], ["4826", "4827"]):
        feed = iter(answers)
        monkeypatch.setattr(cli.getpass, "getpass", lambda prompt="", feed=feed: next(feed))
        assert cli.main(["set-pin", "--config", str(path)]) == 2
    assert not path.exists()


def test_screenshot_writes_a_png_of_the_requested_size(tmp_path):
    out = tmp_path / "welcome.png"
    result = kiosk("screenshot", "--screen", "welcome", "--size", "1280x800", "--lang", "es", "-o", str(out))
    assert result.returncode == 0, result.stderr
    data = out.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert int.from_bytes(data[16:20], "big") == 1280 and int.from_bytes(data[20:24], "big") == 800


def test_screenshot_of_an_unknown_screen_fails_clearly(tmp_path):
    result = kiosk("screenshot", "--screen", "nope", "-o", str(tmp_path / "x.png"))
    assert result.returncode == 2
    assert "Unknown screen" in result.stderr


def test_text_prints_the_explainer_a_paragraph_a_line(shipped_content):
    result = kiosk("text", "--lang", "es", "--part", "explainer")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    first = shipped_content.explainer.chapters[0]
    assert lines[0] == first.title["es"]
    assert first.blocks[0].text["es"] in lines
    assert any("Demo Pain Clinic" in line for line in lines)   # placeholders filled from the config
    assert not any("{clinic_name}" in line for line in lines)
    assert all(line.strip() for line in lines)


def test_text_prints_the_survey_in_the_order_asked(shipped_content):
    result = kiosk("text", "--lang", "en", "--part", "survey")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    survey = shipped_content.survey
    assert lines[0] == survey.sections[0].title["en"]
    assert lines[1] == survey.question("red_flags").prompt["en"]
    first_name = survey.question("first_name").prompt["en"]
    assert lines.index(survey.question("cramp_any").prompt["en"]) < lines.index(first_name)
    assert survey.question("cramp_worst_pain").high_label["en"] in lines


# Issue 16 item 8: set-pin on a flow-style config, or one ending in `...`, wrote invalid YAML and still said
# "Staff PIN set"; on a symlinked config it replaced the link with a file.
def _set_pin(monkeypatch, path, pin="4826"):
    answers = iter([pin, pin])
    monkeypatch.setattr(cli.getpass, "getpass", lambda prompt="": next(answers))
    return cli.main(["set-pin", "--config", str(path)])


@pytest.mark.parametrize("text", [
    '{kiosk_name: "North lobby", paper: a4}\n',
    '{kiosk_name: "North lobby", paper: a4}',
    "{}\n",
    'kiosk_name: "North lobby"\npaper: a4\n...\n',
    'kiosk_name: "North lobby"\n...\n# end of the file\n',
    '---\nkiosk_name: "North lobby"\n',
    '# only a comment',
    'kiosk_name: "North lobby"\nstaff_pin_hash: "scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$'
    'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="\n',
])
def test_set_pin_writes_a_config_that_loads_back_with_the_same_values(tmp_path, monkeypatch, text):
    import yaml

    path = tmp_path / "config.yaml"
    path.write_text(text)
    before = yaml.safe_load(text) or {}
    assert _set_pin(monkeypatch, path) == 0
    config, problems = load_config(path)
    assert problems == [] and verify_pin("4826", config.staff_pin_hash)
    after = yaml.safe_load(path.read_text())
    assert {key: value for key, value in after.items() if key != "staff_pin_hash"} == \
        {key: value for key, value in before.items() if key != "staff_pin_hash"}


def test_set_pin_refuses_what_it_cannot_write_back_and_changes_nothing(tmp_path, monkeypatch, capsys):
    path = tmp_path / "config.yaml"
    text = '{kiosk_name: "North lobby", # a comment inside the braces\n paper: a4}\n'
    path.write_text(text)
    from kiosk import config_file

    monkeypatch.setattr(config_file, "with_pin_line", lambda text, pin_hash: text + "staff_pin_hash: x\n")
    assert _set_pin(monkeypatch, path) == 1
    assert path.read_text() == text
    err = capsys.readouterr().err
    assert "Nothing was changed" in err and "Staff PIN set" not in err


def test_set_pin_writes_through_a_symlinked_config_to_its_target(tmp_path, monkeypatch):
    target = tmp_path / "managed" / "kiosk.yaml"
    target.parent.mkdir()
    target.write_text('kiosk_name: "North lobby"\n')
    link = tmp_path / "config.yaml"
    link.symlink_to(target)
    assert _set_pin(monkeypatch, link) == 0
    assert link.is_symlink() and link.resolve() == target.resolve()
    config, problems = load_config(target)
    assert problems == [] and verify_pin("4826", config.staff_pin_hash)
