"""The "More below" control of a scroll area (spec §5): where a scroll cannot be avoided, a labelled button at
least as large as a touch target sits over the bottom of the area while anything is below the fold; a tap scrolls
down most of a page. Gone at the end, so it never hides the last lines for good."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QPushButton, QScrollArea

from kiosk.ui.layout import button

ARROW = "\u2193"   # a down arrow: the words say it too, so it is never the only cue


class MoreBelow(QObject):
    def __init__(self, area: QScrollArea, text: str = "", name: str = "more_below", floating: bool = True):
        """`floating`: over the bottom right of the area; else the caller puts `button` in a layout (its room is
        kept while it is hidden, so nothing moves)."""
        super().__init__(area)
        self.area = area
        self.floating = floating
        self.button: QPushButton = button("primary", on_click=self.scroll_down, name=name)
        if floating:
            self.button.setParent(area)
        else:
            policy = self.button.sizePolicy()
            policy.setRetainSizeWhenHidden(True)
            self.button.setSizePolicy(policy)
        self.button.hide()
        self.margin_px = 16
        self.set_text(text)
        bar = area.verticalScrollBar()
        bar.rangeChanged.connect(lambda *_args: self.update())
        bar.valueChanged.connect(lambda *_args: self.update())
        area.installEventFilter(self)

    def set_text(self, text: str) -> None:
        self.button.setText(f"{text}  {ARROW}" if text else ARROW)
        self.button.setAccessibleName(text)
        self.button.adjustSize()
        self._place()

    def set_margin(self, margin_px: int) -> None:
        self.margin_px = margin_px
        self._place()

    def scroll_down(self) -> None:
        bar = self.area.verticalScrollBar()
        bar.setValue(min(bar.maximum(), bar.value() + round(self.area.viewport().height() * 0.8)))

    def is_needed(self) -> bool:
        bar = self.area.verticalScrollBar()
        return bar.maximum() > 0 and bar.value() < bar.maximum()

    def update(self) -> None:
        needed = self.is_needed()
        if needed and self.floating:
            self.button.adjustSize()
            self._place()
            self.button.raise_()
        self.button.setVisible(needed)

    def _place(self) -> None:
        if not self.floating:
            return
        viewport = self.area.viewport().geometry()
        size = self.button.sizeHint()
        self.button.resize(size)
        self.button.move(viewport.right() - size.width() - self.margin_px,
                         viewport.bottom() - size.height() - self.margin_px)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt override)
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Show, QEvent.Type.LayoutRequest):
            self.update()
        return False



