"""The `qt:NAME` printer (Windows, or any system Qt can print on): QtPdf draws each page onto a QPrinter.

Qt quietly turns a QPrinter into a PDF-file writer when it cannot reach the named printer or the print
system; a job "printed" that way would vanish, so both are checked before a page is drawn (toolchain notes).
Pages are drawn at the printer's resolution, capped at 300 dpi: sharp text, and a page in well under a second
(1200 dpi took 9 s and 22 MB for three pages). Qt is imported here only, on the print service's thread.
"""

from __future__ import annotations

from pathlib import Path

from kiosk.printing.printer import PrinterError, PrinterStatus

MAX_DPI = 300


def _qt():
    """Qt's print support needs an application object; the CLI has none, so one is made (offscreen-safe)."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QGuiApplication

    if QCoreApplication.instance() is None:
        QGuiApplication([])
    from PySide6 import QtPrintSupport

    return QtPrintSupport


class QtPrinter:
    def __init__(self, printer_name: str = ""):
        self.printer_name = printer_name  # empty: the system's default printer
        self.name = f"qt:{printer_name}" if printer_name else "qt (system default printer)"

    def send(self, pdf: Path, title: str) -> str:
        from PySide6.QtCore import QRect, Qt
        from PySide6.QtGui import QPainter

        from kiosk.qt_pdf import open_pdf

        printer = self._printer()
        printer.setDocName(title)
        with open_pdf(pdf) as document:
            if document.pageCount() == 0:
                raise PrinterError(f"the document {pdf.name} could not be read")
            painter = QPainter()
            if not painter.begin(printer):
                raise PrinterError(f"the printer {self._target()} could not start the job")
            try:
                for index in range(document.pageCount()):
                    if index and not printer.newPage():
                        raise PrinterError(f"the printer {self._target()} stopped during the job")
                    area = painter.viewport()
                    points = document.pagePointSize(index)
                    dpi = printer.resolution()
                    image = document.render(index, (points * dpi / 72).toSize())
                    fitted = image.size().scaled(area.size(), Qt.KeepAspectRatio)  # the PDF page is the paper
                    painter.drawImage(QRect(area.topLeft(), fitted), image)
            finally:
                painter.end()
        return ""  # handed to the system's spooler, which follows it from here

    def is_done(self, printer_job: str) -> bool | None:
        return True

    def cancel(self, printer_job: str) -> None:
        """Once handed over, a job belongs to the system's print queue (staff cancel it there)."""

    def status(self) -> PrinterStatus:
        try:
            support = _qt()
            name = self._target()
        except PrinterError as error:
            return PrinterStatus(False, str(error))
        if name not in support.QPrinterInfo.availablePrinterNames():
            return PrinterStatus(False, f"there is no printer named {name} (see `kiosk printers`)")
        state = support.QPrinterInfo.printerInfo(name).state()
        if state in (support.QPrint.DeviceState.Error, support.QPrint.DeviceState.Aborted):
            return PrinterStatus(False, f"{name} reports an error")
        return PrinterStatus(True, f"ready ({name})")

    # --- inside -----------------------------------------------------------------------------------------

    def _target(self) -> str:
        if self.printer_name:
            return self.printer_name
        default = _qt().QPrinterInfo.defaultPrinterName()
        if not default:
            raise PrinterError("the system has no default printer: set printer: qt:PRINTER_NAME in the config")
        return default

    def _printer(self):
        support = _qt()
        name = self._target()
        if name not in support.QPrinterInfo.availablePrinterNames():
            raise PrinterError(f"there is no printer named {name} (see `kiosk printers`)")
        printer = support.QPrinter(support.QPrinter.PrinterMode.HighResolution)
        printer.setPrinterName(name)
        if printer.outputFormat() != support.QPrinter.OutputFormat.NativeFormat or printer.printerName() != name:
            raise PrinterError(f"Qt cannot reach the printer {name} (it would have written a PDF file instead)")
        printer.setResolution(min(printer.resolution(), MAX_DPI))
        printer.setFullPage(True)
        return printer


def list_printers() -> tuple[list[str], str]:
    support = _qt()
    return list(support.QPrinterInfo.availablePrinterNames()), support.QPrinterInfo.defaultPrinterName()
