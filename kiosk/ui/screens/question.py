"""One survey question per screen: progress, the question in large type, its answer widget, and
Back / Not sure / Next at the bottom; Start over at the top. The session decides what comes next.

Answering is deliberate (spec §2.2): the shell's AnswerGate ignores taps on a question just shown, and a one-tap
answer stays chosen on screen for a moment before the screen moves on. "Not sure" / "Prefer not to say" is one
card in one place (between Back and Next) on every question that has it, whether the content made it a choice
or the question's skip, and it is recorded as that answer. Choices that do not fit are shown in pages
("Choices 1 of 2"); Next reads "More choices" until the last page.

Each question's answer widget is made once per visit and kept (hidden) until the visit ends, the language or the
look changes: Back, Next and the review's "change" show it again, filled with the answer, instead of building it
anew. While the patient reads a question, the widgets of the questions after it are made one at a time, a pause
between (`_make_ahead`, kiosk/ui/ahead.py), so a tap usually finds the next question's widget ready. Ending the
visit deletes them all: nothing of a visit outlives it (spec §6).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QAccessible, QFont, QFontMetrics
from PySide6.QtWidgets import QProgressBar, QSizePolicy, QWidget

from kiosk.content.model import KIND_MULTI, MULTI_KINDS
from kiosk.survey.session import SurveySession
from kiosk.ui.ahead import piece_timer
from kiosk.ui.accessible import announce, mark_one_of, name_scroll
from kiosk.ui.answer_gate import AnswerGate
from kiosk.ui.widgets.icons import ICON_OVER_TEXT
from kiosk.ui.layout import SpillRow, button, hbox, label, touch_scroll, vbox
from kiosk.ui.says import ScreenSays, StateWords, question_says
from kiosk.ui.screens.base import KioskScreen
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.answer_widget import AnswerWidget
from kiosk.ui.widgets.icons import tick_icon
from kiosk.ui.widgets.listen_button import listen_button, style_listen_button
from kiosk.ui.widgets.more_below import MoreBelow
from kiosk.ui.widgets.registry import ONE_TAP_KINDS, answer_widget_for


class QuestionScreen(KioskScreen):
    next_requested = Signal()
    back_requested = Signal()
    skip_requested = Signal()   # kept for the shell; "Not sure" is now an answer (see _unsure_tapped)
    start_over_requested = Signal()

    def __init__(self, content, gate: AnswerGate | None = None, parent=None):
        super().__init__(content, parent)
        self.session: SurveySession | None = None
        self.answer_widget: AnswerWidget | None = None
        # this visit's answer widgets by question id, all made in one language and look (`_made_in`)
        self._made: dict[str, AnswerWidget] = {}
        self._made_in: tuple[str, Theme] | None = None
        self._ahead = piece_timer(self, self._make_ahead)
        self.gate = gate or AnswerGate(parent=self)
        self._theme: Theme | None = None
        self.unsure_value: str | None = None   # what "Not sure" records on this question, or None

        self.section_label = label("muted", wrap=False, name="section_label")
        self.progress = QProgressBar()
        self.progress.setTextVisible(False)
        self.progress_label = label("muted", wrap=False, name="progress_label")
        self.start_over_button = button("quiet", on_click=self.start_over_requested.emit, name="start_over_button")
        self.listen_button = listen_button(self.listen_requested.emit)
        # the section on the left, progress and Start over on the right; the section above them when both do not fit
        # on one line (large text on a small panel)
        self.top_row = SpillRow([self.section_label, 1], [self.progress_label, self.progress, self.start_over_button])

        self.prompt = label("heading", name="prompt")
        self.hint = label("muted", name="hint")
        self.page_label = label("muted", wrap=False, name="choices_page_label")
        # Listen sits beside the hint, whose words wrap: the top row has no room for it at 150 % text
        self.hint_row = hbox(self.hint, self.page_label, self.listen_button)
        self.hint_row.setAlignment(self.listen_button, Qt.AlignRight | Qt.AlignTop)   # right, with or without a hint
        self.hint_row.setStretch(0, 1)
        self.answer_holder = QWidget()
        self.answer_layout = vbox(margins=0, parent=self.answer_holder)
        self.answer_layout.addStretch(1)   # answers keep their own height; the space left stays below them
        self.scroll = touch_scroll(self.answer_holder)
        self.more_below = MoreBelow(self.scroll)
        self.scroll.viewport().installEventFilter(self)

        self.back_button = button("secondary", on_click=self._back_tapped, name="back_button")
        self.skip_button = button("choice", on_click=self._unsure_tapped, name="skip_button", checkable=True,
                                  wrap=True)
        self.skip_button.set_alignment(Qt.AlignCenter)
        self.next_button = button("primary", on_click=self._next_tapped, name="next_button")
        for action in (self.back_button, self.skip_button, self.next_button):
            keep = action.sizePolicy()
            keep.setRetainSizeWhenHidden(True)
            action.setSizePolicy(keep)
        self.bottom_row = hbox(self.back_button, 1, self.skip_button, 1, self.next_button)
        # "Not sure" sits between Back and Next; when the three do not fit on one line (large text on a small panel)
        # it has its own line above them, in the middle, on every question alike (_fix_action_widths decides)
        self.unsure_row = hbox(1, 1, margins=0)
        self.page = vbox(self.top_row, self.prompt, self.hint_row, self.scroll, self.unsure_row, self.bottom_row,
                         parent=self)
        self.page.setStretch(3, 1)

    # --- showing a question -------------------------------------------------------------------------

    def show_question(self, session: SurveySession) -> None:
        """A new question on screen (the shell moved on, back, or to an answer to change): taps wait."""
        self.gate.cancel()
        self._render(session)
        self.gate.arm(self, self.prompt)

    def _render(self, session: SurveySession) -> None:
        self.session = session
        question = session.question
        language = self.language
        section = next(s for s in self.content.survey.sections if s.id == question.section)
        self.section_label.setText(section.title[language])
        done, total = session.progress()
        self.progress.setRange(0, total)
        self.progress.setValue(done - 1)
        self.progress_label.setText(self.ui_text("survey.question_of", current=done, total=total))
        self.progress.setAccessibleName(self.progress_label.text())
        self.prompt.setText(question.prompt[language])
        name_scroll(self.scroll, question.prompt[language])
        hint = question.hint[language] if question.hint else \
            self.ui_text("survey.pick_all") if question.kind == KIND_MULTI else ""
        self.hint.setText(hint)
        self.hint.setVisible(bool(hint))
        self._replace_answer_widget(self._widget_for(question))
        widget = self.answer_widget
        if widget.page:
            widget.show_page(0)   # a question comes back at its first page of choices
        self.unsure_value = widget.unsure_choice or question.skip
        answer = session.answer_of(question.id)
        widget.show_answer(None if answer is not None and answer == question.skip and
                           answer != widget.unsure_choice else answer)
        self.skip_button.setVisible(self.unsure_value is not None)
        mark_one_of(self.skip_button, question.kind not in MULTI_KINDS)   # "Not sure" is one answer of several
        if self.unsure_value is not None:
            self.skip_button.setText(self.ui_text(f"survey.skip_{self.unsure_value}"))
        self._fit_answers()
        self._update_actions()
        self.scroll.verticalScrollBar().setValue(0)
        self._ahead.start()

    def says(self) -> ScreenSays | None:
        """What this question says (kiosk/ui/says.py), for speech, screen readers and tests."""
        session = self.session
        if session is None or session.question is None:
            return None
        question = session.question
        return question_says(question, self.content.ui, self.language, session.answer_of(question.id),
                             session.progress(), session.can_go_next(), self.unsure_value is not None)

    def first_controls(self) -> list:
        """Keys start at the answers shown (this page of them), in their order."""
        if self.answer_widget is None:
            return []
        return [widget for widget in self.answer_widget.controls().values() if widget.isVisible()]

    def _name_choices(self) -> None:
        """Screen readers get each choice's words and place from the screen model (a card's words sit in an inner
        label, so without this it has no accessible name)."""
        says = self.says()
        if says is None or self.answer_widget is None:
            return
        words = StateWords.from_ui(self.content.ui, self.language)
        controls = self.answer_widget.controls()
        if self.unsure_value is not None:
            controls[self.unsure_value] = self.skip_button
        for control in says.choices:
            widget = controls.get(control.id)
            if widget is not None:
                widget.setAccessibleName(control.name)
                widget.setAccessibleDescription(words.position.format(current=control.position[0],
                                                                      total=control.position[1])
                                                if control.position else "")
        if self.unsure_value is not None and self.unsure_value not in {c.id for c in says.choices}:
            self.skip_button.setAccessibleName(self.skip_button.text())

    # --- answer widgets: made once a visit --------------------------------------------------------

    def _widget_for(self, question) -> AnswerWidget:
        """The question's widget of this visit, made now if it has not been yet."""
        if self._made_in != (self.language, self._theme):
            self._forget_widgets()
            self._made_in = (self.language, self._theme)
        widget = self._made.get(question.id)
        if widget is None:
            widget = answer_widget_for(question, self.content.ui, self.language, self._theme, self.answer_holder)
            widget.hide()   # until it is this question's turn (a child made before its parent shows would show)
            widget.changed.connect(self._answer_changed)
            widget.committed.connect(self._committed)
            self._made[question.id] = widget
        return widget

    def _make_ahead(self) -> None:
        """Make the next question's widget not yet made, after the one on screen, then come back for another
        after a pause: a tap waits for one widget at most."""
        session = self.session
        if session is None or session.question is None or self._made_in != (self.language, self._theme):
            return
        if QAccessible.isActive():
            # With a screen reader on the AT-SPI bus, widgets made ahead stopped the kiosk's events reaching it
            # (the new question's announcement never came; tests/ui/test_accessibility_tree.py): each question's
            # widget is made when it is shown, as a screen reader user's pace allows.
            return
        questions = self.content.survey.questions
        start = questions.index(session.question)
        for question in questions[start + 1:] + questions[:start]:
            if question.id not in self._made:
                widget = self._widget_for(question)
                width, height = self._answer_room()
                widget.fit_to(width, height)   # its pages, ready for when it is shown in this room
                self._ahead.start()
                return

    def _forget_widgets(self) -> None:
        shown = self.answer_widget
        for widget in self._made.values():
            if widget is not shown:
                widget.hide()
                widget.deleteLater()
        self._made.clear()
        self._made_in = None

    def _replace_answer_widget(self, widget: AnswerWidget | None) -> None:
        old, self.answer_widget = self.answer_widget, widget
        if old is widget:
            return
        if old is not None:
            self.answer_layout.removeWidget(old)
            old.hide()
            if old not in self._made.values():   # forgotten (a new visit, language or look): gone with it
                old.deleteLater()
        if widget is None:
            return
        self.answer_layout.insertWidget(0, widget)
        widget.show()  # Qt would show it only on a queued call; a quick tap must already find it

    def _fit_answers(self) -> None:
        """Give the answer widget the space in view, so choices that do not fit go to pages, never below."""
        if self.answer_widget is None:
            return
        self.top_row.arrange()   # new words in the top row: one line or two, before the answers get their room
        self.page.activate()
        if self.answer_widget.fit_to(*self._answer_room()):
            self._update_actions()

    def _answer_room(self) -> tuple[int, int]:
        viewport = self.scroll.viewport()
        margins = self.answer_layout.contentsMargins()
        return (viewport.width() - margins.left() - margins.right(),
                viewport.height() - margins.top() - margins.bottom())

    def _answer_changed(self, value) -> None:
        if value is None:
            self.session.clear_answer()
        else:
            self.session.set_answer(value)
        self._update_actions()

    def _committed(self) -> None:
        """A one-tap answer: keep it in view a moment (taps ignored), then on."""
        if self.session.can_go_next():
            session = self.session
            self.gate.hold_then(lambda: self._move_on(session))

    def _move_on(self, session: SurveySession) -> None:
        if session is self.session and session.question is not None and session.can_go_next() \
                and self.isVisible():
            self.next_requested.emit()

    def _unsure_tapped(self) -> None:
        """ "Not sure" / "Prefer not to say": recorded as that answer, in one place and one look everywhere."""
        question = self.session.question
        widget = self.answer_widget
        if widget.unsure_choice is not None:
            widget.choose(widget.unsure_choice)   # a choice of the question: the widget answers (and commits)
            self._update_actions()
            return
        if self.session.answer_of(question.id) == question.skip and question.kind not in ONE_TAP_KINDS:
            widget.show_answer(None)               # tapped again on a list: un-choose it, like any card
            self.session.clear_answer()
            self._update_actions()
            return
        widget.show_answer(None)
        self.session.set_answer(question.skip)
        self._update_actions()
        if question.kind in ONE_TAP_KINDS:
            self._committed()

    def _next_tapped(self) -> None:
        widget = self.answer_widget
        if widget is not None and widget.has_next_page():
            self._turn_page(widget.page + 1)
            return
        self.next_requested.emit()

    def _back_tapped(self) -> None:
        widget = self.answer_widget
        if widget is not None and widget.page > 0:
            self._turn_page(widget.page - 1)
            return
        self.back_requested.emit()

    def _turn_page(self, index: int) -> None:
        """Another page of choices is new to the patient: the gate waits again, as for a new question."""
        self.answer_widget.show_page(index)
        self._update_actions()
        self.scroll.verticalScrollBar().setValue(0)
        self.gate.arm(self, self.prompt)
        announce(self, self.page_label.text())   # "Choices 2 of 3": new choices in view (spec §7)

    def _update_actions(self) -> None:
        session, widget = self.session, self.answer_widget
        if session is None or widget is None or session.question is None:
            return
        question = session.question
        more = widget.has_next_page()
        self.next_button.setText(self.ui_text("survey.more_choices") if more else self.ui_text("common.next"))
        self.next_button.setVisible(more or question.kind not in ONE_TAP_KINDS or session.can_go_next())
        self.next_button.setEnabled(more or session.can_go_next())
        pages = widget.page_count()
        self.page_label.setVisible(pages > 1)
        if pages > 1:
            self.page_label.ensurePolished()
            widest = max(self.ui_text("survey.choices_page", current=n, total=pages) for n in range(1, pages + 1))
            self.page_label.setFixedWidth(self.page_label.fontMetrics().horizontalAdvance(widest) + 8)  # never moves
            self.page_label.setText(self.ui_text("survey.choices_page", current=widget.page + 1, total=pages))
        answer = session.answer_of(question.id)
        chosen = answer is not None and self.unsure_value is not None and \
            (answer == self.unsure_value or answer == (self.unsure_value,))
        self.skip_button.setChecked(chosen)
        self._name_choices()

    # --- shell hooks --------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.start_over_button.setText(self.ui_text("common.start_over"))
        self.listen_button.setText(self.ui_text("speech.listen"))
        self.back_button.setText(self.ui_text("common.back"))
        self.more_below.set_text(self.ui_text("common.more_below"))
        self._fix_action_widths()
        if self.session is not None and self.session.question is not None:
            self._render(self.session)
        else:
            self.next_button.setText(self.ui_text("common.next"))

    def _fix_action_widths(self) -> None:
        """Back and Next share one width, wide enough for every word they show, so "Not sure" between them sits
        in the same place on every question (and Next does not grow when it reads "More choices")."""
        theme = self._theme
        if theme is None:
            return
        font = QFont(self.next_button.font())
        font.setPixelSize(theme.body_px)
        font.setBold(True)
        metrics = QFontMetrics(font)
        words = [self.ui_text(key) for key in ("common.back", "common.next", "survey.more_choices")]
        padding = 2 * (max(16, theme.target_px // 3) + theme.border_px) + theme.gap_px
        padding += round(theme.body_px * ICON_OVER_TEXT) + 8   # the ← or → beside the words
        # Back is as wide as its word needs, Next as its widest wording (large text on a small panel has no room to
        # make Back as wide as "More choices"); both never below 18 % of the width
        back_width = max(round(theme.width * 0.18), metrics.horizontalAdvance(words[0]) + padding)
        width = max(round(theme.width * 0.18), *(metrics.horizontalAdvance(word) + padding for word in words[1:]))
        for action in (self.back_button, self.next_button, self.skip_button):
            action.ensurePolished()   # the stylesheet's min-width comes with the polish: set ours after it
        self.back_button.setFixedWidth(back_width)
        self.next_button.setFixedWidth(width)
        # "Not sure" fits its longest wording on one line, so it never grows a line (and moves) between questions
        unsure = [self.ui_text(f"survey.skip_{kind}") for kind in ("not_sure", "prefer_not")]
        icon_px = max(24, theme.body_px)
        extra = 2 * theme.gap_px + icon_px + 12 + 2 * theme.border_px + 8
        unsure_width = max(round(theme.width * 0.22),
                           *(metrics.horizontalAdvance(word) + extra for word in unsure))
        self.skip_button.setFixedSize(unsure_width,
                                      max(theme.target_px, metrics.height() + 2 * max(8, theme.target_px // 6)))
        room = theme.width - 2 * theme.margin_px
        self._place_unsure(back_width + width + unsure_width + 2 * theme.gap_px <= room)
        # The progress bar beside "Question 3 of 37" says the same in a picture: where the top row has no room for
        # it beside the longest section name (large text on a small panel), the words alone say it, on every question
        plain = QFont(self.section_label.font())
        plain.setPixelSize(theme.body_px)
        plain.setBold(False)
        plain_metrics = QFontMetrics(plain)
        sections = max((plain_metrics.horizontalAdvance(section.title[self.language])
                        for section in self.content.survey.sections), default=0)
        count = len(self.content.survey.questions)
        progress_words = plain_metrics.horizontalAdvance(
            self.ui_text("survey.question_of", current=count, total=count))
        self.start_over_button.ensurePolished()
        needed = sections + progress_words + self.progress.width() + self.start_over_button.sizeHint().width() \
            + 4 * theme.gap_px
        self.progress.setVisible(needed <= room)

    def _place_unsure(self, between: bool) -> None:
        """"Not sure" between Back and Next, or on its own line above them, in the middle."""
        if (self.bottom_row.indexOf(self.skip_button) >= 0) == between:
            return
        (self.unsure_row if between else self.bottom_row).removeWidget(self.skip_button)
        if between:
            self.bottom_row.insertWidget(2, self.skip_button)
        else:
            self.unsure_row.insertWidget(1, self.skip_button)

    def apply_theme(self, theme: Theme) -> None:
        self._theme = theme
        gap, margin = theme.gap_px, theme.margin_px
        self.page.setContentsMargins(margin, margin // 2, margin, margin // 2)
        self.page.setSpacing(gap)
        self.top_row.setSpacing(gap)
        self.hint_row.setSpacing(gap)
        self.progress.setFixedSize(round(theme.width * 0.16), max(12, gap))
        for action in (self.back_button, self.skip_button, self.next_button):
            policy = QSizePolicy(QSizePolicy.Preferred, QSizePolicy.Fixed)
            policy.setRetainSizeWhenHidden(True)   # Back, Not sure and Next never move
            action.setSizePolicy(policy)
        icon_px = max(24, theme.body_px)
        style_listen_button(self.listen_button, theme)
        self.skip_button.setIcon(tick_icon(theme.palette.on_selected, icon_px * 2))
        self.skip_button.setIconSize(QSize(icon_px, icon_px))
        self.skip_button.set_padding(max(8, gap // 2), gap)
        self.more_below.set_margin(gap)
        self._fix_action_widths()
        if self.session is not None and self.session.question is not None:
            self._render(self.session)

    def reset(self) -> None:
        self.gate.cancel()
        self.session = None
        self._replace_answer_widget(None)
        self._forget_widgets()
        self.prompt.setText("")
        self.hint.setText("")
        self.page_label.hide()
        self.skip_button.setChecked(False)

    def left(self) -> None:
        self.gate.cancel()

    # --- Qt -----------------------------------------------------------------------------------------

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt override)
        if watched is self.scroll.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_answers()
        return False
