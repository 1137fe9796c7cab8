"""Small icons drawn from SVG text in the theme's colours (a tick for 'chosen', so colour is never the only cue)."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QByteArray, QSize, Qt
from PySide6.QtGui import QIcon, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

CHECK_SVG = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M4 12.5l5 5L20 6.5" fill="none" '
             'stroke="{color}" stroke-width="3.2" stroke-linecap="round" stroke-linejoin="round"/></svg>')
EMPTY_SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"></svg>'


@lru_cache(maxsize=16)
def tick_icon(checked_color: str, size_px: int) -> QIcon:
    """An icon that shows a tick only in the checked state (the unchecked state keeps the same width)."""
    icon = QIcon()
    icon.addPixmap(_pixmap(CHECK_SVG.format(color=checked_color), size_px), QIcon.Normal, QIcon.On)
    icon.addPixmap(_pixmap(EMPTY_SVG, size_px), QIcon.Normal, QIcon.Off)
    return icon


def _pixmap(svg: str, size_px: int) -> QPixmap:
    pixmap = QPixmap(QSize(size_px, size_px))
    pixmap.fill(Qt.transparent)
    painter = QPainter(pixmap)
    QSvgRenderer(QByteArray(svg.encode())).render(painter)
    painter.end()
    return pixmap


SPEAKER_SVG = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M3 9h4l5-4v14l-5-4H3z" '
               'fill="{color}"/><path d="M15.5 8.5a5 5 0 0 1 0 7M18 6a8.5 8.5 0 0 1 0 12" fill="none" '
               'stroke="{color}" stroke-width="2" stroke-linecap="round"/></svg>')


@lru_cache(maxsize=16)
def speaker_icon(color: str, on_color: str, size_px: int) -> QIcon:
    """The Listen control's speaker (spec §7: an icon beside the word), drawn in the words' colour whether the
    control is off or on (filled)."""
    icon = QIcon()
    icon.addPixmap(_pixmap(SPEAKER_SVG.format(color=color), size_px), QIcon.Normal, QIcon.Off)
    icon.addPixmap(_pixmap(SPEAKER_SVG.format(color=on_color), size_px), QIcon.Normal, QIcon.On)
    return icon
