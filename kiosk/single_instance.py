"""One kiosk process per machine and spool (spec §6): a second `kiosk run` says so and exits, instead of opening a
second full-screen kiosk on top of the first.

The running kiosk holds an OS file lock (the spool sender's: kiosk/printing/sender_lock.py, flock or msvcrt) in
each folder it writes: its data folder (open alerts, the PIN lock) and its print spool. The OS drops the lock
when the process dies, even by SIGKILL or a power cut, so a crash never keeps the next start out.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from kiosk import paths
from kiosk.printing.sender_lock import SenderLock

log = logging.getLogger("kiosk.app")

LOCK_NAME = "kiosk-run.lock"
EXIT_ALREADY_RUNNING = 3


class KioskLock:
    """The locks of one running kiosk; release() at exit (the OS does it anyway when the process ends)."""

    def __init__(self, folders: list[Path]):
        self.folders = list(dict.fromkeys(folder.resolve() for folder in folders))
        self._locks: list[SenderLock] = []
        self.taken_by_other: Path | None = None   # the lock file another kiosk holds, after a failed acquire

    def acquire(self) -> bool:
        """True if this process is now the one kiosk for these folders; False at once if another kiosk is.
        Raises OSError if a folder cannot be made or written (the caller reports it)."""
        for folder in self.folders:
            folder.mkdir(parents=True, exist_ok=True)
            lock = SenderLock(folder / LOCK_NAME)
            if not lock.acquire():
                self.taken_by_other = lock.path
                self.release()
                return False
            self._locks.append(lock)
        return True

    def release(self) -> None:
        for lock in self._locks:
            lock.release()
        self._locks.clear()


def kiosk_folders(config_arg: str | None) -> list[Path]:
    """The data folder and the configured spool. A config with problems still names its spool (its bad values
    fall back to defaults): the kiosk then shows the error screen, and that is one kiosk too."""
    from kiosk.config import find_config_file, load_config

    config, _problems = load_config(find_config_file(config_arg))
    return [paths.default_data_dir(), config.spool_dir]


def claim_the_kiosk(config_arg: str | None) -> KioskLock | None:
    """The lock for `kiosk run`, or None after telling stderr (and the log) that another kiosk runs."""
    lock = KioskLock(kiosk_folders(config_arg))
    try:
        acquired = lock.acquire()
    except OSError as error:
        # A folder that cannot be written is the kiosk's own problem to report (it shows the error screen or
        # the staff panel's spool problem); it is not another kiosk.
        log.warning("startup.instance_lock_unavailable error=%s", type(error).__name__)
        return lock
    if acquired:
        return lock
    message = (f"Another kiosk is already running on this computer (it holds {lock.taken_by_other}). Only one "
               "kiosk runs at a time, so this one exits. To restart the kiosk, stop the running one first "
               "(staff panel: Exit the kiosk).")
    print(message, file=sys.stderr)
    log.warning("startup.already_running")
    return None
