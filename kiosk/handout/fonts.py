"""Registers the bundled Atkinson Hyperlegible TTFs with ReportLab, once per process.

TrueType (not the built-in Helvetica) so accents, ñ, ¿ and ¡ print and the font is embedded: a print shop or a
PDF viewer without the font still shows the same letters. Registration touches ReportLab's global font table,
so it runs once under a lock; renders on worker threads then only read that table.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from kiosk import paths
from kiosk.handout.font_files import BOLD_FILE, FAMILY, REGULAR_FILE


@dataclass(frozen=True)
class FontNames:
    regular: str
    bold: str


_lock = threading.Lock()
_names: FontNames | None = None


def register_fonts() -> FontNames:
    """Register regular and bold plus the family mapping, so `<b>` in a Paragraph picks the bold file.

    Italic maps to the regular face on purpose: the handout never uses italics (hard to read for low vision).
    """
    global _names
    if _names is not None:
        return _names
    with _lock:
        if _names is None:
            folder = paths.fonts_dir()
            regular, bold = FAMILY, f"{FAMILY}-Bold"
            pdfmetrics.registerFont(TTFont(regular, str(folder / REGULAR_FILE)))
            pdfmetrics.registerFont(TTFont(bold, str(folder / BOLD_FILE)))
            for is_bold, is_italic, name in ((0, 0, regular), (1, 0, bold), (0, 1, regular), (1, 1, bold)):
                addMapping(FAMILY, is_bold, is_italic, name)
            _names = FontNames(regular=regular, bold=bold)
    return _names
