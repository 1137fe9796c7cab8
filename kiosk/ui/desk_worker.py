"""Printing for the kiosk window, off the GUI thread: the visit's handout, staff alert slips, test pages, general
handouts, and the staff panel's actions on jobs (retry, reprint, cancel, delete).

All of it runs on one worker thread (spooling is disk work; cancelling asks the printer); the print service
sends on its own thread. Results come back as Qt signals, queued onto the GUI thread.
"""

from __future__ import annotations

import logging
import sys
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime

from PySide6.QtCore import QObject, Signal

from kiosk.alerts import StaffAlert
from kiosk.config import SiteConfig
from kiosk.content.model import Content
from kiosk.handout import render_process
from kiosk.logs import log_unhandled
from kiosk.printing.desk import FrontDesk
from kiosk.printing.spool import FAILED, Job, SpoolError

log = logging.getLogger("kiosk.printing")

STAFF_ACTIONS = ("retry", "reprint", "cancel", "delete")


class DeskWorker(QObject):
    _closed = False  # set by shutdown(): requests after it are not taken
    handout_spooled = Signal(int, int)  # ticket, handout number: the job is safe in the spool
    handout_not_spooled = Signal(int)  # ticket: it could not even be spooled
    handout_job_failed = Signal(int)  # handout number: the printer did not take it (it waits and is retried)
    jobs_changed = Signal(list)  # every job in the spool, newest first (sent when asked: refresh())
    spool_changed = Signal()  # a job changed; whoever shows jobs asks for them (a busy day has thousands)
    status_changed = Signal(object)  # PrinterStatus
    spool_problem = Signal(str)  # staff words; "" once the spool works
    staff_message = Signal(str)  # the outcome of a staff action, for the staff panel

    def __init__(self, config: SiteConfig, content: Content, front_desk: FrontDesk | None = None, parent=None):
        super().__init__(parent)
        self.config, self.content = config, content
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="desk")
        self._desk = front_desk or FrontDesk(config)
        self._desk.service.on_change, self._desk.service.on_status = self._job_changed, self.status_changed.emit
        self._opened = False

    # --- life -----------------------------------------------------------------------------------------

    def start(self) -> None:
        """At startup: open the spool, recover what a crash left, and start sending (on the worker)."""
        self._pool.submit(self._guarded, self._front_desk)

    def shutdown(self) -> None:
        self._closed = True
        self._pool.shutdown(wait=True, cancel_futures=False)
        self._desk.stop()

    @property
    def front_desk(self) -> FrontDesk:
        """For reading the spool from outside (benchmarks); changes go through the requests below."""
        return self._desk

    # --- requests -------------------------------------------------------------------------------------

    def print_handout(self, ticket: int, documents, language: str) -> None:
        self._pool.submit(self._print_handout, ticket, documents, language)

    def print_alert_slip(self, alert: StaffAlert) -> None:
        """AlertBoard listener: the slip is made and spooled on the worker, ahead of any handout."""
        self._pool.submit(self._guarded, self._print_alert_slip, alert)

    def print_test_page(self) -> None:
        self._pool.submit(self._guarded, self._print_test_page)

    def print_general(self, language: str) -> None:
        self._pool.submit(self._guarded, self._print_general, language)

    def act(self, action: str, job_id: str) -> None:
        if action not in STAFF_ACTIONS:
            raise ValueError(f"unknown staff action {action!r}")
        self._pool.submit(self._guarded, self._act, action, job_id)

    def refresh(self) -> None:
        """The staff panel opened: send the job list and ask the printer how it is. Its timer may still fire once
        the workers have shut down (a window waiting to be deleted): there is nothing to ask then."""
        if not self._closed:
            self._pool.submit(self._guarded, self._refresh)

    # --- on the worker --------------------------------------------------------------------------------

    def _front_desk(self) -> FrontDesk:
        """Opened on first use (normally by start()); tried again on the next request if the spool failed."""
        if not self._opened:
            self._desk.open()
            self._desk.start()
            self._opened = True
            self.spool_problem.emit(self._standing_problem())
            self._desk.service.wake(check_status=True)
        return self._desk

    def _print_handout(self, ticket: int, documents, language: str) -> None:
        try:
            desk = self._front_desk()
            number = desk.reserve_number()  # first the number: the documents print it on every page
            documents = _numbered(documents, number)
            spooled = desk.submit_handout(documents.handout, documents.summary, language,
                                          self.content.staff_language, number=number)
        except (SpoolError, OSError) as error:
            log.error("print.spool_failed error=%s", type(error).__name__)
            self.handout_not_spooled.emit(ticket)
            self.spool_problem.emit(_staff_words(error))
            return
        self.handout_spooled.emit(ticket, spooled.number)
        self.spool_problem.emit(self._standing_problem())  # the spool works (again)
        # The sender may have failed it already, and said so before the patient's number reached the screen:
        # say it again now, after the number (signals from one thread arrive in order).
        handout = self._desk.spool.get(spooled.jobs[0].id)
        if handout is not None and handout.state == FAILED:
            self.handout_job_failed.emit(spooled.number)

    def _print_alert_slip(self, alert: StaffAlert) -> None:
        from kiosk.handout.slips import alert_slip, render_alert_slip

        language = self.content.staff_language
        labels = {choice.id: choice.label[language] for choice in self.content.survey.question("red_flags").choices}
        slip = alert_slip(alert, labels, self.config.kiosk_name, self.config.paper)  # an update says "updated"
        self._front_desk().submit("alert", render_process.call(render_alert_slip, slip), number=alert.number,
                                  language=language)

    def _print_test_page(self) -> None:
        from kiosk.handout.slips import TestPage, render_test_page

        desk = self._front_desk()
        page = TestPage(self.config.kiosk_name, desk.printer.name, datetime.now(), self.config.paper)
        desk.submit("test", render_process.call(render_test_page, page))
        self.staff_message.emit("Test page sent to the printer queue.")

    def _print_general(self, language: str) -> None:
        from kiosk.handout.documents import make_general_handout

        data = render_process.call(make_general_handout, self.content, self.config, language, datetime.now())
        self._front_desk().submit("general", data, language=language)
        self.staff_message.emit(f"General handout ({language.upper()}) sent to the printer queue.")

    def _act(self, action: str, job_id: str) -> None:
        desk = self._front_desk()
        getattr(desk, action)(job_id)
        words = {"retry": "will be tried again now", "reprint": "will print again", "cancel": "is cancelled",
                 "delete": "is deleted"}[action]
        self.staff_message.emit(f"Job {job_id} {words}.")

    def _refresh(self) -> None:
        desk = self._front_desk()
        self.jobs_changed.emit(desk.jobs())
        self.spool_problem.emit(self._standing_problem())
        desk.service.wake(check_status=True)
        if desk.status is not None:
            self.status_changed.emit(desk.status)

    def _standing_problem(self) -> str:
        """What stays wrong until someone acts: files the spool set aside as unusable ("" if none)."""
        try:
            return " ".join(self._desk.notices())
        except OSError:
            return ""

    def _guarded(self, work, *args) -> None:
        """Staff-side work reports failures to the staff panel in words, never as a crash."""
        try:
            work(*args)
        except (SpoolError, OSError) as error:
            log.error("print.desk_failed error=%s", type(error).__name__)
            self.spool_problem.emit(_staff_words(error))
        except Exception:  # noqa: BLE001 - a bug here must not take the kiosk down; the log has the stack
            log_unhandled(log, *sys.exc_info())
            self.staff_message.emit("That did not work; the log file has the details.")

    def _job_changed(self, job: Job) -> None:
        """On the print service's thread (or the worker): tell the patient if their job failed, and anyone
        showing jobs that they changed. The whole list is not read here: sent with every change, a day's
        thousands of jobs cost the kiosk tens of MB of memory churn over a day (found by the soak)."""
        if job.kind == "handout" and job.state == FAILED and job.attempts == 1:
            self.handout_job_failed.emit(job.number)
        self.spool_changed.emit()


def _numbered(documents, number: int):
    """The visit's documents rendered again with the day's handout number on them (in the render process, this
    worker thread waiting, never the GUI's); the documents as made if that fails, so the patient still gets a
    handout."""
    try:
        return render_process.call(documents.numbered, number)
    except Exception:  # noqa: BLE001 - a handout without its number beats no handout
        log_unhandled(log, *sys.exc_info())
        return documents


def _staff_words(error: Exception) -> str:
    if isinstance(error, SpoolError):
        return str(error)
    return f"The print spool could not be written ({getattr(error, 'strerror', None) or type(error).__name__})."

