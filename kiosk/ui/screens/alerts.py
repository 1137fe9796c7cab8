"""The safety screens of spec §2.1. Emergency: calm, full screen, stays until staff clear it with the PIN.
Urgent: please tell the front desk today; the front desk has been alerted; the patient may go on."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from kiosk.ui.layout import bullet_row, button, card, clear_layout, hbox, label, vbox
from kiosk.ui.screens.base import KioskScreen
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.svg_view import SvgView


class EmergencyScreen(KioskScreen):
    staff_requested = Signal()

    def __init__(self, content, parent=None):
        super().__init__(content, parent)
        self.picture = SvgView("illustrations/clinic.svg")
        self.title = label("title", align=Qt.AlignCenter, name="emergency_title")
        self.message = label("heading", align=Qt.AlignCenter, name="emergency_message")
        self.staff_button = button("quiet", on_click=self.staff_requested.emit, name="staff_button")
        self.page = vbox(1, self.picture, self.title, self.message, 1, hbox(1, self.staff_button), parent=self)

    def retranslate(self) -> None:
        self.title.setText(self.ui_text("alert.emergency.title"))
        self.message.setText(self.ui_text("alert.emergency.message"))
        self.staff_button.setText(self.ui_text("alert.emergency.staff"))

    def apply_theme(self, theme: Theme) -> None:
        self.page.setContentsMargins(theme.margin_px * 2, theme.margin_px, theme.margin_px, theme.margin_px // 2)
        self.page.setSpacing(theme.gap_px * 2)
        self.picture.setFixedHeight(round(theme.height * 0.3))


class UrgentScreen(KioskScreen):
    continue_requested = Signal()
    start_over_requested = Signal()

    def __init__(self, content, parent=None):
        super().__init__(content, parent)
        self.symptoms: tuple[str, ...] = ()
        self.title = label("heading", name="urgent_title")
        self.symptom_box = QWidget()
        self.symptom_rows = vbox(margins=0, parent=self.symptom_box)
        self._gap = 8
        self.message = label("body", name="urgent_message")
        self.box = card()
        self.box_layout = vbox(self.title, self.symptom_box, self.message, parent=self.box)
        self.start_over_button = button("quiet", on_click=self.start_over_requested.emit, name="start_over_button")
        self.continue_button = button("primary", on_click=self.continue_requested.emit, name="continue_button")
        self.continue_button.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Fixed)
        self.page = vbox(hbox(1, self.start_over_button), 1, self.box, 1, self.continue_button, parent=self)

    def show_symptoms(self, symptoms: tuple[str, ...]) -> None:
        self.symptoms = symptoms
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.ui_text("alert.urgent.title"))
        self.message.setText(self.ui_text("alert.urgent.message"))
        self.start_over_button.setText(self.ui_text("common.start_over"))
        self.continue_button.setText(self.ui_text("alert.urgent.continue"))
        question = self.content.survey.question("red_flags")
        clear_layout(self.symptom_rows)
        for symptom in self.symptoms:
            row = bullet_row(question.choice(symptom).label[self.language], self._gap)
            self.symptom_rows.addWidget(row)
            row.show()

    def symptom_texts(self) -> list[str]:
        return [label.text() for label in self.symptom_box.findChildren(QLabel) if label.text() != "•"]

    def apply_theme(self, theme: Theme) -> None:
        margin, gap = theme.margin_px, theme.gap_px
        self.page.setContentsMargins(margin, margin // 2, margin, margin // 2)
        self.page.setSpacing(gap * 2)
        self.box_layout.setContentsMargins(gap * 3, gap * 2, gap * 3, gap * 2)
        self._gap = gap // 2
        self.symptom_rows.setSpacing(gap // 2)
        self.box_layout.setSpacing(gap * 2)
        self.continue_button.setMinimumHeight(round(theme.target_px * 1.3))

    def reset(self) -> None:
        self.symptoms = ()
        clear_layout(self.symptom_rows)
