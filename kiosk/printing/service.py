"""Sends spooled jobs to the printer on its own thread: alert slips first, failures retried with back-off,
a job's document deleted once the printer has printed it. Nothing here waits on the GUI, or blocks it."""

from __future__ import annotations

import logging
import threading
import time
from typing import Callable

from kiosk.printing.printer import Printer, PrinterError, PrinterStatus
from kiosk.printing.sender_lock import SenderLock
from kiosk.printing.spool import CANCELLED, DONE, SENT, Job, Spool

log = logging.getLogger("kiosk.printing")

STATUS_SECONDS = 15  # how often the printer's own state is asked for the staff panel


def job_title(job: Job) -> str:
    """What the print queue shows: the handout number, never anything the patient said (spec §6)."""
    if job.kind in ("handout", "summary"):
        return str(job.number)
    if job.kind == "alert":
        return f"alert {job.number}"
    return {"test": "test page", "general": "general handout"}.get(job.kind, "document")


class PrintService:
    def __init__(self, spool: Spool, printer: Printer, on_change: Callable[[Job], None] = lambda job: None,
                 poll_seconds: float = 1.0, on_status: Callable[[PrinterStatus], None] = lambda status: None,
                 lock: SenderLock | None = None):
        self.spool, self.printer, self.on_change, self.on_status = spool, printer, on_change, on_status
        self.lock = lock
        self.poll_seconds = poll_seconds
        self.last_status: PrinterStatus | None = None
        self._status_due = 0.0
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def submit(self, kind: str, data: bytes, number: int, language: str = "") -> Job:
        """Spools the document (raises SpoolError/OSError if that fails) and wakes the sender."""
        job = self.spool.add(kind, data, number, language)
        log.info("print.queued kind=%s number=%d", kind, number)
        self.notify(job)
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
        self.release()

    def release(self) -> None:
        """Lets another process (a later kiosk, `kiosk queue retry`) send from this spool."""
        if self.lock is not None:
            self.lock.release()

    def wake(self, check_status: bool = False) -> None:
        if check_status:
            self._status_due = 0.0
        self._wake.set()

    def run_once(self) -> bool:
        """Follows jobs at the printer, then sends the next due job. True if a job was sent or tried.
        Does nothing while another process is the spool's sender."""
        if not self._is_sender():
            return False
        now = self.spool.now_text()
        due = None
        for job in self.spool.active():
            if job.state == SENT and job.printer_job:
                self._follow(job)
            elif due is None and job.is_due(now):
                due = job
        if due is None:
            return False
        self._send(due)
        return True

    def _is_sender(self) -> bool:
        """The first time this process becomes the sender, it recovers what a crash may have left mid-send
        (only the sender may: another process's job mid-send is not a crash)."""
        if self.lock is None:
            return True
        if self.lock.held:
            return True
        if not self.lock.acquire():
            return False
        recovered = self.spool.recover()
        log.info("print.sender_started waiting=%d", len(recovered))
        return True

    def check_status(self) -> PrinterStatus:
        status = self.printer.status()
        if status != self.last_status:
            log.info("printer.status ready=%s", status.ready)
            self.last_status = status
            self._tell(self.on_status, status)
        self._status_due = time.monotonic() + STATUS_SECONDS
        return status

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                busy = self.run_once()
                if time.monotonic() >= self._status_due:
                    self.check_status()
            except Exception:  # noqa: BLE001 - the sender must outlive any one bad job
                log.exception("print.loop_failed")
                busy = False
            if not busy:
                self._wake.wait(self.poll_seconds)
                self._wake.clear()

    def _send(self, job: Job) -> None:
        title = job_title(job)
        try:
            printer_job = self.printer.send(self.spool.pdf_path(job), title)
        except (PrinterError, OSError) as error:
            job = self.spool.failed(job, str(error))
            log.warning("print.failed kind=%s number=%d attempts=%d", job.kind, job.number, job.attempts)
            self._status_due = 0.0  # staff should see why at once
        else:
            job = self.spool.update(job, state=SENT if printer_job else DONE, printer_job=printer_job, reason="")
            if job.state == CANCELLED and printer_job:  # staff cancelled it while it was being sent
                self._cancel_at_printer(printer_job)
            log.info("print.sent kind=%s number=%d", job.kind, job.number)
        self.notify(job)

    def _follow(self, job: Job) -> None:
        done = self.printer.is_done(job.printer_job)
        if done:
            self.notify(self.spool.update(job, state=DONE, reason=""))
            log.info("print.done kind=%s number=%d", job.kind, job.number)
        elif done is None:  # the printer lost it (e.g. its queue was cleared): print it again
            self.notify(self.spool.retry(self.spool.update(job, printer_job="")))
        elif self.last_status is not None and not self.last_status.ready and job.reason != self.last_status.words:
            self.notify(self.spool.update(job, reason=self.last_status.words))  # e.g. "paused in CUPS: jam"

    def _cancel_at_printer(self, printer_job: str) -> None:
        try:
            self.printer.cancel(printer_job)
        except PrinterError:
            log.warning("print.cancel_failed")

    def notify(self, job: Job) -> None:
        """Tells the listener a job changed (also for changes made outside this thread, e.g. by staff)."""
        self._tell(self.on_change, job)

    @staticmethod
    def _tell(listener, value) -> None:
        try:
            listener(value)
        except Exception:  # noqa: BLE001 - a listener's bug must not stop printing
            log.exception("print.listener_failed")
