"""The spool's times: stored in UTC with their offset, so a time-zone change (or summer time) changes nothing
about what is due, what is old and what was printed when. Shown to staff in the machine's local time.

Records written before times were stored with an offset hold naive local times; they are read as local."""

from __future__ import annotations

from datetime import date, datetime, timezone
from typing import Callable

Clock = Callable[[], datetime]


def utc(moment: datetime) -> datetime:
    """Any datetime as UTC; a naive one is the machine's local time (what datetime.now() gives)."""
    return (moment if moment.tzinfo is not None else moment.astimezone()).astimezone(timezone.utc)


def now_utc(clock: Clock) -> datetime:
    return utc(clock()).replace(microsecond=0)


def to_text(moment: datetime) -> str:
    """ISO 8601 in UTC, to the second: '2026-11-23T14:05:00+00:00'. Texts in this form sort as times do."""
    return utc(moment).isoformat(timespec="seconds")


def parse(text: str) -> datetime:
    """A stored time as UTC; raises ValueError for anything that is not an ISO time."""
    if not isinstance(text, str):
        raise ValueError("not a time")
    return utc(datetime.fromisoformat(text))


def local(text: str) -> datetime:
    """A stored time in the machine's local time, for staff; an unreadable one as the epoch."""
    try:
        return parse(text).astimezone()
    except ValueError:
        return datetime.fromtimestamp(0).astimezone()


def local_day(moment: datetime) -> date:
    """The day a patient lives in: numbers start again at local midnight."""
    return utc(moment).astimezone().date()
