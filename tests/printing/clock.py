from datetime import datetime, timedelta


class Clock:
    """A clock the test moves by hand (back-off, retention and day changes without waiting)."""

    def __init__(self, now=datetime(2026, 11, 23, 9, 0)):
        self.now = now

    def __call__(self):
        return self.now

    def advance(self, **delta):
        self.now += timedelta(**delta)
