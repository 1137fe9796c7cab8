"""The staff panel (staff-only, English): safety alerts to acknowledge, printing (the printer's state, today's
jobs, a test page, general handouts), what is running and where its files are, and the way out."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QGridLayout, QSizePolicy, QWidget

from kiosk import __version__
from kiosk.alerts import AlertBoard
from kiosk.config import SiteConfig
from kiosk.staff_pin import PinGuard
from kiosk.ui.layout import button, card, clear_layout, hbox, label, touch_scroll, vbox
from kiosk.ui.screens.base import KioskScreen
from kiosk.ui.screens.print_queue import PrintQueueCard
from kiosk.ui.theme import Theme


MAX_ACKNOWLEDGED_ALERTS = 3


def shown_alerts(alerts: list) -> list:
    """Every alert still to acknowledge (each one matters), then the latest few acknowledged ones."""
    open_alerts = [alert for alert in alerts if not alert.acknowledged]
    done = [alert for alert in alerts if alert.acknowledged][:MAX_ACKNOWLEDGED_ALERTS]
    return open_alerts + done


class StaffScreen(KioskScreen):
    back_requested = Signal()
    exit_requested = Signal()

    def __init__(self, config: SiteConfig, content, guard: PinGuard, log_file, alert_board: AlertBoard,
                 desk, parent=None):
        super().__init__(content, parent)
        self.alert_board, self.desk = alert_board, desk
        self.printing = PrintQueueCard(content.languages, desk.act, desk.print_test_page, desk.print_general)
        desk.jobs_changed.connect(self.printing.show_jobs)
        # Jobs change all day; the list is fetched only while the panel is on screen, at most 3 times a second.
        self._refresh_soon = QTimer(self, singleShot=True, interval=300)
        self._refresh_soon.timeout.connect(desk.refresh)
        desk.spool_changed.connect(lambda: self.isVisible() and self._refresh_soon.start())
        desk.status_changed.connect(self.printing.show_status)
        desk.spool_problem.connect(self.printing.show_problem)
        desk.staff_message.connect(self.printing.show_message)
        self.title = label("heading", "Staff panel")
        self.alerts_title = label("heading", "Safety alerts")
        self.alerts_box = card()
        self.alerts_layout = vbox(parent=self.alerts_box)
        self.warnings = []
        if guard.uses_default_pin:
            self.warnings.append(label("alert", "The default PIN 0000 is in use. Set your own with: kiosk set-pin",
                                       name="default_pin_warning"))
        if config.is_builtin:
            self.warnings.append(label("alert", "No config file found: using the built-in demo settings "
                                                "(Demo Pain Clinic). See `kiosk config --example`.",
                                       name="builtin_config_warning"))
        rows = [
            ("Kiosk", config.kiosk_name),
            ("Version", f"{__version__}"),
            ("Content", f"{content.folder} ({content.summary()})"),
            ("Config file", str(config.source or "none (built-in defaults)")),
            ("Printer", str(config.printer)),
            ("Print spool", str(config.spool_dir)),
            ("Log file", str(log_file or "not written (stderr only)")),
        ]
        self.info = card()
        self.grid = QGridLayout(self.info)
        for row, (name, value) in enumerate(rows):
            key = label("body", name, wrap=False)
            key.setAlignment(Qt.AlignTop | Qt.AlignLeft)
            detail = label("body", value, name=f"info_{name.lower().replace(' ', '_')}")
            detail.setTextInteractionFlags(Qt.NoTextInteraction)
            self.grid.addWidget(key, row, 0)
            self.grid.addWidget(detail, row, 1)
        self.grid.setColumnStretch(1, 1)
        self.back_button = button("primary", "Back to the kiosk", self.back_requested.emit, name="staff_back")
        self.exit_button = button("danger", "Exit the kiosk", self.exit_requested.emit, name="staff_exit")
        for action in (self.back_button, self.exit_button):
            action.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Fixed)
        self.body = QWidget()
        self.body_layout = vbox(*self.warnings, self.alerts_box, self.printing, self.info, 1, margins=0,
                                parent=self.body)
        self.page = vbox(self.title, touch_scroll(self.body), hbox(self.exit_button, self.back_button), parent=self)
        self.show_alerts()

    def entered(self) -> None:
        self.show_alerts()
        self.desk.refresh()

    def show_alerts(self) -> None:
        """Today's safety alerts, newest first, in plain words for the front desk; never a diagnosis."""
        clear_layout(self.alerts_layout)
        alerts = self.alert_board.alerts()
        self.alerts_box.setVisible(bool(alerts))
        if not alerts:
            return
        question = self.content.survey.question("red_flags")
        staff_language = "en" if "en" in self.content.languages else self.content.languages[0]
        shown = shown_alerts(alerts)
        if len(shown) < len(alerts):
            self.alerts_layout.addWidget(label("muted", f"{len(alerts) - len(shown)} earlier acknowledged "
                                                        "alert(s) today are not listed.", name="more_alerts"))
        for alert in shown:
            symptoms = "; ".join(question.choice(s).label[staff_language] for s in alert.symptoms)
            state = "acknowledged" if alert.acknowledged else "NEEDS ATTENTION"
            text = f"#{alert.number}  {alert.raised_at:%H:%M}  {alert.level.upper()} ({state}): {symptoms}"
            words = label("alert" if not alert.acknowledged else "body", text, name=f"alert_{alert.number}")
            row = hbox(words, spacing=8)
            row.setStretch(0, 1)
            if not alert.acknowledged:
                ack = button("secondary", "Acknowledge", lambda number=alert.number: self._acknowledge(number),
                             name=f"acknowledge_{alert.number}")
                row.addWidget(ack)
            holder = QWidget()
            holder.setLayout(row)
            row.setContentsMargins(0, 0, 0, 0)
            self.alerts_layout.addWidget(holder)
            holder.show()

    def _acknowledge(self, number: int) -> None:
        self.alert_board.acknowledge(number)
        self.show_alerts()

    def apply_theme(self, theme: Theme) -> None:
        margin, gap = theme.margin_px, theme.gap_px
        self.page.setContentsMargins(theme.target_px + gap, margin // 2, margin, margin // 2)
        self.page.setSpacing(gap)
        self.body_layout.setSpacing(gap)
        self.printing.apply_theme(theme)
        self.grid.setContentsMargins(gap * 2, gap * 2, gap * 2, gap * 2)
        self.grid.setHorizontalSpacing(gap * 2)
        self.grid.setVerticalSpacing(gap // 2)
        self.alerts_layout.setContentsMargins(gap, gap, gap, gap)
        self.alerts_layout.setSpacing(gap // 2)
