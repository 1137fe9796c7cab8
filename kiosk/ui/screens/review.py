"""The review: every answer in plain words; tap one to change it. Then on to the end.

Each visit's review starts at the top; a long list has a labelled "More below" control. Taps wait a moment
after the review appears (the AnswerGate), so a quick second tap on the last question's answer never opens
an answer to change or finishes the check unseen."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QSizePolicy, QWidget

from kiosk.survey.session import SurveySession
from kiosk.survey.words import answer_in_words
from kiosk.ui.ahead import piece_timer
from kiosk.ui.accessible import name_scroll
from kiosk.ui.answer_gate import AnswerGate
from kiosk.ui.layout import SpillRow, button, hbox, label, touch_scroll, vbox
from kiosk.ui.screens.base import KioskScreen
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.more_below import MoreBelow
from kiosk.ui.widgets.wrap_button import WrapButton
from kiosk.ui.widgets.listen_button import listen_button, style_listen_button


class ReviewRow(WrapButton):
    """A tappable answer: the question above, the answer below in bold."""

    def __init__(self, prompt: str, answer: str, parent=None):
        super().__init__(answer, parent)
        self.prompt = label("body", prompt)
        self.prompt.setAttribute(Qt.WA_TransparentForMouseEvents)
        self._layout.insertWidget(0, self.prompt)
        self._layout.setDirection(self._layout.Direction.TopToBottom)
        self.show_answer(prompt, answer)

    def show_answer(self, prompt: str, answer: str) -> None:
        self.prompt.setText(prompt)
        self.setText(answer)
        self.setAccessibleName(f"{prompt}: {answer}" if prompt else "")   # both, as the eye reads them


class ReviewScreen(KioskScreen):
    edit_requested = Signal(str)
    finish_requested = Signal()
    back_requested = Signal()
    start_over_requested = Signal()

    def __init__(self, content, gate: AnswerGate | None = None, parent=None):
        super().__init__(content, parent)
        self.session: SurveySession | None = None
        self.gate = gate or AnswerGate(parent=self)
        self.rows: dict[str, ReviewRow] = {}   # the rows on the review now, by question id
        self._made: dict[str, ReviewRow] = {}  # every row made this visit, kept to be refilled
        self._ahead = piece_timer(self, self._make_next_row)   # rows made ahead of the review (make_rows_ahead)
        self._theme: Theme | None = None
        self.title = label("heading", name="review_title", wrap=False)
        self.hint = label("muted")
        self.start_over_button = button("quiet", on_click=self.start_over_requested.emit, name="start_over_button")
        self.list_holder = QWidget()
        self.list_layout = vbox(margins=0, parent=self.list_holder)
        self.scroll = touch_scroll(self.list_holder)
        self.more_below = MoreBelow(self.scroll)
        self.back_button = button("secondary", on_click=self.back_requested.emit, name="back_button")
        self.finish_button = button("primary", on_click=self.finish_requested.emit, name="finish_button")
        self.finish_button.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Fixed)
        self.listen_button = listen_button(self.listen_requested.emit)
        # the title at the left, Listen and Start over at the right; the title above them when all three do not fit
        # on one line (large text on a small panel)
        self.top_row = SpillRow([self.title, 1], [self.listen_button, self.start_over_button])
        self.page = vbox(self.top_row, self.hint, self.scroll, hbox(self.back_button, self.finish_button),
                         parent=self)
        self.page.setStretch(2, 1)

    def show_review(self, session: SurveySession) -> None:
        """The review on screen: from the top for a new visit (a change from here comes back to its place)."""
        new_visit = session is not self.session
        self.session = session
        self._rebuild()
        if new_visit:
            self.scroll.verticalScrollBar().setValue(0)
        self.gate.arm(self, self.list_holder)

    def _rebuild(self) -> None:
        """The rows in survey order, refilled: a question's row is made once per visit and kept (making every row
        anew was the review's largest cost, issue 20)."""
        while self.list_layout.count():
            self.list_layout.takeAt(0)   # the layout lets go of its rows (they stay) and of its stretch
        self.rows = {}
        if self.session is None:   # not shown yet this visit (rows made ahead wait), or the visit ended (reset)
            return
        for question, value in self.session.review_items():
            words = answer_in_words(question, value, self.session.is_skipped(question.id), self.content.ui,
                                    self.language)
            row = self._made.get(question.id) or self._new_row(question.id)
            row.show_answer(question.prompt[self.language], words)
            if self._theme:
                row.set_padding(max(8, self._theme.gap_px // 2), self._theme.gap_px)
            self.list_layout.addWidget(row)
            row.show()
            self.rows[question.id] = row
        for question_id, row in self._made.items():
            if question_id not in self.rows:   # a question the answers since left out: its answer stays nowhere
                row.hide()
                row.show_answer("", "")
        self.list_layout.addStretch(1)

    def make_rows_ahead(self) -> None:
        """A visit's survey began: while the patient answers, make the review's rows, empty, one at a time with a
        pause between (making them all when the review first shows took ~30 ms of that tap)."""
        self._ahead.start()

    def _make_next_row(self) -> None:
        missing = next((q.id for q in self.content.survey.questions if q.id not in self._made), None)
        if missing is not None:
            self._new_row(missing)
            self._ahead.start()

    def _new_row(self, question_id: str) -> ReviewRow:
        row = ReviewRow("", "", self.list_holder)
        row.hide()   # shown when the review lists it
        row.setProperty("role", "secondary")
        row.sync_text_style()   # its words styled for the role now, not in the review's first paint
        row.setObjectName(f"review_{question_id}")
        row.set_alignment(Qt.AlignLeft)
        row.clicked.connect(lambda _checked=False: self.edit_requested.emit(question_id))
        self._made[question_id] = row
        return row

    def _drop_rows(self) -> None:
        """The visit ended: its rows go, answers and all."""
        for row in self._made.values():
            row.hide()
            row.show_answer("", "")   # blank at once: deleting waits for the event loop
            row.deleteLater()
        self._made.clear()

    def retranslate(self) -> None:
        self.title.setText(self.ui_text("review.title"))
        self.hint.setText(self.ui_text("review.hint"))
        self.listen_button.setText(self.ui_text("speech.listen"))
        self.start_over_button.setText(self.ui_text("common.start_over"))
        self.back_button.setText(self.ui_text("common.back"))
        self.finish_button.setText(self.ui_text("review.finish"))
        self.more_below.set_text(self.ui_text("common.more_below"))
        name_scroll(self.scroll, self.ui_text("review.title"))
        self._rebuild()

    def apply_theme(self, theme: Theme) -> None:
        self._theme = theme
        style_listen_button(self.listen_button, theme)
        margin, gap = theme.margin_px, theme.gap_px
        self.page.setContentsMargins(margin, margin // 2, margin, margin // 2)
        self.page.setSpacing(gap)
        self.top_row.setSpacing(gap)
        self.list_layout.setSpacing(gap // 2)
        self.list_layout.setContentsMargins(0, 0, gap, 0)
        self.more_below.set_margin(gap)
        self._rebuild()

    def reset(self) -> None:
        self.session = None
        self._ahead.stop()
        self._rebuild()
        self._drop_rows()
        self.scroll.verticalScrollBar().setValue(0)


class DoneScreen(KioskScreen):
    done_requested = Signal()

    def __init__(self, content, parent=None):
        super().__init__(content, parent)
        self.title = label("title", align=Qt.AlignCenter, name="done_title")
        self.message = label("heading", align=Qt.AlignCenter, name="done_message")
        self.done_button = button("primary", on_click=self.done_requested.emit, name="done_button")
        self.listen_button = listen_button(self.listen_requested.emit)
        self.page = vbox(hbox(1, self.listen_button), 1, self.title, self.message, 1, hbox(1, self.done_button, 1),
                         parent=self)
        self.message_key, self.number = "done.message", None

    def show_printing(self, number: int | None) -> None:
        """Printing has been asked for; the number comes once the job is safe in the spool."""
        self.message_key, self.number = ("done.printing", number) if number else ("done.message", None)
        self.retranslate()

    def show_print_failed(self, number: int | None = None) -> None:
        self.message_key, self.number = ("done.print_failed_number", number) if number else \
            ("done.print_failed", None)
        self.retranslate()

    def reset(self) -> None:
        self.message_key, self.number = "done.message", None
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.ui_text("done.title"))
        values = {"number": self.number} if self.number else {}
        self.message.setText(self.ui_text(self.message_key, **values))
        self.done_button.setText(self.ui_text("common.done"))
        self.listen_button.setText(self.ui_text("speech.listen"))

    def apply_theme(self, theme: Theme) -> None:
        style_listen_button(self.listen_button, theme)
        self.page.setContentsMargins(theme.margin_px, theme.margin_px, theme.margin_px, theme.margin_px)
        self.page.setSpacing(theme.gap_px * 2)
        self.done_button.setMinimumWidth(round(theme.width * 0.3))
