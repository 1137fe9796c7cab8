"""PDF bytes or files opened with QtPdf: the handout preview, the self-test's page counts, the `qt:` printer.

QtPdf starts the PDFium library when its first document object is made and shuts it down when its last one
is gone. Started and shut down for every handout, PDFium kept about 20 KB each time (400 previews: +8 MB of
resident memory), so the first use here makes one document that lives as long as the process and keeps
PDFium started. Safe on any thread: QtPdf serialises PDFium behind its own lock.
"""

from __future__ import annotations

import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

_keeper_lock = threading.Lock()
_keeper = None  # the QPdfDocument that keeps PDFium started


def _keep_pdfium_started() -> None:
    global _keeper
    with _keeper_lock:
        if _keeper is None:
            from PySide6.QtCore import QCoreApplication
            from PySide6.QtPdf import QPdfDocument

            _keeper = QPdfDocument()
            app = QCoreApplication.instance()
            if app is not None:  # made on a worker: hand it to the GUI thread, which outlives the workers
                _keeper.moveToThread(app.thread())


@contextmanager
def open_pdf(pdf: bytes | Path) -> Iterator["QPdfDocument"]:  # noqa: F821 - imported lazily (startup time)
    """The document, loaded (check `pageCount()`: 0 when it could not be read), closed afterwards."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtPdf import QPdfDocument

    _keep_pdfium_started()
    document = QPdfDocument()
    buffer = None
    if isinstance(pdf, Path):
        document.load(str(pdf))
    else:
        buffer = QBuffer()  # must outlive the document's use of it
        buffer.setData(QByteArray(pdf))
        buffer.open(QIODevice.ReadOnly)
        document.load(buffer)
    try:
        yield document
    finally:
        document.close()
        if buffer is not None:
            buffer.close()


def first_page_image(pdf: bytes, width_px: int) -> "QImage":  # noqa: F821
    """Page 1 of a PDF as an image `width_px` wide, on white (PDFium leaves unpainted parts transparent)."""
    from PySide6.QtCore import QSize, Qt
    from PySide6.QtGui import QImage, QPainter

    with open_pdf(pdf) as document:
        page = document.pagePointSize(0)
        size = QSize(width_px, round(width_px * page.height() / page.width()))
        rendered = document.render(0, size)
    image = QImage(size, QImage.Format_RGB32)
    image.fill(Qt.white)
    painter = QPainter(image)
    painter.drawImage(0, 0, rendered)
    painter.end()
    return image


def page_count(pdf: bytes) -> int:
    with open_pdf(pdf) as document:
        return document.pageCount()
