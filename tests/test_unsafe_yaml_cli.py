"""Issue 16 item 6, end to end: YAML tags, recursive aliases and alias bombs in content, config or answers files
gave tracebacks in `kiosk check`, `kiosk outcome` and `kiosk handout`, and `kiosk run` crashed at startup (a
crash loop under systemd's Restart=always). Each now ends in the problem list, or the staff error screen."""

from __future__ import annotations

import subprocess
import sys
import time

import pytest

from tests.private_env import private_environment

RECURSIVE = "a: &a [*a]\n"
BOMB = "\n".join(["b0: &b0 [x, x, x, x, x, x, x, x, x]"] +
                 [f"b{n}: &b{n} [" + ", ".join([f"*b{n - 1}"] * 9) + "]" for n in range(1, 8)]) + "\n"
TAGGED = 'cramp_any: !!int "abc"\n'


def kiosk(capsys, *args) -> tuple[int, str, str]:
    """The command in-process (quick); a traceback would fail the test with the exception itself."""
    from kiosk import cli

    code = cli.main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_check_lists_unsafe_yaml_in_every_content_file(content_copy, capsys):
    for name, addition in (("survey.yaml", "\nextra: !custom x\n"), ("ui.yaml", "\n" + RECURSIVE),
                           ("handout.yaml", "\n" + BOMB)):
        (content_copy / name).write_text((content_copy / name).read_text() + addition)
    code, out, _ = kiosk(capsys, "check", "--content", str(content_copy))
    assert code == 1
    assert "'!custom' is a YAML tag" in out and "'&a' names a part of the file" in out and "'&b0'" in out
    assert all(name in out for name in ("survey.yaml:", "ui.yaml:", "handout.yaml:"))


@pytest.mark.parametrize("text", [RECURSIVE, BOMB, 'paper: !!timestamp "zz"\n', "paper: !!float zz\n"])
def test_check_lists_unsafe_yaml_in_the_config(tmp_path, capsys, text):
    config = tmp_path / "config.yaml"
    config.write_text(text)
    code, out, _ = kiosk(capsys, "check", "--config", str(config))
    assert code == 1
    assert f"{config}:1:" in out


@pytest.mark.parametrize("command", ["outcome", "handout"])
@pytest.mark.parametrize("text", [TAGGED, RECURSIVE, BOMB, "cramp_any: 2024-13-45\n"])
def test_answers_files_with_unsafe_yaml_are_problems(tmp_path, capsys, command, text):
    answers = tmp_path / "answers.yaml"
    answers.write_text(text)
    extra = ["-o", str(tmp_path / "out.pdf")] if command == "handout" else []
    code, _, err = kiosk(capsys, command, "--answers", str(answers), *extra)
    assert code == 2
    assert f"{answers}:1:" in err


@pytest.mark.parametrize("broken", ["config", "content"])
def test_run_with_unsafe_yaml_shows_the_error_screen(tmp_path, content_copy, broken):
    config = tmp_path / "config.yaml"
    if broken == "config":
        config.write_text(RECURSIVE + 'kiosk_name: !!int "abc"\n' + BOMB)
    else:
        config.write_text(f'content_dir: "{content_copy}"\n')
        survey = content_copy / "survey.yaml"
        survey.write_text(survey.read_text() + "\n" + BOMB)
    env = private_environment(tmp_path / "xdg", QT_QPA_PLATFORM="offscreen")
    err_file = tmp_path / "stderr.txt"
    with open(err_file, "w") as err:
        process = subprocess.Popen([sys.executable, "-m", "kiosk", "run", "--config", str(config)],
                                   stdout=subprocess.DEVNULL, stderr=err, env=env)
        try:
            # The error screen waits for staff: the process stays up after logging the refusal. (The config's
            # log_dir cannot be trusted here, so the refusal is read from stderr.)
            deadline = time.monotonic() + 120
            while process.poll() is None and time.monotonic() < deadline \
                    and "startup.refused" not in err_file.read_text():
                time.sleep(0.2)
            time.sleep(1)
            still_running = process.poll() is None
        finally:
            process.terminate()
            process.wait(timeout=30)
    text = err_file.read_text()
    assert still_running, text
    assert "Traceback" not in text
    assert "startup.refused" in text


def test_an_unforeseen_error_reading_answers_is_a_problem_not_a_traceback(tmp_path, monkeypatch, capsys):
    from kiosk.survey import answers_file

    def broken(question, value):
        raise TypeError("a case no one foresaw")

    monkeypatch.setattr(answers_file, "check_answer", broken)
    answers = tmp_path / "answers.yaml"
    answers.write_text('cramp_any: "yes"\n')
    code, _, err = kiosk(capsys, "outcome", "--answers", str(answers))
    assert code == 2
    assert "could not finish reading this file (an internal error: TypeError)" in err
    assert "no one foresaw" not in err     # the message may quote an answer: only the type is shown


def test_an_unforeseen_error_in_a_content_reader_is_a_problem_in_that_file(content_copy, monkeypatch, capsys):
    from kiosk.content import loader

    def broken(*args):
        raise KeyError("x")

    monkeypatch.setattr(loader, "read_handout", broken)
    code, out, _ = kiosk(capsys, "check", "--content", str(content_copy))
    assert code == 1
    assert "handout.yaml: the kiosk could not finish reading this file (an internal error: KeyError)" in out
