"""Staff alerts raised by the safety check (spec §2.1): kept for the staff panel, and handed to whoever
listens (the printing issue adds a printed slip). The log gets the level and number, never the symptoms."""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Callable

log = logging.getLogger("kiosk.alerts")


@dataclass(frozen=True)
class StaffAlert:
    number: int
    raised_at: datetime
    level: str                     # "emergency" or "urgent"
    symptoms: tuple[str, ...]      # red_flags choice ids
    acknowledged: bool = False


class AlertBoard:
    """Today's alerts, newest first. Listeners are called for every new alert and must not raise."""

    def __init__(self, clock: Callable[[], datetime] = datetime.now):
        self._clock = clock
        self._alerts: list[StaffAlert] = []
        self._listeners: list[Callable[[StaffAlert], None]] = []

    def subscribe(self, listener: Callable[[StaffAlert], None]) -> None:
        self._listeners.append(listener)

    def raise_alert(self, level: str, symptoms: tuple[str, ...]) -> StaffAlert:
        alert = StaffAlert(len(self._alerts) + 1, self._clock(), level, tuple(symptoms))
        self._alerts.insert(0, alert)
        log.warning("alert.raised level=%s number=%d", level, alert.number)
        for listener in self._listeners:
            try:
                listener(alert)
            except Exception:  # noqa: BLE001 - a failing slip printer must not stop the alert on screen
                log.exception("alert.listener_failed number=%d", alert.number)
        return alert

    def acknowledge(self, number: int) -> None:
        self._alerts = [replace(a, acknowledged=True) if a.number == number else a for a in self._alerts]
        log.info("alert.acknowledged number=%d", number)

    def alerts(self) -> list[StaffAlert]:
        return list(self._alerts)

    def unacknowledged(self) -> list[StaffAlert]:
        return [alert for alert in self._alerts if not alert.acknowledged]
