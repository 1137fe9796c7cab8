"""Progress dots: one per page, the current one filled and larger (size, not only colour, marks it)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget


class PageDots(QWidget):
    def __init__(self, count: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.count, self.current = count, 0
        self.dot_px = 16
        self.color = QColor("#155A61")
        self.setSizePolicy(QSizePolicy.Fixed, QSizePolicy.Fixed)
        self.setAttribute(Qt.WA_TransparentForMouseEvents)

    def set_current(self, index: int) -> None:
        self.current = index
        self.update()

    def set_style(self, dot_px: int, color: str) -> None:
        self.dot_px, self.color = dot_px, QColor(color)
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return QSize(self.count * self.dot_px * 2, self.dot_px * 2)

    def paintEvent(self, _event) -> None:  # noqa: N802 (Qt override)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.Antialiasing)
        step = self.dot_px * 2
        for index in range(self.count):
            center = QPointF(step * index + self.dot_px, self.height() / 2)
            current = index == self.current
            radius = self.dot_px * (0.5 if current else 0.32)
            painter.setPen(QPen(self.color, max(2, self.dot_px / 6)))
            painter.setBrush(self.color if current else Qt.NoBrush)
            painter.drawEllipse(center, radius, radius)
        painter.end()
