"""The kiosk window: which screen shows, how screens connect, idle handling, staff entry and recovery.

Screens only emit signals; this module alone moves between them, and only along TRANSITIONS.
"""

from __future__ import annotations

import itertools
import logging
from enum import Enum

from PySide6.QtCore import QLocale, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QAbstractButton, QApplication, QStackedWidget, QWidget

from kiosk.config import SiteConfig
from kiosk.content import Content
from kiosk.staff_pin import PinGuard, PinLockFile
from kiosk.ui.activity import ActivityFilter
from kiosk.ui.after_paint import after_next_paint
from kiosk.ui.answer_gate import AnswerGate
from kiosk.ui.input_filter import input_filter
from kiosk.ui.idle import IdleClock, IdleRule
from kiosk.ui.accessible import announce
from kiosk.ui.keys import KeyNavigator
from kiosk.ui.says import ScreenSays, chapter_says, welcome_says, words_says
from kiosk.ui.voice_guide import VoiceGuide
from kiosk.ui.layout import vbox
from kiosk import paths
from kiosk.alerts import FILE_NAME as ALERTS_FILE, AlertBoard, AlertStore
from kiosk.survey.outcome import RED_FLAGS, alert_level
from kiosk.survey.session import SurveySession
from kiosk.ui.screens.alerts import EmergencyScreen, UrgentScreen
from kiosk.ui.desk_worker import DeskWorker
from kiosk.ui.handout_maker import HandoutMaker
from kiosk.ui.screens.explainer import ExplainerScreen
from kiosk.ui.screens.handout_preview import HandoutScreen
from kiosk.ui.screens.question import QuestionScreen
from kiosk.ui.screens.review import DoneScreen, ReviewScreen
from kiosk.ui.screens.confirm import ConfirmOverlay
from kiosk.ui.screens.idle_overlay import IdleOverlay
from kiosk.ui.screens.staff import StaffScreen
from kiosk.ui.screens.staff_pin import StaffPinScreen
from kiosk.ui.screens.welcome import WelcomeScreen
from kiosk.ui.theme import HIGH_CONTRAST, STANDARD, Theme, panel_dpi, stylesheet
from kiosk.visit import Visit

log = logging.getLogger("kiosk.ui")

# If the spool has not answered this long after Print (a stuck disk, a busy worker), the patient is sent to the
# front desk rather than left waiting; the job still prints if it was spooled.
PRINT_ANSWER_MS = 5000


class Screen(Enum):
    WELCOME = "welcome"
    EXPLAINER = "explainer"
    SURVEY = "survey"
    ALERT_EMERGENCY = "alert-emergency"
    ALERT_URGENT = "alert-urgent"
    REVIEW = "review"
    HANDOUT = "handout"
    DONE = "done"
    STAFF_PIN = "staff-pin"
    STAFF = "staff"


# Where each screen may lead. Start over / idle wipe (back to WELCOME) is allowed from everywhere.
TRANSITIONS: dict[Screen, frozenset[Screen]] = {
    Screen.WELCOME: frozenset({Screen.EXPLAINER, Screen.SURVEY, Screen.STAFF_PIN}),
    Screen.EXPLAINER: frozenset({Screen.SURVEY, Screen.STAFF_PIN}),
    Screen.SURVEY: frozenset({Screen.SURVEY, Screen.ALERT_EMERGENCY, Screen.ALERT_URGENT, Screen.REVIEW,
                              Screen.STAFF_PIN}),
    Screen.ALERT_URGENT: frozenset({Screen.SURVEY, Screen.REVIEW, Screen.STAFF_PIN}),
    Screen.ALERT_EMERGENCY: frozenset({Screen.STAFF_PIN}),
    Screen.REVIEW: frozenset({Screen.SURVEY, Screen.HANDOUT, Screen.STAFF_PIN}),
    Screen.HANDOUT: frozenset({Screen.REVIEW, Screen.DONE, Screen.STAFF_PIN}),
    Screen.DONE: frozenset({Screen.STAFF_PIN}),
    Screen.STAFF_PIN: frozenset({Screen.STAFF}),
    Screen.STAFF: frozenset(),
}


def idle_rule(screen: Screen, config: SiteConfig) -> IdleRule | None:
    """How long each screen waits for a touch, and whether it warns first (spec §6)."""
    idle = config.idle
    rules = {
        Screen.WELCOME: IdleRule(idle.explainer_seconds),   # quietly forget a half-chosen language
        Screen.EXPLAINER: IdleRule(idle.explainer_seconds),
        Screen.SURVEY: IdleRule(idle.survey_seconds, warn=True),
        Screen.ALERT_URGENT: IdleRule(idle.survey_seconds, warn=True),
        Screen.REVIEW: IdleRule(idle.survey_seconds, warn=True),
        Screen.HANDOUT: IdleRule(idle.survey_seconds, warn=True),
        Screen.DONE: IdleRule(idle.done_seconds),
        # Screen.ALERT_EMERGENCY has no rule: only staff, with the PIN, clear it.
        Screen.STAFF_PIN: IdleRule(idle.staff_seconds),
        Screen.STAFF: IdleRule(idle.staff_seconds),
    }
    return rules.get(screen)


class KioskWindow(QWidget):
    def __init__(self, config: SiteConfig, content: Content, log_file=None, size: tuple[int, int] | None = None,
                 alert_board: AlertBoard | None = None, handout_maker: HandoutMaker | None = None,
                 desk: DeskWorker | None = None, speech_engine: str = ""):
        super().__init__()
        self.setObjectName("KioskWindow")
        self.setAttribute(Qt.WA_StyledBackground)
        self.setWindowTitle(f"{config.clinic.name} kiosk")
        self.config, self.content = config, content
        self.visit = Visit.fresh(config)
        self.current = Screen.WELCOME
        self._return_from_staff_pin = Screen.WELCOME
        self.emergency_pending = False   # only staff, with the PIN, end an emergency: not idle, not errors
        self._exit_allowed = False
        self._tickets = itertools.count(1)
        self.print_answer_ms = PRINT_ANSWER_MS
        self._theme_key = None
        self._stale_screens: list = []   # screens not yet restyled for the current theme (see apply_theme)
        if size:
            self.resize(*size)

        self.pin_guard = PinGuard(config.staff_pin_hash, store=PinLockFile.in_data_folder())
        self.welcome = WelcomeScreen(content)
        self.explainer = ExplainerScreen(content, config.clinic)
        self.answer_gate = AnswerGate(parent=self)   # taps on a question just shown wait (spec §2.2)
        self.question = QuestionScreen(content, self.answer_gate)
        self.emergency = EmergencyScreen(content)
        self.urgent = UrgentScreen(content)
        self.review = ReviewScreen(content, self.answer_gate)
        self.handout = HandoutScreen(content)
        self.done = DoneScreen(content)
        self.handout_maker = handout_maker or HandoutMaker(config, content, parent=self)
        self.desk = desk or DeskWorker(config, content, parent=self)
        self.staff_pin = StaffPinScreen(self.pin_guard)
        self.alert_board = alert_board or AlertBoard(store=AlertStore(paths.default_data_dir() / ALERTS_FILE))
        self.alert_board.subscribe(self.desk.print_alert_slip)
        self.staff = StaffScreen(config, content, self.pin_guard, log_file, self.alert_board, self.desk)
        self.screens = {Screen.WELCOME: self.welcome, Screen.EXPLAINER: self.explainer, Screen.SURVEY: self.question,
                        Screen.ALERT_EMERGENCY: self.emergency, Screen.ALERT_URGENT: self.urgent,
                        Screen.REVIEW: self.review, Screen.HANDOUT: self.handout, Screen.DONE: self.done,
                        Screen.STAFF_PIN: self.staff_pin, Screen.STAFF: self.staff}
        self.stack = QStackedWidget()
        for screen in self.screens.values():
            self.stack.addWidget(screen)
        vbox(self.stack, margins=0, spacing=0, parent=self)
        self.overlay = IdleOverlay(content, self)
        self.confirm = ConfirmOverlay(self, name="start_over_confirm")

        self.idle = IdleClock(config.idle.countdown_seconds, self)
        self.activity = ActivityFilter(self, corner_px=96)
        self.voice = VoiceGuide(content.ui, speech_engine, self,   # speech, when a patient asks (spec §7)
                                typed_words=lambda: self.visit.typed_words())
        self.keys = KeyNavigator(self, may_choose=self._key_may_choose,
                                 asking=lambda: self.overlay.isVisible() or self.confirm.asking,
                                 typist=lambda: self.question.answer_widget if self.current is Screen.SURVEY else None)
        self._connect()
        self._resize_debounce = QTimer(self, singleShot=True, interval=80)
        self._resize_debounce.timeout.connect(self.apply_theme)
        self.apply_language()
        self.apply_theme()
        self._show(Screen.WELCOME)

    # --- wiring -------------------------------------------------------------------------------------

    def _connect(self) -> None:
        # Every touch and key is activity for the idle clock first, before the key navigator or the answer gate
        # may take it.
        input_filter().listen(self.activity, self.keys, self.answer_gate)
        self.keys.back_pressed.connect(self._back_key)
        self.keys.help_pressed.connect(lambda: self.voice.help(self.screen_says()))
        self.keys.moved.connect(self.voice.focus_moved)
        self.voice.speaking_changed.connect(self.idle.speech_reading)   # spec §6
        for screen in self.screens.values():
            if screen.listen_button is not None:   # every patient screen (spec §7); staff screens are not read
                screen.listen_requested.connect(lambda: self.voice.toggle(self.screen_says()))
                self.voice.on_changed.connect(screen.show_listening)
        self.activity.activity.connect(self.idle.activity)
        self.activity.staff_corner_held.connect(self.open_staff_pin)
        self.activity.touched.connect(self.welcome.patient_touched)   # the attract loop stops (spec §6)
        self.idle.warning_started.connect(self.overlay.show_countdown)
        self.idle.warning_started.connect(self._announce_idle_warning)
        self.idle.countdown.connect(self.overlay.show_countdown)
        self.idle.expired.connect(self._quiet_too_long)
        self.overlay.more_time_requested.connect(self.more_time)

        self.welcome.learn_requested.connect(lambda: self.go(Screen.EXPLAINER))
        self.welcome.check_requested.connect(self.start_check)
        self.explainer.check_requested.connect(self.start_check)
        self.question.next_requested.connect(self.survey_next)
        self.question.back_requested.connect(self.survey_back)
        self.question.skip_requested.connect(self.survey_skip)
        self.question.start_over_requested.connect(self.ask_start_over)
        self.urgent.continue_requested.connect(self._show_survey_position)
        self.urgent.start_over_requested.connect(self.ask_start_over)
        self.emergency.staff_requested.connect(self.open_staff_pin)
        self.review.edit_requested.connect(self.survey_edit)
        self.review.back_requested.connect(self.survey_back)
        self.review.finish_requested.connect(self.survey_finish)
        self.review.start_over_requested.connect(self.ask_start_over)
        self.handout.print_requested.connect(self.print_handout)
        self.handout.change_requested.connect(self._show_survey_position)
        self.handout.start_over_requested.connect(self.ask_start_over)
        self.handout.done_requested.connect(lambda: self.end_visit("done"))
        self.handout_maker.prepared.connect(self._handout_prepared)
        self.handout_maker.prepare_failed.connect(self._handout_failed)
        self.desk.handout_spooled.connect(self._handout_spooled)
        self.desk.handout_not_spooled.connect(self._handout_not_spooled)
        self.desk.handout_job_failed.connect(self._handout_job_failed)
        self.done.done_requested.connect(lambda: self.end_visit("done"))
        self.explainer.back_to_welcome_requested.connect(lambda: self.go(Screen.WELCOME))
        self.explainer.start_over_requested.connect(self.ask_start_over)
        self.explainer.page_shown.connect(lambda index: log.info("explainer.page index=%d", index))
        self.welcome.language_chosen.connect(self.set_language)
        self.welcome.text_size_chosen.connect(self.set_text_size)
        self.welcome.high_contrast_chosen.connect(self.set_high_contrast)
        self.staff_pin.accepted.connect(self._staff_signed_in)
        self.staff_pin.cancelled.connect(self.leave_staff_pin)
        self.staff.back_requested.connect(lambda: self.end_visit("staff"))
        self.staff.exit_requested.connect(self.exit_kiosk)

    def start_background_work(self) -> None:
        """Once the window shows: the print sender, the handout worker's warm-up, the explainer's pages."""
        self.desk.start()
        self.handout_maker.warm_up()
        self.explainer.build_ahead()

    def shutdown_workers(self) -> None:
        """At exit: let the workers finish what they hold (a handout being spooled is not lost)."""
        self.handout_maker.shutdown()
        self.desk.shutdown()
        self.voice.shutdown()

    def detach(self) -> None:
        """Stop listening to the application (tests make many windows in one process)."""
        if QApplication.instance() is not None:
            for listener in (self.activity, self.keys, self.answer_gate):
                input_filter().forget(listener)
            self.explainer.swipe.stop()
        self.idle.stop()

    # --- navigation ---------------------------------------------------------------------------------

    def go(self, target: Screen) -> None:
        if target is not Screen.WELCOME and target not in TRANSITIONS[self.current]:
            raise ValueError(f"no transition from {self.current.value} to {target.value}")
        self._show(target)

    def _show(self, target: Screen) -> None:
        changed = target is not self.current
        if changed:
            self.screens[self.current].left()
        self.current = target
        self.overlay.hide()
        self.confirm.dismiss()
        self._restyle(self.screens[target])   # a screen not restyled since the last theme change: now
        self.stack.setCurrentWidget(self.screens[target])
        self.screens[target].entered()
        self.idle.set_rule(idle_rule(target, self.config))
        # New content. A touch user: the window itself holds the focus, so no control shows a ring (Qt would give
        # it to the first control when the window is activated). A keys user: the screen's first answer, or its
        # first control, has the focus (and speech reads it).
        self.setFocus(Qt.OtherFocusReason)
        if self.keys.active:
            self.keys.focus_first(self.screens[target], self.screens[target].first_controls())
        says = self.screen_says()
        self.voice.screen_shown(says)
        if says is not None:   # a screen reader hears of the new screen (the emergency interrupts)
            announce(self, says.title, urgent=target is Screen.ALERT_EMERGENCY)
        if changed:   # not once per question: the count would tell which branch a patient took (spec §6)
            log.info("screen.shown name=%s", target.value)

    # --- the survey ---------------------------------------------------------------------------------

    def start_check(self) -> None:
        self.visit.survey = SurveySession(self.content.survey)
        self.review.make_rows_ahead()
        log.info("survey.started")
        self._show_survey_position()

    def survey_next(self) -> None:
        session = self.visit.survey
        left = session.question
        session.next()
        if left.id == RED_FLAGS and self._safety_check(session):
            return
        self._show_survey_position()

    def _safety_check(self, session: SurveySession) -> bool:
        """After the safety question: alert staff (once per set of symptoms) and show the safety screen."""
        level, flagged = alert_level(self.content.survey, session.finish())
        if level == "none":
            return False
        # One open alert per visit: later flags update it (same number), never a second one (spec §2.1).
        self.visit.alert_key = self.alert_board.raise_alert(level, flagged, update=self.visit.alert_key).key
        if level == "emergency":
            self.emergency_pending = True
            self.go(Screen.ALERT_EMERGENCY)
        else:
            self._restyle(self.urgent)   # built in the current look (it may not have had its turn yet)
            self.urgent.show_symptoms(flagged)
            # its "Go on" fills the bottom, where Next was: a double tap must not skip the message unseen
            self.answer_gate.arm(self.urgent, self.urgent.continue_button)
            self.go(Screen.ALERT_URGENT)
        return True

    def survey_back(self) -> None:
        if self.visit.survey is None or not self.visit.survey.back():
            self.visit.survey = None
            self.question.reset()
            self._show(Screen.WELCOME)
            return
        self._show_survey_position()

    def survey_skip(self) -> None:
        self.visit.survey.skip()
        self._show_survey_position()

    def survey_edit(self, question_id: str) -> None:
        self.visit.survey.edit(question_id)
        self._show_survey_position()

    def survey_finish(self) -> None:
        """Make the handout off the GUI thread; the preview screen shows at once and fills in when it is ready.
        The worker starts once the screen is painted (kiosk/ui/after_paint.py says why)."""
        log.info("survey.finished")
        self.visit.prepared = None
        ticket = self.visit.ticket = next(self._tickets)
        self.handout.preparing()
        self.go(Screen.HANDOUT)
        after_next_paint(self.handout.preview, lambda: self._prepare_handout(ticket))

    def _prepare_handout(self, ticket: int) -> None:
        if ticket == self.visit.ticket:  # not if the visit ended, or went back to change answers, meanwhile
            self.handout_maker.prepare(ticket, self.visit.answers, self.visit.language)

    def _handout_prepared(self, ticket: int, prepared) -> None:
        if ticket != self.visit.ticket:
            return  # that visit has ended, or its answers changed since: drop these documents unseen
        self.visit.prepared = prepared
        self.handout.show_preview(prepared.preview, prepared.pages)

    def _handout_failed(self, ticket: int) -> None:
        if ticket == self.visit.ticket:
            self.handout.show_failure()

    def print_handout(self) -> None:
        if self.visit.prepared is None:
            return
        self.desk.print_handout(self.visit.ticket, self.visit.prepared.documents, self.visit.language)
        self.done.show_printing(None)
        self.go(Screen.DONE)
        ticket = self.visit.ticket
        QTimer.singleShot(self.print_answer_ms, self, lambda: self._print_not_answered(ticket))

    def _print_not_answered(self, ticket: int) -> None:
        """Never a patient left waiting on the spool: no number yet, so "please ask the front desk"."""
        if ticket == self.visit.ticket and self.current is Screen.DONE and self.visit.handout_number is None:
            log.warning("print.no_answer")
            self.done.show_print_failed()
            self._done_words_changed()

    def _handout_spooled(self, ticket: int, number: int) -> None:
        if ticket == self.visit.ticket:
            self.visit.handout_number = number
            self.done.show_printing(number)
            self._done_words_changed()

    def _handout_not_spooled(self, ticket: int) -> None:
        if ticket == self.visit.ticket:
            self.done.show_print_failed()
            self._done_words_changed()

    def _handout_job_failed(self, number: int) -> None:
        """The printer did not take it: the job waits in the spool, staff see it; the patient asks at the desk."""
        if self.current is Screen.DONE and self.visit.handout_number == number:
            self.done.show_print_failed(number)
            self._done_words_changed()

    def _done_words_changed(self) -> None:
        """The done screen's news came (the handout's number, or "ask at the desk"): heard as well as seen."""
        if self.current is Screen.DONE:
            says = self.screen_says()
            self.voice.screen_shown(says)
            announce(self, " ".join(says.texts))

    def _show_survey_position(self) -> None:
        session = self.visit.survey
        if session.at_review:
            self._restyle(self.review)     # rows and answers are built in the current look (it may not have had
            self.review.show_review(session)   # its turn after a theme change yet)
            self.go(Screen.REVIEW)
        else:
            self._restyle(self.question)
            self.question.show_question(session)
            self.go(Screen.SURVEY)
        # Nothing is logged per question: the count of such lines would tell which branch a patient took (§6)

    # --- speech and keys (spec §7) ------------------------------------------------------------------

    def screen_says(self) -> ScreenSays | None:
        """What the screen in view says, in the visit's language (staff screens: nothing; they are not read)."""
        ui, language, screen = self.content.ui, self.visit.language, self.current
        if screen is Screen.WELCOME:
            return welcome_says(ui, language, self.content.languages)
        if screen is Screen.EXPLAINER:
            return chapter_says(self.content.explainer.chapters[self.explainer.index], language)
        if screen is Screen.SURVEY:
            return self.question.says()
        if screen is Screen.REVIEW:
            return words_says(ui, language, "review.title", "review.hint")
        if screen is Screen.HANDOUT:
            return words_says(ui, language, "handout.title", "handout.hint")
        if screen is Screen.DONE:
            number = {"number": self.done.number} if self.done.number else {}
            return words_says(ui, language, "done.title", self.done.message_key, **number)
        if screen is Screen.ALERT_URGENT:
            return words_says(ui, language, "alert.urgent.title", "alert.urgent.message")
        if screen is Screen.ALERT_EMERGENCY:
            return words_says(ui, language, "alert.emergency.title", "alert.emergency.message",
                              "alert.emergency.desk_told")
        return None

    def _announce_idle_warning(self, seconds: int) -> None:
        ui, language = self.content.ui, self.visit.language
        words = f"{ui.get('idle.title', language)} {ui.get('idle.message', language, seconds=seconds)}"
        announce(self.overlay, words, urgent=True)
        self.voice.warn(words, language)

    def _back_key(self) -> None:
        """Escape / the keypad's Back: the screen's own Back button, as a tap on it would."""
        back = self.screens[self.current].findChild(QAbstractButton, "back_button")
        if back is not None and back.isVisible() and back.isEnabled():
            back.click()

    def _key_may_choose(self, widget: QWidget) -> bool:
        """Enter or Space on a question's control follows the same deliberate-answer rule as a tap (spec §2.2)."""
        return not self.answer_gate.covers(widget) or self.answer_gate.take_choice()


    # --- staff ---------------------------------------------------------------------------------------

    def open_staff_pin(self) -> None:
        if self.current in (Screen.STAFF_PIN, Screen.STAFF):
            return
        log.info("staff.pin_pad_opened from=%s", self.current.value)
        self._return_from_staff_pin = self.current
        self._show(Screen.STAFF_PIN)

    def _staff_signed_in(self) -> None:
        """Staff are in: the emergency is theirs now. Only from the PIN pad (never cleared by a stray signal)."""
        if self.current is not Screen.STAFF_PIN:
            log.warning("staff.sign_in_ignored screen=%s", self.current.value)
            return
        if self.emergency_pending:
            log.info("alert.emergency_cleared_by_staff")
            self.emergency_pending = False
        self.go(Screen.STAFF)

    def _quiet_too_long(self) -> None:
        if self.emergency_pending:
            self._show(Screen.ALERT_EMERGENCY)   # e.g. the PIN pad left open: back to the message, never a wipe
            return
        self.end_visit("idle")

    def leave_staff_pin(self) -> None:
        self._show(self._return_from_staff_pin)

    def end_visit(self, reason: str) -> None:
        """Forget the visit entirely and return to a fresh welcome screen."""
        log.info("visit.ended reason=%s", reason)
        self.visit = Visit.fresh(self.config)
        self.voice.end_visit()
        for screen in self.screens.values():
            screen.reset()
        self.apply_language()
        self.apply_theme()
        self._show(Screen.WELCOME)

    def ask_start_over(self) -> None:
        """Start over asks first when there are answers to lose: "Erase all your answers?", keeping them the
        default (spec §6). With nothing answered yet it just goes back to welcome."""
        if not self.visit.answers:
            self.end_visit("start_over")
            return
        ui, language = self.content.ui, self.visit.language
        self.confirm.ask(ui.get("confirm.start_over.title", language), ui.get("confirm.start_over.keep", language),
                         ui.get("confirm.start_over.erase", language), lambda: self.end_visit("start_over"))

    def more_time(self) -> None:
        log.info("idle.more_time screen=%s", self.current.value)
        self.overlay.hide()
        self.voice.stop_warning()
        self.idle.more_time()

    def recover(self) -> None:
        """After an unexpected error: calmly back to a fresh welcome screen (or the emergency message)."""
        try:
            if self.emergency_pending:
                self._show(Screen.ALERT_EMERGENCY)
                return
            self.end_visit("error")
        except Exception:  # noqa: BLE001 - the recovery itself must never take the kiosk down
            log.exception("app.recovery_failed")

    # --- language and comfort -----------------------------------------------------------------------

    def set_language(self, language: str) -> None:
        if language in self.content.languages:
            self.visit.language = language
            log.info("visit.language code=%s", language)
            self.apply_language()

    def set_text_size(self, percent: int) -> None:
        self.visit.text_percent = percent
        self.apply_theme()

    def set_high_contrast(self, enabled: bool) -> None:
        self.visit.high_contrast = enabled
        self.apply_theme()

    def apply_language(self) -> None:
        for screen in self.screens.values():
            screen.set_language(self.visit.language)
        self.overlay.set_language(self.visit.language)
        # The language a screen reader is told (AT-SPI reads Qt's default locale): the visit's, not the PC's.
        QLocale.setDefault(QLocale(self.visit.language))
        self.setLocale(QLocale(self.visit.language))
        says = self.screen_says()
        self.voice.screen_shown(says)   # with speech on, the screen is read again in its new language
        if says is not None:
            announce(self, says.title)   # and a screen reader hears the change, in the new language

    def theme(self) -> Theme:
        screen = self.screen() or QGuiApplication.primaryScreen()
        dpi = panel_dpi(self.config.screen_dpi, screen.physicalDotsPerInch() if screen else None)
        palette = HIGH_CONTRAST if self.visit.high_contrast else STANDARD
        return Theme(palette, max(self.width(), 640), max(self.height(), 480), dpi, self.visit.text_percent)

    def apply_theme(self) -> None:
        theme = self.theme()
        key = (theme.palette.name, theme.width, theme.height, theme.text_percent)
        if key != self._theme_key:
            self._theme_key = key
            # Each screen has its own stylesheet: restyling every widget of every screen at once (the explainer's
            # pages included) made a text-size tap repaint in 360-950 ms (issue 17). The screen in view is
            # restyled now; the others one per turn of the event loop after it has painted, or when shown.
            self._theme, self._sheet = theme, stylesheet(theme)
            self._stale_screens = list(self.screens.values())
            self.activity.corner_px = theme.target_px + theme.gap_px
            self._restyle(self.screens[self.current])
            for part in (self.overlay, self.confirm):
                part.setStyleSheet(self._sheet)
                part.apply_theme(theme)
            # The others after the screen in view has painted (at startup too: the welcome screen comes ~30 ms
            # sooner); a screen shown before its turn is restyled as it is shown (_show).
            after_next_paint(self.screens[self.current], self._restyle_rest)
        self.welcome.show_comfort(self.visit.text_percent, self.visit.high_contrast)

    def _restyle(self, screen) -> None:
        if screen in self._stale_screens:
            self._stale_screens.remove(screen)
            screen.setAttribute(Qt.WA_StyledBackground)   # the screen paints the page (the window has no sheet)
            screen.setStyleSheet(f"{self._sheet}\n{type(screen).__name__} {{ background: "
                                 f"{self._theme.palette.background}; }}")
            screen.apply_theme(self._theme)

    def _restyle_rest(self) -> None:
        """The screens not in view, one per turn of the event loop (a tap meanwhile waits for one at most)."""
        if self._stale_screens:
            self._restyle(self._stale_screens[0])
            QTimer.singleShot(0, self, self._restyle_rest)

    # --- Qt overrides -------------------------------------------------------------------------------

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        if self.overlay.isVisible():
            self.overlay.setGeometry(self.rect())
        self.confirm.follow_parent()
        self._resize_debounce.start()

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if self._exit_allowed:
            self.detach()
            event.accept()
            return
        log.info("window.close_refused")
        event.ignore()

    def exit_kiosk(self) -> None:
        log.info("staff.exit")
        self._exit_allowed = True
        self.close()
        QApplication.instance().quit()
