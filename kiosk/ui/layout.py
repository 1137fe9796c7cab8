"""Small helpers so screen code reads top to bottom (after git-cola's qtutils)."""

from __future__ import annotations

from typing import Callable, Iterable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QBoxLayout, QFrame, QHBoxLayout, QLabel, QLayout, QPushButton, QScrollArea,
                               QScroller, QScrollerProperties, QSizePolicy, QVBoxLayout, QWidget)


def label(role: str = "body", text: str = "", *, wrap: bool = True, name: str | None = None,
          align: Qt.AlignmentFlag | None = None) -> QLabel:
    widget = QLabel(text)
    widget.setProperty("role", role)
    widget.setWordWrap(wrap)
    widget.setTextFormat(Qt.PlainText)
    if align is not None:
        widget.setAlignment(align)
    if name:
        widget.setObjectName(name)
    return widget


def button(role: str, text: str = "", on_click: Callable[[], None] | None = None, *,
           name: str | None = None, checkable: bool = False, wrap: bool = False) -> QPushButton:
    """A touch button; `wrap=True` lets long words flow onto more lines instead of being cut off."""
    if wrap:
        from kiosk.ui.widgets.wrap_button import WrapButton

        widget = WrapButton(text)
    else:
        widget = QPushButton(text)
        # never narrower than its words (and icon): a row short of room wraps its labels instead
        widget.setSizePolicy(QSizePolicy.Minimum, QSizePolicy.Fixed)
    widget.setProperty("role", role)
    widget.setCheckable(checkable)
    widget.setFocusPolicy(Qt.TabFocus)   # keys reach it; a tap never gives it focus (no ring after a tap)
    widget.setCursor(Qt.PointingHandCursor)
    if name:
        widget.setObjectName(name)
        from kiosk.ui.widgets.icons import add_action_icon

        add_action_icon(widget)   # Back, Next, Continue, Print, Start over: an icon beside the words
    if on_click is not None:
        widget.clicked.connect(lambda _checked=False: on_click())
    return widget


def card(role: str = "card") -> QFrame:
    frame = QFrame()
    frame.setProperty("role", role)
    return frame


def _fill(layout: QBoxLayout, items: Iterable, spacing: int | None, margins: int | None) -> QBoxLayout:
    if spacing is not None:
        layout.setSpacing(spacing)
    if margins is not None:
        layout.setContentsMargins(margins, margins, margins, margins)
    for item in items:
        if item is None:
            continue
        if isinstance(item, int):
            layout.addStretch(item)
        elif isinstance(item, QLayout):
            layout.addLayout(item)
        else:
            layout.addWidget(item)
    return layout


def vbox(*items, spacing: int | None = None, margins: int | None = None, parent: QWidget | None = None) -> QVBoxLayout:
    """A column; an int item is a stretch factor."""
    return _fill(QVBoxLayout(parent) if parent else QVBoxLayout(), items, spacing, margins)


def hbox(*items, spacing: int | None = None, margins: int | None = None, parent: QWidget | None = None) -> QHBoxLayout:
    """A row; an int item is a stretch factor."""
    return _fill(QHBoxLayout(parent) if parent else QHBoxLayout(), items, spacing, margins)


def repolish(widget: QWidget) -> None:
    """Re-apply the stylesheet after a dynamic property (like `role`) changed."""
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)


def touch_scroll(content: QWidget) -> QScrollArea:
    """A vertical scroll area for `content` that a finger can flick (kinetic scrolling), never sideways."""
    area = QScrollArea()
    area.setWidget(content)
    area.setWidgetResizable(True)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
    # Not a stop for the keys: it has no name and nothing to choose; the controls in it are the stops, and the
    # area scrolls to whichever one the keys reach (kiosk/ui/keys.py).
    area.setFocusPolicy(Qt.NoFocus)
    QScroller.grabGesture(area.viewport(), QScroller.LeftMouseButtonGesture)
    # Qt holds a press back 0.25 s to see whether it becomes a flick. A tap must answer at once (and a tap
    # that came and went inside those 0.25 s was lost): deliver the press now; a flick cancels it.
    scroller = QScroller.scroller(area.viewport())
    properties = scroller.scrollerProperties()
    properties.setScrollMetric(QScrollerProperties.MousePressEventDelay, 0.0)
    scroller.setScrollerProperties(properties)
    return area


def clear_layout(layout: QLayout) -> None:
    """Remove and delete every widget in the layout, hidden at once (deleteLater alone leaves them painted)."""
    while layout.count():
        item = layout.takeAt(0)
        if item.widget() is not None:
            item.widget().hide()
            item.widget().deleteLater()


def bullet_row(text: str, gap: int) -> QWidget:
    """A bullet and its words; wrapped lines stay indented under the words, not under the bullet."""
    row = QWidget()
    marker = label("body", "•", wrap=False)
    marker.setAlignment(Qt.AlignTop)
    words = label("body", text)
    layout = hbox(marker, words, spacing=gap, margins=0, parent=row)
    layout.setStretch(1, 1)
    return row


def needed_width(layout: QLayout) -> int:
    """The width a row needs to show every word whole. A layout's own minimumSize() is not it: a stylesheet's
    min-width is an explicit minimum size, which a layout then takes as the button's smallest width, though its
    words need more (a button that must not shrink below its words has no Shrink flag in its size policy)."""
    total, shown = 0, 0
    for index in range(layout.count()):
        item = layout.itemAt(index)
        widget, inner = item.widget(), item.layout()
        if widget is not None:
            if widget.isHidden() and not widget.sizePolicy().retainSizeWhenHidden():
                continue
            if widget.sizePolicy().horizontalPolicy().value & QSizePolicy.PolicyFlag.ShrinkFlag.value:
                part = item.minimumSize().width()
            else:
                part = max(widget.minimumWidth(), widget.sizeHint().width(), widget.minimumSizeHint().width())
        elif inner is not None:
            part = needed_width(inner)
        else:
            part = item.minimumSize().width()   # a stretch: nothing
            if part == 0:
                continue
        total += part
        shown += 1
    margins = layout.contentsMargins()
    spacing = max(0, layout.spacing()) if isinstance(layout, QHBoxLayout) else 0
    return total + spacing * max(0, shown - 1) + margins.left() + margins.right()


class SpillRow(QWidget):
    """A row of two groups, `start` at the left and `end` at the right, on one line when their words fit, else
    `start` above `end` (a top row at 150 % text on a small panel: the buttons keep their words whole).

    Each item is a widget, a layout, or an int stretch, as in `hbox`."""

    def __init__(self, start: Iterable, end: Iterable, parent: QWidget | None = None):
        super().__init__(parent)
        self.start = hbox(*start, margins=0)
        self.end = hbox(1, *end, margins=0)
        self.rows = QBoxLayout(QBoxLayout.LeftToRight, self)
        self.rows.setContentsMargins(0, 0, 0, 0)
        self.rows.addLayout(self.start, 1)
        self.rows.addLayout(self.end)

    def setSpacing(self, spacing: int) -> None:  # noqa: N802 (like a layout's)
        for layout in (self.start, self.end, self.rows):
            layout.setSpacing(spacing)

    @property
    def spilled(self) -> bool:
        return self.rows.direction() == QBoxLayout.TopToBottom

    def _fits(self, width: int) -> bool:
        # the smallest each can be (a progress bar gives way; words and buttons do not)
        return needed_width(self.start) + self.rows.spacing() + needed_width(self.end) <= width

    def arrange(self) -> None:
        """Decide now, at the present width, rather than when Qt next lays the row out (a screen that activates its
        layout at once after new words calls this first, so it is laid out once, for the right shape)."""
        self._arrange(self.width())

    def _arrange(self, width: int) -> None:
        direction = QBoxLayout.LeftToRight if self._fits(width) else QBoxLayout.TopToBottom
        if self.rows.direction() != direction:
            self.rows.setDirection(direction)
            self.updateGeometry()

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        self._arrange(event.size().width())
        super().resizeEvent(event)

    def event(self, event) -> bool:
        if event.type() == event.Type.LayoutRequest:   # words or fonts changed: see again whether they fit
            self._arrange(self.width())
        return super().event(event)

    def minimumSizeHint(self):  # noqa: N802 (Qt override): it can always stack, so never asks for both widths
        from PySide6.QtCore import QSize

        start, end = self.start.minimumSize(), self.end.minimumSize()
        return QSize(max(start.width(), end.width()), self.rows.minimumSize().height())

    def sizeHint(self):  # noqa: N802 (Qt override)
        from PySide6.QtCore import QSize

        return QSize(self.minimumSizeHint().width(), self.rows.sizeHint().height())
