"""Finds text a person could not read in full: a wrapped label shorter than its text, a button narrower
than its words. Used on every screen, in both languages, at both sizes and at 150 % text."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractButton, QLabel, QScrollArea, QWidget

from kiosk.ui.widgets.wrap_button import WrapButton


def inside_scroll_area(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def clipped_texts(root: QWidget) -> list[str]:
    problems = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, (QLabel, QAbstractButton)) or not widget.isVisibleTo(root) or not widget.text():
            continue
        name = f"{type(widget).__name__} {widget.objectName() or ''} {widget.text()[:40]!r}"
        if isinstance(widget, QLabel):
            if widget.wordWrap():
                needed = widget.heightForWidth(widget.width())
                if widget.height() + 1 < needed:
                    problems.append(f"{name}: {widget.height()}px tall, needs {needed}px")
            elif widget.width() + 1 < widget.sizeHint().width():
                problems.append(f"{name}: {widget.width()}px wide, needs {widget.sizeHint().width()}px")
        elif isinstance(widget, WrapButton):
            continue  # its words are a wrapped QLabel, checked as such
        elif isinstance(widget, QAbstractButton):
            hint = widget.sizeHint()
            if widget.width() + 1 < hint.width() or widget.height() + 1 < hint.height():
                problems.append(f"{name}: {widget.width()}x{widget.height()}, needs {hint.width()}x{hint.height()}")
        if not inside_scroll_area(widget):
            top_left = widget.mapTo(root, widget.rect().topLeft())
            if top_left.x() < 0 or top_left.y() < 0 or top_left.x() + widget.width() > root.width() + 1 \
                    or top_left.y() + widget.height() > root.height() + 1:
                problems.append(f"{name}: outside the window")
    return problems
