"""The `folder:PATH` printer: each PDF copied whole into a folder (e.g. one the front desk prints from).

Written atomically (temp file, fsync, rename), so a reader of the folder never sees half a file. File names
carry the date, the handout number and the kind of document only, never anything the patient said.
"""

from __future__ import annotations

from pathlib import Path

from kiosk.atomic_file import write_atomically


class PrinterError(Exception):
    """The printer did not take the job; the message says why, in words staff can act on."""


class FolderPrinter:
    def __init__(self, folder: Path):
        self.folder = folder

    @property
    def name(self) -> str:
        return f"folder:{self.folder}"

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
