"""The kiosk's voice (spec §7): what a screen says, read aloud in the patient's language, offline.

Qt's QTextToSpeech speaks through the system's own engine: speech-dispatcher with espeak-ng on Linux, the
Windows voices (winrt, sapi) on Windows; `mock` (which only reports what it was asked to say) in the tests.
Starting an engine can take seconds (speech-dispatcher: 1.3-4.4 s measured), so the engine is made the first
time speech is wanted, on a thread of its own, and every request goes to it as a queued signal: a tap never
waits for speech. QtTextToSpeech is imported there too, so a PC without it (or without libpulse0, which it
links on Linux) simply has no speech: `available` turns False with the reason, and the kiosk goes on.

What is said is decided elsewhere (the screen's words, never the typed first name); this module only speaks
it, stops it, repeats it, and sets rate and volume. Nothing spoken is logged.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QLocale, QObject, Qt, QThread, Signal, Slot

log = logging.getLogger("kiosk.speech")

RATES = (-0.4, -0.2, 0.0, 0.2, 0.4)      # QTextToSpeech's -1..1 scale: slower to faster, normal in the middle
VOLUMES = (0.4, 0.6, 0.8, 1.0)
# Voices for patients in the US: a Latin American Spanish voice before Spain's; US English before others.
PREFERRED_TERRITORIES = (QLocale.Country.UnitedStates, QLocale.Country.LatinAmerica,
                         QLocale.Country.Mexico)


def best_locale(available: list[QLocale], language: str) -> QLocale | None:
    """The engine's locale for a language code ("es"): a preferred territory first, then any of the language."""
    wanted = QLocale(language).language()
    matching = [locale for locale in available if locale.language() == wanted]
    for territory in PREFERRED_TERRITORIES:
        for locale in matching:
            if locale.territory() == territory:
                return locale
    return matching[0] if matching else None


class _Voice(QObject):
    """Lives on the speech thread: owns the engine, made on the first request."""

    speaking = Signal(bool)
    started = Signal(bool, str)      # the engine is (not) available, and why not
    said = Signal(str, str)          # text, language: handed to the engine

    def __init__(self, engine_name: str):
        super().__init__()
        self._engine_name = engine_name
        self._engine = None
        self._tried = False
        self._language = ""

    def _make_engine(self):
        self._tried = True
        try:
            from PySide6.QtTextToSpeech import QTextToSpeech
        except ImportError as error:  # no QtTextToSpeech, or a library it links is missing (libpulse0)
            self.started.emit(False, f"speech is not installed ({error})")
            return None
        engines = QTextToSpeech.availableEngines()
        name = self._engine_name or next((e for e in engines if e != "mock"), "")
        if not name or name not in engines:
            self.started.emit(False, f"no speech engine (found: {', '.join(engines) or 'none'})")
            return None
        engine = QTextToSpeech(name, self)
        if engine.state() == QTextToSpeech.State.Error:
            self.started.emit(False, f"the {name} speech engine failed: {engine.errorString()}")
            return None
        Speaking = QTextToSpeech.State.Speaking
        engine.stateChanged.connect(lambda state: self.speaking.emit(state == Speaking))
        self.started.emit(True, name)
        return engine

    @Slot(str, str, float, float)
    def speak(self, text: str, language: str, rate: float, volume: float) -> None:
        if self._engine is None and not self._tried:
            self._engine = self._make_engine()
        if self._engine is None:
            return
        if language != self._language:
            locale = best_locale(self._engine.availableLocales(), language)
            if locale is not None:
                self._engine.setLocale(locale)
            self._language = language
        self._engine.setRate(rate)
        self._engine.setVolume(volume)
        self._engine.say(text)   # say() stops whatever was being read
        self.said.emit(text, language)

    @Slot()
    def stop(self) -> None:
        if self._engine is not None:
            self._engine.stop()

    @Slot()
    def close(self) -> None:
        """On the speech thread, before it ends: no engine signal may reach this object once it is gone."""
        if self._engine is not None:
            self._engine.stateChanged.disconnect()
            self._engine.stop()
            self._engine.deleteLater()
            self._engine = None


class Speaker(QObject):
    """The GUI thread's handle on the voice. Turned on per visit; everything it does returns at once."""

    speaking_changed = Signal(bool)   # the idle clock does not run while speech reads (spec §6)
    available_changed = Signal(bool, str)
    said = Signal(str, str)           # what the engine was given (tests; never logged)
    _speak = Signal(str, str, float, float)
    _stop = Signal()
    _close = Signal()

    def __init__(self, engine_name: str = "", parent: QObject | None = None):
        super().__init__(parent)
        self._engine_name = engine_name
        self._thread: QThread | None = None
        self._voice: _Voice | None = None
        self.available: bool | None = None   # None until the engine has been tried
        self.speaking = False
        self.rate_step = RATES.index(0.0)
        self.volume_step = len(VOLUMES) - 1
        self._last: tuple[str, str] | None = None

    def _ensure_voice(self) -> None:
        if self._thread is not None:
            return
        self._thread = QThread()
        self._thread.setObjectName("speech")
        self._voice = _Voice(self._engine_name)
        self._voice.moveToThread(self._thread)
        self._speak.connect(self._voice.speak)
        self._stop.connect(self._voice.stop)
        self._close.connect(self._voice.close, Qt.BlockingQueuedConnection)
        self._voice.speaking.connect(self._on_speaking)
        self._voice.started.connect(self._on_started)
        self._voice.said.connect(self.said)
        self._thread.finished.connect(self._voice.deleteLater)
        self._thread.start()

    def say(self, text: str, language: str) -> None:
        """Read `text` in `language`, stopping what was being read."""
        if not text.strip():
            return
        self._ensure_voice()
        self._last = (text, language)
        self._speak.emit(text, language, RATES[self.rate_step], VOLUMES[self.volume_step])

    def repeat(self) -> None:
        if self._last is not None:
            self.say(*self._last)

    def stop(self) -> None:
        if self._thread is not None:
            self._stop.emit()

    def forget(self) -> None:
        """A visit ends: stop, and keep nothing of what was said, nor the visit's rate and volume."""
        self.stop()
        self._last = None
        self.rate_step, self.volume_step = RATES.index(0.0), len(VOLUMES) - 1

    def change_rate(self, steps: int) -> None:
        self.rate_step = max(0, min(len(RATES) - 1, self.rate_step + steps))
        self.repeat()

    def change_volume(self, steps: int) -> None:
        self.volume_step = max(0, min(len(VOLUMES) - 1, self.volume_step + steps))
        self.repeat()

    def shutdown(self) -> None:
        if self._thread is not None:
            self._close.emit()          # waits until the engine is stopped and cut off, on its own thread
            self._thread.quit()
            self._thread.wait()
            self._thread = None

    def _on_speaking(self, speaking: bool) -> None:
        if speaking != self.speaking:
            self.speaking = speaking
            self.speaking_changed.emit(speaking)

    def _on_started(self, available: bool, detail: str) -> None:
        self.available = available
        if available:
            log.info("speech.started engine=%s", detail)
        else:
            log.warning("speech.unavailable reason=%s", detail)
        self.available_changed.emit(available, detail)
