"""Logging: a rotating file in the platform log folder plus stderr. Events and ids only, never answers.

Call sites log event names (`visit.wiped reason=idle`) and ids; nothing a patient typed or chose is ever
a log argument. tests/test_privacy.py proves it for a whole visit.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import sys
from pathlib import Path

LOG_FILE_NAME = "kiosk.log"
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """A rotating log whose files only the kiosk's account can read (0600), whatever the umask: the log has no
    answers, but when visits happened is still nobody else's business on a shared machine."""

    def _open(self):
        descriptor = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        if hasattr(os, "fchmod"):
            os.fchmod(descriptor, 0o600)   # a file an older kiosk made 0644
        return open(descriptor, self.mode, encoding=self.encoding, errors=self.errors)


def setup_logging(log_dir: Path, level: int = logging.INFO, to_stderr: bool = True) -> Path | None:
    """Configure the `kiosk` logger; returns the log file, or None when the folder cannot be written."""
    logger = logging.getLogger("kiosk")
    logger.setLevel(level)
    for handler in list(logger.handlers):
        logger.removeHandler(handler)
        handler.close()
    logger.propagate = False
    formatter = logging.Formatter(FORMAT)
    if to_stderr:
        stream = logging.StreamHandler(sys.stderr)
        stream.setFormatter(formatter)
        logger.addHandler(stream)
    try:
        log_dir.mkdir(mode=0o700, parents=True, exist_ok=True)   # a folder that exists keeps IT's mode
        file_handler = PrivateRotatingFileHandler(log_dir / LOG_FILE_NAME, maxBytes=1_000_000, backupCount=5,
                                                  encoding="utf-8")
    except OSError as error:
        logger.warning("log.folder_unwritable errno=%s", error.errno)
        return None
    file_handler.setFormatter(formatter)
    logger.addHandler(file_handler)
    return log_dir / LOG_FILE_NAME


def log_unhandled(logger: logging.Logger, exc_type, exc_value, exc_traceback) -> None:
    """Log the type and the stack of an unexpected error, but not its message (it may quote an answer)."""
    import traceback

    stack = "".join(traceback.format_tb(exc_traceback)) if exc_traceback else ""
    logger.error("app.unhandled_exception type=%s\n%s", exc_type.__name__, stack)
