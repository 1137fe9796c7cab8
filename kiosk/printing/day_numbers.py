"""Today's handout numbers (1, 2, 3 ... from local midnight; what the patient is told), never given twice.

`counter.json` keeps the last number given for each recent day, not only today's: a clock stepped back across
midnight (NTP after a cold start, a wrong CMOS time) goes on from that day's last number instead of starting
it again, and stepping forward again goes on from the later day's. Called with the spool's writer lock held,
so two processes never read the same last number."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Callable

from kiosk.atomic_file import write_atomically

KEEP_DAYS = 40  # more than any clock error worth surviving; a day not listed is counted from the jobs on disk


def next_number(counter: Path, day: date, last_on_disk: Callable[[date], int]) -> int:
    days = _read(counter)
    key = day.isoformat()
    last = days[key] if key in days else last_on_disk(day)
    days[key] = last + 1
    kept = dict(sorted(days.items())[-KEEP_DAYS:])
    kept[key] = last + 1
    write_atomically(counter, json.dumps({"days": kept}, indent=0).encode())
    return last + 1


def _read(counter: Path) -> dict[str, int]:
    """{day: last number}; a missing or damaged counter is empty (each day is then counted from the disk)."""
    try:
        saved = json.loads(counter.read_text())
    except (OSError, ValueError):
        return {}
    if not isinstance(saved, dict):
        return {}
    if "days" in saved and isinstance(saved["days"], dict):
        pairs = saved["days"].items()
    else:  # the counter before per-day keeping: {"date": ..., "last": ...}
        pairs = [(saved.get("date"), saved.get("last"))]
    return {day: last for day, last in pairs
            if isinstance(day, str) and type(last) is int and last >= 0 and _is_day(day)}


def _is_day(text: str) -> bool:
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True
