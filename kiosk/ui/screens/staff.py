"""The staff panel (staff-only, English): what is running, where its files are, and the way out.

Later issues add the print queue and staff alerts here.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QSizePolicy

from kiosk import __version__
from kiosk.config import SiteConfig
from kiosk.staff_pin import PinGuard
from kiosk.ui.layout import button, card, hbox, label, vbox
from kiosk.ui.screens.base import KioskScreen
from kiosk.ui.theme import Theme


class StaffScreen(KioskScreen):
    back_requested = Signal()
    exit_requested = Signal()

    def __init__(self, config: SiteConfig, content, guard: PinGuard, log_file, parent=None):
        super().__init__(content, parent)
        self.title = label("heading", "Staff panel")
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
        self.page = vbox(self.title, *self.warnings, self.info, 1, hbox(self.exit_button, self.back_button),
                         parent=self)

    def apply_theme(self, theme: Theme) -> None:
        margin, gap = theme.margin_px, theme.gap_px
        self.page.setContentsMargins(theme.target_px + gap, margin // 2, margin, margin // 2)
        self.page.setSpacing(gap)
        self.grid.setContentsMargins(gap * 2, gap * 2, gap * 2, gap * 2)
        self.grid.setHorizontalSpacing(gap * 2)
        self.grid.setVerticalSpacing(gap // 2)
