"""Writing to a site config file without losing the comments IT wrote in it (only `kiosk set-pin` writes)."""

from __future__ import annotations

import re
from pathlib import Path

from kiosk.atomic_file import write_atomically

PIN_LINE = re.compile(r"^staff_pin_hash\s*:.*$", re.MULTILINE)


def write_pin_hash(path: Path, pin_hash: str) -> None:
    """Replace the staff_pin_hash line (or add one), atomically, keeping everything else as it was."""
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    line = f'staff_pin_hash: "{pin_hash}"'
    if PIN_LINE.search(text):
        text = PIN_LINE.sub(lambda _: line, text, count=1)
    else:
        text = (text if not text or text.endswith("\n") else text + "\n") + line + "\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(path, text.encode("utf-8"), prefix=".config-", suffix=".yaml")
