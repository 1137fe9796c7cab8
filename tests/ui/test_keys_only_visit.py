"""A whole visit with keys alone and speech on (spec §7): welcome to a handout printed at a real CUPS queue, in
each language. Qt's mock speech engine records what the kiosk said: every screen's title and every choice, with
their states, in the visit's language; never the first name."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from kiosk.ui.shell import Screen
from tests.printing.cups_server import printed_text
from tests.ui.drive import EVENTUALLY_MS, TYPICAL, gate_of, let_the_answer_show, read_first
from tests.ui.keys_drive import Keys, walk_to_review_with_keys
from tests.ui.test_front_desk import cups_config

pytestmark = pytest.mark.ui

FIRST_NAME = "Begoña"   # typed on a physical keyboard (ñ included); no other word the kiosk says holds it


def heard(said, words: str) -> bool:
    return any(words in text for text, _language in said)


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_keys_only_visit_prints_a_handout_and_every_screen_is_spoken(qtbot, make_window, config, cups,
                                                                        shipped_content, language):
    ui, survey = shipped_content.ui, shipped_content.survey
    queue, output = cups.add_queue()
    window = make_window(site_config=cups_config(config, queue))
    said = []
    window.voice.speaker.said.connect(lambda text, spoken_in: said.append((text, spoken_in)))
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    keys = Keys(qtbot, window)

    keys.choose(window.welcome.language_buttons[language])
    keys.choose(window.welcome.listen_button)                      # speech on, for the whole visit
    qtbot.waitUntil(lambda: heard(said, ui.get("welcome.title", language)), timeout=EVENTUALLY_MS)
    keys.choose(window.welcome.check_button)
    shown = walk_to_review_with_keys(keys, {**TYPICAL, "first_name": FIRST_NAME})
    keys.choose(window.review.finish_button)
    qtbot.waitUntil(lambda: window.handout.state == "ready", timeout=EVENTUALLY_MS)
    keys.choose(window.handout.print_button)
    qtbot.waitUntil(lambda: window.visit.handout_number is not None, timeout=EVENTUALLY_MS)
    assert window.current is Screen.DONE
    done_words = ui.get("done.printing", language, number=window.visit.handout_number)
    qtbot.waitUntil(lambda: heard(said, done_words), timeout=EVENTUALLY_MS)

    printed = " ".join(printed_text(output).split())
    prepared_for = shipped_content.handout.text("prepared_for", language).format(name=FIRST_NAME)
    assert prepared_for in printed                                          # the patient's own, in their language
    assert window.visit.answers["first_name"] == FIRST_NAME

    # Every screen's title, and every choice of every question shown, was spoken in the visit's language.
    assert [text for text, spoken_in in said if spoken_in != language] == []
    for key in ("welcome.title", "review.title", "handout.title"):
        assert heard(said, ui.get(key, language)), key
    for question_id in shown:
        question = survey.question(question_id)
        assert heard(said, question.prompt[language]), question_id
        for choice in question.choices:
            assert heard(said, choice.label[language]), (question_id, choice.id)
    assert heard(said, ui.get("speech.selected", language))                # states: a chosen card said so
    assert heard(said, ui.get("speech.not_selected", language))
    assert [text for text, _ in said if FIRST_NAME.lower() in text.lower()] == []  # the name, never


def test_a_physical_keyboard_types_the_name_and_backspace_erases(qtbot, make_window):
    window = make_window()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    keys = Keys(qtbot, window)
    keys.choose(window.welcome.check_button)
    shown = walk_to_review_with_keys(keys, {**TYPICAL, "first_name": "Ana Maríaa"})
    assert "first_name" in shown
    assert window.visit.answers["first_name"] == "Ana Maríaa"
    keys.choose(window.review.rows["first_name"])                           # change it, from the review
    assert window.question.session.question.id == "first_name"
    entry = window.question.answer_widget
    read_first(qtbot, entry)
    keys.press(Qt.Key_Backspace)                                            # the focus goes to Done
    keys.press(Qt.Key_Return)
    let_the_answer_show(gate_of(entry))
    qtbot.waitUntil(lambda: window.current is Screen.REVIEW, timeout=EVENTUALLY_MS)
    assert window.visit.answers["first_name"] == "Ana María"
