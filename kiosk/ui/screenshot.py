"""`kiosk screenshot`: render any screen offscreen at a given size, for the README, reviews and tests."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from kiosk.problems import Problem, format_report

SCREENS = ("welcome", "explainer", "explainer-menu", "survey", "review", "handout", "alert-emergency", "alert-urgent",
           "done", "idle-warning", "start-over", "keys", "staff-pin", "staff", "staff-exit", "error")

EXAMPLE_PROBLEMS = [
    Problem("content/survey.yaml", "questions[12].show_if.question", "'diabetis' is not a question id "
            "(did you mean 'diabetes'?)", "Use the id of a question in survey.yaml.", 212),
    Problem("config.yaml", "idle.countdown_seconds", "idle countdown_seconds is 5, but it must be from 20 to 120",
            "Use a number from 20 to 120.", 14),
]


def render_screenshot(screen: str, output: Path, size=(1920, 1080), language=None, text_size=None,
                      high_contrast=False, config_arg=None, content_arg=None, page=1, question=None) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if screen not in SCREENS:
        print(f"Unknown screen {screen!r}. Screens: {', '.join(SCREENS)}", file=sys.stderr)
        return 2
    from kiosk.startup import load_everything
    from kiosk.ui.app import make_application

    loaded = load_everything(config_arg, content_arg)
    app = make_application()
    if screen == "error":
        image = grab_error_screen(loaded.problems or EXAMPLE_PROBLEMS, size)
    elif not loaded.ok:
        print(format_report(loaded.problems), file=sys.stderr)
        return 1
    else:
        if language and language not in loaded.content.languages:
            print(f"Language {language!r} is not enabled ({', '.join(loaded.content.languages)})", file=sys.stderr)
            return 2
        chapters = len(loaded.content.explainer.chapters)
        if screen == "explainer" and not 1 <= page <= chapters:
            print(f"--page must be from 1 to {chapters}", file=sys.stderr)
            return 2
        survey = loaded.content.survey
        if screen == "survey" and question is not None and not survey.has_question(question):
            print(f"--question must be a question id, like {survey.questions[0].id}", file=sys.stderr)
            return 2
        if screen == "survey" and question is None:
            question = survey.questions[0].id   # the first (None would walk to the review)
        config = loaded.config
        if screen in ("staff", "staff-exit", "alert-emergency", "alert-urgent"):
            # sample jobs and alert slips in a throw-away spool, never the kiosk's own (and the alert board below
            # is memory only: no alerts file written)
            import tempfile
            from dataclasses import replace

            from kiosk.config import PrinterSpec

            scratch = Path(tempfile.mkdtemp(prefix="kiosk-screenshot-"))
            config = replace(config, spool_dir=scratch / "spool", printer=PrinterSpec("folder", str(scratch / "out")))
        image = grab_kiosk_screen(config, loaded.content, screen, size, language, text_size, high_contrast,
                                  page, question)
    output.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(output)):
        print(f"Could not write {output}", file=sys.stderr)
        return 1
    app.processEvents()
    print(output)
    return 0


def grab_kiosk_screen(config, content, screen, size, language=None, text_size=None, high_contrast=False, page=1,
                      question=None):
    from kiosk.alerts import AlertBoard
    from kiosk.ui.shell import KioskWindow, Screen

    window = KioskWindow(config, content, size=size, alert_board=AlertBoard())
    try:
        window.show()
        if language:
            window.set_language(language)
        if text_size:
            window.set_text_size(text_size)
        if high_contrast:
            window.set_high_contrast(True)
        window.apply_theme()
        if screen in ("explainer", "explainer-menu"):
            window.go(Screen.EXPLAINER)
            window.explainer.show_chapter(page - 1)
            if screen == "explainer-menu":
                window.explainer.open_menu()
        elif screen in ("survey", "review", "handout", "done"):
            _survey_at(window, question if screen == "survey" else None)
            if screen in ("handout", "done"):
                window.survey_finish()
                _wait_for(lambda: window.handout.state != "preparing")
            if screen == "done":   # shown as after Print, without printing anything
                window.done.show_printing(17)
                window.go(Screen.DONE)
        elif screen in ("alert-emergency", "alert-urgent"):
            flags = ("chest_or_breathing",) if screen == "alert-emergency" else ("one_leg_swollen", "foot_wound")
            window.start_check()
            window.visit.survey.set_answer(flags)
            window.survey_next()
        elif screen == "keys":   # a keys user with speech on: the Listen control on, the focus ring on a choice
            from PySide6.QtCore import Qt

            _survey_at(window, "red_flags")
            window.question.show_listening(True)
            window.keys.active = True
            window.question.first_controls()[1].setFocus(Qt.TabFocusReason)
        elif screen == "idle-warning":
            _survey_at(window, "cramp_any")
            window.overlay.show_countdown(config.idle.countdown_seconds - 3)
        elif screen == "start-over":   # "Erase all your answers?" over a question
            _survey_at(window, "cramp_any")
            window.ask_start_over()
        elif screen == "staff-pin":
            window.open_staff_pin()
            window.staff_pin.press("1")
            window.staff_pin.press("2")
        elif screen in ("staff", "staff-exit"):
            _sample_day(window)
            window.open_staff_pin()
            window.go(Screen.STAFF)
            _wait_for(lambda: len(window.staff.printing.rows) >= 4 and window.staff.printing.status.text()
                      != "Printer: checking…")
            if screen == "staff-exit":   # "Exit the kiosk?" asked
                window.staff.ask_exit()
        return _settle_and_grab(window)
    finally:
        window.shutdown_workers()
        window.detach()
        window.deleteLater()


def _wait_for(condition, seconds: float = 20.0) -> None:
    """Let the worker thread finish (the handout is made off the GUI thread) while Qt delivers its signal."""
    import time

    from PySide6.QtWidgets import QApplication

    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        QApplication.processEvents()
        time.sleep(0.01)


def _sample_day(window) -> None:
    """An alert, and handouts printed, at the printer and waiting: what the staff panel looks like mid-morning."""
    from kiosk.printing.desk import FrontDesk
    from kiosk.printing.spool import SENT

    desk = FrontDesk(window.config).open()
    desk.service.lock.acquire()  # this process stays the sender, so the window shows the jobs as set here
    pdf = b"%PDF-1.4 sample\n%%EOF"
    staff_language = window.content.staff_language
    for language in (*window.content.languages, *window.content.languages)[:3]:   # the sample day's patients
        desk.submit_handout(pdf, pdf, language, staff_language)
    jobs = sorted(desk.jobs(), key=lambda job: job.id)
    desk.spool.update(jobs[0], state="done")
    desk.spool.update(jobs[2], state=SENT, printer_job="Desk-12", reason="paused in CUPS: paper jam")
    desk.spool.failed(jobs[4], "CUPS (the print system) is not running")
    flags = window.content.survey.question("red_flags").choices
    for level in ("urgent", "emergency"):   # one of each, as content names them: they never look alike
        window.alert_board.raise_alert(level, (next(choice.id for choice in flags if choice.alert == level),))
    window._sample_desk = desk  # keeps the lock until the window goes


def _survey_at(window, question_id):
    """The sample patient's answers up to `question_id` (or the review when None), shown as a patient sees it."""
    from kiosk.survey.sample import walk

    window.start_check()
    walk(window.visit.survey, stop_at=question_id)
    window._show_survey_position()


def grab_error_screen(problems, size):
    from PySide6.QtGui import QGuiApplication

    from kiosk.ui.screens.error import ErrorWindow

    window = ErrorWindow(problems)
    window.resize(*size)
    window.show()
    screen = QGuiApplication.primaryScreen()
    window.style_for_size(screen.physicalDotsPerInch() if screen else 96.0)
    image = _settle_and_grab(window)
    window.deleteLater()
    return image


def _settle_and_grab(window):
    from PySide6.QtWidgets import QApplication

    for _ in range(3):
        QApplication.processEvents()
    return window.grab()
