"""The spool's writer lock: every process that numbers, names, writes, moves or reads records in the spool
(the kiosk, a second kiosk on the same spool, `kiosk print`, `kiosk queue`) holds it for that moment.

Without it, two writers picked the same job id and one document replaced the other, two patients were told the
same number, and a starting sender deleted another process's half-written files as "left by a crash". With it,
a temp file found while holding the lock really was left by a crash.

An OS file lock (flock; msvcrt on Windows) waits for the holder and is dropped by the OS when its process dies,
even by SIGKILL. Re-entrant within one process (a thread lock counts the depth), so spool methods can call each
other. Held for milliseconds: one record or one document at a time."""

from __future__ import annotations

import os
import sys
import threading
from contextlib import contextmanager
from pathlib import Path


class SpoolLock:
    def __init__(self, path: Path):
        self.path = path
        self._thread_lock = threading.RLock()
        self._depth = 0
        self._fd: int | None = None

    @contextmanager
    def held(self):
        with self._thread_lock:
            if self._depth == 0:
                self._fd = _open(self.path)
                try:
                    _lock(self._fd)
                except BaseException:
                    os.close(self._fd)
                    self._fd = None
                    raise
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
                if self._depth == 0:
                    os.close(self._fd)  # closing releases the lock on every OS
                    self._fd = None


def _open(path: Path) -> int:
    try:
        return os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    except OSError:
        return os.open(path, os.O_RDONLY)  # a read-only disk: reading the spool must still be safe


if sys.platform.startswith("win"):
    import msvcrt
    import time

    def _lock(fd: int) -> None:
        while True:  # LK_LOCK gives up after ten tries of a second; the holder only takes milliseconds
            try:
                msvcrt.locking(fd, msvcrt.LK_LOCK, 1)
                return
            except OSError:
                time.sleep(0.05)
else:
    import fcntl

    def _lock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX)
