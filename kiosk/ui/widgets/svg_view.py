"""An SVG picture that keeps its aspect ratio; each file is parsed once per process and cached."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QSizePolicy, QWidget

from kiosk import paths


@lru_cache(maxsize=64)
def svg_renderer(asset_name: str) -> QSvgRenderer:
    """The renderer for `assets/<asset_name>`; parsing happens once, painting is cheap."""
    renderer = QSvgRenderer(str(paths.assets_dir() / asset_name))
    renderer.setAspectRatioMode(Qt.KeepAspectRatio)
    return renderer


class SvgView(QWidget):
    def __init__(self, asset_name: str | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self._asset: str | None = None
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)
        self.setAttribute(Qt.WA_TransparentForMouseEvents)
        if asset_name:
            self.set_asset(asset_name)

    def asset(self) -> str | None:
        return self._asset

    def set_asset(self, asset_name: str | None) -> None:
        if asset_name != self._asset:
            self._asset = asset_name
            self.update()

    def set_accessible_text(self, text: str) -> None:
        self.setAccessibleName(text)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        if not self._asset:
            return QSize(0, 0)
        return svg_renderer(self._asset).defaultSize()

    def paintEvent(self, _event) -> None:  # noqa: N802 (Qt override)
        if not self._asset:
            return
        renderer = svg_renderer(self._asset)
        size = renderer.defaultSize().scaled(self.size(), Qt.KeepAspectRatio)
        x = (self.width() - size.width()) / 2
        y = (self.height() - size.height()) / 2
        painter = QPainter(self)
        painter.setRenderHint(QPainter.Antialiasing)
        renderer.render(painter, QRectF(x, y, size.width(), size.height()))
        painter.end()
