"""The privacy proof (issue 8): however a visit ends, nothing of it is left behind.

Every way a session ends is driven by real clicks: finished and printed, Start over in the middle of the
survey, and the idle wipe (from the handout preview and from a question). Afterwards:

(a) no answer is readable in the window: every text a person or an accessibility tool could read, in every
    widget (shown or hidden), is free of the typed name and of the answers the review screen showed; no
    choice card is still checked, no answer widget is left, and the handout preview is gone;
(b) no session object survives: after gc.collect(), no SurveySession, PreparedHandout or Documents is alive
    (the fresh visit has no survey), and the visit that ended is gone too;
(c) neither the log (at DEBUG) nor the spool holds answer text, names or answer ids; the printer's output
    folder is checked by file name only (the handout itself carries the name: that is its job).
"""

from __future__ import annotations

import gc
import json
import logging
import weakref
from dataclasses import replace

import pytest
from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QWidget

from kiosk.config import PrinterSpec
from kiosk.handout.documents import Documents
from kiosk.logs import setup_logging
from kiosk.survey.session import SurveySession
from kiosk.ui.handout_maker import PreparedHandout
from kiosk.ui.screens.handout_preview import PagePreview
from kiosk.ui.shell import Screen
from kiosk.ui.widgets.answer_widget import AnswerWidget
from tests.ui.drive import EVENTUALLY_MS, TYPICAL, click, walk_to_review

pytestmark = pytest.mark.ui

NAME = TYPICAL["first_name"]   # "josé"
NAME_FORMS = (NAME, NAME.upper(), NAME.title(), "jose")   # as typed, shown, capitalised, and without its accent
# Answer ids that also name ordinary things the kiosk logs or stores (a job's language, an alert level).
GENERIC_IDS = {"yes", "no", "none", "not_sure", "en", "es"}
SESSION_TYPES = (SurveySession, PreparedHandout, Documents)


# --- what a person (or a screen reader) can read ------------------------------------------------------------


def readable_texts(window) -> list[str]:
    """Every string a person or an accessibility tool could read, from every widget of the window."""
    texts = []
    for widget in [window, *window.findChildren(QWidget)]:
        texts += [widget.windowTitle(), widget.toolTip(), widget.statusTip(), widget.whatsThis(),
                  widget.accessibleName(), widget.accessibleDescription()]
        if isinstance(widget, (QLabel, QAbstractButton)):
            texts.append(widget.text())
        if isinstance(widget, QLineEdit):
            texts += [widget.text(), widget.placeholderText()]
        if isinstance(widget, PagePreview):
            texts.append(widget.message)   # painted on the page, not a label
    return [text for text in texts if text]


def found_in(texts: list[str], secrets) -> list[tuple[str, str]]:
    """(secret, text) for every text containing a secret, in any case."""
    return [(secret, text) for secret in secrets for text in texts if secret.casefold() in text.casefold()]


def ui_words(window) -> set[str]:
    """The kiosk's own interface words (Yes, No, Not sure ...): shown to everyone, so no answer by themselves."""
    return {text.casefold() for strings in window.content.ui.strings.values()
            for text in strings.by_language.values()}


def review_answer_parts(window, baseline: list[str]) -> set[str]:
    """The answers the review screen shows, in parts ("Left calf, Right toes" -> both), that would give the
    visit away: not the question prompts, not interface words, and nothing any fresh window shows anyway."""
    assert window.current is Screen.REVIEW and window.review.rows
    generic = ui_words(window)
    parts = set()
    for row in window.review.rows.values():
        words = row.text()
        assert words and words != row.prompt.text()
        for part in {words, *words.split(", ")}:
            part = part.strip()
            if len(part) >= 3 and part.casefold() not in generic and not found_in(baseline, [part]):
                parts.add(part)
    return parts


def answer_ids(answers: dict) -> set[str]:
    """The choice ids among the answers (type_2, statin, calf_left ...)."""
    ids = set()
    for value in answers.values():
        for item in value if isinstance(value, tuple) else (value,):
            if isinstance(item, str) and item not in GENERIC_IDS and len(item) >= 4:
                ids.add(item)
    return ids


def session_objects() -> list[weakref.ref]:
    """Every live SurveySession, PreparedHandout and Documents (weakly: looking must not keep them alive)."""
    return [weakref.ref(obj) for obj in gc.get_objects() if isinstance(obj, SESSION_TYPES)]


def checked_cards(window) -> list[str]:
    """Checked answer buttons anywhere (the welcome screen's language and comfort buttons are not answers)."""
    return [button.objectName() for button in window.findChildren(QAbstractButton)
            if button.isChecked() and not window.welcome.isAncestorOf(button)]


# --- the log and the spool ----------------------------------------------------------------------------------


@pytest.fixture
def kiosk_log(config):
    """The kiosk's log at DEBUG in config.log_dir, as the kiosk writes it; logging is put back afterwards."""
    logger = logging.getLogger("kiosk")
    handlers, level, propagate = list(logger.handlers), logger.level, logger.propagate
    for handler in handlers:
        logger.removeHandler(handler)   # kept open: they go back after the test
    log_file = setup_logging(config.log_dir, level=logging.DEBUG, to_stderr=False)
    assert log_file is not None
    yield log_file
    for handler in list(logger.handlers):
        logger.removeHandler(handler)
        handler.close()
    for handler in handlers:
        logger.addHandler(handler)
    logger.setLevel(level)
    logger.propagate = propagate


def log_text(config) -> str:
    for handler in logging.getLogger("kiosk").handlers:
        handler.flush()
    return "\n".join(path.read_text(encoding="utf-8") for path in sorted(config.log_dir.rglob("*")) if path.is_file())


def spool_texts(config) -> list[str]:
    """Every spool file's name, and the contents of all but the PDFs (binary and compressed: names only)."""
    texts = []
    for path in sorted(config.spool_dir.rglob("*")):
        texts.append(str(path.relative_to(config.spool_dir)))
        if path.is_file() and path.suffix != ".pdf":
            raw = path.read_bytes()
            texts.append(raw.decode("utf-8", errors="replace"))
            if path.suffix == ".json":
                texts.append(json.dumps(json.loads(raw), ensure_ascii=False))   # \u00e9 written out as é
    return texts


# --- the ways a visit ends ----------------------------------------------------------------------------------


def wait_for_preview(qtbot, window):
    click(qtbot, window.review.finish_button)
    qtbot.waitUntil(lambda: window.handout.state == "ready", timeout=EVENTUALLY_MS)
    assert window.handout.preview.image is not None


def end_finished(qtbot, window, printed):
    wait_for_preview(qtbot, window)
    click(qtbot, window.handout.print_button)
    qtbot.waitUntil(lambda: window.visit.handout_number is not None, timeout=EVENTUALLY_MS)
    qtbot.waitUntil(lambda: len(list(printed.glob("*.pdf"))) == 2, timeout=EVENTUALLY_MS)   # handout and summary
    click(qtbot, window.done.done_button)


def end_start_over(qtbot, window, printed):
    click(qtbot, window.review.rows["medicines"])          # change an answer: back in the survey
    assert window.current is Screen.SURVEY
    assert window.question.answer_widget.cards["statin"].isChecked()
    click(qtbot, window.question.start_over_button)
    click(qtbot, window.confirm.act_button)                # "Erase all your answers?": yes


def wait_for_idle_wipe(qtbot, window):
    visit = window.visit
    window.idle.set_time_scale(5)                          # 5 ms a "second": the wipe comes in well under 1 s
    qtbot.waitUntil(window.overlay.isVisible, timeout=EVENTUALLY_MS)   # "Still there?" first
    qtbot.waitUntil(lambda: window.visit is not visit and window.current is Screen.WELCOME, timeout=EVENTUALLY_MS)


def end_idle_on_handout(qtbot, window, printed):
    wait_for_preview(qtbot, window)
    wait_for_idle_wipe(qtbot, window)


def end_idle_mid_survey(qtbot, window, printed):
    click(qtbot, window.review.rows["cramp_where"])        # the body map, with both regions chosen
    assert window.current is Screen.SURVEY
    assert window.question.answer_widget.cards.cards["calf_left"].isChecked()
    wait_for_idle_wipe(qtbot, window)


ENDINGS = {"finished": end_finished, "start_over": end_start_over, "idle_on_handout": end_idle_on_handout,
           "idle_mid_survey": end_idle_mid_survey}
REASONS = {"finished": "done", "start_over": "start_over", "idle_on_handout": "idle", "idle_mid_survey": "idle"}


@pytest.mark.parametrize("ending", list(ENDINGS))
def test_nothing_of_a_visit_is_left_after_it_ends(qtbot, make_window, config, tmp_path, kiosk_log, ending):
    printed = tmp_path / "printed"
    window = make_window(site_config=replace(config, printer=PrinterSpec("folder", str(printed))))
    baseline = readable_texts(window)
    assert not found_in(baseline, NAME_FORMS)
    before = session_objects()   # none, unless an earlier test in this process leaked one: not this visit's

    click(qtbot, window.welcome.check_button)
    walk_to_review(qtbot, window, TYPICAL)
    answers = window.visit.answers
    assert answers["first_name"] == NAME.title() and answers["diabetes"] == "type_2"
    parts = review_answer_parts(window, baseline)
    # Specific enough to catch a leak: the name and the distinctive answers are all looked for.
    assert NAME.title() in parts and {"Left calf", "Right toes"} <= parts and len(parts) >= 10, parts
    ids = answer_ids(answers)
    assert {"type_2", "statin", "metformin", "calf_left", "toes_right", "5_to_10_min", "kidney"} <= ids
    secrets = [*NAME_FORMS, *parts, *ids]
    session = weakref.ref(window.visit.survey)
    visit = weakref.ref(window.visit)
    del answers

    ENDINGS[ending](qtbot, window, printed)
    qtbot.wait(100)   # back in the event loop, as the kiosk would be: deferred deletes done

    # (a) nothing readable, nothing checked, no answer widget, no preview
    assert window.current is Screen.WELCOME and window.visit.answers == {} and window.visit.survey is None
    assert window.visit.prepared is None and window.visit.handout_number is None
    texts = readable_texts(window)
    assert not found_in(texts, [*NAME_FORMS, *parts])
    assert checked_cards(window) == []
    assert window.findChildren(AnswerWidget) == [] and window.question.answer_widget is None
    assert window.review.rows == {} and window.review.session is None and window.question.session is None
    assert window.handout.preview.image is None and window.handout.state == "empty"
    assert not window.overlay.isVisible()

    # (b) no session object survives
    gc.collect()
    assert session() is None and visit() is None
    earlier = {id(ref()) for ref in before if ref() is not None}
    assert [type(ref()).__name__ for ref in session_objects() if id(ref()) not in earlier] == []

    # (c) neither the log nor the spool holds an answer; the printer's folder names hold none either
    log = log_text(config)
    assert f"visit.ended reason={REASONS[ending]}" in log and "survey.started" in log   # the log is the real one
    assert not found_in([log], secrets)
    assert not found_in(spool_texts(config), secrets)
    if ending == "finished":
        records = [*(config.spool_dir / "jobs").glob("*.json"), *(config.spool_dir / "finished").glob("*.json")]
        assert len(records) == 2   # the jobs' metadata (waiting, or finished) was read
    names = [path.name for path in printed.rglob("*")] if printed.exists() else []
    assert len(names) == (2 if ending == "finished" else 0)
    assert not found_in(names, secrets)
