"""The staff panel (staff-only, English): safety alerts to acknowledge, printing (the printer's state, today's
jobs, a test page, general handouts), what is running and where its files are, and the way out.

Emergency and urgent alerts never look alike here: an open emergency is a row in the alert colour with a warning
triangle and "go to the patient at the kiosk now"; an open urgent one is an outlined row with a round "!" icon.
"Exit the kiosk" sits at the end of the panel, far from "Back to the kiosk", and asks first (spec §6)."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QSizePolicy, QWidget

from kiosk import __version__
from kiosk.alerts import AlertBoard
from kiosk.config import SiteConfig
from kiosk.staff_pin import PinGuard
from kiosk.ui.alert_icons import level_pixmap
from kiosk.ui.layout import button, card, hbox, label, touch_scroll, vbox
from kiosk.ui.screens.base import KioskScreen
from kiosk.ui.screens.confirm import ConfirmOverlay
from kiosk.ui.screens.print_queue import PrintQueueCard
from kiosk.ui.theme import Theme


MAX_ACKNOWLEDGED_ALERTS = 3
# What each level asks of the front desk: the same words as the printed slip's (kiosk/handout/slips.py).
LEVEL_WORDS = {"emergency": "EMERGENCY: go to the patient at the kiosk now",
               "urgent": "URGENT: talk with the patient before they leave today"}


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
        names = {code: content.ui.language_names[code] for code in content.languages}   # enabled, in order
        self.printing = PrintQueueCard(names, desk.act, desk.print_test_page, desk.print_general)
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
        # each alert's row, by alert key, with what it was made to show: a row whose alert has not changed is kept
        # (rebuilding every open alert's row on each Acknowledge held the GUI thread ~75 ms with many open)
        self._rows: dict[str, tuple[tuple, QWidget]] = {}
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
        self.back_button.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Fixed)
        # The way out is at the end of the panel, away from "Back to the kiosk", and asks first.
        self.exit_button = button("danger", "Exit the kiosk…", self.ask_exit, name="staff_exit")
        self.exit_box = card()
        self.exit_layout = vbox(label("heading", "Close the kiosk program"),
                                label("body", "For IT and maintenance. The screen shows the computer until the kiosk "
                                              "is started again; patients cannot use it meanwhile."),
                                hbox(self.exit_button, 1), parent=self.exit_box)
        self.store_problem = label("alert", name="alert_store_problem")
        self.store_problem.hide()
        self.body = QWidget()
        self.body_layout = vbox(*self.warnings, self.store_problem, self.alerts_box, self.printing, self.info,
                                self.exit_box, 1, margins=0, parent=self.body)
        self.scroll = touch_scroll(self.body)
        self.page = vbox(self.title, self.scroll, self.back_button, parent=self)
        self.confirm = ConfirmOverlay(self, name="exit_confirm")
        self._theme: Theme | None = None
        self.show_alerts()

    def ask_exit(self) -> None:
        self.confirm.ask("Exit the kiosk?", "No, keep the kiosk running", "Yes, exit the kiosk",
                         self.exit_requested.emit, message="Patients cannot use the kiosk until it is started again.",
                         act_role="danger")

    def left(self) -> None:
        self.confirm.dismiss()

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self.confirm.follow_parent()

    def entered(self) -> None:
        self.show_alerts()
        self.desk.refresh()

    def show_alerts(self) -> None:
        """Today's safety alerts and any still open from before, in plain words for the front desk; never a
        diagnosis. Flags come from content; an id the content no longer has is shown as it is."""
        rows, self._rows = self._rows, {}
        while self.alerts_layout.count():
            item = self.alerts_layout.takeAt(0)   # the layout lets go; the rows decide below whether they stay
            if item.widget() is not None and item.widget().objectName() == "more_alerts":
                self._drop(item.widget())
        self.store_problem.setText(self.alert_board.problem)
        self.store_problem.setVisible(bool(self.alert_board.problem))
        alerts = self.alert_board.alerts()
        self.alerts_box.setVisible(bool(alerts))
        question = self.content.survey.question("red_flags")
        labels = {choice.id: choice.label[self.content.staff_language] for choice in question.choices}
        shown = shown_alerts(alerts)
        if len(shown) < len(alerts):
            self.alerts_layout.addWidget(label("muted", f"{len(alerts) - len(shown)} earlier acknowledged "
                                                        "alert(s) today are not listed.", name="more_alerts"))
        today = self.alert_board.day
        for alert in shown:
            shows = (alert, today, self._theme)
            kept = rows.pop(alert.key, None)
            if kept is not None and kept[0] == shows:
                holder = kept[1]
            else:
                if kept is not None:
                    self._drop(kept[1])
                holder = self._alert_row(alert, labels, today)
            self._rows[alert.key] = (shows, holder)
            self.alerts_layout.addWidget(holder)
            holder.show()
        for _shows, holder in rows.values():   # alerts no longer listed
            self._drop(holder)

    @staticmethod
    def _drop(row: QWidget) -> None:
        """A row goes (later: it may hold the button being clicked), nameless at once so a lookup by name finds
        only the rows on screen."""
        for widget in (row, *row.findChildren(QWidget)):
            widget.setObjectName("")
        row.hide()
        row.deleteLater()

    def _alert_row(self, alert, labels: dict, today) -> QWidget:
        name = alert.number if alert.raised_at.date() == today else alert.key  # numbers start at 1 each day
        new = set(alert.new_symptoms)
        symptoms = "; ".join(labels.get(s, s) + (" (new)" if s in new else "") for s in alert.symptoms)
        when = f"{alert.raised_at:%H:%M}" if alert.raised_at.date() == today else f"{alert.raised_at:%Y-%m-%d %H:%M}"
        if alert.updated:
            when += f", updated {alert.updated_at:%H:%M}"
        state = "acknowledged" if alert.acknowledged else "NEEDS ATTENTION"
        text = f"{LEVEL_WORDS[alert.level]}\n#{alert.number}  {when}  ({state}): {symptoms}"
        holder = QFrame()
        holder.setObjectName(f"alert_row_{name}")
        holder.setProperty("level", alert.level if not alert.acknowledged else "done")
        holder.setAttribute(Qt.WA_StyledBackground)
        words = label("body", text, name=f"alert_{name}")
        icon = QLabel()
        icon.setObjectName(f"alert_icon_{name}")
        icon.setAccessibleName(alert.level)
        row = hbox(icon, words, spacing=self._gap(), parent=holder)
        row.setAlignment(icon, Qt.AlignTop)
        row.setStretch(1, 1)
        if not alert.acknowledged:
            ack = button("secondary", "Acknowledge", lambda key=alert.key: self._acknowledge(key),
                         name=f"acknowledge_{name}")
            row.addWidget(ack, 0, Qt.AlignVCenter)
        if self._theme is not None:
            self._style_alert_row(holder, icon, alert)
        return holder

    def _style_alert_row(self, holder: QFrame, icon: QLabel, alert) -> None:
        theme, p = self._theme, self._theme.palette
        size = round(theme.body_px * 1.6)
        gap = theme.gap_px
        holder.layout().setContentsMargins(gap, gap // 2, gap, gap // 2)
        # The row's colours come from the theme's stylesheet by its `level` property: emergency in the alert
        # colour with its own text colour, urgent in the everyday colours with an outline, acknowledged plain.
        # (A stylesheet of its own per row cost ~4 ms a row: acknowledging one of 14 held the GUI thread 60 ms.)
        if alert.acknowledged:
            icon.setPixmap(level_pixmap(alert.level, size, p.muted_text, p.background))
        elif alert.level == "emergency":   # a triangle
            icon.setPixmap(level_pixmap("emergency", size, p.on_alert, p.alert))
        else:                              # a circle
            icon.setPixmap(level_pixmap("urgent", size, p.primary, p.on_primary))
        icon.setFixedSize(size, size)

    def _gap(self) -> int:
        return self._theme.gap_px if self._theme is not None else 8

    def _acknowledge(self, key: str) -> None:
        self.alert_board.acknowledge(key)
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
        self.exit_layout.setContentsMargins(gap * 2, gap * 2, gap * 2, gap * 2)
        # Scrolled to the very end, "Exit" still sits at least a touch target above "Back to the kiosk".
        self.body_layout.setContentsMargins(0, 0, 0, theme.target_px)
        self.exit_layout.setSpacing(gap)
        self.back_button.setMinimumHeight(round(theme.target_px * 1.2))
        self.confirm.apply_theme(theme)
        self._theme = theme
        self.show_alerts()
