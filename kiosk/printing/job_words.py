"""A job's state in the words staff see, the same on the staff panel and in `kiosk queue list` (which said
"failed" for a job that was only waiting to be tried again, with no time for the next try). Times in the
machine's local time. Pure Python: the CLI uses it without Qt."""

from __future__ import annotations

from kiosk.printing import spool_time
from kiosk.printing.spool import CANCELLED, DONE, FAILED, QUEUED, SENDING, SENT, Job

KIND_WORDS = {"handout": "Handout", "summary": "Clinician summary", "alert": "Staff alert slip",
              "test": "Test page", "general": "General handout", "document": "Document"}


def local_clock_time(text: str, seconds: bool = True) -> str:
    return f"{spool_time.local(text):%H:%M:%S}" if seconds else f"{spool_time.local(text):%H:%M}"


def local_day(text: str) -> str:
    return spool_time.local(text).date().isoformat()


def state_words(job: Job) -> str:
    if job.state == FAILED:
        retry_at = local_clock_time(job.next_try) if job.next_try else "soon"
        tries = "1 failed try" if job.attempts == 1 else f"{job.attempts} failed tries"
        return f"Not printed yet: {job.reason}. {tries}; next try {retry_at}."
    if job.state == DONE:  # a reason on a printed job: FrontDesk.jobs() says until when it can be printed again
        return f"Printed; {job.reason}" if job.reason else "Printed (document deleted)"
    words = {QUEUED: "Waiting to print", SENDING: "Being sent to the printer", SENT: "At the printer",
             CANCELLED: "Cancelled (document deleted)"}[job.state]
    return f"{words}: {job.reason}" if job.reason and job.state == SENT else words
