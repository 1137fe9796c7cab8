"""Staff alerts raised by the safety check (spec §2.1): kept for the staff panel, and handed to whoever listens
(the desk worker prints a slip). The log gets the level and number, never the symptoms.

One visit raises at most one open alert: flags chosen later in the same visit update it (same number, every flag
so far, "updated"). Alert numbers run per day. The day's last number and every open (unacknowledged) alert are
kept in a small file in the kiosk's data folder (AlertStore), so a crash or power cut loses neither: the staff
panel still lists them after a restart. The file holds the flags' ids, level, number and times: no other answer,
no name. A file that cannot be read is reported to staff, set aside, and never stops the kiosk.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from typing import Callable

from kiosk.atomic_file import write_atomically

log = logging.getLogger("kiosk.alerts")

LEVELS = ("urgent", "emergency")          # lowest first
FILE_NAME = "alerts.json"
FILE_FORMAT = 1


@dataclass(frozen=True)
class StaffAlert:
    number: int
    raised_at: datetime
    level: str                     # "emergency" or "urgent"
    symptoms: tuple[str, ...]      # red_flags choice ids, every flag so far
    acknowledged: bool = False
    updated_at: datetime | None = None     # when later flags of the same visit were added
    new_symptoms: tuple[str, ...] = ()     # the flags the latest update added

    @property
    def key(self) -> str:
        """Unique across days (numbers start again at 1 each day; an open alert may outlive its day)."""
        return f"{self.raised_at:%Y%m%d}-{self.number}"

    @property
    def updated(self) -> bool:
        return self.updated_at is not None


def higher_level(first: str, second: str) -> str:
    return max(first, second, key=LEVELS.index)


class AlertStore:
    """The day's last alert number and the open alerts, in one small JSON file written whole or not at all."""

    def __init__(self, path: Path):
        self.path = path

    def load(self) -> tuple[date | None, int, list[StaffAlert], str]:
        """(day, that day's last number, open alerts, problem in staff words or ""). Never raises: a missing file
        is a first start; a malformed one is set aside (kept for IT) and reported."""
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return None, 0, [], ""
        except (OSError, UnicodeDecodeError) as error:
            return None, 0, [], self._problem(f"it could not be read ({_why(error)})", set_aside=False)
        try:
            data = json.loads(text)
            if not isinstance(data, dict) or data.get("format") != FILE_FORMAT:
                raise ValueError(f"it is not a format-{FILE_FORMAT} alerts file")
            day = date.fromisoformat(_require(data, "day", str))
            last = _require(data, "last_number", int)
            entries = _require(data, "open", list)
        except (ValueError, TypeError) as error:
            return None, 0, [], self._problem(f"it is malformed: {error}", set_aside=True)
        alerts, bad = [], 0
        for entry in entries:
            try:
                alerts.append(_alert_from(entry))
            except (ValueError, TypeError, KeyError):
                bad += 1
        problem = ""
        if bad:
            problem = (f"{bad} saved open alert(s) in {self.path} could not be read and are not listed; check the "
                       "printed alert slips.")
            log.error("alert.store_entries_unreadable count=%d", bad)
        return day, last, alerts, problem

    def save(self, day: date, last_number: int, open_alerts: list[StaffAlert]) -> None:
        """Raises OSError if the folder cannot be written."""
        data = {"format": FILE_FORMAT, "day": day.isoformat(), "last_number": last_number,
                "open": [_alert_to(alert) for alert in open_alerts]}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(self.path, (json.dumps(data, indent=1) + "\n").encode("utf-8"), prefix=".alerts-")

    def _problem(self, why: str, set_aside: bool) -> str:
        kept = ""
        if set_aside:
            aside = self.path.with_name(f"{self.path.stem}.unreadable-{datetime.now():%Y%m%d-%H%M%S}.json")
            try:
                self.path.replace(aside)
                kept = f" It was kept as {aside.name} for IT."
            except OSError:
                pass
        log.error("alert.store_unreadable")
        return (f"The saved alerts file {self.path} was not used: {why}.{kept} Alerts raised before the kiosk "
                "started may be missing here, and alert numbers start again at 1: check the printed alert slips.")


class AlertBoard:
    """Today's alerts, newest first, plus any alert still open from before. Listeners are called for every new
    or updated alert and must not raise. `store` None keeps everything in memory (screenshots, tests)."""

    def __init__(self, clock: Callable[[], datetime] = datetime.now, store: AlertStore | None = None):
        self._clock = clock
        self._store = store
        self._listeners: list[Callable[[StaffAlert], None]] = []
        self.problem = ""   # the store's trouble, in staff words, for the staff panel ("" when all is well)
        self._day: date = clock().date()
        self._last_number = 0
        self._alerts: list[StaffAlert] = []
        if store is not None:
            day, last, open_alerts, self.problem = store.load()
            if day == self._day:
                self._last_number = last
            self._alerts = sorted(open_alerts, key=lambda a: a.updated_at or a.raised_at, reverse=True)
            if self._alerts:
                log.warning("alert.open_after_restart count=%d", len(self._alerts))

    def subscribe(self, listener: Callable[[StaffAlert], None]) -> None:
        self._listeners.append(listener)

    def raise_alert(self, level: str, symptoms: tuple[str, ...], update: str | None = None) -> StaffAlert:
        """A new alert, or, with `update` (the key of this visit's alert), that alert updated with any new flags
        and a higher level: same number, every flag so far, open again. Nothing new: the alert as it is."""
        if level not in LEVELS:
            raise ValueError(f"unknown alert level {level!r}; use one of {LEVELS}")
        now = self._clock()
        earlier = next((alert for alert in self._alerts if alert.key == update), None) if update else None
        if earlier is not None:
            added = tuple(s for s in symptoms if s not in earlier.symptoms)
            new_level = higher_level(earlier.level, level)
            if not added and new_level == earlier.level:
                return earlier
            alert = replace(earlier, level=new_level, symptoms=earlier.symptoms + added, acknowledged=False,
                            updated_at=now, new_symptoms=added)
            self._alerts.remove(earlier)
            event = "alert.updated"
        else:
            self._new_day_if_needed(now)
            self._last_number += 1
            alert = StaffAlert(self._last_number, now, level, tuple(symptoms))
            event = "alert.raised"
        self._alerts.insert(0, alert)
        log.warning("%s level=%s number=%d", event, alert.level, alert.number)
        self._save()
        for listener in self._listeners:
            try:
                listener(alert)
            except Exception:  # noqa: BLE001 - a failing slip printer must not stop the alert on screen
                log.exception("alert.listener_failed number=%d", alert.number)
        return alert

    def acknowledge(self, key: str) -> None:
        self._alerts = [replace(a, acknowledged=True) if a.key == key else a for a in self._alerts]
        log.info("alert.acknowledged number=%s", key.rsplit("-", 1)[-1])
        self._save()

    def alerts(self) -> list[StaffAlert]:
        return list(self._alerts)

    @property
    def day(self) -> date:
        """Today, for the board: alerts raised on another day are shown with their date."""
        return self._clock().date()

    def unacknowledged(self) -> list[StaffAlert]:
        return [alert for alert in self._alerts if not alert.acknowledged]

    def _new_day_if_needed(self, now: datetime) -> None:
        """Numbers start again at 1 each day; yesterday's acknowledged alerts leave the list, open ones stay."""
        if now.date() != self._day:
            self._day, self._last_number = now.date(), 0
            self._alerts = [a for a in self._alerts if not a.acknowledged or a.raised_at.date() == self._day]

    def _save(self) -> None:
        if self._store is None:
            return
        try:
            self._store.save(self._day, self._last_number, self.unacknowledged())
        except OSError as error:
            log.error("alert.store_write_failed error=%s", type(error).__name__)
            self.problem = (f"Open alerts could not be saved to {self._store.path} ({_why(error)}): after a "
                            "restart they would not be listed. Tell IT.")
        else:
            if self.problem.startswith("Open alerts could not be saved"):
                self.problem = ""


def _require(data: dict, name: str, kind: type):
    value = data.get(name)
    if not isinstance(value, kind) or isinstance(value, bool):
        raise ValueError(f"'{name}' is missing or not a {kind.__name__}")
    return value


def _alert_from(entry) -> StaffAlert:
    if not isinstance(entry, dict):
        raise ValueError("not a mapping")
    level = _require(entry, "level", str)
    symptoms = _require(entry, "symptoms", list)
    if level not in LEVELS or not symptoms or not all(isinstance(s, str) for s in symptoms):
        raise ValueError("bad level or symptoms")
    number = _require(entry, "number", int)
    if number < 1:
        raise ValueError("bad number")
    updated = entry.get("updated_at")
    new = entry.get("new_symptoms", [])
    if not isinstance(new, list) or not all(isinstance(s, str) for s in new):
        raise ValueError("bad new_symptoms")
    return StaffAlert(number, datetime.fromisoformat(_require(entry, "raised_at", str)), level, tuple(symptoms),
                      updated_at=datetime.fromisoformat(updated) if isinstance(updated, str) else None,
                      new_symptoms=tuple(new))


def _alert_to(alert: StaffAlert) -> dict:
    return {"number": alert.number, "raised_at": alert.raised_at.isoformat(timespec="seconds"),
            "level": alert.level, "symptoms": list(alert.symptoms),
            "updated_at": alert.updated_at.isoformat(timespec="seconds") if alert.updated_at else None,
            "new_symptoms": list(alert.new_symptoms)}


def _why(error: Exception) -> str:
    return getattr(error, "strerror", None) or type(error).__name__
