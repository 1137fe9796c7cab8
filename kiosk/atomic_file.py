"""Writing a file whole or not at all: a temp file beside it, fsync, then rename over it.

Used wherever a reader (or a power cut) must never meet half a file: the config's PIN line, the print spool,
the folder printer.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomically(path: Path, data: bytes, prefix: str = ".writing-", suffix: str = "") -> None:
    handle, temp_name = tempfile.mkstemp(prefix=prefix, suffix=suffix, dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as temp:
            temp.write(data)
            temp.flush()
            os.fsync(temp.fileno())
        os.replace(temp_name, path)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
