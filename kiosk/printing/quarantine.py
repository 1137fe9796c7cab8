"""Files the spool cannot use are set aside in `quarantine/`, not deleted and not left in the way.

A damaged record, a stray file in `jobs/`, a record whose id is not its name: any of these used to stop every
other job from printing. Set aside, they stop nothing; staff see them (`kiosk queue list`, the staff panel) and
IT can look at them. A move is a rename on the same disk, so it works on a full disk too."""

from __future__ import annotations

import os
from pathlib import Path

from kiosk.printing.job_record import BadRecord, check_job_id, read_record


def set_aside(path: Path, quarantine_dir: Path) -> Path:
    target = quarantine_dir / path.name
    copy = 1
    while target.exists():  # the same name set aside before: keep both
        copy += 1
        target = quarantine_dir / f"{path.name}.{copy}"
    os.replace(path, target)
    return target


def why_unusable(path: Path) -> str:
    """What is wrong with a set-aside file, in staff words (worked out again: writing a note could fail on
    the very full disk that made the file bad)."""
    name = path.name.split(".json.")[0] if ".json." in path.name else path.name
    stem, _, suffix = name.rpartition(".")
    try:
        if suffix == "json":
            read_record(path.read_bytes(), stem)
        else:
            check_job_id(stem)
            if suffix != "pdf":
                raise BadRecord("it is not a print job's file")
    except BadRecord as error:
        return str(error)
    except OSError as error:
        return f"it cannot be read ({error.strerror})"
    return "a job's file with no usable record"


def listing(quarantine_dir: Path) -> list[tuple[str, str]]:
    """(file name, what is wrong) for each file set aside, by name."""
    try:
        entries = sorted(os.scandir(quarantine_dir), key=lambda entry: entry.name)
    except FileNotFoundError:
        return []
    return [(entry.name, why_unusable(Path(entry.path))) for entry in entries]
