"""The safety screens of spec §2.1, which never look alike.

Emergency: calm but plainly urgent. A full-width band in the alert colour with a warning triangle and "Please go
to the front desk now", then "If you feel very unwell, call 911" and that the desk has been told. It stays until
staff clear it with the PIN. Urgent: the everyday look, a card with a round "!" icon: please tell the front desk
today, the desk has been told, the patient may go on. Words and icon shapes differ, so colour is never the only cue.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QWidget

from kiosk.ui.alert_icons import level_pixmap
from kiosk.ui.layout import bullet_row, button, card, clear_layout, hbox, label, vbox
from kiosk.ui.screens.base import KioskScreen
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.listen_button import listen_button, style_listen_button
from kiosk.ui.widgets.svg_view import SvgView


class EmergencyScreen(KioskScreen):
    staff_requested = Signal()

    def __init__(self, content, parent=None):
        super().__init__(content, parent)
        self.setObjectName("EmergencyScreen")
        self.band = QFrame()
        self.band.setObjectName("emergency_band")
        self.band.setAttribute(Qt.WA_StyledBackground)
        self.icon = QLabel()
        self.icon.setObjectName("emergency_icon")
        self.title = label("title", name="emergency_title")
        self.band_layout = hbox(1, self.icon, self.title, 1, parent=self.band)
        self.picture = SvgView("illustrations/clinic.svg")
        self.message = label("heading", align=Qt.AlignCenter, name="emergency_message")
        self.desk_told = label("body", align=Qt.AlignCenter, name="emergency_desk_told")
        self.staff_button = button("quiet", on_click=self.staff_requested.emit, name="staff_button")
        self.listen_button = listen_button(self.listen_requested.emit)
        self.body = vbox(1, self.picture, self.message, self.desk_told, 1,
                         hbox(self.listen_button, 1, self.staff_button))
        self.page = vbox(self.band, self.body, spacing=0, margins=0, parent=self)
        self.page.setStretch(1, 1)

    def retranslate(self) -> None:
        self.title.setText(self.ui_text("alert.emergency.title"))
        self.message.setText(self.ui_text("alert.emergency.message"))
        self.desk_told.setText(self.ui_text("alert.emergency.desk_told"))
        self.picture.set_accessible_text(self.ui_text("alert.emergency.picture"))
        self.staff_button.setText(self.ui_text("alert.emergency.staff"))
        self.listen_button.setText(self.ui_text("speech.listen"))
        self.icon.setAccessibleName(self.ui_text("alert.emergency.title"))
        self._fit_title()

    def _fit_title(self) -> None:
        """The title on one line when it fits beside the icon (a wrapping label between stretches is squeezed)."""
        margins = self.band_layout.contentsMargins()
        room = self.width() - margins.left() - margins.right() - self.icon.width() - self.band_layout.spacing()
        wanted = self.title.fontMetrics().horizontalAdvance(self.title.text()) + 4
        self.title.setMinimumWidth(max(0, min(wanted, room)))

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self._fit_title()

    def apply_theme(self, theme: Theme) -> None:
        p, margin, gap = theme.palette, theme.margin_px, theme.gap_px
        style_listen_button(self.listen_button, theme)
        # The band is the alert colour with its own text colour (>= 7:1, tested for both palettes).
        self.band.setStyleSheet(f"QFrame#emergency_band {{ background: {p.alert}; }} "
                                f"QFrame#emergency_band QLabel {{ color: {p.on_alert}; }}")
        icon_px = round(theme.title_px * 1.6)
        self.icon.setPixmap(level_pixmap("emergency", icon_px, p.on_alert, p.alert))
        self.icon.setFixedSize(icon_px, icon_px)
        # Clear of the hidden staff corner at the left, and the same margin both sides (centred words).
        side = theme.target_px + gap
        self.band_layout.setContentsMargins(side, gap * 2, side, gap * 2)
        self.band_layout.setSpacing(gap * 2)
        self.body.setContentsMargins(margin, gap * 2, margin, margin // 2)
        self.body.setSpacing(gap * 2)
        self.picture.setFixedHeight(round(theme.height * 0.25))
        self.title.ensurePolished()
        self._fit_title()


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
        self.icon = QLabel()
        self.icon.setObjectName("urgent_icon")
        self.icon.setAlignment(Qt.AlignTop)
        self.box = card()
        self.words = vbox(self.title, self.symptom_box, self.message)
        self.box_layout = hbox(self.icon, self.words, parent=self.box)
        self.box_layout.setAlignment(self.icon, Qt.AlignTop)
        self.box_layout.setStretch(1, 1)
        self.start_over_button = button("quiet", on_click=self.start_over_requested.emit, name="start_over_button")
        self.continue_button = button("primary", on_click=self.continue_requested.emit, name="continue_button")
        self.continue_button.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Fixed)
        self.listen_button = listen_button(self.listen_requested.emit)
        self.page = vbox(hbox(1, self.listen_button, self.start_over_button), 1, self.box, 1, self.continue_button,
                         parent=self)

    def show_symptoms(self, symptoms: tuple[str, ...]) -> None:
        self.symptoms = symptoms
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.ui_text("alert.urgent.title"))
        self.message.setText(self.ui_text("alert.urgent.message"))
        self.start_over_button.setText(self.ui_text("common.start_over"))
        self.listen_button.setText(self.ui_text("speech.listen"))
        self.continue_button.setText(self.ui_text("alert.urgent.continue"))
        self.icon.setAccessibleName(self.ui_text("alert.urgent.title"))
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
        style_listen_button(self.listen_button, theme)
        self.page.setContentsMargins(margin, margin // 2, margin, margin // 2)
        self.page.setSpacing(gap * 2)
        self.box_layout.setContentsMargins(gap * 3, gap * 2, gap * 3, gap * 2)
        self._gap = gap // 2
        self.symptom_rows.setSpacing(gap // 2)
        self.box_layout.setSpacing(gap * 2)
        self.words.setSpacing(gap * 2)
        icon_px = round(theme.heading_px * 1.5)
        self.icon.setPixmap(level_pixmap("urgent", icon_px, theme.palette.primary, theme.palette.on_primary))
        self.icon.setFixedSize(icon_px, icon_px)
        self.continue_button.setMinimumHeight(round(theme.target_px * 1.3))

    def reset(self) -> None:
        self.symptoms = ()
        clear_layout(self.symptom_rows)
