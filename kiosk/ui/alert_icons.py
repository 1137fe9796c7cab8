"""The two alert levels' icons, drawn in the theme's colours: a warning triangle for an emergency, a circle for
urgent. Their shapes differ, so colour is never what tells them apart (and each always comes with words)."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QByteArray, QSize, Qt
from PySide6.QtGui import QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

SHAPES = {
    "emergency": '<path d="M12 1.5L23 21.5H1z" fill="{fill}" stroke="{fill}" stroke-width="1.5" '
                 'stroke-linejoin="round"/><rect x="10.8" y="8" width="2.4" height="7.5" rx="1" fill="{mark}"/>'
                 '<circle cx="12" cy="18.2" r="1.4" fill="{mark}"/>',
    "urgent": '<circle cx="12" cy="12" r="11" fill="{fill}"/><rect x="10.8" y="5.5" width="2.4" height="8.5" rx="1" '
              'fill="{mark}"/><circle cx="12" cy="17.3" r="1.4" fill="{mark}"/>',
}


@lru_cache(maxsize=32)
def level_pixmap(level: str, size_px: int, fill: str, mark: str) -> QPixmap:
    """`fill` is the shape, `mark` the "!" inside it."""
    svg = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">'
           + SHAPES[level].format(fill=fill, mark=mark) + "</svg>")
    pixmap = QPixmap(QSize(size_px, size_px))
    pixmap.fill(Qt.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.Antialiasing)
    QSvgRenderer(QByteArray(svg.encode())).render(painter)
    painter.end()
    return pixmap
