"""The print spool: every document waits here, on disk, until a printer has taken it. Pure Python, no Qt.

    spool_dir/ (0700)
      counter.json                         today's date and the last handout number given out
      jobs/20261123-0017-handout.pdf       the document (deleted once the printer has printed it)
      jobs/20261123-0017-handout.json      its metadata: kind, number, language, state, times, attempts, reason
      jobs/20261123-0017-handout-2.pdf     a reprint of the same number
      finished/20261123-0016-handout.json  the metadata of a printed or cancelled job

Files are written whole (temp file, fsync, rename), the PDF before its metadata, so a crash or power cut at
any moment leaves either nothing or a job that `recover()` puts back in the queue. The metadata holds no
answers and no names; it stays (without the PDF) so staff can see today's jobs, until the retention time.

`jobs/` holds only what still waits or is at the printer, so the sender's scan every second costs the same
at the end of a busy day as at its start (reading a whole day's records each second took the GIL from the
GUI thread for long enough to make taps late). A finished record never changes again: it is read once and
kept in memory; `finished/` wins over `jobs/` for the same id (a crash between the two writes).
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
FINISHED = (DONE, CANCELLED)
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
        self.folder, self.jobs_dir, self.finished_dir = folder, folder / "jobs", folder / "finished"
        self._clock = clock
        self._lock = threading.Lock()
        self._finished: dict[str, tuple[tuple[int, int], Job]] = {}  # name -> ((inode, mtime), record)

    # --- setting up ---------------------------------------------------------------------------------

    def open(self) -> "Spool":
        """Makes the folders (private to the kiosk's account) and checks they can be written."""
        try:
            for folder in (self.folder, self.jobs_dir, self.finished_dir):
                folder.mkdir(parents=True, exist_ok=True)
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
        it; half-written temp files go; a finished record still in jobs/ (a move cut short, or a spool from
        before finished/) is tidied. Returns the jobs waiting to print."""
        with self._lock:
            for temp in (*self.jobs_dir.glob(".writing-*"), *self.finished_dir.glob(".writing-*")):
                temp.unlink(missing_ok=True)
            finished = {job.id for job in self._read_finished()}
            for meta in self.jobs_dir.glob("*.json"):
                job = self._read_active(meta.stem)
                if meta.stem in finished:  # the move to finished/ was cut short
                    meta.unlink(missing_ok=True)
                elif job is not None and job.state in FINISHED:  # (or an older spool): move it now
                    self._write_meta(job)
            readable = {job.id for job in self._read_all_active()} | finished
            for pdf in self.jobs_dir.glob("*.pdf"):
                if pdf.stem in finished:
                    pdf.unlink(missing_ok=True)
                elif pdf.stem not in readable:  # metadata never written, or damaged
                    self._write_meta(self._job_from_name(pdf))
            for job in self._read_all_active():
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
            finished = self._read_finished()
            done_ids = {job.id for job in finished}
            active = [job for job in self._read_all_active() if job.id not in done_ids]
            return sorted(active + finished, key=lambda job: (job.created, job.id), reverse=True)

    def active(self) -> list[Job]:
        """Jobs waiting or at the printer, in print order: alert slips first, then oldest first. Reads only
        `jobs/`, never the day's finished records (the sender asks every second)."""
        with self._lock:
            jobs = [job for job in self._read_all_active() if job.state not in FINISHED
                    and not (self.finished_dir / f"{job.id}.json").exists()]  # a move cut short
        return sorted(jobs, key=lambda job: (job.priority, job.created, job.id))

    def get(self, job_id: str) -> Job | None:
        """One job's metadata, read alone (not the whole spool)."""
        with self._lock:
            return self._read(job_id)

    def waiting(self) -> list[Job]:
        """Jobs still to be sent (queued, or failed and to be tried again), in print order."""
        return [job for job in self.active() if job.state in (QUEUED, FAILED)]

    def now_text(self) -> str:
        return self._clock().isoformat(timespec="seconds")

    def next_due(self) -> Job | None:
        now = self.now_text()
        return next((job for job in self.waiting() if job.is_due(now)), None)

    # --- changing -------------------------------------------------------------------------------------

    def update(self, job: Job, **changes) -> Job:
        """Writes the change, unless staff deleted the job meanwhile (it stays deleted) or it has finished
        (printed or cancelled, it stays so): the print service and the staff panel may change the same job at
        the same time."""
        with self._lock:
            current = self._read(job.id)
            if current is None:
                return replace(job, state=CANCELLED)
            if current.state in FINISHED:
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
            (self.finished_dir / f"{job.id}.json").unlink(missing_ok=True)
            self._finished.pop(f"{job.id}.json", None)

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
        while any(path.exists() for path in (self.jobs_dir / f"{job_id}.json", self.jobs_dir / f"{job_id}.pdf",
                                              self.finished_dir / f"{job_id}.json")):
            copy += 1
            job_id = f"{base}-{copy}"
        return job_id

    def _read(self, job_id: str) -> Job | None:
        return self._read_file(self.finished_dir / f"{job_id}.json") or self._read_active(job_id)

    def _read_active(self, job_id: str) -> Job | None:
        return self._read_file(self.jobs_dir / f"{job_id}.json")

    @staticmethod
    def _read_file(path: Path) -> Job | None:
        try:
            return Job(**json.loads(path.read_text()))
        except (OSError, ValueError, TypeError):
            return None

    def _write_meta(self, job: Job) -> None:
        """A finished job's record moves to finished/ (written there first: a crash between leaves both, and
        finished/ wins)."""
        data = json.dumps(asdict(job), indent=1).encode()
        if job.state in FINISHED:
            write_atomically(self.finished_dir / f"{job.id}.json", data)
            (self.jobs_dir / f"{job.id}.json").unlink(missing_ok=True)
        else:
            write_atomically(self.jobs_dir / f"{job.id}.json", data)

    def _read_all_active(self) -> list[Job]:
        jobs = []
        for meta in self.jobs_dir.glob("*.json"):
            job = self._read_active(meta.stem)
            if job is not None:  # a damaged metadata file: recover() rebuilds it from the PDF's name
                jobs.append(job)
        return jobs

    def _read_finished(self) -> list[Job]:
        """Only records not seen before are read; one replaced by another process (a purge, then the same id
        again) has another inode or time, and is read again."""
        seen = {}
        try:
            for entry in os.scandir(self.finished_dir):
                if entry.name.endswith(".json") and not entry.name.startswith("."):
                    info = entry.stat()
                    seen[entry.name] = (info.st_ino, info.st_mtime_ns)
        except FileNotFoundError:
            pass
        for name in list(self._finished):
            if self._finished[name][0] != seen.get(name):
                del self._finished[name]
        for name, stamp in seen.items():
            if name not in self._finished:
                job = self._read_file(self.finished_dir / name)
                if job is not None:
                    self._finished[name] = (stamp, job)
        return [job for _stamp, job in self._finished.values()]

    def _job_from_name(self, pdf: Path) -> Job:
        day, number, kind = pdf.stem.split("-")[:3]
        created = datetime.fromtimestamp(pdf.stat().st_mtime).isoformat(timespec="seconds")
        return Job(pdf.stem, int(number), kind, "", created)

    def _last_number_on_disk(self, today: str) -> int:
        prefix = today.replace("-", "")
        paths = (*self.jobs_dir.glob(f"{prefix}-*"), *self.finished_dir.glob(f"{prefix}-*"))
        numbers = [int(path.stem.split("-")[1]) for path in paths if path.stem.split("-")[1].isdigit()]
        return max(numbers, default=0)
