"""The `folder:PATH` printer: each PDF copied whole into a folder (e.g. one the front desk prints from).

Written atomically (temp file, fsync, rename), so a reader of the folder never sees half a file. File names
carry the date, the handout number and the kind of document only, never anything the patient said.
"""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path

from kiosk.atomic_file import write_atomically
from kiosk.printing.printer import PrinterError, PrinterStatus


class FolderPrinter:
    def __init__(self, folder: Path):
        self.folder = folder
        self.name = f"folder:{folder}"

    def send(self, pdf: Path, title: str) -> str:
        """Copies the PDF in; done at once, so there is no printer job id to follow."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            write_atomically(self.folder / pdf.name, pdf.read_bytes())
        except OSError as error:
            raise PrinterError(f"cannot write to the folder {self.folder} ({error.strerror})") from None
        return ""

    def is_done(self, printer_job: str) -> bool | None:
        return True

    def find_sent(self, pdf: Path, title: str, known: set[str]) -> str | None:
        """A crash after the copy but before the spool recorded it: the file is there, so it is done."""
        return "" if (self.folder / pdf.name).is_file() else None

    def cancel(self, printer_job: str) -> None:
        """Nothing to take back: a file in the folder is already 'printed'."""

    def status(self) -> PrinterStatus:
        """Short words: the folder's path is on the staff panel's Printer line (a long path cannot wrap). The
        real reason is said: a permissions hint for a full or read-only disk sends IT the wrong way."""
        if not self.folder.exists():
            return PrinterStatus(True, "ready (the print folder is made with the first job)")
        if not self.folder.is_dir():
            return PrinterStatus(False, "the print folder is a file, not a folder (check printer: in the config)")
        try:
            handle, probe = tempfile.mkstemp(prefix=".probe-", dir=self.folder)
            os.close(handle)
            os.unlink(probe)
        except OSError as error:
            hint = " (check its permissions)" if error.errno in (errno.EACCES, errno.EPERM) else ""
            return PrinterStatus(False, f"the print folder cannot be written: {error.strerror}{hint}")
        return PrinterStatus(True, "ready (PDF files go into the print folder)")
