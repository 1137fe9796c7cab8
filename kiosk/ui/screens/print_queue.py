"""The staff panel's printing card: the printer's state, today's jobs with what can be done to each, a test
page and the general handouts. Staff-only, English. Shows no answers and no names: the spool holds none.

Everything that touches the spool or the printer goes through the DeskWorker (off the GUI thread); this card
only draws what the worker reports."""

from __future__ import annotations

from datetime import datetime
from typing import Callable, Mapping

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QBoxLayout, QSizePolicy, QWidget

from kiosk.printing.job_words import KIND_WORDS, local_clock_time, local_day, state_words
from kiosk.printing.printer import PrinterStatus
from kiosk.printing.spool import CANCELLED, DONE, FAILED, QUEUED, SENDING, SENT, Job
from kiosk.ui.layout import button, card, clear_layout, hbox, label, repolish, vbox
from kiosk.ui.theme import Theme

# What staff may do with a job in each state: (action, button words).
ACTIONS = {
    QUEUED: (("retry", "Try now"), ("cancel", "Cancel"), ("delete", "Delete now")),
    FAILED: (("retry", "Try now"), ("cancel", "Cancel"), ("delete", "Delete now")),
    SENDING: (("cancel", "Cancel"), ("delete", "Delete now")),
    SENT: (("reprint", "Print again"), ("cancel", "Cancel"), ("delete", "Delete now")),
    # Printed or cancelled: the record holds no patient data; a printed document is kept for the reprint
    # grace only (its reason then says until when). Otherwise no buttons (a row of plain text is also far
    # cheaper to draw on a busy day's list).
    DONE: (),
    CANCELLED: (),
}
WAITING_STATES = (QUEUED, FAILED, SENDING, SENT)


def actions_for(job: Job) -> tuple[tuple[str, str], ...]:
    if job.state == DONE and job.reason:
        return (("reprint", "Print again"),)
    return ACTIONS[job.state]


def job_line(job: Job, language_names: Mapping[str, str]) -> str:
    """A job in one line: its number, time, kind and language (by the language's own name, from content)."""
    number = f"#{job.number}" if job.number else "—"
    language = language_names.get(job.language, job.language.upper())
    parts = [number, local_clock_time(job.created, seconds=False), KIND_WORDS.get(job.kind, job.kind), language]
    return "   ".join(part for part in parts if part)


MAX_FINISHED_ROWS = 12


def shown_today(jobs: list[Job], today: str) -> tuple[list[Job], int]:
    """Every job not yet printed (whatever its day: they matter most), then today's latest finished ones; and
    how many finished ones are left out (a busy day has hundreds, and each row is widgets to build)."""
    waiting = [job for job in jobs if job.state in WAITING_STATES]
    finished = [job for job in jobs if job.state not in WAITING_STATES and local_day(job.created) == today]
    return waiting + finished[:MAX_FINISHED_ROWS], max(0, len(finished) - MAX_FINISHED_ROWS)


class PrintQueueCard(QWidget):
    def __init__(self, language_names: Mapping[str, str], act: Callable[[str, str], None],
                 print_test_page: Callable[[], None], print_general: Callable[[str], None],
                 clock: Callable[[], datetime] = datetime.now, parent=None):
        super().__init__(parent)
        self._act, self._clock, self._language_names = act, clock, language_names
        self.heading = label("heading", "Printing")
        self.status = label("body", "Printer: checking…", name="printer_status")
        self.problem = label("alert", "", name="spool_problem")
        self.problem.hide()
        self.message = label("muted", "", name="desk_message")
        self.message.hide()
        self.test_button = button("secondary", "Print a test page", print_test_page, name="print_test_page")
        self.general_buttons = [
            button("secondary", f"General handout: {name}", lambda code=code: print_general(code),
                   name=f"print_general_{code}")
            for code, name in language_names.items()]
        for action in (self.test_button, *self.general_buttons):
            action.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Fixed)
        self.jobs_title = label("heading", "Today's print jobs")
        self.empty = label("muted", "No print jobs today.", name="no_jobs")
        self.more = label("muted", "", name="more_jobs")
        self.more.hide()
        self.jobs_box = card()
        self.jobs_layout = vbox(parent=self.jobs_box)
        self.tools = hbox(self.test_button, *self.general_buttons)
        self.page = vbox(self.heading, self.status, self.problem, self.tools, self.message, self.jobs_title,
                         self.empty, self.jobs_box, self.more, margins=0, parent=self)
        self.rows: dict[str, QWidget] = {}
        self.jobs_box.hide()
        self._latest: list[Job] | None = None

    def show_status(self, status: PrinterStatus) -> None:
        self.status.setText(f"Printer: {status.words}")
        self.status.setProperty("role", "body" if status.ready else "alert")
        repolish(self.status)

    def show_problem(self, words: str) -> None:
        self.problem.setText(words)
        self.problem.setVisible(bool(words))

    def show_message(self, words: str) -> None:
        self.message.setText(words)
        self.message.setVisible(bool(words))

    def show_jobs(self, jobs: list[Job]) -> None:
        """Jobs change all day while no one looks: the rows are built only when the panel is on screen."""
        self._latest = jobs
        if self.isVisible():
            self._build_rows()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        if self._latest is not None:
            self._build_rows()

    def _build_rows(self) -> None:
        jobs, self._latest = self._latest, None
        clear_layout(self.jobs_layout)
        self.rows = {}
        shown, left_out = shown_today(jobs, self._clock().date().isoformat())
        self.empty.setVisible(not shown)
        self.jobs_box.setVisible(bool(shown))
        self.more.setText(f"{left_out} earlier printed job(s) today are not listed (`kiosk queue list` shows all)."
                          if left_out else "")
        self.more.setVisible(bool(left_out))
        for job in shown:
            row = self._row(job)
            self.jobs_layout.addWidget(row)
            row.show()
            self.rows[job.id] = row

    def _row(self, job: Job) -> QWidget:
        holder = QWidget()
        holder.setObjectName(f"job_{job.id}")
        what = label("body", job_line(job, self._language_names), name=f"job_line_{job.id}")
        state = label("alert" if job.state == FAILED else "staff-detail", state_words(job),
                      name=f"job_state_{job.id}")
        words = vbox(what, state, spacing=2, margins=0)
        row = hbox(spacing=8, margins=0, parent=holder)
        row.addLayout(words, 1)
        for action, text in actions_for(job):
            row.addWidget(button("secondary", text, lambda a=action, j=job.id: self._act(a, j),
                                 name=f"{action}_{job.id}"), 0, Qt.AlignVCenter)
        return holder

    def apply_theme(self, theme: Theme) -> None:
        gap = theme.gap_px
        self.page.setSpacing(gap // 2)
        self.tools.setSpacing(gap // 2)
        # one line while the words fit; one above another at large text on a small panel (issue 18)
        words = sum(action.sizeHint().width() for action in (self.test_button, *self.general_buttons))
        self.tools.setDirection(QBoxLayout.LeftToRight if words + 2 * gap <= theme.width - 4 * theme.margin_px
                                else QBoxLayout.TopToBottom)
        self.jobs_layout.setContentsMargins(gap, gap, gap, gap)
        self.jobs_layout.setSpacing(gap)
