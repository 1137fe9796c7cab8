"""The log says a survey started and finished, never one line per question: how many lines a visit left would
tell which branch the patient took (spec §6; issue 16 item 9 counted `survey.position` lines)."""

from __future__ import annotations

import logging

import pytest

from kiosk.logs import setup_logging

pytestmark = pytest.mark.ui


def test_moving_through_questions_adds_no_log_lines(make_window, tmp_path):
    log_file = setup_logging(tmp_path / "logs", level=logging.DEBUG, to_stderr=False)
    window = make_window()
    window.start_check()

    def lines() -> list[str]:
        for handler in logging.getLogger("kiosk").handlers:
            handler.flush()
        return log_file.read_text(encoding="utf-8").splitlines()

    after_first_question = len(lines())
    for _ in range(5):                       # the shell shows the session's question again and again
        window._show_survey_position()
    assert len(lines()) == after_first_question
    assert not any("survey.position" in line for line in lines())


def test_the_staff_pin_pad_keeps_its_lock_across_a_restart(make_window):
    from kiosk.staff_pin import MAX_TRIES

    window = make_window()
    for _ in range(MAX_TRIES):
        window.pin_guard.attempt("9999")
    assert window.pin_guard.seconds_locked() > 0
    assert make_window().pin_guard.seconds_locked() > 0   # a new window reads the same data folder's lock file


def test_the_staff_panels_refresh_after_shutdown_is_dropped_quietly(qtbot, config, shipped_content):
    """`kiosk self-test` printed "cannot schedule new futures after shutdown": the staff panel's refresh timer
    fired on a window whose workers had shut down, waiting to be deleted (issue 16 item 9)."""
    from kiosk.ui.desk_worker import DeskWorker

    worker = DeskWorker(config, shipped_content)
    worker.shutdown()
    worker.refresh()    # no RuntimeError
