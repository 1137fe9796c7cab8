"""Logging: a rotating file in the platform log folder plus stderr. Events and ids only, never answers.

Call sites log event names (`visit.wiped reason=idle`) and ids; nothing a patient typed or chose is ever
a log argument. tests/test_privacy.py proves it for a whole visit.
"""

from __future__ import annotations

import logging
import logging.handlers
import sys
from pathlib import Path

LOG_FILE_NAME = "kiosk.log"
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


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
        log_dir.mkdir(parents=True, exist_ok=True)
        file_handler = logging.handlers.RotatingFileHandler(log_dir / LOG_FILE_NAME, maxBytes=1_000_000,
                                                            backupCount=5, encoding="utf-8")
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
