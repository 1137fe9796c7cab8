"""Writing a file whole or not at all: a temp file beside it, fsync, then rename over it.

Used wherever a reader (or a power cut) must never meet half a file: the config's PIN line, the print spool,
the folder printer.
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path


def write_atomically(path: Path, data: bytes, prefix: str = ".writing-", suffix: str = "") -> None:
    """A new file is private to the kiosk's account (0600, like the temp file); a file that is replaced keeps
    its permissions (a machine-wide config that the kiosk account reads must stay readable after set-pin)."""
    handle, temp_name = tempfile.mkstemp(prefix=prefix, suffix=suffix, dir=path.parent)
    try:
        try:
            os.chmod(temp_name, stat.S_IMODE(path.stat().st_mode))
        except FileNotFoundError:
            pass
        with os.fdopen(handle, "wb") as temp:
            temp.write(data)
            temp.flush()
            os.fsync(temp.fileno())
        os.replace(temp_name, path)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
