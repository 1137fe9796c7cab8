"""Writing to a site config file without losing the comments IT wrote in it (only `kiosk set-pin` writes).

The file is edited as text (a YAML library would drop the comments), so the result is read back before it is
written: whatever the file's style (block lines, one `{...}` flow mapping, a `...` end marker), the new file must
load with the same values plus the new hash, or nothing is written. A symlinked config (IT's managed file linked
into place) is written through to its target; the link stays.
"""

from __future__ import annotations

import re
from pathlib import Path

from kiosk.atomic_file import write_atomically
from kiosk.yamldoc import load_yaml_text

PIN_LINE = re.compile(r"^staff_pin_hash\s*:.*$", re.MULTILINE)
DOCUMENT_END = re.compile(r"^\.\.\.[ \t]*(?:#.*)?$", re.MULTILINE)
FLOW_MAPPING_END = re.compile(r"\}\s*(?:#[^\n]*)?\s*$")


class ConfigWriteError(Exception):
    def __init__(self, message: str, fix: str):
        super().__init__(message)
        self.message, self.fix = message, fix


def with_pin_line(text: str, pin_hash: str) -> str:
    """The file's text with the staff_pin_hash set, in the file's own style."""
    value = f'"{pin_hash}"'
    if PIN_LINE.search(text):
        return PIN_LINE.sub(lambda _: f"staff_pin_hash: {value}", text, count=1)
    if _is_flow_mapping(text):
        end = FLOW_MAPPING_END.search(text)
        inside = text[:end.start()].rstrip()
        separator = "" if inside.endswith("{") else ","
        return f"{inside}{separator} staff_pin_hash: {value}{text[end.start():]}"
    line = f"staff_pin_hash: {value}\n"
    end = DOCUMENT_END.search(text)
    if end:   # a line after `...` would start a second document
        return text[:end.start()] + line + text[end.start():]
    return (text if not text or text.endswith("\n") else text + "\n") + line


def _is_flow_mapping(text: str) -> bool:
    meaningful = [line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    return bool(meaningful) and meaningful[0].lstrip().startswith("{") and FLOW_MAPPING_END.search(text) is not None


def write_pin_hash(path: Path, pin_hash: str) -> Path:
    """Set the staff_pin_hash (or add it), atomically, keeping everything else as it was; returns the file
    written (a symlink's target). Raises ConfigWriteError, having written nothing, when the result would not
    read back as the same settings with the new hash."""
    target = path.resolve() if path.is_symlink() else path
    text = target.read_text(encoding="utf-8") if target.exists() else ""
    new_text = with_pin_line(text, pin_hash)
    _check_reads_back(text, new_text, pin_hash, str(target))
    target.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(target, new_text.encode("utf-8"), prefix=".config-", suffix=".yaml")
    return target


def _check_reads_back(old_text: str, new_text: str, pin_hash: str, label: str) -> None:
    old, new = load_yaml_text(old_text, label), load_yaml_text(new_text, label)
    expected = dict(old.data or {}) if isinstance(old.data, dict) or old.data is None else None
    if expected is not None:
        expected["staff_pin_hash"] = pin_hash
    if old.problems or new.problems or expected is None or new.data != expected:
        raise ConfigWriteError(f"the kiosk cannot add the PIN line to {label} in a way it can read back",
                               f'Add this line to the file yourself, as a top-level setting:\n'
                               f'    staff_pin_hash: "{pin_hash}"')
