"""Registers the bundled Atkinson Hyperlegible font with Qt, once per process."""

from __future__ import annotations

import logging

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from kiosk import paths
from kiosk.ui.theme import FONT_FAMILY

log = logging.getLogger("kiosk.ui")
FONT_FILES = ("AtkinsonHyperlegible-Regular.ttf", "AtkinsonHyperlegible-Bold.ttf")
_registered = False


def install_fonts(app: QApplication) -> None:
    global _registered
    if not _registered:
        for name in FONT_FILES:
            if QFontDatabase.addApplicationFont(str(paths.fonts_dir() / name)) < 0:
                log.warning("font.not_loaded file=%s", name)
        _registered = True
    font = QFont(FONT_FAMILY)
    font.setStyleStrategy(QFont.PreferAntialias)
    app.setFont(font)
