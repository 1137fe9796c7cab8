"""The `folder:PATH` printer: each PDF written whole into a folder (e.g. one the front desk prints from).

Written atomically (temp file, fsync, rename), so a reader of the folder never sees half a file. File names
carry the time and the kind of document only, never anything the patient said.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomically(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(prefix=".writing-", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as temp:
            temp.write(data)
            temp.flush()
            os.fsync(temp.fileno())
        os.replace(temp_name, path)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise


class FolderPrinter:
    def __init__(self, folder: Path):
        self.folder = folder

    def submit(self, name: str, data: bytes) -> Path:
        """Writes `name` (e.g. handout-20261123-140501.pdf) into the folder; a second one gets -2, -3..."""
        target = self.folder / name
        stem, suffix, count = target.stem, target.suffix, 1
        while target.exists():
            count += 1
            target = self.folder / f"{stem}-{count}{suffix}"
        write_atomically(target, data)
        return target
