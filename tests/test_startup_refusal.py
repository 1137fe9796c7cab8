"""A broken config or content never shows a traceback: `kiosk run` shows the staff-readable error screen."""

from __future__ import annotations

import os
import subprocess
import sys
import time

from kiosk.config import load_config
from kiosk.problems import format_report


def test_run_with_a_broken_config_shows_the_error_screen_not_a_traceback(tmp_path):
    config = tmp_path / "config.yaml"
    config.write_text(f"paper: legal\nlog_dir: {tmp_path / 'logs'}\n")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "xdg"))
    process = subprocess.Popen([sys.executable, "-m", "kiosk", "run", "--config", str(config)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    time.sleep(3)
    still_running = process.poll() is None      # the error screen waits for staff; it does not exit or crash
    process.terminate()
    out, err = process.communicate(timeout=10)
    assert still_running, err
    assert "Traceback" not in out + err
    assert "startup.refused problems=1" in err


def test_error_screen_shows_the_same_lines_as_kiosk_check(qtbot, tmp_path):
    from kiosk.ui.screens.error import ErrorWindow

    config = tmp_path / "config.yaml"
    config.write_text("paper: legal\ntext_size: 7\n")
    _, problems = load_config(config)
    window = ErrorWindow(problems)
    qtbot.addWidget(window)
    shown = [label.text() for label in window.problem_labels]
    report = format_report(problems)           # what `kiosk check` prints
    assert len(shown) == 2
    assert all(f"- {text}" in report for text in shown)
    assert "2 problems" in window.explain.text()


def test_an_error_screen_with_thousands_of_problems_shows_the_first_and_counts_the_rest(qtbot):
    """5,000 problems (a content file pasted twice, say) took 25 s to paint, one label each (issue 16 item 9)."""
    from kiosk.problems import Problem
    from kiosk.ui.screens.error import MAX_SHOWN, ErrorWindow

    problems = [Problem("content/survey.yaml", f"questions[{n}].id", "'x' is given twice here", "Keep one.", n)
                for n in range(5000)]
    window = ErrorWindow(problems)
    qtbot.addWidget(window)
    assert len(window.problem_labels) == MAX_SHOWN
    assert window.problem_labels[0].text() == str(problems[0])
    assert "5,000 problems" in window.explain.text()
    assert f"{5000 - MAX_SHOWN:,} more" in window.more.text() and "kiosk check" in window.more.text()
    assert not window.more.isHidden()


def test_a_short_list_has_no_more_line(qtbot):
    from kiosk.problems import Problem
    from kiosk.ui.screens.error import ErrorWindow

    window = ErrorWindow([Problem("config.yaml", "paper", "'legal' is not one of the choices")])
    qtbot.addWidget(window)
    assert window.more.text() == ""
