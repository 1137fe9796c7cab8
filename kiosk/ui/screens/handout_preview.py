"""After the review: the first page of the patient's own handout, and one big Print button.

The handout is made on a worker thread; until it arrives the page says so, and Print waits disabled. If it
cannot be made, the patient is told to ask the front desk; never a spinner that never ends.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from kiosk.ui.layout import button, hbox, label, vbox
from kiosk.ui.screens.base import KioskScreen
from kiosk.ui.theme import Theme


# The page is white paper in every theme (high contrast included), so its message is always dark ink.
PAGE_INK = QColor("#1a1a1a")


class PagePreview(QWidget):
    """A paper page, scaled to fit with its shape kept, on a soft shadow; or a message while there is none."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.image: QImage | None = None
        self.message = ""
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)
        self.setObjectName("handout_preview")

    def show_image(self, image: QImage | None) -> None:
        self.image = image
        self.update()

    def show_message(self, message: str) -> None:
        self.image, self.message = None, message
        self.update()

    def page_rect(self) -> QRectF:
        ratio = (self.image.height() / self.image.width()) if self.image else 11 / 8.5
        height = min(self.height() - 8.0, (self.width() - 8.0) * ratio)
        width = height / ratio
        return QRectF((self.width() - width) / 2, (self.height() - height) / 2, width, height)

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt override)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.SmoothPixmapTransform)
        page = self.page_rect()
        painter.fillRect(page.translated(5, 6), QColor(0, 0, 0, 40))
        painter.fillRect(page, Qt.white)
        painter.setPen(QPen(QColor("#8a8f98"), 1))
        painter.drawRect(page)
        if self.image is not None:
            painter.drawImage(page, self.image)
        else:
            painter.setPen(PAGE_INK)
            painter.setFont(self.font())
            painter.drawText(page.adjusted(24, 24, -24, -24), Qt.AlignCenter | Qt.TextWordWrap, self.message)
        painter.end()


class HandoutScreen(KioskScreen):
    print_requested = Signal()
    change_requested = Signal()
    start_over_requested = Signal()
    done_requested = Signal()

    def __init__(self, content, parent=None):
        super().__init__(content, parent)
        self.state = "empty"  # empty -> preparing -> ready | failed
        self.preview = PagePreview()
        self.title = label("title", name="handout_title")
        self.hint = label("body", name="handout_hint")
        self.start_over_button = button("quiet", on_click=self.start_over_requested.emit, name="start_over_button")
        self.print_button = button("primary", on_click=self.print_requested.emit, name="print_button", wrap=True)
        self.change_button = button("secondary", on_click=self.change_requested.emit, name="change_button",
                                    wrap=True)
        self.done_button = button("primary", on_click=self.done_requested.emit, name="done_button")
        for wrapped in (self.print_button, self.change_button):
            wrapped.set_alignment(Qt.AlignCenter)
        self.side = vbox(hbox(1, self.start_over_button), self.title, self.hint, 1, self.print_button,
                         self.done_button, self.change_button)
        self.page = hbox(self.preview, self.side, parent=self)
        self.page.setStretch(0, 5)
        self.page.setStretch(1, 4)
        self._show_state("empty")

    def preparing(self) -> None:
        self._show_state("preparing")

    def show_preview(self, image: QImage) -> None:
        self.preview.show_image(image)
        self._show_state("ready")

    def show_failure(self) -> None:
        self._show_state("failed")

    def _show_state(self, state: str) -> None:
        self.state = state
        if state != "ready":
            self.preview.show_message(self.ui_text("handout.preparing") if state == "preparing" else
                                      self.ui_text("handout.failed") if state == "failed" else "")
        self.print_button.setEnabled(state == "ready")
        self.print_button.setVisible(state != "failed")
        self.done_button.setVisible(state == "failed")
        self.hint.setText(self.ui_text("handout.failed") if state == "failed" else self.ui_text("handout.hint"))

    def retranslate(self) -> None:
        self.title.setText(self.ui_text("handout.title"))
        self.preview.setAccessibleName(self.ui_text("handout.preview_alt"))
        self.start_over_button.setText(self.ui_text("common.start_over"))
        self.print_button.setText(self.ui_text("handout.print"))
        self.change_button.setText(self.ui_text("handout.change"))
        self.done_button.setText(self.ui_text("common.done"))
        self._show_state(self.state)

    def apply_theme(self, theme: Theme) -> None:
        margin, gap = theme.margin_px, theme.gap_px
        self.page.setContentsMargins(margin, margin // 2, margin, margin // 2)
        self.page.setSpacing(gap * 2)
        self.side.setSpacing(gap)
        font = self.preview.font()
        font.setPixelSize(theme.body_px)
        self.preview.setFont(font)
        for widget in (self.print_button, self.done_button, self.change_button):
            widget.setMinimumHeight(round(theme.target_px * 1.4))

    def reset(self) -> None:
        """The preview shows the patient's own words: gone with the visit."""
        self.preview.show_image(None)
        self._show_state("empty")
