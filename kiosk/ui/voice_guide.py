"""Speech for a visit (spec §7): what the Listen control, the Help key and the keys' focus make the kiosk say.

Speech is off until the patient asks for it (Listen, or the Help key) and stays on for the rest of the visit;
the next visit starts without it. While it is on, every screen is read when it opens (its title, texts and
choices with their states, from the screen's model in kiosk/ui/says.py), and a control the keys move to is
read with its state. A new screen stops the old speech. Nothing here knows a screen's widgets or logs a word.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QAbstractButton, QWidget

from kiosk.content.model import UiStrings
from kiosk.ui.says import (ROLE_ACTION, ROLE_TOGGLE, Control, ScreenSays, StateWords, opening_words, spoken_control,
                           withhold)
from kiosk.ui.chime import CHIME_SECONDS, Chime
from kiosk.ui.speech import Speaker


class VoiceGuide(QObject):
    speaking_changed = Signal(bool)
    on_changed = Signal(bool)

    def __init__(self, ui: UiStrings, engine_name: str = "", parent: QObject | None = None,
                 typed_words: Callable[[], tuple[str, ...]] = tuple, chime: Chime | None = None):
        super().__init__(parent)
        self.ui = ui
        self.chime = chime or Chime()
        self._warning: tuple[str, str] | None = None   # words to speak once the chime has sounded
        self._after_chime = QTimer(self, singleShot=True, interval=round(CHIME_SECONDS * 1000))
        self._after_chime.timeout.connect(self._say_warning)
        self._typed_words = typed_words   # the visit's typed first name: withheld from everything said
        self.speaker = Speaker(engine_name, self)
        self.speaker.speaking_changed.connect(self.speaking_changed)
        self.on = False
        self._says: ScreenSays | None = None

    def toggle(self, says: ScreenSays | None) -> None:
        """The Listen control: on reads the screen; off is silence."""
        self._set_on(not self.on)
        if self.on:
            self.read(says)
        else:
            self.speaker.stop()

    def help(self, says: ScreenSays | None) -> None:
        """The Help key: where you are, and how to move (turns speech on for the visit)."""
        self._set_on(True)
        self._says = says or self._says
        if says is not None:
            words = opening_words(says, StateWords.from_ui(self.ui, says.language))
            self._say(" ".join([*words, self.ui.get("speech.help", says.language)]), says.language)

    def screen_shown(self, says: ScreenSays | None) -> None:
        self.stop_warning()
        self._says = says
        self.speaker.stop()
        if self.on:
            self.read(says)

    def warn(self, words: str, language: str) -> None:
        """The idle warning, when speech is on: a chime, then the words (after it, not over it)."""
        if self.on and words:
            self.speaker.stop()
            self.chime.play()
            self._warning = (words, language)
            self._after_chime.start()

    def stop_warning(self) -> None:
        """The patient answered the warning (or the screen changed): its words are not said any more."""
        self._after_chime.stop()
        self._warning = None

    def _say_warning(self) -> None:
        if self._warning is not None:
            words, self._warning = self._warning, None
            self._say(*words)

    def read(self, says: ScreenSays | None) -> None:
        self._says = says or self._says
        if says is not None:
            words = opening_words(says, StateWords.from_ui(self.ui, says.language))
            self._say(" ".join(words), says.language)

    def focus_moved(self, widget: QWidget) -> None:
        """A key moved to this control: said as the screen model says a control (its place from the model, its
        state from the widget as it is now)."""
        if not self.on or self._says is None:
            return
        name = widget.accessibleName() or (widget.text() if isinstance(widget, QAbstractButton) else "")
        if not name:
            return
        checkable = isinstance(widget, QAbstractButton) and widget.isCheckable()
        known = next((control for control in self._says.controls if control.name == name), None)
        control = Control(known.id if known else "", name, known.role if known else ROLE_TOGGLE if checkable
                          else ROLE_ACTION, selected=widget.isChecked() if checkable else None,
                          position=known.position if known else None, enabled=widget.isEnabled())
        language = self._says.language
        self._say(spoken_control(control, StateWords.from_ui(self.ui, language)), language)

    def _say(self, text: str, language: str) -> None:
        """Everything spoken passes here: what the patient typed is never said, on any screen (spec §7)."""
        self.speaker.say(withhold(text, (*self._typed_words(), *(self._says.private if self._says else ()))),
                         language)

    def end_visit(self) -> None:
        self.stop_warning()
        self._set_on(False)
        self._says = None
        self.speaker.forget()

    def shutdown(self) -> None:
        self.speaker.shutdown()

    def _set_on(self, on: bool) -> None:
        if on != self.on:
            self.on = on
            self.on_changed.emit(on)
