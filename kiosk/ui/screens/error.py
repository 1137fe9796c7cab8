"""The staff-readable "cannot start" screen: the same problem list as `kiosk check`, never a traceback.

It needs no content (the content may be what is broken), so its words are plain English in code.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QSizePolicy, QWidget

from kiosk.problems import Problem
from kiosk.ui.layout import button, card, hbox, label, touch_scroll, vbox
from kiosk.ui.theme import STANDARD, Theme, panel_dpi, stylesheet

# A label per problem: 5,000 of them (a content file pasted twice) took 25 s to lay out and paint, with staff
# waiting. The first ones are what IT fixes first anyway; `kiosk check` prints them all.
MAX_SHOWN = 50


class ErrorWindow(QWidget):
    retry_requested = Signal()
    quit_requested = Signal()

    def __init__(self, problems: list[Problem], parent=None):
        super().__init__(parent)
        self.setObjectName("ErrorWindow")
        self.setAttribute(Qt.WA_StyledBackground)
        self.setWindowTitle("Clinic kiosk: cannot start")
        count = len(problems)
        self.title = label("heading", "The kiosk cannot start")
        self.explain = label("alert", f"Staff: please call IT. The kiosk found {count:,} "
                                      f"problem{'s' if count != 1 else ''} in its settings or content. "
                                      "Patients' information is not affected.")
        self.help = label("muted", "IT: the same list is printed by `kiosk check`. Fix each line, then tap Try again.")
        self.problem_labels = [label("staff-detail", str(problem), name="problem") for problem in problems[:MAX_SHOWN]]
        hidden = count - len(self.problem_labels)
        self.more = label("muted", f"… and {hidden:,} more: run `kiosk check` to see them all." if hidden else "",
                          name="more_problems")
        self.more.setVisible(bool(hidden))
        self.list_card = card()
        vbox(*self.problem_labels, self.more, 1, parent=self.list_card)
        self.scroll = touch_scroll(self.list_card)
        self.retry_button = button("primary", "Try again", self.retry_requested.emit, name="retry_button")
        self.quit_button = button("secondary", "Quit", self.quit_requested.emit, name="quit_button")
        for action in (self.retry_button, self.quit_button):
            action.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Fixed)
        self.page = vbox(self.title, self.explain, self.help, self.scroll, hbox(self.quit_button, self.retry_button),
                         parent=self)

    def style_for_size(self, dpi: float) -> None:
        """The standard look at the window's present size (no content, no visit: nothing else to choose)."""
        theme = Theme(STANDARD, self.width(), self.height(), panel_dpi(None, dpi), 100)
        self.setStyleSheet(stylesheet(theme))
        self.apply_theme(theme)

    def apply_theme(self, theme: Theme) -> None:
        margin, gap = theme.margin_px, theme.gap_px
        self.page.setContentsMargins(margin, margin // 2, margin, margin // 2)
        self.page.setSpacing(gap)
        self.list_card.layout().setContentsMargins(gap, gap, gap, gap)
        self.list_card.layout().setSpacing(gap)
