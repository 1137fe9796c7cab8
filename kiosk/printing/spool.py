"""The print spool: every document waits here, on disk, until a printer has taken it. Pure Python, no Qt.

    spool_dir/ (0700)
      counter.json                         today's date and the last handout number given out
      jobs/20261123-0017-handout.pdf       the document (deleted once the printer has accepted it)
      jobs/20261123-0017-handout.json      its metadata: kind, number, language, state, times, attempts, reason
      jobs/20261123-0017-handout-2.pdf     a reprint of the same number

Files are written whole (temp file, fsync, rename), the PDF before its metadata, so a crash or power cut at
any moment leaves either nothing or a job that `recover()` puts back in the queue. The metadata holds no
answers and no names; it stays (without the PDF) so staff can see today's jobs, until the retention time.
"""

from __future__ import annotations

import json
import os
import threading
from dataclasses import asdict, dataclass, replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import Callable

from kiosk.atomic_file import write_atomically

QUEUED, SENT, DONE, FAILED, CANCELLED = "queued", "sent", "done", "failed", "cancelled"
STATES = (QUEUED, SENT, DONE, FAILED, CANCELLED)
# Lower prints first: a staff alert slip never waits behind handouts.
KINDS = {"alert": 0, "handout": 1, "summary": 1, "test": 2, "general": 2, "document": 2}
# Handouts and their summaries carry today's number; an alert slip carries the alert's; the rest carry 0.
NUMBERED_KINDS = ("handout", "summary", "alert")
MAX_BACKOFF_SECONDS = 300


class SpoolError(Exception):
    """The spool cannot be used (e.g. its folder is not writable): a message staff can act on."""


@dataclass(frozen=True)
class Job:
    id: str
    number: int
    kind: str
    language: str
    created: str  # ISO time
    state: str = QUEUED
    attempts: int = 0
    next_try: str = ""  # ISO time; empty: now
    reason: str = ""  # why it failed or waits, in staff words
    printer_job: str = ""  # the printer's own id, once accepted

    @property
    def priority(self) -> int:
        return KINDS.get(self.kind, 2)

    def is_due(self, now_text: str) -> bool:
        """Waiting to be sent, and its back-off (if any) is over."""
        return self.state in (QUEUED, FAILED) and (not self.next_try or self.next_try <= now_text)


def backoff(attempts: int) -> timedelta:
    """5 s, 10 s, 20 s ... up to 5 minutes between tries."""
    return timedelta(seconds=min(MAX_BACKOFF_SECONDS, 5 * 2 ** max(0, attempts - 1)))


class Spool:
    def __init__(self, folder: Path, clock: Callable[[], datetime] = datetime.now):
        self.folder, self.jobs_dir, self._clock = folder, folder / "jobs", clock
        self._lock = threading.Lock()

    # --- setting up ---------------------------------------------------------------------------------

    def open(self) -> "Spool":
        """Makes the folders (private to the kiosk's account) and checks they can be written."""
        try:
            self.jobs_dir.mkdir(parents=True, exist_ok=True)
            for folder in (self.folder, self.jobs_dir):
                os.chmod(folder, 0o700)
            probe = self.jobs_dir / ".probe"
            write_atomically(probe, b"ok")
            probe.unlink()
        except OSError as error:
            raise SpoolError(f"The print spool folder {self.folder} cannot be written ({error.strerror}). "
                             "Check spool_dir in the config file and the folder's permissions.") from None
        return self

    def recover(self) -> list[Job]:
        """At startup: jobs caught mid-send go back to the queue; a PDF whose metadata was never written gets
        it; half-written temp files go. Returns the jobs waiting to print."""
        with self._lock:
            for temp in self.jobs_dir.glob(".writing-*"):
                temp.unlink(missing_ok=True)
            readable = {job.id for job in self._read_all()}
            for pdf in self.jobs_dir.glob("*.pdf"):
                if pdf.stem not in readable:  # metadata never written, or damaged
                    self._write_meta(self._job_from_name(pdf))
            for job in self._read_all():
                if job.state == SENT and not job.printer_job:
                    self._write_meta(replace(job, state=QUEUED, reason=""))
        return self.waiting()

    # --- adding ---------------------------------------------------------------------------------------

    def next_number(self) -> int:
        """1, 2, 3 ... starting again each day: what the patient is told ("your number is 17")."""
        with self._lock:
            today = self._clock().date().isoformat()
            counter = self.folder / "counter.json"
            try:
                saved = json.loads(counter.read_text())
                last = saved["last"] if saved.get("date") == today else 0
            except (OSError, ValueError, KeyError, TypeError):
                last = self._last_number_on_disk(today)
            number = last + 1
            write_atomically(counter, json.dumps({"date": today, "last": number}).encode())
            return number

    def add(self, kind: str, data: bytes, number: int, language: str = "") -> Job:
        if kind not in KINDS:
            raise ValueError(f"unknown job kind {kind!r}")
        now = self._clock()
        with self._lock:
            job = Job(self._free_id(f"{now:%Y%m%d}-{number:04d}-{kind}"), number, kind, language,
                      now.isoformat(timespec="seconds"))
            write_atomically(self.pdf_path(job), data)
            self._write_meta(job)
        return job

    # --- reading --------------------------------------------------------------------------------------

    def pdf_path(self, job: Job) -> Path:
        return self.jobs_dir / f"{job.id}.pdf"

    def jobs(self) -> list[Job]:
        """Every job the spool knows, newest first (for the staff panel)."""
        with self._lock:
            return sorted(self._read_all(), key=lambda job: (job.created, job.id), reverse=True)

    def get(self, job_id: str) -> Job | None:
        """One job's metadata, read alone (not the whole spool)."""
        with self._lock:
            return self._read(job_id)

    def jobs_in_print_order(self) -> list[Job]:
        """Alert slips first, then oldest first."""
        return sorted(self.jobs(), key=lambda job: (job.priority, job.created, job.id))

    def waiting(self) -> list[Job]:
        """Jobs still to be sent (queued, or failed and to be tried again), in print order."""
        return [job for job in self.jobs_in_print_order() if job.state in (QUEUED, FAILED)]

    def now_text(self) -> str:
        return self._clock().isoformat(timespec="seconds")

    def next_due(self) -> Job | None:
        now = self.now_text()
        return next((job for job in self.waiting() if job.is_due(now)), None)

    # --- changing -------------------------------------------------------------------------------------

    def update(self, job: Job, **changes) -> Job:
        """Writes the change, unless staff deleted the job meanwhile (it stays deleted) or cancelled it (it
        stays cancelled): the print service and the staff panel may change the same job at the same time."""
        with self._lock:
            current = self._read(job.id)
            if current is None:
                return replace(job, state=CANCELLED)
            if current.state == CANCELLED and changes.get("state", CANCELLED) != CANCELLED:
                return current
            changed = replace(job, **changes)
            self._write_meta(changed)
            if changed.state in (DONE, CANCELLED):
                self.pdf_path(changed).unlink(missing_ok=True)  # printed or cancelled: the document goes now
            return changed

    def failed(self, job: Job, reason: str) -> Job:
        """A try that did not work: waits with back-off, the reason kept for staff."""
        attempts = job.attempts + 1
        next_try = (self._clock() + backoff(attempts)).isoformat(timespec="seconds")
        return self.update(job, state=FAILED, attempts=attempts, next_try=next_try, reason=reason)

    def retry(self, job: Job) -> Job:
        return self.update(job, state=QUEUED, next_try="", reason="")

    def cancel(self, job: Job) -> Job:
        return self.update(job, state=CANCELLED, reason="cancelled by staff")

    def reprint(self, job: Job) -> Job:
        """Another copy, as a new job with the same number, while the document is still in the spool
        (a printed document has been deleted: spec §6)."""
        try:
            data = self.pdf_path(job).read_bytes()
        except FileNotFoundError:
            raise SpoolError(f"Job {job.id} has printed, so its document was deleted (patient privacy); "
                             "it cannot be printed again.") from None
        return self.add(job.kind, data, job.number, job.language)

    def delete(self, job: Job) -> None:
        with self._lock:
            self.pdf_path(job).unlink(missing_ok=True)
            (self.jobs_dir / f"{job.id}.json").unlink(missing_ok=True)

    def purge(self, retention: timedelta) -> int:
        """Deletes every job (document and metadata) older than the retention time; returns how many."""
        cutoff = (self._clock() - retention).isoformat(timespec="seconds")
        old = [job for job in self.jobs() if job.created < cutoff]
        for job in old:
            self.delete(job)
        return len(old)

    # --- inside -----------------------------------------------------------------------------------------

    def _free_id(self, base: str) -> str:
        """The id itself, or with -2, -3 ... when that number and kind was spooled before (a reprint)."""
        job_id, copy = base, 1
        while (self.jobs_dir / f"{job_id}.json").exists() or (self.jobs_dir / f"{job_id}.pdf").exists():
            copy += 1
            job_id = f"{base}-{copy}"
        return job_id

    def _read(self, job_id: str) -> Job | None:
        try:
            return Job(**json.loads((self.jobs_dir / f"{job_id}.json").read_text()))
        except (OSError, ValueError, TypeError):
            return None

    def _write_meta(self, job: Job) -> None:
        write_atomically(self.jobs_dir / f"{job.id}.json", json.dumps(asdict(job), indent=1).encode())

    def _read_all(self) -> list[Job]:
        jobs = []
        for meta in self.jobs_dir.glob("*.json"):
            job = self._read(meta.stem)
            if job is not None:  # a damaged metadata file: recover() rebuilds it from the PDF's name
                jobs.append(job)
        return jobs

    def _job_from_name(self, pdf: Path) -> Job:
        day, number, kind = pdf.stem.split("-")[:3]
        created = datetime.fromtimestamp(pdf.stat().st_mtime).isoformat(timespec="seconds")
        return Job(pdf.stem, int(number), kind, "", created)

    def _last_number_on_disk(self, today: str) -> int:
        prefix = today.replace("-", "")
        numbers = [int(path.stem.split("-")[1]) for path in self.jobs_dir.glob(f"{prefix}-*")
                   if path.stem.split("-")[1].isdigit()]
        return max(numbers, default=0)
