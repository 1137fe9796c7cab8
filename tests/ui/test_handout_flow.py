"""From the review to a printed handout, by touch: the preview, Print, and what happens when things fail."""

from __future__ import annotations

import subprocess
from dataclasses import replace

import pytest

from kiosk.config import PrinterSpec
from kiosk.ui.shell import Screen
from tests.ui.clipping import clipped_texts
from tests.ui.drive import EVENTUALLY_MS, click, walk_to_review

pytestmark = pytest.mark.ui


@pytest.fixture
def folder_config(config, tmp_path):
    return replace(config, printer=PrinterSpec("folder", str(tmp_path / "printed")))


def finish(qtbot, window, language="en"):
    if language != "en":
        click(qtbot, window.welcome.language_buttons[language])
    click(qtbot, window.welcome.check_button)
    walk_to_review(qtbot, window)
    click(qtbot, window.review.finish_button)
    assert window.current is Screen.HANDOUT


def pdf_text(path) -> str:
    return " ".join(subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                                   check=True).stdout.split())


def test_the_preview_screen_is_painted_before_the_handout_worker_starts(qtbot, make_window, folder_config):
    """ReportLab on the worker holds the GIL for tens of ms; a screen change made alongside it was 30-50 ms
    late. The patient's tap on Finish must paint first."""
    from PySide6.QtCore import QEvent, QObject

    window = make_window(site_config=folder_config)
    click(qtbot, window.welcome.check_button)
    walk_to_review(qtbot, window)

    class Painted(QObject):
        seen = False

        def eventFilter(self, obj, event):  # noqa: N802 (Qt override)
            self.seen = self.seen or event.type() == QEvent.Paint
            return False

    painted = Painted()
    window.handout.installEventFilter(painted)
    painted_when_asked = []
    real_prepare = window.handout_maker.prepare
    window.handout_maker.prepare = lambda *args: (painted_when_asked.append(painted.seen), real_prepare(*args))
    click(qtbot, window.review.finish_button)
    qtbot.waitUntil(lambda: painted_when_asked == [True], timeout=EVENTUALLY_MS)
    qtbot.waitUntil(lambda: window.handout.state == "ready", timeout=EVENTUALLY_MS)
    window.handout.removeEventFilter(painted)


def test_start_over_before_the_preview_screen_paints_makes_no_handout(qtbot, make_window, folder_config):
    window = make_window(site_config=folder_config)
    click(qtbot, window.welcome.check_button)
    walk_to_review(qtbot, window)
    asked = []
    window.handout_maker.prepare = lambda *args: asked.append(args)
    click(qtbot, window.review.finish_button)
    click(qtbot, window.handout.start_over_button)   # at once, in the same turn of the event loop
    click(qtbot, window.confirm.act_button)          # "Erase all your answers?": yes
    qtbot.wait(300)  # past the paint, and past the fallback timer
    assert asked == [] and window.current is Screen.WELCOME


@pytest.mark.parametrize("language,title", [("en", "Your plan for leg cramps"),
                                            ("es", "Su plan para los calambres en las piernas")])
def test_finish_previews_the_handout_and_print_sends_it(qtbot, make_window, folder_config, tmp_path, language,
                                                        title):
    window = make_window(site_config=folder_config)
    finish(qtbot, window, language)
    qtbot.waitUntil(lambda: window.handout.state == "ready", timeout=EVENTUALLY_MS)
    assert window.handout.preview.image is not None and not window.handout.preview.image.isNull()
    click(qtbot, window.handout.print_button)
    assert window.current is Screen.DONE
    qtbot.waitUntil(lambda: window.visit.handout_number is not None, timeout=EVENTUALLY_MS)
    number = window.visit.handout_number
    assert window.done.message.text() == window.content.ui.get("done.printing", language, number=number)
    folder = tmp_path / "printed"
    qtbot.waitUntil(lambda: len(list(folder.glob("*.pdf"))) == 2, timeout=EVENTUALLY_MS)
    handout = next(folder.glob(f"*-{number:04d}-handout.pdf"))
    text = pdf_text(handout)
    assert title in text and ("José" in text)  # TYPICAL's first name, typed on the kiosk keyboard
    summary = pdf_text(next(folder.glob(f"*-{number:04d}-summary.pdf")))
    assert "Clinician summary" in summary and "Positive screen" in summary
    names = " ".join(path.name for path in folder.iterdir()).lower()
    assert "jos" not in names and "type_2" not in names
    qtbot.waitUntil(lambda: not list((folder_config.spool_dir / "jobs").glob("*.pdf")), timeout=EVENTUALLY_MS)


def test_print_waits_until_the_handout_is_ready(qtbot, make_window, folder_config, monkeypatch):
    import threading

    import kiosk.handout.documents as maker_module

    gate = threading.Event()
    real = maker_module.make_documents
    monkeypatch.setattr(maker_module, "make_documents", lambda *a, **k: (gate.wait(10), real(*a, **k))[1])
    window = make_window(site_config=folder_config)
    finish(qtbot, window)
    assert window.handout.state == "preparing" and not window.handout.print_button.isEnabled()
    assert window.handout.preview.message == window.content.ui.get("handout.preparing", "en")
    gate.set()
    qtbot.waitUntil(lambda: window.handout.print_button.isEnabled(), timeout=EVENTUALLY_MS)


def test_a_handout_that_arrives_after_start_over_is_dropped(qtbot, make_window, folder_config, monkeypatch):
    import threading

    import kiosk.handout.documents as maker_module

    gate, started, done = threading.Event(), threading.Event(), threading.Event()
    real = maker_module.make_documents

    def slow(*args, **kwargs):
        started.set()
        gate.wait(10)
        try:
            return real(*args, **kwargs)
        finally:
            done.set()

    monkeypatch.setattr(maker_module, "make_documents", slow)
    window = make_window(site_config=folder_config)
    finish(qtbot, window)
    qtbot.waitUntil(started.is_set, timeout=EVENTUALLY_MS)  # the worker is making it
    click(qtbot, window.handout.start_over_button)
    click(qtbot, window.confirm.act_button)          # "Erase all your answers?": yes
    assert window.current is Screen.WELCOME
    gate.set()
    qtbot.waitUntil(done.is_set, timeout=EVENTUALLY_MS)
    qtbot.wait(200)  # let the queued signal arrive
    assert window.visit.prepared is None and window.handout.preview.image is None
    assert window.current is Screen.WELCOME


def test_when_the_handout_cannot_be_made_the_patient_is_sent_to_the_desk(qtbot, make_window, folder_config,
                                                                          monkeypatch, caplog):
    import kiosk.handout.documents as maker_module

    def broken(*args, **kwargs):
        message = "an error quoting the answers: José, type_2"
        raise RuntimeError(message)

    monkeypatch.setattr(maker_module, "make_documents", broken)
    window = make_window(site_config=folder_config)
    finish(qtbot, window)
    qtbot.waitUntil(lambda: window.handout.state == "failed", timeout=EVENTUALLY_MS)
    assert not window.handout.print_button.isVisible()
    assert window.handout.hint.text() == window.content.ui.get("handout.failed", "en")
    assert "José" not in caplog.text and "RuntimeError" in caplog.text
    click(qtbot, window.handout.done_button)
    assert window.current is Screen.WELCOME


def test_a_printer_that_cannot_take_the_job_sends_the_patient_to_the_desk_with_the_number(
        qtbot, make_window, config, tmp_path):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the folder should be")
    window = make_window(site_config=replace(config, printer=PrinterSpec("folder", str(blocked / "printed"))))
    finish(qtbot, window)
    qtbot.waitUntil(lambda: window.handout.state == "ready", timeout=EVENTUALLY_MS)
    click(qtbot, window.handout.print_button)
    qtbot.waitUntil(lambda: window.done.message_key == "done.print_failed_number", timeout=EVENTUALLY_MS)
    number = window.visit.handout_number
    assert window.done.message.text() == window.content.ui.get("done.print_failed_number", "en", number=number)
    waiting = list((config.spool_dir / "jobs").glob(f"*-{number:04d}-handout.pdf"))
    assert len(waiting) == 1  # nothing lost: the job waits in the spool for the printer


def test_a_spool_that_cannot_be_written_still_answers_the_patient(qtbot, make_window, config, tmp_path):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the spool folder should be")
    window = make_window(site_config=replace(config, spool_dir=blocked / "spool"))
    finish(qtbot, window)
    qtbot.waitUntil(lambda: window.handout.state == "ready", timeout=EVENTUALLY_MS)
    click(qtbot, window.handout.print_button)
    qtbot.waitUntil(lambda: window.done.message_key == "done.print_failed", timeout=EVENTUALLY_MS)
    assert window.done.message.text() == window.content.ui.get("done.print_failed", "en")


def test_change_my_answers_goes_back_to_the_review(qtbot, make_window, folder_config):
    window = make_window(site_config=folder_config)
    finish(qtbot, window)
    click(qtbot, window.handout.change_button)
    assert window.current is Screen.REVIEW
    click(qtbot, window.review.finish_button)
    assert window.current is Screen.HANDOUT
    qtbot.waitUntil(lambda: window.handout.state == "ready", timeout=EVENTUALLY_MS)


@pytest.mark.parametrize("size", [(1920, 1080), (1280, 800)])
@pytest.mark.parametrize("language", ["en", "es"])
def test_the_handout_screen_clips_no_text(qtbot, make_window, folder_config, size, language):
    window = make_window(size=size, site_config=folder_config)
    finish(qtbot, window, language)
    qtbot.waitUntil(lambda: window.handout.state == "ready", timeout=EVENTUALLY_MS)
    assert clipped_texts(window.handout) == []


def test_a_spool_that_does_not_answer_sends_the_patient_to_the_desk_not_a_spinner(qtbot, make_window,
                                                                                  folder_config, monkeypatch):
    import threading

    from kiosk.printing.desk import FrontDesk

    stuck = threading.Event()
    real = FrontDesk.submit_handout
    monkeypatch.setattr(FrontDesk, "submit_handout", lambda *a, **k: (stuck.wait(600), real(*a, **k))[1])
    window = make_window(site_config=folder_config)
    window.print_answer_ms = 300
    finish(qtbot, window)
    qtbot.waitUntil(lambda: window.handout.state == "ready", timeout=EVENTUALLY_MS)
    click(qtbot, window.handout.print_button)
    assert window.done.message_key == "done.message"  # at once: the thanks, while the spool works
    qtbot.waitUntil(lambda: window.done.message_key == "done.print_failed", timeout=EVENTUALLY_MS)
    stuck.set()  # the disk comes back: the job is spooled after all, and the number is shown
    qtbot.waitUntil(lambda: window.done.message_key == "done.printing", timeout=EVENTUALLY_MS)
