"""Sends spooled jobs to the printer on its own thread: alert slips first, failures retried with back-off,
a job's document deleted once the printer has accepted it. Nothing here waits on the GUI, or blocks it."""

from __future__ import annotations

import logging
import threading
from typing import Callable, Protocol

from kiosk.printing.folder import PrinterError
from kiosk.printing.spool import DONE, SENT, Job, Spool

log = logging.getLogger("kiosk.printing")


class Printer(Protocol):
    name: str

    def send(self, pdf, title: str) -> str:
        """Hands the PDF over; returns the printer's job id ("" when it is done at once). Raises PrinterError."""

    def is_done(self, printer_job: str) -> bool | None:
        """True once printed; False while waiting at the printer; None if the printer no longer knows it."""


class PrintService:
    def __init__(self, spool: Spool, printer: Printer, on_change: Callable[[Job], None] = lambda job: None,
                 poll_seconds: float = 1.0):
        self.spool, self.printer, self.on_change = spool, printer, on_change
        self.poll_seconds = poll_seconds
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def submit(self, kind: str, data: bytes, number: int, language: str = "") -> Job:
        """Spools the document (raises SpoolError/OSError if that fails) and wakes the sender."""
        job = self.spool.add(kind, data, number, language)
        log.info("print.queued kind=%s number=%d", kind, number)
        self._changed(job)
        self._wake.set()
        return job

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="printing", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)

    def wake(self) -> None:
        self._wake.set()

    def run_once(self) -> bool:
        """Follows jobs at the printer, then sends the next due job. True if a job was sent or tried."""
        for job in self.spool.jobs():
            if job.state == SENT and job.printer_job:
                self._follow(job)
        job = self.spool.next_due()
        if job is None:
            return False
        self._send(job)
        return True

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                busy = self.run_once()
            except Exception:  # noqa: BLE001 - the sender must outlive any one bad job
                log.exception("print.loop_failed")
                busy = False
            if not busy:
                self._wake.wait(self.poll_seconds)
                self._wake.clear()

    def _send(self, job: Job) -> None:
        title = str(job.number)  # the job title is the handout number only (spec §6)
        try:
            printer_job = self.printer.send(self.spool.pdf_path(job), title)
        except (PrinterError, OSError) as error:
            job = self.spool.failed(job, str(error))
            log.warning("print.failed kind=%s number=%d attempts=%d", job.kind, job.number, job.attempts)
        else:
            job = self.spool.update(job, state=SENT if printer_job else DONE, printer_job=printer_job, reason="")
            log.info("print.sent kind=%s number=%d", job.kind, job.number)
        self._changed(job)

    def _follow(self, job: Job) -> None:
        done = self.printer.is_done(job.printer_job)
        if done:
            self._changed(self.spool.update(job, state=DONE))
            log.info("print.done kind=%s number=%d", job.kind, job.number)
        elif done is None:  # the printer lost it (e.g. its queue was cleared): print it again
            self._changed(self.spool.retry(self.spool.update(job, printer_job="")))

    def _changed(self, job: Job) -> None:
        try:
            self.on_change(job)
        except Exception:  # noqa: BLE001 - a listener's bug must not stop printing
            log.exception("print.listener_failed")
