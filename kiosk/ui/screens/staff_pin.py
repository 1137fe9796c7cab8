"""The staff PIN pad (staff-only, English). Five wrong PINs lock it for a minute; the lock counts down.

The PIN is checked on a thread of its own: scrypt takes ~40 ms (a stored hash may ask up to four times that), and
the GUI thread never waits on it."""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QGridLayout, QSizePolicy

from kiosk.staff_pin import PinGuard
from kiosk.ui.layout import button, hbox, label, vbox
from kiosk.ui.screens.base import KioskScreen
from kiosk.ui.theme import Theme

MAX_DIGITS = 8


class StaffPinScreen(KioskScreen):
    accepted = Signal()
    cancelled = Signal()
    _checked = Signal(int, bool)   # (which try, right): from the checking thread, queued to this one

    def __init__(self, guard: PinGuard, parent=None):
        super().__init__(None, parent)
        self.guard = guard
        self._digits = ""
        self.checking = False
        self._try = 0                  # a result for an earlier try (the pad was left meanwhile) is dropped
        self._checked.connect(self._on_checked)
        self.title = label("heading", "Staff access", align=Qt.AlignCenter)
        self.dots = label("pin-dots", align=Qt.AlignCenter, name="pin_dots")
        self.status = label("body", align=Qt.AlignCenter, name="pin_status")
        self.keys = {}
        self.grid = QGridLayout()
        layout = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "clear", "0", "back"]
        for index, key in enumerate(layout):
            text = {"clear": "Clear", "back": "Delete"}.get(key, key)
            key_button = button("key", text, lambda key=key: self.press(key), name=f"pin_key_{key}")
            key_button.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)
            self.grid.addWidget(key_button, index // 3, index % 3)
            self.keys[key] = key_button
        for column in range(3):
            self.grid.setColumnStretch(column, 1)
        self.keys["back"].setAccessibleName("Delete")
        self.ok_button = button("primary", "OK", self.submit, name="pin_ok")
        self.cancel_button = button("secondary", "Cancel", self.cancel, name="pin_cancel")
        self.column = vbox(self.title, self.dots, self.status, self.grid, hbox(self.cancel_button, self.ok_button))
        self.page = hbox(1, self.column, 1, parent=self)
        self._lock_timer = QTimer(self)
        self._lock_timer.setInterval(500)
        self._lock_timer.timeout.connect(self._refresh)
        self._refresh()

    def press(self, key: str) -> None:
        if self.guard.seconds_locked() or self.checking:
            return
        if key == "clear":
            self._digits = ""
        elif key == "back":
            self._digits = self._digits[:-1]
        elif len(self._digits) < MAX_DIGITS:
            self._digits += key
        self.status.setText("")
        self._refresh()

    def submit(self) -> None:
        if not self._digits or self.checking or self.guard.seconds_locked():
            return
        digits, self._digits = self._digits, ""
        self._try += 1
        self.checking = True
        self.status.setText("Checking…")
        self._refresh()
        threading.Thread(target=self._check, args=(self._try, digits), name="pin-check", daemon=True).start()

    def _check(self, try_number: int, digits: str) -> None:
        right = self.guard.check(digits)
        try:
            self._checked.emit(try_number, right)
        except RuntimeError:   # the pad is gone: the kiosk is closing
            pass

    def _on_checked(self, try_number: int, right: bool) -> None:
        if try_number != self._try or not self.checking:
            return
        self.checking = False
        if self.guard.record(right):
            self.status.setText("")
            self._refresh()
            self.accepted.emit()
            return
        if self.guard.seconds_locked():
            self._lock_timer.start()
        else:
            left = self.guard.tries_left()
            self.status.setText(f"Wrong PIN. {left} {'try' if left == 1 else 'tries'} left.")
        self._refresh()

    def cancel(self) -> None:
        self.reset()
        self.cancelled.emit()

    def reset(self) -> None:
        self._digits = ""
        self.checking = False
        self.status.setText("")
        self._refresh()

    def entered(self) -> None:
        self.reset()
        if self.guard.seconds_locked():
            self._lock_timer.start()

    def left(self) -> None:
        self._lock_timer.stop()
        self._digits = ""
        self.checking = False

    def apply_theme(self, theme: Theme) -> None:
        gap = theme.gap_px
        self.grid.setSpacing(gap)
        self.column.setSpacing(gap)
        self.page.setContentsMargins(theme.margin_px, theme.margin_px // 2, theme.margin_px, theme.margin_px // 2)
        key_px = max(theme.target_px, round(theme.height * 0.09))
        widest = max(key_button.sizeHint().width() for key_button in self.keys.values())
        for key_button in self.keys.values():
            key_button.setMinimumSize(max(round(key_px * 1.6), widest), key_px)
        self.dots.setMinimumHeight(theme.title_px)
        self.status.setMinimumHeight(round(theme.body_px * 1.6))   # a line of words and room round it

    def _refresh(self) -> None:
        seconds = self.guard.seconds_locked()
        locked = seconds > 0
        for key_button in [*self.keys.values(), self.ok_button]:
            key_button.setEnabled(not locked and not self.checking)
        if locked:
            self.status.setText(f"Too many wrong tries. Try again in {seconds} s.")
        elif self._lock_timer.isActive():
            self._lock_timer.stop()
            self.status.setText("You can try again now.")
        self.dots.setText("•" * len(self._digits) if self._digits else "–")
