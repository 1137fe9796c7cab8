"""Only one process sends from a spool at a time: the running kiosk, or else a `kiosk print`/`kiosk queue`
command. Without it, both could hand the same job to the printer and the patient would get two copies.

An OS file lock (flock on Linux/macOS, msvcrt on Windows) is released by the OS when its process dies, even
by SIGKILL or a power cut, so a crash never leaves the spool locked."""

from __future__ import annotations

import os
import sys
from pathlib import Path


class SenderLock:
    def __init__(self, path: Path):
        self.path = path
        self._fd: int | None = None

    def acquire(self) -> bool:
        """True if this process is now the sender; False at once if another process is."""
        if self._fd is not None:
            return True
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            _lock(fd)
        except OSError:
            os.close(fd)
            return False
        self._fd = fd
        return True

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing the file releases the lock on every OS
            self._fd = None

    @property
    def held(self) -> bool:
        return self._fd is not None


if sys.platform.startswith("win"):
    import msvcrt

    def _lock(fd: int) -> None:
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
else:
    import fcntl

    def _lock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
