"""One survey question per screen: progress, the question in large type, its answer widget, and
Back / Not sure / Next at the bottom; Start over at the top. The session decides what comes next."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QProgressBar, QSizePolicy, QWidget

from kiosk.content.model import KIND_MULTI
from kiosk.survey.session import SurveySession
from kiosk.ui.layout import button, hbox, label, touch_scroll, vbox
from kiosk.ui.screens.base import KioskScreen
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.answer_widget import AnswerWidget
from kiosk.ui.widgets.registry import ONE_TAP_KINDS, answer_widget_for


class QuestionScreen(KioskScreen):
    next_requested = Signal()
    back_requested = Signal()
    skip_requested = Signal()
    start_over_requested = Signal()

    def __init__(self, content, parent=None):
        super().__init__(content, parent)
        self.session: SurveySession | None = None
        self.answer_widget: AnswerWidget | None = None
        self._theme: Theme | None = None

        self.section_label = label("muted", wrap=False, name="section_label")
        self.progress = QProgressBar()
        self.progress.setTextVisible(False)
        self.progress_label = label("muted", wrap=False, name="progress_label")
        self.start_over_button = button("quiet", on_click=self.start_over_requested.emit, name="start_over_button")
        self.top_row = hbox(self.section_label, 1, self.progress_label, self.progress, self.start_over_button)

        self.prompt = label("heading", name="prompt")
        self.hint = label("muted", name="hint")
        self.answer_holder = QWidget()
        self.answer_layout = vbox(margins=0, parent=self.answer_holder)
        self.scroll = touch_scroll(self.answer_holder)

        self.pinned_holder = QWidget()
        self.pinned_layout = vbox(margins=0, parent=self.pinned_holder)
        self.back_button = button("secondary", on_click=self.back_requested.emit, name="back_button")
        self.skip_button = button("secondary", on_click=self.skip_requested.emit, name="skip_button")
        self.next_button = button("primary", on_click=self.next_requested.emit, name="next_button")
        for action in (self.back_button, self.skip_button, self.next_button):
            keep = action.sizePolicy()
            keep.setRetainSizeWhenHidden(True)
            action.setSizePolicy(keep)
        self.bottom_row = hbox(self.back_button, 1, self.skip_button, 1, self.next_button)
        self.page = vbox(self.top_row, self.prompt, self.hint, self.scroll, self.pinned_holder, self.bottom_row,
                         parent=self)
        self.page.setStretch(3, 1)

    # --- showing a question -------------------------------------------------------------------------

    def show_question(self, session: SurveySession) -> None:
        self.session = session
        question = session.question
        language = self.language
        section = next(s for s in self.content.survey.sections if s.id == question.section)
        self.section_label.setText(section.title[language])
        done, total = session.progress()
        self.progress.setRange(0, total)
        self.progress.setValue(done - 1)
        self.progress_label.setText(self.ui_text("survey.question_of", current=done, total=total))
        self.prompt.setText(question.prompt[language])
        hint = question.hint[language] if question.hint else \
            self.ui_text("survey.pick_all") if question.kind == KIND_MULTI else ""
        self.hint.setText(hint)
        self.hint.setVisible(bool(hint))
        self._replace_answer_widget(answer_widget_for(question, self.content.ui, language, self._theme))
        self.answer_widget.show_answer(session.answer_of(question.id))
        self.skip_button.setVisible(question.skip is not None)
        if question.skip:
            self.skip_button.setText(self.ui_text(f"survey.skip_{question.skip}"))
        self.next_button.setVisible(question.kind not in ONE_TAP_KINDS or session.can_go_next())
        self._update_next()
        self.scroll.verticalScrollBar().setValue(0)

    def _replace_answer_widget(self, widget: AnswerWidget | None) -> None:
        old, self.answer_widget = self.answer_widget, widget
        if old is not None:
            for part in (old, old.pinned_area()):
                if part is not None:
                    part.hide()
                    part.setParent(None)
                    part.deleteLater()
        self.pinned_holder.setVisible(widget is not None and widget.pinned_area() is not None)
        if widget is None:
            return
        widget.changed.connect(self._answer_changed)
        widget.committed.connect(self._committed)
        self.answer_layout.insertWidget(0, widget)
        widget.show()  # Qt would show it only on a queued call; a quick tap must already find it
        pinned = widget.pinned_area()
        if pinned is not None:
            self.pinned_layout.addWidget(pinned)
            pinned.show()

    def _answer_changed(self, value) -> None:
        if value is None:
            self.session.clear_answer()
        else:
            self.session.set_answer(value)
        self._update_next()

    def _committed(self) -> None:
        if self.session.can_go_next():
            self.next_requested.emit()

    def _update_next(self) -> None:
        self.next_button.setEnabled(self.session is not None and self.session.can_go_next())

    # --- shell hooks --------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.start_over_button.setText(self.ui_text("common.start_over"))
        self.back_button.setText(self.ui_text("common.back"))
        self.next_button.setText(self.ui_text("common.next"))
        if self.session is not None and self.session.question is not None:
            self.show_question(self.session)

    def apply_theme(self, theme: Theme) -> None:
        self._theme = theme
        gap, margin = theme.gap_px, theme.margin_px
        self.page.setContentsMargins(margin, margin // 2, margin, margin // 2)
        self.page.setSpacing(gap)
        self.top_row.setContentsMargins(theme.target_px + gap, 0, 0, 0)
        self.top_row.setSpacing(gap)
        self.progress.setFixedSize(round(theme.width * 0.16), max(12, gap))
        for action in (self.back_button, self.skip_button, self.next_button):
            action.setMinimumWidth(round(theme.width * 0.18))
            action.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Fixed)
        if self.session is not None and self.session.question is not None:
            self.show_question(self.session)

    def reset(self) -> None:
        self.session = None
        self._replace_answer_widget(None)
        self.prompt.setText("")
        self.hint.setText("")
