"""`kiosk self-test`: proves an installed kiosk (a PyInstaller bundle, or a checkout) works on this machine,
without a screen, a printer or a patient. IT runs it after installing or updating; CI runs it on the bundle.

Offscreen, it loads the config and content in use, renders every screen, makes the sample patient's handout in
each language with the clinician summary, a staff alert slip and a test page, and prints them through a
temporary spool to a temporary folder. Exit 0, or 1 with the step that failed and why. It never touches the
kiosk's own spool or printer."""

from __future__ import annotations

import logging
import os
import shutil
import sys
import tempfile
import time
from dataclasses import replace
from datetime import datetime
from pathlib import Path

SIZE = (1280, 800)


class StepFailed(Exception):
    pass


class ErrorsSeen(logging.Handler):
    """Errors the kiosk logged during a step (e.g. a handout that could not be made behind a calm screen):
    a step that logs one has failed, even if what it drew looked fine."""

    def __init__(self):
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def run_self_test(config_arg=None, content_arg=None, out=sys.stdout) -> int:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"  # the same on a kiosk PC, a server or CI
    from kiosk import __version__, paths

    started = time.perf_counter()
    frozen = "bundle" if getattr(sys, "frozen", False) else "source"
    print(f"kiosk {__version__} self-test ({frozen} at {paths.bundle_root()})", file=out)
    scratch = Path(tempfile.mkdtemp(prefix="kiosk-self-test-"))
    state = {}
    steps = [
        ("config and content", lambda: _load(config_arg, content_arg, scratch, state)),
        ("screens", lambda: _screens(state)),
        ("documents", lambda: _documents(state)),
        ("printing", lambda: _printing(state, scratch)),
    ]
    errors = ErrorsSeen()
    kiosk_log = logging.getLogger("kiosk")
    kiosk_log.addHandler(errors)  # and nothing on stderr: this command says what happened in its own words
    try:
        for name, step in steps:
            began = time.perf_counter()
            errors.records.clear()
            try:
                detail = step()
                if errors.records:
                    first = errors.records[0]
                    raise StepFailed(f"the kiosk logged an error: {first.getMessage()}"
                                     + (f" ({first.exc_info[0].__name__})" if first.exc_info else ""))
            except StepFailed as failure:
                print(f"  FAIL {name}: {failure}", file=out)
                return 1
            except Exception as error:  # noqa: BLE001 - say what broke, in one line, for IT
                print(f"  FAIL {name}: {type(error).__name__}: {error}", file=out)
                return 1
            print(f"  ok   {name}: {detail} ({time.perf_counter() - began:.1f} s)", file=out)
    finally:
        kiosk_log.removeHandler(errors)
        shutil.rmtree(scratch, ignore_errors=True)
    if state.get("printer") is not None and state["printer"].kind == "cups":
        from kiosk.printing.cups import keeps_printed_documents

        warning = keeps_printed_documents()  # patient privacy, not a failure: the kiosk itself works
        if warning:
            print(f"  warn privacy: {warning}", file=out)
    print(f"self-test passed in {time.perf_counter() - started:.1f} s", file=out)
    return 0


def _load(config_arg, content_arg, scratch: Path, state: dict) -> str:
    from kiosk.config import PrinterSpec
    from kiosk.problems import format_report
    from kiosk.startup import load_everything

    loaded = load_everything(config_arg, content_arg)
    if not loaded.ok:
        raise StepFailed("\n" + format_report(loaded.problems))
    # Everything below prints into the scratch folder, whatever printer the config names.
    state["config"] = replace(loaded.config, spool_dir=scratch / "spool", log_dir=scratch / "log",
                              printer=PrinterSpec("folder", str(scratch / "printed")))
    state["content"] = loaded.content
    state["printer"] = loaded.config.printer
    state["screen_config"] = replace(state["config"], spool_dir=scratch / "screens-spool",
                                     printer=PrinterSpec("folder", str(scratch / "screens-printed")))
    return f"{loaded.content.summary()}; config: {loaded.config.source or 'built-in defaults'}"


def _quiet_qt() -> None:
    """The offscreen platform warns once per window that it cannot resize to a size hint; that is expected
    here and would bury the results. Other Qt messages still go to stderr."""
    from PySide6.QtCore import qInstallMessageHandler

    def handler(mode, context, message):
        if "propagateSizeHints" not in message:
            print(f"Qt: {message}", file=sys.stderr)

    qInstallMessageHandler(handler)


def _screens(state: dict) -> str:
    from kiosk.ui.app import make_application

    from kiosk.ui.screenshot import EXAMPLE_PROBLEMS, SCREENS, grab_error_screen, grab_kiosk_screen

    _quiet_qt()
    make_application()
    rendered = []
    for language in state["content"].languages:
        for screen in SCREENS:
            if screen == "error":
                image = grab_error_screen(EXAMPLE_PROBLEMS, SIZE)
            else:
                image = grab_kiosk_screen(state["screen_config"], state["content"], screen, SIZE, language)
            image = image.toImage()
            if image.isNull() or _is_blank(image):
                raise StepFailed(f"the {screen} screen ({language}) rendered blank")
            rendered.append(screen)
    return f"{len(rendered)} screens rendered at {SIZE[0]}x{SIZE[1]} ({', '.join(state['content'].languages)})"


def _is_blank(image) -> bool:
    """One colour everywhere: nothing was drawn. Sampled on a grid (fast, and enough to see text or shapes)."""
    first = image.pixel(0, 0)
    step_x, step_y = max(1, image.width() // 64), max(1, image.height() // 64)
    return all(image.pixel(x, y) == first for x in range(0, image.width(), step_x)
               for y in range(0, image.height(), step_y))


def _documents(state: dict) -> str:
    from kiosk.handout import render_process
    from kiosk.handout.documents import make_documents
    from kiosk.handout.render import MAX_PAGES
    from kiosk.handout.slips import AlertSlip, TestPage, render_alert_slip, render_test_page
    from kiosk.survey.sample import SAMPLE_ANSWERS

    config, content = state["config"], state["content"]
    now = datetime.now()
    if render_process.call(os.getpid) == os.getpid():
        raise StepFailed("the render process did not start: handouts would be made on the kiosk's own threads, "
                         "where a patient's taps can wait behind them (the log says why)")
    pages, documents = [], []
    for language in content.languages:
        made = render_process.call(make_documents, content, config, SAMPLE_ANSWERS, language, now, "Test")
        count = _page_count(made.handout)
        if not 1 <= count <= MAX_PAGES:   # the renderer's limit, which kiosk check holds the content to
            raise StepFailed(f"the {language} handout has {count} pages (1 to {MAX_PAGES} expected)")
        pages.append(f"{language} {count} pages")
        documents.append(("handout", made.handout, language))
        if made.summary is not None:
            if _page_count(made.summary) != 1:
                raise StepFailed("the clinician summary is not one page")
            documents.append(("summary", made.summary, content.staff_language))
    question = content.survey.question("red_flags")
    symptom = question.choices[0]
    slip = render_alert_slip(AlertSlip(1, now, "urgent", (symptom.label[content.staff_language],),
                                       config.kiosk_name, config.paper))
    test_page = render_test_page(TestPage(config.kiosk_name, "self-test", now, config.paper))
    for name, data in (("alert slip", slip), ("test page", test_page)):
        if _page_count(data) != 1:
            raise StepFailed(f"the {name} is not one page")
    documents += [("alert", slip, content.staff_language), ("test", test_page, "")]
    state["documents"] = documents
    return (f"handout {', '.join(pages)} (made in the render process); clinician summary, staff alert slip, "
            "test page 1 page each")


def _page_count(pdf: bytes) -> int:
    from kiosk.qt_pdf import page_count

    if not pdf.startswith(b"%PDF"):
        raise StepFailed("a document is not a PDF")
    return page_count(pdf)


def _printing(state: dict, scratch: Path) -> str:
    from kiosk.printing.desk import FrontDesk
    from kiosk.printing.spool import DONE

    desk = FrontDesk(state["config"]).open()
    for number, (kind, data, language) in enumerate(state["documents"], start=1):
        desk.submit(kind, data, number=number if kind != "test" else 0, language=language)
    if not desk.send_now(20):
        raise StepFailed("another process holds the temporary spool's sender lock")
    not_done = [f"{job.id} {job.state} {job.reason}" for job in desk.jobs() if job.state != DONE]
    if not_done:
        raise StepFailed(f"jobs did not print: {'; '.join(not_done)}")
    printed = list((scratch / "printed").glob("*.pdf"))
    left = list((scratch / "spool" / "jobs").glob("*.pdf"))
    if len(printed) != len(state["documents"]) or left:
        raise StepFailed(f"{len(printed)} of {len(state['documents'])} documents printed, {len(left)} left in "
                         "the spool")
    return f"{len(printed)} documents printed through a temporary spool to a temporary folder; spool empty"
