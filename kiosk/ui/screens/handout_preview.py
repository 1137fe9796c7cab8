"""After the review: the patient's own handout, page by page, large, and one big Print button.

Every page can be looked at: "Page 1 of 4" with a previous and a next page button under the page (issue 17).

The handout is made on a worker thread; until it arrives the page says so, and Print waits disabled. If it
cannot be made, the patient is told to ask the front desk; never a spinner that never ends.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from kiosk.ui.accessible import name_scroll
from kiosk.ui.layout import button, hbox, label, touch_scroll, vbox
from kiosk.ui.screens.base import KioskScreen
from kiosk.ui.screens.welcome import ROOMY_BODY_PER_HEIGHT   # the same measure of "large text for this height"
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.listen_button import listen_button, style_listen_button
from kiosk.ui.widgets.more_below import MoreBelow


# The page is white paper in every theme (high contrast included), so its message is always dark ink.
PAGE_INK = QColor("#1a1a1a")


class PagePreview(QWidget):
    """A paper page, scaled to fit with its shape kept, on a soft shadow; or a message while there is none."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.image: QImage | None = None
        self.message = ""
        policy = QSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setObjectName("handout_preview")

    def show_image(self, image: QImage | None) -> None:
        self.image = image
        self.updateGeometry()
        self.update()

    def show_message(self, message: str) -> None:
        self.image, self.message = None, message
        self.updateGeometry()
        self.update()

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt override)
        return self.image is not None

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt override)
        """A page is shown as wide as the room allows (to be read), as tall as that makes it (it scrolls)."""
        if self.image is None:
            return -1
        return round((width - 8) * self.image.height() / self.image.width()) + 8

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
        self.pages: tuple = ()
        self.page_index = 0
        self.preview = PagePreview()
        self.previous_page_button = button("secondary", "\u2190", self._previous_page, name="previous_page_button")
        self.next_page_button = button("secondary", "\u2192", self._next_page, name="next_page_button")
        self.page_label = label("body", wrap=False, align=Qt.AlignCenter, name="handout_page_label")
        self.page_row = hbox(self.previous_page_button, 1, self.page_label, 1, self.next_page_button)
        self.preview_scroll = touch_scroll(self.preview)   # the page as wide as the room: it scrolls down
        self.more_below = MoreBelow(self.preview_scroll)
        self.preview_column = vbox(self.preview_scroll, self.page_row, margins=0)
        self.preview_column.setStretch(0, 1)
        self.title = label("title", name="handout_title")
        self.hint = label("body", name="handout_hint")
        self.start_over_button = button("quiet", on_click=self.start_over_requested.emit, name="start_over_button")
        self.print_button = button("primary", on_click=self.print_requested.emit, name="print_button", wrap=True)
        self.change_button = button("secondary", on_click=self.change_requested.emit, name="change_button",
                                    wrap=True)
        self.done_button = button("primary", on_click=self.done_requested.emit, name="done_button")
        for wrapped in (self.print_button, self.change_button):
            wrapped.set_alignment(Qt.AlignCenter)
        self.listen_button = listen_button(self.listen_requested.emit)
        self.side = vbox(hbox(1, self.start_over_button), self.title, self.hint, hbox(self.listen_button, 1), 1,
                         self.print_button, self.done_button, self.change_button)
        self.page = hbox(self.preview_column, self.side, parent=self)
        self.page.setStretch(0, 7)   # the page as large as the screen allows: it is for reading
        self.page.setStretch(1, 3)
        self._show_state("empty")

    def preparing(self) -> None:
        self._show_state("preparing")

    def show_preview(self, image: QImage, pages: tuple = ()) -> None:
        self.pages = tuple(pages) or (image,)
        self._show_page(0)
        self._show_state("ready")

    def _show_page(self, index: int) -> None:
        self.page_index = max(0, min(index, len(self.pages) - 1))
        self.preview.show_image(self.pages[self.page_index] if self.pages else None)
        self.preview_scroll.verticalScrollBar().setValue(0)
        self._update_page_row()

    def _previous_page(self) -> None:
        self._show_page(self.page_index - 1)

    def _next_page(self) -> None:
        self._show_page(self.page_index + 1)

    def _update_page_row(self) -> None:
        count = len(self.pages) if self.state == "ready" or self.pages else 0
        for widget in (self.previous_page_button, self.next_page_button, self.page_label):
            widget.setVisible(count > 1)
        if count > 1:
            self.page_label.ensurePolished()   # its room is set now, for the widest number: nothing moves, nothing clips
            widest = max(self.ui_text("explainer.page_of", current=n, total=count) for n in range(1, count + 1))
            self.page_label.setMinimumWidth(self.page_label.fontMetrics().horizontalAdvance(widest) + 8)
            self.page_label.setText(self.ui_text("explainer.page_of", current=self.page_index + 1, total=count))
            self.previous_page_button.setEnabled(self.page_index > 0)
            self.next_page_button.setEnabled(self.page_index < count - 1)

    def show_failure(self) -> None:
        self._show_state("failed")

    def _show_state(self, state: str) -> None:
        self.state = state
        if state != "ready":
            self.pages, self.page_index = (), 0
        if state != "ready":
            self.preview.show_message(self.ui_text("handout.preparing") if state == "preparing" else
                                      self.ui_text("handout.failed") if state == "failed" else "")
        self.print_button.setEnabled(state == "ready")
        self.print_button.setVisible(state != "failed")
        self.done_button.setVisible(state == "failed")
        self.hint.setText(self.ui_text("handout.failed") if state == "failed" else self.ui_text("handout.hint"))
        self._update_page_row()

    def retranslate(self) -> None:
        self.title.setText(self.ui_text("handout.title"))
        self.preview.setAccessibleName(self.ui_text("handout.preview_alt"))
        name_scroll(self.preview_scroll, self.ui_text("handout.preview_alt"))
        self.more_below.set_text(self.ui_text("common.more_below"))
        self.start_over_button.setText(self.ui_text("common.start_over"))
        self.listen_button.setText(self.ui_text("speech.listen"))
        self.print_button.setText(self.ui_text("handout.print"))
        self.change_button.setText(self.ui_text("handout.change"))
        self.previous_page_button.setAccessibleName(self.ui_text("handout.previous_page"))   # its words are "←"
        self.next_page_button.setAccessibleName(self.ui_text("handout.next_page"))
        self.done_button.setText(self.ui_text("common.done"))
        self._show_state(self.state)

    def apply_theme(self, theme: Theme) -> None:
        margin, gap = theme.margin_px, theme.gap_px
        style_listen_button(self.listen_button, theme)
        self.page.setContentsMargins(margin, margin // 2, margin, margin // 2)
        self.page.setSpacing(gap * 2)
        self.side.setSpacing(gap)
        font = self.preview.font()
        font.setPixelSize(theme.body_px)
        self.preview.setFont(font)
        for widget in (self.print_button, self.done_button, self.change_button):
            widget.setMinimumHeight(round(theme.target_px * 1.4))
        self.preview_column.setSpacing(gap)
        self.more_below.set_margin(gap)
        for widget in (self.previous_page_button, self.next_page_button):
            widget.setMinimumWidth(round(theme.target_px * 1.5))
        # Large text for the panel's height (150 % on a small or dense panel): the words beside the page take half
        # the width, so they fit in lines that leave room for the buttons below; the page scrolls ("More below")
        roomy = theme.body_px * ROOMY_BODY_PER_HEIGHT <= theme.height
        self.page.setStretch(0, 7 if roomy else 1)
        self.page.setStretch(1, 3 if roomy else 1)

    def reset(self) -> None:
        """The preview shows the patient's own words: gone with the visit."""
        self.preview.show_image(None)
        self._show_state("empty")
