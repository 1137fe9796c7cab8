"""The print spool: every document waits here, on disk, until a printer has printed it. Pure Python, no Qt.

    spool_dir/                             made 0700 if the kiosk makes it (an existing folder keeps its mode)
      spool.lock                           the writer lock (spool_lock.py): numbering, naming, every write
      counter.json                         the last handout number given out, for each recent day
      jobs/20261123-0017-handout.pdf       the document, until it has printed
      jobs/20261123-0017-handout.json      its record: kind, number, language, state, times, attempts, reason
      jobs/20261123-0017-handout-2.pdf     a reprint of the same number
      finished/20261123-0016-handout.json  the record of a printed or cancelled job
      printed/20261123-0016-handout.pdf    a printed document, kept for the reprint grace (minutes), then deleted
      quarantine/                          files the spool could not use, set aside for staff to see

One writer protocol for every process (the kiosk, a second kiosk, `kiosk print`, `kiosk queue`): everything
that numbers, names, writes, moves or reads records happens holding the spool lock, and every file is written
whole (temp, fsync, rename), the document before its record. So a crash or power cut at any moment leaves
either nothing or a job that `recover()` puts back in the queue, and a temp file found while holding the lock
was left by a crash (never another writer's, in progress).

Records are checked when read (job_record.py); a bad one is set aside in quarantine/ and the others go on.
Times are stored in UTC (spool_time.py). Retention deletes only finished records: a document that has not
printed is never deleted by time.

`jobs/` holds only what still waits or is at the printer, so the sender's scan every second costs the same
at the end of a busy day as at its start (reading a whole day's records each second took the GIL from the
GUI thread for long enough to make taps late). A finished record never changes again: it is read once and
kept in memory; `finished/` wins over `jobs/` for the same id (a crash between the two writes).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Callable

from kiosk.atomic_file import write_atomically
from kiosk.printing import day_numbers, quarantine, spool_time
from kiosk.printing.job_record import (  # noqa: F401 - the spool's names, as the rest of the kiosk imports them
    CANCELLED, DONE, FAILED, FINISHED, JOB_ID, KINDS, QUEUED, SENDING, SENT, STATES, WAITING, BadRecord, Job,
    backoff, check_job_id, read_record)
from kiosk.printing.spool_lock import SpoolLock

TEMP_PREFIX = ".writing-"


class SpoolError(Exception):
    """The spool cannot be used (e.g. its folder is not writable): a message staff can act on."""


class Spool:
    def __init__(self, folder: Path, clock: Callable[[], datetime] = datetime.now,
                 reprint_grace: timedelta = timedelta(0)):
        self.folder, self.jobs_dir, self.finished_dir = folder, folder / "jobs", folder / "finished"
        self.printed_dir, self.quarantine_dir = folder / "printed", folder / "quarantine"
        self.reprint_grace = reprint_grace
        self._clock = clock
        self._lock = SpoolLock(folder / "spool.lock")
        self._finished: dict[str, tuple[tuple[int, int], Job]] = {}  # name -> ((inode, mtime), record)

    # --- setting up ---------------------------------------------------------------------------------

    def open(self) -> "Spool":
        """Makes the folders (private to the kiosk's account) and checks they can be written. A folder that
        exists already keeps its mode: spool_dir may be a folder IT made with its own permissions."""
        try:
            for folder in (self.folder, self.jobs_dir, self.finished_dir, self.printed_dir, self.quarantine_dir):
                _make_private_folder(folder)
            handle, probe = tempfile.mkstemp(prefix=".probe-", dir=self.jobs_dir)  # its own name: no sharing
            os.close(handle)
            os.unlink(probe)
        except OSError as error:
            raise SpoolError(f"The print spool folder {self.folder} cannot be written ({error.strerror}). "
                             "Check spool_dir in the config file and the folder's permissions.") from None
        return self

    def recover(self) -> list[Job]:
        """When a process becomes the sender: half-written temp files (left by a crash: writers hold the lock
        while they write) go; stray files are set aside; a document whose record was never written gets one; a
        finished record still in jobs/ (a move cut short, or a spool from before finished/) is tidied. Jobs
        caught mid-send (SENDING) are left to the sender, which asks the printer about them. Returns the jobs
        waiting to print."""
        with self._lock.held():
            for folder in (self.folder, self.jobs_dir, self.finished_dir, self.printed_dir):
                for temp in folder.glob(f"{TEMP_PREFIX}*"):
                    temp.unlink(missing_ok=True)
            self._set_aside_strays()
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
                    self._put_away_document(pdf.stem, keep=False)
                elif pdf.stem not in readable:  # record never written, or set aside as damaged
                    self._write_meta(self._job_from_name(pdf))
            for job in self._read_all_active():
                if job.state == SENT and not job.printer_job:  # a spool from before SENDING
                    self._write_meta(replace(job, state=QUEUED, reason=""))
        return self.waiting()

    # --- adding ---------------------------------------------------------------------------------------

    def next_number(self) -> int:
        """1, 2, 3 ... starting again each (local) day: what the patient is told ("your number is 17").
        Never the same number twice for one day, even with two kiosks on the spool or a clock set back."""
        with self._lock.held():
            day = spool_time.local_day(self.now())
            return day_numbers.next_number(self.folder / "counter.json", day, self._last_number_on_disk)

    def add(self, kind: str, data: bytes, number: int, language: str = "") -> Job:
        if kind not in KINDS:
            raise ValueError(f"unknown job kind {kind!r}")
        now = self.now()
        with self._lock.held():
            day = spool_time.local_day(now)
            job = Job(self._free_id(f"{day:%Y%m%d}-{number:04d}-{kind}"), number, kind, language,
                      spool_time.to_text(now))
            write_atomically(self.pdf_path(job), data)
            try:
                self._write_meta(job)
            except BaseException:
                self.pdf_path(job).unlink(missing_ok=True)  # no document without a record (e.g. a full disk)
                raise
        return job

    # --- reading --------------------------------------------------------------------------------------

    def pdf_path(self, job: Job) -> Path:
        return self.jobs_dir / f"{job.id}.pdf"

    def jobs(self) -> list[Job]:
        """Every job the spool knows, newest first (for the staff panel and `kiosk queue list`)."""
        with self._lock.held():
            self._set_aside_strays()
            finished = self._read_finished()
            done_ids = {job.id for job in finished}
            active = [job for job in self._read_all_active() if job.id not in done_ids]
            return sorted(active + finished, key=lambda job: (job.created, job.id), reverse=True)

    def active(self) -> list[Job]:
        """Jobs waiting or at the printer, in print order: alert slips first, then oldest first. Reads only
        `jobs/`, never the day's finished records (the sender asks every second)."""
        with self._lock.held():
            jobs = []
            for job in self._read_all_active():
                if (self.finished_dir / f"{job.id}.json").exists():  # a move cut short (a crash, a read-only
                    self._tidy_finished(job.id)                       # jobs/): finished/ wins
                elif job.state not in FINISHED:
                    jobs.append(job)
        return sorted(jobs, key=lambda job: (job.priority, job.created, job.id))

    def get(self, job_id: str) -> Job | None:
        """One job's record, read alone (not the whole spool)."""
        with self._lock.held():
            return self._read(job_id)

    def waiting(self) -> list[Job]:
        """Jobs still to be sent (queued, or failed and to be tried again), in print order."""
        return [job for job in self.active() if job.state in WAITING]

    def now(self) -> datetime:
        return spool_time.now_utc(self._clock)

    def next_due(self) -> Job | None:
        now = self.now()
        return next((job for job in self.waiting() if job.is_due(now)), None)

    def quarantined(self) -> list[tuple[str, str]]:
        """(file name, what is wrong) for each file set aside: staff should know a job may be missing."""
        return quarantine.listing(self.quarantine_dir)

    def empty_quarantine(self) -> None:
        """Only when the whole spool goes (retiring a kiosk): a set-aside file may be a document."""
        with self._lock.held():
            for path in self.quarantine_dir.glob("*"):
                if path.is_dir() and not path.is_symlink():
                    shutil.rmtree(path, ignore_errors=True)
                else:
                    path.unlink(missing_ok=True)

    # --- changing -------------------------------------------------------------------------------------

    def update(self, job: Job, **changes) -> Job:
        """Writes the change, unless staff deleted the job meanwhile (it stays deleted) or it has finished
        (printed or cancelled, it stays so): the print service and the staff panel may change the same job at
        the same time. Raises OSError if the record cannot be written (e.g. a full disk)."""
        with self._lock.held():
            current = self._read(job.id)
            if current is None:
                return replace(job, state=CANCELLED)
            if current.state in FINISHED:
                return current
            changed = replace(job, **changes)
            if changed.state in FINISHED and not changed.finished_at:
                changed = replace(changed, finished_at=spool_time.to_text(self.now()))
            self._write_meta(changed)
            if changed.state in FINISHED:
                self._put_away_document(changed.id, keep=changed.state == DONE)
            return changed

    def failed(self, job: Job, reason: str) -> Job:
        """A try that did not work: waits with back-off, the reason kept for staff."""
        attempts = job.attempts + 1
        next_try = spool_time.to_text(self.now() + backoff(attempts))
        return self.update(job, state=FAILED, attempts=attempts, next_try=next_try, reason=reason)

    def retry(self, job: Job) -> Job:
        return self.update(job, state=QUEUED, next_try="", reason="")

    def cancel(self, job: Job) -> Job:
        return self.update(job, state=CANCELLED, reason="cancelled by staff")

    def reprint(self, job: Job) -> Job:
        """Another copy, as a new job with the same number, while the document is still in the spool: until
        it has printed, then for the reprint grace (a jam, a lost page); after that it is deleted (spec §6)."""
        with self._lock.held():
            self.sweep_printed()
            for path in (self.pdf_path(job), self.printed_dir / f"{job.id}.pdf"):
                try:
                    data = path.read_bytes()
                    break
                except FileNotFoundError:
                    continue
            else:
                raise SpoolError(f"Job {job.id} has printed, so its document was deleted (patient privacy); "
                                 "it cannot be printed again.")
            return self.add(job.kind, data, job.number, job.language)

    def delete(self, job: Job) -> None:
        with self._lock.held():
            self.pdf_path(job).unlink(missing_ok=True)
            (self.printed_dir / f"{job.id}.pdf").unlink(missing_ok=True)
            (self.jobs_dir / f"{job.id}.json").unlink(missing_ok=True)
            (self.finished_dir / f"{job.id}.json").unlink(missing_ok=True)
            self._finished.pop(f"{job.id}.json", None)

    def purge(self, retention: timedelta) -> int:
        """Deletes the records of jobs that finished (printed or cancelled) longer ago than the retention
        time; returns how many. A job that has not printed is never deleted by time, however long it waits."""
        self.sweep_printed()
        cutoff = self.now() - retention
        old = [job for job in self.jobs() if job.state in FINISHED
               and spool_time.parse(job.finished_at or job.created) < cutoff]
        for job in old:
            self.delete(job)
        return len(old)

    def sweep_printed(self) -> int:
        """Deletes printed documents whose reprint grace is over; returns how many. One whose record is gone,
        or stamped in the future (the clock was set back), goes too: when in doubt, privacy wins."""
        now, deleted = self.now(), 0
        with self._lock.held():
            try:
                names = [entry.name for entry in os.scandir(self.printed_dir) if entry.name.endswith(".pdf")]
            except FileNotFoundError:
                return 0
            for name in names:
                job = self._read(name[:-4])
                printed_at = _time_or_none(job.finished_at) if job is not None else None
                if printed_at is None or not printed_at - timedelta(minutes=1) <= now < printed_at + self.reprint_grace:
                    (self.printed_dir / name).unlink(missing_ok=True)
                    deleted += 1
        return deleted

    # --- inside -----------------------------------------------------------------------------------------

    def _tidy_finished(self, job_id: str) -> None:
        """The leftovers in jobs/ of a job whose record reached finished/; tried again on the next scan if the
        disk does not let us now."""
        finished = self._read_checked(self.finished_dir / f"{job_id}.json")
        try:
            self._put_away_document(job_id, keep=finished is not None and finished.state == DONE)
            (self.jobs_dir / f"{job_id}.json").unlink(missing_ok=True)
        except OSError:
            pass

    def _put_away_document(self, job_id: str, keep: bool) -> None:
        """A finished job's document: kept in printed/ for the reprint grace if it printed, else deleted now."""
        pdf = self.jobs_dir / f"{job_id}.pdf"
        if keep and self.reprint_grace > timedelta(0):
            try:
                os.replace(pdf, self.printed_dir / pdf.name)
                return
            except FileNotFoundError:
                return
            except OSError:
                pass  # printed/ unusable: privacy first, delete it
        pdf.unlink(missing_ok=True)

    def _free_id(self, base: str) -> str:
        """The id itself, or with -2, -3 ... when that number and kind was spooled before (a reprint)."""
        job_id, copy = base, 1
        while any(path.exists() for path in (self.jobs_dir / f"{job_id}.json", self.jobs_dir / f"{job_id}.pdf",
                                              self.finished_dir / f"{job_id}.json")):
            copy += 1
            job_id = f"{base}-{copy}"
        return job_id

    def _read(self, job_id: str) -> Job | None:
        return self._read_checked(self.finished_dir / f"{job_id}.json") or self._read_active(job_id)

    def _read_active(self, job_id: str) -> Job | None:
        return self._read_checked(self.jobs_dir / f"{job_id}.json")

    def _read_checked(self, path: Path) -> Job | None:
        """The record, or None if there is none; a bad one is set aside (and its document, if any, gets a
        record from its name when the sender next recovers, or at once here: nothing is lost)."""
        try:
            return self._read_file(path)
        except BadRecord:
            pass
        try:
            quarantine.set_aside(path, self.quarantine_dir)
        except OSError:
            return None
        pdf = self.jobs_dir / f"{path.stem}.pdf"
        if path.parent == self.jobs_dir and pdf.exists():
            try:
                self._write_meta(self._job_from_name(pdf))
            except (OSError, BadRecord):
                pass  # recover() tries again
        return None

    @staticmethod
    def _read_file(path: Path) -> Job | None:
        """None if the file is not there (or cannot be read); BadRecord if it is not a good record."""
        try:
            data = path.read_bytes()
        except OSError:
            return None
        return read_record(data, path.stem)

    def _write_meta(self, job: Job) -> None:
        """A finished job's record moves to finished/ (written there first: a crash between leaves both, and
        finished/ wins)."""
        if job.state in FINISHED:
            write_atomically(self.finished_dir / f"{job.id}.json", job.to_bytes())
            (self.jobs_dir / f"{job.id}.json").unlink(missing_ok=True)
        else:
            write_atomically(self.jobs_dir / f"{job.id}.json", job.to_bytes())

    def _read_all_active(self) -> list[Job]:
        jobs = []
        for meta in self.jobs_dir.glob("*.json"):
            job = self._read_active(meta.stem)
            if job is not None:
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
                job = self._read_checked(self.finished_dir / name)
                if job is not None:
                    self._finished[name] = (stamp, job)
        return [job for _stamp, job in self._finished.values()]

    def _set_aside_strays(self) -> None:
        """Anything in jobs/ or finished/ that is not a job's file (or a writer's temp file) goes to quarantine/."""
        for folder, suffixes in ((self.jobs_dir, (".json", ".pdf")), (self.finished_dir, (".json",))):
            try:
                entries = list(os.scandir(folder))
            except FileNotFoundError:
                continue
            for entry in entries:
                stem, dot, suffix = entry.name.rpartition(".")
                if entry.name.startswith((TEMP_PREFIX, ".probe-")):
                    continue  # a writer's file in progress
                if entry.is_file(follow_symlinks=False) and f"{dot}{suffix}" in suffixes and _is_job_id(stem):
                    continue
                try:
                    quarantine.set_aside(Path(entry.path), self.quarantine_dir)
                except OSError:
                    pass  # e.g. a read-only disk: it stays, and is ignored

    def _job_from_name(self, pdf: Path) -> Job:
        found = check_job_id(pdf.stem)
        created = datetime.fromtimestamp(pdf.stat().st_mtime).astimezone()
        return Job(pdf.stem, int(found["number"]), found["kind"], "", spool_time.to_text(created))

    def _last_number_on_disk(self, day: date) -> int:
        prefix = f"{day:%Y%m%d}-"
        numbers = []
        for folder in (self.jobs_dir, self.finished_dir, self.printed_dir, self.quarantine_dir):
            try:
                names = os.listdir(folder)
            except FileNotFoundError:
                continue
            for name in names:
                found = JOB_ID.match(name)
                if name.startswith(prefix) and found is not None:
                    numbers.append(int(found["number"]))
        return max(numbers, default=0)


def _make_private_folder(folder: Path) -> None:
    if folder.is_dir():
        return
    folder.parent.mkdir(parents=True, exist_ok=True)
    try:
        folder.mkdir(mode=0o700)
    except FileExistsError:
        return  # another process made it a moment ago
    os.chmod(folder, 0o700)  # mkdir's mode passes through the umask


def _is_job_id(text: str) -> bool:
    try:
        check_job_id(text)
    except BadRecord:
        return False
    return True


def _time_or_none(text: str) -> datetime | None:
    try:
        return spool_time.parse(text) if text else None
    except ValueError:
        return None
