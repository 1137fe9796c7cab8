"""Sends spooled jobs to the printer on its own thread: alert slips first, failures retried with back-off,
a job's document put away once the printer has printed it. Nothing here waits on the GUI, or blocks it.

One send, step by step (docs/decisions/006-printing.md says what each step protects):

    1. SENDING is written            if it cannot be (full or read-only disk), nothing is sent: the job waits
    2. the printer takes the job     CUPS holds it (`lp -H hold`): it cannot print yet
    3. SENT + the printer's id       if it cannot be written, the job stays held and the sender remembers it
                                     in memory: it is never handed over again, and is written once there is room
    4. the printer is told to print  (a held CUPS job is released)
    5. DONE once the printer says it has printed

A sender that finds a job in SENDING it did not leave there itself (a crash between 1 and 3) asks the printer
whether it has the job: CUPS lists it, held, under its title; the folder printer has the file. Only if the
printer has no such job is it sent again."""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import replace
from datetime import timedelta
from typing import Callable

from kiosk.printing import spool_time
from kiosk.printing.printer import Printer, PrinterError, PrinterStatus
from kiosk.printing.sender_lock import SenderLock
from kiosk.printing.spool import CANCELLED, DONE, QUEUED, SENDING, SENT, Job, Spool

log = logging.getLogger("kiosk.printing")

STATUS_SECONDS = 15  # how often the printer's own state is asked for the staff panel
SWEEP_SECONDS = 5  # how often printed documents past their reprint grace are looked for
# A send found cut short is sent again only once no `lp` the dead sender started can still hand it over (an lp
# outlives its parent; the CUPS tools are given 15 s, cups.COMMAND_SECONDS).
CRASHED_SEND_WAIT = timedelta(seconds=20)


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
        self._sweep_due = 0.0
        # Jobs the printer has taken whose record could not be written yet (a full disk): id -> the record to
        # write. Never sent again; written (and released at the printer) as soon as the disk lets us.
        self._unrecorded: dict[str, Job] = {}
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
        """Lets another process (a later kiosk, `kiosk queue retry`) send from this spool. A job whose record
        could not be written stays held at CUPS in SENDING: the next sender finds it there and adopts it."""
        if self.lock is not None:
            self.lock.release()
        self._unrecorded.clear()

    def wake(self, check_status: bool = False) -> None:
        if check_status:
            self._status_due = 0.0
        self._wake.set()

    @property
    def is_sender(self) -> bool:
        return self.lock is None or self.lock.held

    def run_once(self) -> bool:
        """Writes what could not be written before, follows jobs at the printer, then sends the next due job.
        True if a job was sent or tried. Does nothing while another process is the spool's sender."""
        if not self._is_sender():
            return False
        self._write_unrecorded()
        if time.monotonic() >= self._sweep_due:
            self._sweep_due = time.monotonic() + SWEEP_SECONDS
            self.spool.sweep_printed()
        now = self.spool.now()
        due, unresolved = None, False
        for job in self.spool.active():
            if job.id in self._unrecorded:
                continue  # at the printer already: never handed over twice
            if job.state == SENT and job.printer_job:
                self._guard(self._follow, job)
            elif job.state == SENDING or job.state == SENT:  # left by a crash, or a write that failed
                unresolved = self._guard(self._reconcile, job) is not False or unresolved
            elif due is None and job.is_due(now):
                due = job
        if due is None or unresolved:
            # While a crashed send is unresolved nothing else is sent: at most one job is ever held at the
            # printer unrecorded, so the held job found for it is its own (two could be taken for each other).
            return False
        self._guard(self._send, due)
        return True

    def _is_sender(self) -> bool:
        """The first time this process becomes the sender, it recovers what a crash may have left mid-send
        (only the sender may: another process's job mid-send is not a crash)."""
        if self.lock is None or self.lock.held:
            return True
        if not self.lock.acquire():
            return False
        try:
            recovered = self.spool.recover()
        except OSError:
            log.warning("print.recover_failed")  # e.g. a read-only disk; the scan goes on with what it can read
            recovered = []
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

    # --- one send -------------------------------------------------------------------------------------

    def _send(self, job: Job) -> None:
        # OSError: not written, so not sent. next_try: when a crashed send may be judged lost (CRASHED_SEND_WAIT)
        job = self.spool.update(job, state=SENDING, reason="",
                                next_try=spool_time.to_text(self.spool.now() + CRASHED_SEND_WAIT))
        if job.state != SENDING:
            return  # staff cancelled or deleted it meanwhile
        try:
            printer_job = self.printer.send(self.spool.pdf_path(job), job_title(job))
        except (PrinterError, OSError) as error:
            job = self.spool.failed(job, str(error))
            log.warning("print.failed kind=%s number=%d attempts=%d", job.kind, job.number, job.attempts)
            self._status_due = 0.0  # staff should see why at once
            self.notify(job)
            return
        self._handed_over(job, printer_job)
        log.info("print.sent kind=%s number=%d", job.kind, job.number)

    def _handed_over(self, job: Job, printer_job: str) -> None:
        """The printer has the job: record it (SENT and its id, or DONE for a printer that is done at once),
        then let it print. If the record cannot be written, it is remembered instead and written later."""
        self._unrecorded[job.id] = replace(job, state=SENT if printer_job else DONE, printer_job=printer_job,
                                           reason="", next_try="")
        self._write_unrecorded()

    def _write_unrecorded(self) -> None:
        for job_id, job in list(self._unrecorded.items()):
            try:
                written = self.spool.update(job)
            except OSError:
                log.warning("print.record_unwritable kind=%s number=%d", job.kind, job.number)
                continue
            del self._unrecorded[job_id]
            if written.state == CANCELLED and job.printer_job:  # staff cancelled it while it was being sent
                self._cancel_at_printer(job.printer_job)
            elif written.state == SENT:
                self._release_at_printer(written)
            self.notify(written)

    def _reconcile(self, job: Job) -> bool:
        """A job found mid-send that this process is not sending (its sender died): does the printer have it?
        Then record it and follow it there. If not, it goes back to the queue once an `lp` the dead sender
        started can no longer hand it over. False once resolved; True while still waiting to tell."""
        find = getattr(self.printer, "find_sent", None)
        known = {other.printer_job for other in self.spool.active() if other.printer_job}
        printer_job = find(self.spool.pdf_path(job), job_title(job), known) if find else None
        if printer_job is not None:
            log.info("print.adopted kind=%s number=%d", job.kind, job.number)
            self._handed_over(job, printer_job)
            return False
        if not job.next_try or spool_time.parse(job.next_try) <= self.spool.now():
            log.info("print.resend kind=%s number=%d", job.kind, job.number)
            self.notify(self.spool.update(job, state=QUEUED, printer_job="", next_try="", reason=""))
            return False
        return True

    def _follow(self, job: Job) -> None:
        done = self.printer.is_done(job.printer_job)
        if done:
            self.notify(self.spool.update(job, state=DONE, reason=""))
            log.info("print.done kind=%s number=%d", job.kind, job.number)
        elif done is None:  # the printer lost it (e.g. its queue was cleared): print it again
            self.notify(self.spool.retry(self.spool.update(job, printer_job="")))
        elif self.last_status is not None and not self.last_status.ready and job.reason != self.last_status.words:
            self.notify(self.spool.update(job, reason=self.last_status.words))  # e.g. "paused in CUPS: jam"

    def _release_at_printer(self, job: Job) -> None:
        release = getattr(self.printer, "release", None)
        if release is None:
            return
        try:
            release(job.printer_job)
        except PrinterError:
            log.warning("print.release_failed kind=%s number=%d", job.kind, job.number)  # is_done tries again

    def _cancel_at_printer(self, printer_job: str) -> None:
        try:
            self.printer.cancel(printer_job)
        except PrinterError:
            log.warning("print.cancel_failed")

    @staticmethod
    def _guard(step, job: Job):
        """A record that cannot be written (a full or read-only disk) leaves the job as it was, for later.
        Returns what the step returned (None if it could not finish)."""
        try:
            return step(job)
        except OSError as error:
            log.warning("print.spool_unwritable kind=%s number=%d error=%s", job.kind, job.number,
                        type(error).__name__)
            return None

    def notify(self, job: Job) -> None:
        """Tells the listener a job changed (also for changes made outside this thread, e.g. by staff)."""
        self._tell(self.on_change, job)

    @staticmethod
    def _tell(listener, value) -> None:
        try:
            listener(value)
        except Exception:  # noqa: BLE001 - a listener's bug must not stop printing
            log.exception("print.listener_failed")

