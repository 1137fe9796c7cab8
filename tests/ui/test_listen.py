"""Speech for a visit (spec §7), through Qt's mock engine: what is read, in which language, and what never is."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from kiosk.ui.shell import Screen
from tests.ui.drive import EVENTUALLY_MS, answer_current, click, walk_to_review

pytestmark = pytest.mark.ui


@pytest.fixture
def spoken(qtbot):
    """Everything the kiosk hands the speech engine, as (text, language)."""
    said = []

    def record(window):
        window.voice.speaker.said.connect(lambda text, language: said.append((text, language)))
        return said
    return record


def test_listen_reads_each_screen_in_the_visits_language_with_states(qtbot, make_window, spoken, shipped_content):
    ui = shipped_content.ui
    window = make_window()
    said = spoken(window)
    click(qtbot, window.welcome.language_buttons["es"])
    click(qtbot, window.welcome.listen_button)
    qtbot.waitUntil(lambda: bool(said), timeout=EVENTUALLY_MS)
    assert said[-1][1] == "es" and ui.get("welcome.title", "es") in said[-1][0]
    assert window.welcome.listen_button.isChecked()
    click(qtbot, window.welcome.check_button)
    red_flags = next(q for q in shipped_content.survey.questions if q.id == "red_flags")
    qtbot.waitUntil(lambda: red_flags.prompt["es"] in said[-1][0], timeout=EVENTUALLY_MS)
    text, language = said[-1]
    assert language == "es" and red_flags.choices[0].label["es"] in text
    assert ui.get("speech.not_selected", "es") in text                 # each choice with its state
    assert window.question.listen_button.isChecked()                    # still on: for the whole visit


def test_speech_is_off_until_asked_and_off_again_for_the_next_visit(qtbot, make_window, spoken):
    window = make_window()
    said = spoken(window)
    click(qtbot, window.welcome.check_button)
    qtbot.wait(200)
    assert said == [] and window.voice.speaker.available is None       # no engine started for a visit without it
    click(qtbot, window.question.listen_button)
    qtbot.waitUntil(lambda: bool(said), timeout=EVENTUALLY_MS)
    window.end_visit("start_over")
    assert not window.voice.on and not window.welcome.listen_button.isChecked()


def test_the_help_key_reads_where_you_are_and_how_to_move(qtbot, make_window, spoken, shipped_content):
    window = make_window()
    said = spoken(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key_F1)
    qtbot.waitUntil(lambda: bool(said), timeout=EVENTUALLY_MS)
    assert shipped_content.ui.get("speech.help", "en") in said[-1][0]
    assert window.voice.on


def test_the_typed_first_name_is_never_spoken(qtbot, make_window, spoken):
    window = make_window()
    said = spoken(window)
    click(qtbot, window.welcome.listen_button)
    click(qtbot, window.welcome.check_button)
    walk_to_review(qtbot, window, stop_before="first_name")
    answer_current(qtbot, window, "zoraida")
    assert window.current is Screen.REVIEW
    window.voice.focus_moved(window.review)                              # and nothing a focus could read
    qtbot.wait(200)
    assert said and not [text for text, _ in said if "oraida" in text.lower()]


def test_the_idle_clock_waits_while_speech_reads_but_not_for_ever(qtbot, make_window):
    window = make_window()
    assert window.idle.running                     # the welcome screen's quiet time
    window.voice.speaking_changed.emit(True)       # as the speech thread reports it
    assert not window.idle.running
    window.voice.speaking_changed.emit(False)
    assert window.idle.running
    window.idle.set_time_scale(1)                  # a "second" of 1 ms: the cap is 120 ms
    window.voice.speaking_changed.emit(True)       # an engine that never says it has finished
    assert not window.idle.running
    qtbot.waitUntil(lambda: window.idle.running, timeout=EVENTUALLY_MS)   # the answers are still wiped in time


def test_listen_on_the_explainer_reads_the_chapter_and_stays_on(qtbot, make_window, spoken, shipped_content):
    window = make_window()
    said = spoken(window)
    click(qtbot, window.welcome.learn_button)
    click(qtbot, window.explainer.listen_button)
    chapter = shipped_content.explainer.chapters[0]
    qtbot.waitUntil(lambda: bool(said) and chapter.title["en"] in said[-1][0], timeout=EVENTUALLY_MS)
    assert chapter.illustration.alt["en"] in said[-1][0]                  # the picture is described too
    assert all(screen.listen_button.isChecked()
               for screen in (window.welcome, window.explainer, window.question, window.review))


def test_a_control_the_keys_reach_is_read_with_its_place_and_state(qtbot, make_window, spoken, shipped_content):
    window = make_window()
    said = spoken(window)
    click(qtbot, window.welcome.listen_button)
    click(qtbot, window.welcome.check_button)
    card = window.question.answer_widget.controls()["chest_or_breathing"]
    window.voice.focus_moved(card)
    qtbot.waitUntil(lambda: bool(said) and said[-1][0].startswith(card.accessibleName()), timeout=EVENTUALLY_MS)
    assert said[-1][0] == f"{card.accessibleName()}, {shipped_content.ui.get('speech.not_selected', 'en')}"


def test_the_idle_warning_is_a_chime_then_the_words_and_a_touch_stops_them(qtbot, make_window, spoken,
                                                                           shipped_content):
    """Spec §7: with speech on, the idle warning is spoken after a chime; answering it silences what is left."""
    from kiosk.ui.idle import IdleRule

    ui = shipped_content.ui
    window = make_window()
    said = spoken(window)
    click(qtbot, window.welcome.check_button)
    click(qtbot, window.question.listen_button)
    qtbot.waitUntil(lambda: bool(said), timeout=EVENTUALLY_MS)
    played = window.voice.chime.played
    window.idle.set_rule(IdleRule(0, warn=True))                 # quiet at once: "Are you still there?"
    qtbot.waitUntil(lambda: any(ui.get("idle.title", "en") in text for text, _ in said), timeout=EVENTUALLY_MS)
    assert window.voice.chime.played == played + 1               # the chime came first
    window.idle.set_rule(IdleRule(600, warn=True))               # no new warning while the rest is checked
    window.more_time()
    window.voice.warn("Still there?", "en")                      # a warning answered within its chime
    window.more_time()
    qtbot.wait(600)                                              # past the chime's length
    assert not any("Still there?" in text for text, _ in said)   # its words were not said after the touch


def test_a_real_player_plays_the_chime_file(tmp_path):
    """The chime file is a sound a Linux kiosk's own player plays (ALSA's aplay, to the null device here)."""
    import subprocess

    from kiosk.ui.chime import chime_file, player_command

    result = subprocess.run(["aplay", "-q", "-D", "null", str(chime_file())], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stderr
    assert player_command(chime_file(), which=lambda name: None) is None         # no player: no chime, no error
    assert player_command(chime_file(), which=lambda name: f"/usr/bin/{name}")[0] == "/usr/bin/paplay"
