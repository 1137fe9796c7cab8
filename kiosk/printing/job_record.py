"""One print job's record (what `jobs/ID.json` holds) and the strict reading of it.

A record is checked field by field when read: anything else (wrong types, an unknown state or kind, an id
that is not its file's name, a file name that is not a job's) is a BadRecord, which the spool sets aside in
quarantine/ for staff to see, instead of letting one bad file stop every other job from printing."""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, fields
from datetime import datetime, timedelta

from kiosk.printing import spool_time

QUEUED, SENDING, SENT, DONE, FAILED, CANCELLED = "queued", "sending", "sent", "done", "failed", "cancelled"
STATES = (QUEUED, SENDING, SENT, DONE, FAILED, CANCELLED)
FINISHED = (DONE, CANCELLED)
WAITING = (QUEUED, FAILED)  # to be sent (now, or once its back-off is over)
# Lower prints first: a staff alert slip never waits behind handouts.
KINDS = {"alert": 0, "handout": 1, "summary": 1, "test": 2, "general": 2, "document": 2}
MAX_BACKOFF_SECONDS = 300

# 20261123-0017-handout, and 20261123-0017-handout-2 for a second copy of the same number and kind.
JOB_ID = re.compile(r"(?P<day>\d{8})-(?P<number>\d{4,})-(?P<kind>[a-z]+)(?:-(?P<copy>\d+))?")


class BadRecord(ValueError):
    """A file in the spool that is not a job's record or document; the message says what is wrong."""


@dataclass(frozen=True)
class Job:
    id: str
    number: int
    kind: str
    language: str
    created: str  # UTC ISO time (spool_time)
    state: str = QUEUED
    attempts: int = 0
    next_try: str = ""  # UTC ISO time it may be tried again (empty: now); in SENDING, when a crashed send is judged
    reason: str = ""  # why it failed or waits, in staff words
    printer_job: str = ""  # the printer's own id, once accepted
    finished_at: str = ""  # UTC ISO time it printed or was cancelled (the reprint grace and retention count from it)

    @property
    def priority(self) -> int:
        return KINDS.get(self.kind, 2)

    def is_due(self, now: datetime) -> bool:
        """Waiting to be sent, and its back-off (if any) is over."""
        return self.state in WAITING and (not self.next_try or spool_time.parse(self.next_try) <= now)

    def to_bytes(self) -> bytes:
        return json.dumps(asdict(self), indent=1).encode()


def backoff(attempts: int) -> timedelta:
    """5 s, 10 s, 20 s ... up to 5 minutes between tries."""
    return timedelta(seconds=min(MAX_BACKOFF_SECONDS, 5 * 2 ** max(0, attempts - 1)))


def check_job_id(job_id: str) -> re.Match:
    found = JOB_ID.fullmatch(job_id)
    if found is None or found["kind"] not in KINDS:
        raise BadRecord("its name is not a print job's name")
    return found


_TEXT_FIELDS = ("id", "kind", "language", "created", "state", "next_try", "reason", "printer_job", "finished_at")
_INT_FIELDS = ("number", "attempts")
_TIME_FIELDS = ("created", "next_try", "finished_at")
_REQUIRED = ("id", "number", "kind", "created", "state")


def read_record(data: bytes, file_id: str) -> Job:
    """The job a record file holds, its times normalised to UTC; BadRecord says what is wrong otherwise."""
    try:
        values = json.loads(data)
    except (ValueError, UnicodeDecodeError):
        raise BadRecord("it is not readable JSON") from None
    if not isinstance(values, dict):
        raise BadRecord("it is not a job record")
    known = {field.name for field in fields(Job)}
    unknown = sorted(set(values) - known)
    if unknown:
        raise BadRecord(f"unknown field {unknown[0]!r}")
    missing = [name for name in _REQUIRED if name not in values]
    if missing:
        raise BadRecord(f"the field {missing[0]!r} is missing")
    for name in _TEXT_FIELDS:
        if name in values and not isinstance(values[name], str):
            raise BadRecord(f"{name!r} is not text")
    for name in _INT_FIELDS:
        if name in values and (type(values[name]) is not int or values[name] < 0):
            raise BadRecord(f"{name!r} is not a whole number")
    if values["id"] != file_id:
        raise BadRecord(f"its id {values['id'][:40]!r} is not its file's name")
    check_job_id(file_id)
    if values["kind"] not in KINDS:
        raise BadRecord(f"unknown kind {values['kind'][:20]!r}")
    if values["state"] not in STATES:
        raise BadRecord(f"unknown state {values['state'][:20]!r}")
    for name in _TIME_FIELDS:
        if values.get(name):
            try:
                values[name] = spool_time.to_text(spool_time.parse(values[name]))
            except ValueError:
                raise BadRecord(f"{name!r} is not a time") from None
    return Job(**values)
