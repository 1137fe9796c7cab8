"""What every printer backend offers the print service, and the one place a config's `printer` becomes one.

    cups:QUEUE   Linux and macOS: `lp` hands the PDF to CUPS, `lpstat` follows the job (kiosk/printing/cups.py)
    cups         the CUPS default destination
    qt:NAME      Windows: QtPdf draws each page onto a QPrinter (kiosk/printing/qt_printer.py)
    qt           the system's default printer
    folder:PATH  each PDF written into a folder, e.g. one the front desk prints from (kiosk/printing/folder.py)
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from kiosk import paths
from kiosk.config import PrinterSpec


class PrinterError(Exception):
    """The printer did not take the job; the message says why, in words staff can act on."""


@dataclass(frozen=True)
class PrinterStatus:
    ready: bool
    words: str  # for staff: "ready", "CUPS is not running", "paused in CUPS: paper jam" ...


class Printer(Protocol):
    name: str

    def send(self, pdf: Path, title: str) -> str:
        """Hands the PDF over; returns the printer's job id ("" when it is done at once). Raises PrinterError."""

    def is_done(self, printer_job: str) -> bool | None:
        """True once printed; False while waiting at the printer (or when the printer cannot be asked);
        None if the printer no longer knows the job."""

    def cancel(self, printer_job: str) -> None:
        """Takes a job back from the printer, if it is still there. Raises PrinterError."""

    def status(self) -> PrinterStatus:
        """Whether the printer can print now, in staff words. May take a moment: never on the GUI thread."""

    # Optional (the print service asks with getattr; a printer without them is sent to again after a crash):

    def release(self, printer_job: str) -> None:
        """Lets a job that send() handed over held print, once the spool has recorded its id."""

    def find_sent(self, pdf: Path, title: str, known: set[str]) -> str | None:
        """After a crash between handing a job over and recording it: the printer's id for it ("" if it is done
        already), or None if the printer never got it. `known` are ids that belong to other jobs."""


def default_printer_spec(platform: str = sys.platform) -> PrinterSpec:
    """What the example config proposes: the system's default printer, through Qt on Windows, CUPS elsewhere."""
    return PrinterSpec("qt") if platform.startswith("win") else PrinterSpec("cups")


def make_printer(spec: PrinterSpec) -> Printer:
    if spec.kind == "cups":
        from kiosk.printing.cups import CupsPrinter

        return CupsPrinter(spec.target)
    if spec.kind == "qt":
        from kiosk.printing.qt_printer import QtPrinter

        return QtPrinter(spec.target)
    from kiosk.printing.folder import FolderPrinter

    return FolderPrinter(Path(spec.target) if spec.target else paths.default_print_folder())
