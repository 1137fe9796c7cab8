"""The kiosk's voice: Qt's mock engine for exact checks, and a real speech-dispatcher with espeak-ng."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QThread

from kiosk.ui.speech import RATES, VOLUMES, Speaker, best_locale
from tests.ui.drive import EVENTUALLY_MS

pytestmark = pytest.mark.ui


@pytest.fixture
def speaker(qapp):
    speaker = Speaker("mock")
    yield speaker
    speaker.shutdown()


def test_the_mock_engine_is_given_the_words_and_speaks_them(qtbot, speaker):
    states = []
    speaker.speaking_changed.connect(states.append)
    with qtbot.waitSignal(speaker.said, timeout=EVENTUALLY_MS) as said:
        speaker.say("Do you have any of these right now?", "en")
    assert said.args == ["Do you have any of these right now?", "en"]
    qtbot.waitUntil(lambda: states == [True, False], timeout=EVENTUALLY_MS)   # it read, then it was done
    assert speaker.available is True and not speaker.speaking


def test_the_engine_lives_on_its_own_thread_not_the_gui_thread(qtbot, speaker):
    with qtbot.waitSignal(speaker.said, timeout=EVENTUALLY_MS):
        speaker.say("Hola", "es")
    assert speaker._voice.thread() is not QThread.currentThread()
    assert speaker._voice.thread().isRunning()


def test_repeat_and_a_slower_rate_say_the_last_words_again(qtbot, speaker):
    said = []
    speaker.said.connect(lambda text, language: said.append((text, language)))
    speaker.say("¿Tiene calambres?", "es")
    speaker.repeat()
    speaker.change_rate(-1)
    qtbot.waitUntil(lambda: len(said) == 3, timeout=EVENTUALLY_MS)
    assert said == [("¿Tiene calambres?", "es")] * 3
    assert RATES[speaker.rate_step] < 0
    for _ in range(10):
        speaker.change_rate(+1)
    assert speaker.rate_step == len(RATES) - 1            # no faster than the fastest


def test_a_visit_ending_forgets_what_was_said_and_the_visits_settings(qtbot, speaker):
    said = []
    speaker.said.connect(lambda *args: said.append(args))
    speaker.say("Your handout is printing.", "en")
    speaker.change_volume(-2)                              # says it again, quieter
    qtbot.waitUntil(lambda: len(said) == 2, timeout=EVENTUALLY_MS)
    speaker.forget()
    speaker.repeat()                                       # nothing to repeat after the visit ended
    speaker.say("Welcome", "en")                           # the next request is the next visit's
    qtbot.waitUntil(lambda: len(said) == 3, timeout=EVENTUALLY_MS)
    assert said[2] == ("Welcome", "en") and speaker.volume_step == len(VOLUMES) - 1


def test_no_engine_means_no_speech_and_no_error(qtbot, qapp):
    speaker = Speaker("no-such-engine")
    with qtbot.waitSignal(speaker.available_changed, timeout=EVENTUALLY_MS) as started:
        speaker.say("Hello", "en")
    assert started.args[0] is False and "no speech engine" in started.args[1]
    speaker.say("Hello again", "en")                       # still nothing, still no error
    speaker.shutdown()


def test_the_best_voice_for_a_us_clinic():
    spain, latin_america, uk, us = (QLocale(name) for name in ("es_ES", "es_419", "en_GB", "en_US"))
    assert best_locale([spain, latin_america, uk, us], "es") == latin_america
    assert best_locale([uk, us], "en") == us
    assert best_locale([spain], "es") == spain
    assert best_locale([uk], "es") is None


REAL_ENGINE = textwrap.dedent("""
    import sys
    from PySide6.QtCore import QCoreApplication, QTimer
    from kiosk.ui.speech import Speaker
    app = QCoreApplication([])
    speaker = Speaker("speechd")
    seen = []
    speaker.available_changed.connect(lambda ok, detail: print("available", ok, detail, flush=True))
    speaker.speaking_changed.connect(lambda speaking: (seen.append(speaking), speaking or app.quit()))
    speaker.say("Hola. Esta es una prueba.", "es")
    QTimer.singleShot(110_000, app.quit)
    app.exec()
    voice = speaker._voice._engine
    names = {locale.name().split("_")[0] for locale in voice.availableLocales()} if voice else set()
    print("languages", "en" in names, "es" in names, flush=True)
    print("spoke", seen == [True, False], flush=True)
    speaker.shutdown()
""")


def test_a_real_speech_dispatcher_with_espeak_ng_speaks_english_and_spanish(tmp_path):
    """speech-dispatcher (started by libspeechd on demand) with espeak-ng, its sound sent to ALSA's null device:
    the engine lists English and Spanish voices and reads a sentence to its end."""
    home = tmp_path / "home"
    config = home / ".config" / "speech-dispatcher"
    config.mkdir(parents=True)
    system = Path("/etc/speech-dispatcher/speechd.conf").read_text()
    config.joinpath("speechd.conf").write_text(
        system.replace('Include "clients/', 'Include "/etc/speech-dispatcher/clients/')
        + '\nAudioOutputMethod "alsa"\nAddModule "espeak-ng" "sd_espeak-ng" "espeak-ng.conf"\n'
          'DefaultModule espeak-ng\n')
    (home / ".asoundrc").write_text("pcm.!default { type null }\nctl.!default { type hw card 0 }\n")
    (home / "run").mkdir(mode=0o700)
    env = {**os.environ, "HOME": str(home), "XDG_CONFIG_HOME": str(home / ".config"),
           "XDG_RUNTIME_DIR": str(home / "run"), "QT_QPA_PLATFORM": "offscreen"}
    try:
        result = subprocess.run([sys.executable, "-c", REAL_ENGINE], env=env, capture_output=True, text=True,
                                timeout=180)
    finally:
        subprocess.run(["pkill", "-u", str(os.getuid()), "-f", f"speech-dispatcher.*{home}"], capture_output=True)
        subprocess.run(["pkill", "-f", "sd_espeak-ng"], capture_output=True)
    assert "available True speechd" in result.stdout, result.stdout + result.stderr[-2000:]
    assert "languages True True" in result.stdout
    assert "spoke True" in result.stdout, result.stdout
