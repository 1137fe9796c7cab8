"""Makes a visit's documents and their preview on a worker thread, so a tap never waits on ReportLab or the printer.
ReportLab itself runs in the render process (kiosk/handout/render_process.py): the thread waits for it.

Every request carries the visit's ticket; results come back as Qt signals (queued onto the GUI thread), and
the shell drops any whose visit has ended. Results hold patient data: the shell keeps them in the Visit only.
"""

from __future__ import annotations

import logging
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Mapping

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage

from kiosk.config import SiteConfig
from kiosk.content.model import Content
from kiosk.handout import render_process
from kiosk.logs import log_unhandled
from kiosk.qt_pdf import first_page_image

# ReportLab, svglib and QtPdf are imported by the worker, not at startup (they cost ~0.15 s): see warm_up().
WARM_UP_DELAY_MS = 1500

log = logging.getLogger("kiosk.handout")


@dataclass(frozen=True)
class PreparedHandout:
    documents: "Documents"  # noqa: F821 - kiosk.handout.documents, imported on the worker
    preview: QImage  # the first page, on white
    pages: tuple = ()  # every page, on white (the preview screen lets the patient look at each, large)


class HandoutMaker(QObject):
    prepared = Signal(int, object)  # ticket, PreparedHandout
    prepare_failed = Signal(int)

    def __init__(self, config: SiteConfig, content: Content, preview_width_px: int = 900, parent=None):
        super().__init__(parent)
        self.config, self.content = config, content
        self.preview_width_px = preview_width_px
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="handout")

    def prepare(self, ticket: int, answers: Mapping[str, Any], language: str) -> None:
        answers = dict(answers)  # a snapshot: the worker never sees later edits
        now = datetime.now()
        self._pool.submit(self._prepare, ticket, answers, language, now)

    def warm_up(self) -> None:
        """Soon after startup, load ReportLab, the fonts and the pictures on the worker, so the first patient's
        handout is as quick as the rest and startup does not wait for any of it."""
        from PySide6.QtCore import QTimer

        QTimer.singleShot(WARM_UP_DELAY_MS, self, lambda: self._pool.submit(self._warm_up))

    def _warm_up(self) -> None:
        try:
            from kiosk.handout.documents import make_general_handout

            first_page_image(render_process.call(make_general_handout, self.content, self.config,
                                                 self.content.languages[0], datetime.now()), 64)
        except Exception:  # noqa: BLE001 - a real request will fail and report calmly; here, only log it
            log_unhandled(log, *sys.exc_info())

    def shutdown(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=False)

    def _prepare(self, ticket: int, answers: dict, language: str, now: datetime) -> None:
        try:
            from kiosk.handout.documents import make_documents

            documents = render_process.call(make_documents, self.content, self.config, answers, language, now)
            preview = first_page_image(documents.handout, self.preview_width_px)
            pages = (preview, *page_images(documents.handout, self.preview_width_px, start=1))
        except Exception:  # noqa: BLE001 - the patient gets a calm message; the log gets the type and stack
            log_unhandled(log, *sys.exc_info())
            self.prepare_failed.emit(ticket)
            return
        log.info("handout.prepared bytes=%d", len(documents.handout))
        self.prepared.emit(ticket, PreparedHandout(documents, preview, pages))


def page_images(pdf: bytes, width_px: int, start: int = 0) -> list[QImage]:
    """Pages `start`.. of a PDF as images `width_px` wide, on white (like qt_pdf.first_page_image)."""
    from PySide6.QtCore import QSize, Qt
    from PySide6.QtGui import QPainter

    from kiosk.qt_pdf import open_pdf

    images = []
    with open_pdf(pdf) as document:
        for index in range(start, document.pageCount()):
            page = document.pagePointSize(index)
            size = QSize(width_px, round(width_px * page.height() / page.width()))
            rendered = document.render(index, size)
            image = QImage(size, QImage.Format_RGB32)
            image.fill(Qt.white)
            painter = QPainter(image)
            painter.drawImage(0, 0, rendered)
            painter.end()
            images.append(image)
    return images
