"""The front desk's side of printing, behind one door: the kiosk, the staff panel and the CLI all use it.

It owns the spool, the configured printer and the sender. Methods that may wait on a printer (cancel,
delete, send_now) are for a worker thread or the CLI, never the GUI thread."""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Callable

from kiosk.config import SiteConfig
from kiosk.printing import spool_time
from kiosk.printing.printer import Printer, PrinterError, PrinterStatus, make_printer
from kiosk.printing.sender_lock import SenderLock
from kiosk.printing.service import PrintService, job_title
from kiosk.printing.spool import CANCELLED, DONE, SENDING, SENT, Job, Spool, SpoolError

log = logging.getLogger("kiosk.printing")


@dataclass(frozen=True)
class SpooledHandout:
    number: int
    jobs: tuple[Job, ...]


class FrontDesk:
    def __init__(self, config: SiteConfig, printer: Printer | None = None, *,
                 on_change: Callable[[Job], None] = lambda job: None,
                 on_status: Callable[[PrinterStatus], None] = lambda status: None,
                 clock: Callable[[], datetime] = datetime.now, poll_seconds: float = 1.0):
        self.spool = Spool(config.spool_dir, clock, reprint_grace=timedelta(minutes=config.reprint_grace_minutes))
        self.printer = printer if printer is not None else make_printer(config.printer)
        self.retention = timedelta(hours=config.spool_retention_hours)
        self.service = PrintService(self.spool, self.printer, on_change=on_change, on_status=on_status,
                                    poll_seconds=poll_seconds, lock=SenderLock(config.spool_dir / "sender.lock"))

    # --- life -----------------------------------------------------------------------------------------

    def open(self) -> "FrontDesk":
        """Makes the spool folder, deletes printed documents past their reprint grace and the records of
        finished jobs past the retention time (never a job that has not printed). Raises SpoolError."""
        self.spool.open()
        try:
            purged = self.spool.purge(self.retention)
        except OSError as error:  # e.g. a read-only disk: old records stay; the spool still works for reading
            log.warning("print.purge_failed error=%s", type(error).__name__)
            purged = 0
        if purged:
            log.info("print.purged jobs=%d", purged)
        return self

    def start(self) -> None:
        """The kiosk's sender thread (it becomes the sender as soon as no other process is)."""
        self.service.start()

    def stop(self) -> None:
        self.service.stop()

    def send_now(self, seconds: float = 10.0) -> bool:
        """For the CLI: sends what is due and follows it for up to `seconds`, then lets go of the spool.
        False if another process (a running kiosk) is the sender: it will send the jobs itself.

        After letting go it looks once more: a `kiosk print` that found this process sending left its job to
        it, and may have spooled it after this process's last look. Whoever takes the lock next sees it."""
        import time

        deadline = time.monotonic() + seconds
        sent = False
        while self.service.run_once() or self.service.is_sender:
            sent = True
            try:
                while True:
                    if self.service.run_once():
                        continue
                    at_printer = any(job.state in (SENT, SENDING) for job in self.spool.active())
                    if not at_printer or time.monotonic() >= deadline:
                        break
                    time.sleep(0.2)
            finally:
                self.service.release()
            if self.spool.next_due() is None:
                break
        return sent

    # --- adding ---------------------------------------------------------------------------------------

    def reserve_number(self) -> int:
        """Takes today's next handout number now, for documents that print it ("Handout 17" on every page):
        render them with it, then submit_handout(..., number=it). Raises SpoolError/OSError."""
        return self.spool.next_number()

    def submit_handout(self, handout: bytes, summary: bytes | None, language: str,
                       staff_language: str, number: int | None = None) -> SpooledHandout:
        """Today's next number (or `number`, taken with reserve_number()), the handout and (if made) the clinician
        summary. Raises SpoolError/OSError."""
        number = self.spool.next_number() if number is None else number
        jobs = [self.service.submit("handout", handout, number, language)]
        if summary is not None:
            jobs.append(self.service.submit("summary", summary, number, staff_language))
        return SpooledHandout(number, tuple(jobs))

    def submit(self, kind: str, data: bytes, *, number: int = 0, language: str = "") -> Job:
        return self.service.submit(kind, data, number, language)

    # --- the staff panel and `kiosk queue` -------------------------------------------------------------

    @property
    def status(self) -> PrinterStatus | None:
        """The printer's last known state (asked on the sender thread every few seconds)."""
        return self.service.last_status

    def jobs(self) -> list[Job]:
        """Every job, newest first; a printed one whose document is still kept for the reprint grace says
        until when (in its reason, for staff: the record on disk is not changed)."""
        try:
            kept = {name[:-4] for name in os.listdir(self.spool.printed_dir) if name.endswith(".pdf")}
        except OSError:
            kept = set()
        return [self._with_reprint_time(job) if job.id in kept else job for job in self.spool.jobs()]

    def _with_reprint_time(self, job: Job) -> Job:
        if job.state != DONE or not job.finished_at:
            return job
        until = spool_time.parse(job.finished_at) + self.spool.reprint_grace
        return replace(job, reason=f"Print again possible until {until.astimezone():%H:%M}")

    def notices(self) -> list[str]:
        """What staff should know about the spool itself: files it set aside as unusable."""
        return [f"Set aside in {self.spool.quarantine_dir}: {name} ({why}). The other jobs print; a job's "
                "document with a damaged record prints from its name." for name, why in self.spool.quarantined()]

    def retry(self, job_id: str) -> Job:
        """Try again now, without waiting out the back-off."""
        job = self.spool.retry(self._job(job_id))
        self.service.wake(check_status=True)
        return job

    def retry_all(self) -> list[Job]:
        return [self.retry(job.id) for job in self.spool.waiting()]

    def reprint(self, job_id: str) -> Job:
        job = self.spool.reprint(self._job(job_id))
        self.service.notify(job)
        self.service.wake()
        return job

    def cancel(self, job_id: str) -> Job:
        """Not printed, and its document deleted; taken back from the printer if it is there already."""
        job = self._at_printer(self._job(job_id))
        if job.printer_job:
            self._cancel_at_printer(job)
        job = self.spool.cancel(job)
        self.service.notify(job)
        return job

    def delete(self, job_id: str) -> None:
        """Gone from the spool at once, document and record (and from the printer if it is still there)."""
        job = self._at_printer(self._job(job_id))
        if job.printer_job:
            self._cancel_at_printer(job)
        self.spool.delete(job)
        self.service.notify(replace(job, state=CANCELLED))

    def purge(self, everything: bool = False) -> int:
        """Deletes printed jobs past the retention time, or every job and every file set aside (retiring a
        kiosk)."""
        if not everything:
            return self.spool.purge(self.retention)
        jobs = self.spool.jobs()
        for job in jobs:
            self.spool.delete(job)
        self.spool.empty_quarantine()
        return len(jobs)

    def _job(self, job_id: str) -> Job:
        job = self.spool.get(job_id)
        if job is None:
            raise SpoolError(f"There is no job {job_id} in the spool (it may have been purged).")
        return job

    def _at_printer(self, job: Job) -> Job:
        """The job with its printer id if the printer has it: SENT ones know it; one caught in SENDING (its sender
        died, or is sending it now) may be held at CUPS, where it would wait for ever with its document."""
        if job.state == SENT:
            return job
        find = getattr(self.printer, "find_sent", None)
        if job.state != SENDING or find is None:
            return replace(job, printer_job="")
        known = {other.printer_job for other in self.spool.active() if other.printer_job}
        return replace(job, printer_job=find(self.spool.pdf_path(job), job_title(job), known) or "")

    def _cancel_at_printer(self, job: Job) -> None:
        try:
            self.printer.cancel(job.printer_job)
        except PrinterError as error:
            log.warning("print.cancel_failed kind=%s number=%d", job.kind, job.number)
            raise SpoolError(f"The printer did not give job {job.id} back: {error}") from None
