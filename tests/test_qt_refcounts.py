"""Guards against the shiboken6 6.12.0 + Python 3.11 fault that wears down None's reference count until the
kiosk aborts (docs/decisions/004-python-3.12.md)."""

import sys

from PySide6.QtWidgets import QApplication, QWidget


def test_calling_qt_does_not_consume_references_to_none_or_bools(qapp):
    widget = QWidget()
    before = sys.getrefcount(None), sys.getrefcount(False), sys.getrefcount(True)
    for _ in range(2000):
        widget.update()
        widget.setObjectName("probe")
        widget.setVisible(False)
        QApplication.processEvents()
    after = sys.getrefcount(None), sys.getrefcount(False), sys.getrefcount(True)
    assert all(abs(a - b) < 50 for a, b in zip(after, before)), (before, after)


def test_the_interpreter_is_new_enough():
    assert sys.version_info >= (3, 12)
