"""Helpers for the spool's fault tests: documents that can be told apart once printed, a real small disk that
fills or turns read-only, and a kiosk process that can be killed at a chosen step of a send."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from tests.printing.cups_server import pdf_text, printed_jobs

ROOT = Path(__file__).resolve().parents[2]
EVENTUALLY_SECONDS = 120  # only a broken system waits this long


def tagged_pdf(tag: str, filler_lines: int = 0) -> bytes:
    """A one-page PDF whose text is `tag` (pdftotext reads it back from what the printer got); filler lines of
    random letters make it bigger (by about 100 bytes each)."""
    import random
    import string
    from io import BytesIO

    from reportlab.pdfgen.canvas import Canvas

    out = BytesIO()
    canvas = Canvas(out, pageCompression=0)
    canvas.drawString(72, 720, f"TAG[{tag}]")
    letters = random.Random(tag)
    for line in range(filler_lines):
        canvas.drawString(72, 700 - (line % 60) * 10, "".join(letters.choices(string.ascii_letters, k=80)))
    canvas.save()
    return out.getvalue()


def printed_tags(output: Path) -> Counter:
    """How many times each tagged document came out of the printer."""
    tags = Counter()
    for job in printed_jobs(output):
        text = pdf_text(job)
        found = [part.split("]")[0] for part in text.split("TAG[")[1:]]
        tags.update(found or ["(untagged)"])
    return tags


def wait_for(condition, what: str, seconds: float = EVENTUALLY_SECONDS, step: float = 0.1):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(step)
    raise AssertionError(f"{what}: not within {seconds} s")


def mount_tmpfs(folder: Path, size: str) -> None:
    """A real small disk. Only this needs root (the tests run as root); elsewhere the test is skipped."""
    folder.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size},mode=0755", "tmpfs", str(folder)],
                            capture_output=True, text=True)
    if result.returncode != 0:
        pytest.skip(f"mounting a small tmpfs needs root or CAP_SYS_ADMIN here: {result.stderr.strip()}")


def bind_read_only(folder: Path) -> None:
    """The folder turns read-only (root ignores file modes, so a read-only bind mount is what stops root)."""
    for command in (["mount", "--bind", str(folder), str(folder)],
                    ["mount", "-o", "remount,bind,ro", str(folder)]):
        result = subprocess.run(command, capture_output=True, text=True)
        if result.returncode != 0:
            pytest.skip(f"a read-only bind mount needs root or CAP_SYS_ADMIN here: {result.stderr.strip()}")


def unmount(folder: Path) -> None:
    """Unmounts it if it is mounted; lazily if something still holds it (a failed test's open spool), so no
    test leaves a mount behind."""
    if subprocess.run(["mountpoint", "-q", str(folder)]).returncode != 0:
        return
    if subprocess.run(["umount", str(folder)], capture_output=True).returncode != 0:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True)


def fill(disk: Path) -> Path:
    """Fills the disk to the last byte with one file; deleting it gives the room back."""
    filler = disk / "filler"
    with open(filler, "wb") as out:
        try:
            while True:
                out.write(b"\0" * 4096)
                out.flush()
        except OSError:
            pass
    return filler


def python(script: str, *args: str, env: dict | None = None, timeout: float = 300) -> subprocess.CompletedProcess:
    """A Python script in a child process of its own (its own time zone, its own death), from the checkout."""
    environment = {**(env or os.environ), "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-c", script, *args], capture_output=True, text=True, env=environment,
                          timeout=timeout, cwd=ROOT)
