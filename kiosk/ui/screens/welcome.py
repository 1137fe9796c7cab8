"""The welcome / attract screen: language, reading comfort, and the two ways in (learn, or start the check).

While nobody touches it, a card cycles through the explainer's chapter highlights and pictures. Once a patient
touches the screen (or presses a key) the card stays still (spec §6: auto-changing content stops), until the
visit ends and the screen is shown afresh.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QBoxLayout, QButtonGroup, QPushButton, QSizePolicy

from kiosk.ui.layout import SpillRow, button, card, hbox, label, vbox
from kiosk.ui.screens.base import KioskScreen
from kiosk.ui.theme import BODY_PX, TEXT_SCALES, Theme
from kiosk.ui.widgets.icons import tick_icon
from kiosk.ui.widgets.listen_button import listen_button, style_listen_button
from kiosk.ui.widgets.svg_view import SvgView

ATTRACT_SECONDS = 7
ROOMY_BODY_PER_HEIGHT = 27   # the picture card shows while body text is at most 1/27 of the height (40 px at 1080)


class WelcomeScreen(KioskScreen):
    learn_requested = Signal()
    check_requested = Signal()
    language_chosen = Signal(str)
    text_size_chosen = Signal(int)
    high_contrast_chosen = Signal(bool)

    def __init__(self, content, parent=None):
        super().__init__(content, parent)
        self.setObjectName("WelcomeScreen")
        self._highlight_index = 0

        self.title = label("title", name="welcome_title")
        self.subtitle = label("body")
        self.learn_button = button("secondary", on_click=self.learn_requested.emit, name="learn_button")
        self.check_button = button("primary", on_click=self.check_requested.emit, name="start_check_button")
        self.touch_hint = label("muted")

        self.language_label = label("muted", wrap=False)
        self.language_buttons: dict[str, QPushButton] = {}
        language_group = QButtonGroup(self)
        for code, name in content.ui.language_names.items():
            if code not in content.languages:
                continue
            choice = button("choice", name, lambda code=code: self.language_chosen.emit(code),
                            name=f"language_{code}", checkable=True)
            language_group.addButton(choice)
            self.language_buttons[code] = choice

        self.text_size_label = label("muted", wrap=False)
        self.text_size_buttons: dict[int, QPushButton] = {}
        size_group = QButtonGroup(self)
        for percent in TEXT_SCALES:
            choice = button("choice", "A", lambda percent=percent: self.text_size_chosen.emit(percent),
                            name=f"text_size_{percent}", checkable=True)
            size_group.addButton(choice)
            self.text_size_buttons[percent] = choice
        self.contrast_button = button("choice", on_click=self._contrast_tapped, name="contrast_button",
                                      checkable=True)
        self.listen_button = listen_button(self.listen_requested.emit)

        self.highlight_picture = SvgView()
        self.highlight_text = label("heading", align=Qt.AlignCenter)
        self.highlight_card = card()
        vbox(self.highlight_picture, self.highlight_text, parent=self.highlight_card)

        # the two ways in: one above the other beside the picture; side by side when large text takes the width
        self.actions = QBoxLayout(QBoxLayout.TopToBottom)
        self.actions.addWidget(self.check_button)
        self.actions.addWidget(self.learn_button)
        self.main_column = vbox(self.title, self.subtitle, 1, self.actions, self.touch_hint, 1)
        self.top_row = hbox(self.listen_button, 1, self.language_label, *self.language_buttons.values())
        self.middle_row = hbox(self.main_column, self.highlight_card)
        self.middle_row.setStretch(0, 5)
        self.middle_row.setStretch(1, 6)
        # text size at the left, contrast at the right; contrast under them when both do not fit on one line (the
        # widths it decides from are those of the largest text, so a size tap never moves a button)
        self.bottom_row = SpillRow([self.text_size_label, *self.text_size_buttons.values(), 1], [self.contrast_button])
        self.page = vbox(self.top_row, self.middle_row, self.bottom_row, parent=self)
        self.page.setStretch(1, 1)

        self._attract = QTimer(self)
        self._attract.setInterval(ATTRACT_SECONDS * 1000)
        self._attract.timeout.connect(self.next_highlight)
        self.retranslate()

    # --- shell hooks --------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.title.setText(self.ui_text("welcome.title"))
        self.subtitle.setText(self.ui_text("welcome.subtitle"))
        self.learn_button.setText(self.ui_text("welcome.learn"))
        self.check_button.setText(self.ui_text("welcome.start_check"))
        self.touch_hint.setText(self.ui_text("welcome.touch_to_begin"))
        self.language_label.setText(self.ui_text("welcome.choose_language"))
        self.listen_button.setText(self.ui_text("speech.listen"))
        self.text_size_label.setText(self.ui_text("comfort.text_size"))
        for percent, choice in self.text_size_buttons.items():   # each shows an "A" of its size: say which
            choice.setAccessibleName(self.ui_text("comfort.text_size_percent", percent=percent))
        self._update_contrast_text()
        for code, choice in self.language_buttons.items():
            choice.setChecked(code == self.language)
        self._show_highlight()
        self._arrange_actions()

    def apply_theme(self, theme: Theme) -> None:
        gap, margin = theme.gap_px, theme.margin_px
        self.page.setContentsMargins(margin, margin // 2, margin, margin // 2)
        self.page.setSpacing(gap)
        for row in (self.top_row, self.middle_row, self.bottom_row, self.main_column):
            row.setSpacing(gap)
        self.middle_row.setSpacing(gap * 2)
        # Keep the top-left corner (the hidden staff hold) clear of controls.
        self.top_row.setContentsMargins(theme.target_px + gap, 0, 0, 0)
        self.highlight_card.layout().setContentsMargins(gap * 2, gap * 2, gap * 2, gap * 2)
        self.highlight_picture.setMinimumHeight(round(theme.height * 0.3))
        # Text larger than the design holds beside the picture (150 % on a dense panel): the words take the width
        roomy = theme.body_px * ROOMY_BODY_PER_HEIGHT <= theme.height
        self.highlight_card.setVisible(roomy)
        # and "Touch a button to begin" gives its line to them too (the two big buttons say it themselves)
        self.touch_hint.setVisible(roomy)
        self.actions.setSpacing(gap)
        icon_px = max(24, theme.body_px)
        steady_px = max(24, round(BODY_PX * theme.scale))   # the size buttons' tick: the same at every text size
        pad_h = max(16, theme.target_px // 3)
        style_listen_button(self.listen_button, theme)
        for choice in [*self.language_buttons.values(), *self.text_size_buttons.values(), self.contrast_button]:
            size_px = steady_px if choice in self.text_size_buttons.values() else icon_px
            choice.setIcon(tick_icon(theme.palette.on_selected, size_px * 2))
            choice.setIconSize(QSize(size_px, size_px))
        # every comfort button is as tall as its words at the largest text, so a size tap never changes a height
        largest = QFont(self.language_label.font())
        largest.setPixelSize(theme.body_px_at(max(TEXT_SCALES)))
        largest.setBold(True)
        steady_h = max(theme.target_px, QFontMetrics(largest).height() + 2 * (max(8, theme.target_px // 6)
                                                                               + theme.border_px))
        for choice in [*self.language_buttons.values(), self.contrast_button]:
            # the tick's room on the left is matched on the right, so "Español" sits in the middle of its button
            choice.setStyleSheet(f"padding-right: {pad_h + icon_px}px;")
        for percent, choice in self.text_size_buttons.items():
            size = theme.body_px_at(percent)   # each "A" shows its own size, always
            choice.setStyleSheet(f"font-size: {size}px; padding-right: {pad_h + steady_px}px;")
        for choice in [*self.language_buttons.values(), *self.text_size_buttons.values(), self.contrast_button]:
            choice.ensurePolished()   # the stylesheet's min-height comes with the polish: set ours after it
            choice.setFixedHeight(steady_h)
        # "Text size" takes the room its longest wording needs at the largest text, so a size tap never moves the
        # buttons beside it (issue 17: they moved ~100 px, and a second tap on the same spot hit nothing)
        font = QFont(self.text_size_label.font())
        font.setPixelSize(theme.body_px_at(max(TEXT_SCALES)))
        wordings = [self.content.ui.get("comfort.text_size", language) for language in self.content.languages]
        widest = max(QFontMetrics(font).horizontalAdvance(words) for words in wordings)
        bold = QFont(font)
        bold.setBold(True)
        pad_frame = 2 * (pad_h + theme.border_px)
        contrast_px = max(QFontMetrics(bold).horizontalAdvance(self.content.ui.get("comfort.high_contrast", language))
                          for language in self.content.languages) + pad_frame + 2 * max(24, font.pixelSize()) + 12
        buttons_px = sum(button.sizeHint().width() for button in self.text_size_buttons.values())
        one_line = widest + gap + buttons_px + contrast_px + 4 * gap <= theme.width - 2 * margin
        self.text_size_label.setWordWrap(not one_line)
        if one_line:
            self.text_size_label.setFixedSize(widest + gap, QFontMetrics(font).height())
        else:
            # too wide for one line at the largest text: "Text size" takes two lines, as tall as they are at the
            # largest text, so the row keeps its height (and its buttons their place) at every size
            metrics = QFontMetrics(font)

            def height_at(width: int) -> int:
                return max(metrics.boundingRect(QRect(0, 0, width, 10000), Qt.TextWordWrap, words).height()
                           for words in wordings)

            narrow = max(metrics.horizontalAdvance(w) for words in wordings for w in words.split()) + 2
            while height_at(narrow) > 2 * metrics.lineSpacing() and narrow < widest:
                narrow += 4
            self.text_size_label.setFixedSize(narrow + gap, height_at(narrow))
        # The language and contrast buttons keep the width their words need at the largest text (bold), so a size
        # tap does not move them either
        font.setBold(True)
        metrics = QFontMetrics(font)
        largest_icon = max(24, font.pixelSize())
        frame = 2 * (pad_h + theme.border_px) + 2 * largest_icon + 12
        for choice in self.language_buttons.values():
            choice.setMinimumWidth(metrics.horizontalAdvance(choice.text()) + frame)
        self.contrast_button.setMinimumWidth(max(metrics.horizontalAdvance(self.content.ui.get(
            "comfort.high_contrast", language)) for language in self.content.languages) + frame)
        for action in (self.check_button, self.learn_button):
            action.setMinimumHeight(round(theme.target_px * 1.25))
            action.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Fixed)
        self._theme = theme
        self._arrange_actions()

    def _arrange_actions(self) -> None:
        """Side by side when the picture is hidden and both fit on one line in this language, else stacked."""
        theme = getattr(self, "_theme", None)
        if theme is None:
            return
        bold = QFont(self.check_button.font())
        bold.setPixelSize(theme.body_px)
        bold.setBold(True)
        frame = 2 * (max(16, theme.target_px // 3) + theme.border_px) + theme.gap_px
        words = sum(QFontMetrics(bold).horizontalAdvance(action.text()) + frame
                    for action in (self.check_button, self.learn_button))
        side_by_side = self.highlight_card.isHidden() and words <= theme.width - 2 * theme.margin_px
        self.actions.setDirection(QBoxLayout.LeftToRight if side_by_side else QBoxLayout.TopToBottom)

    def show_comfort(self, text_percent: int, high_contrast: bool) -> None:
        for percent, choice in self.text_size_buttons.items():
            choice.setChecked(percent == text_percent)
        self.contrast_button.setChecked(high_contrast)
        self._update_contrast_text()

    def reset(self) -> None:
        self._highlight_index = 0
        self._show_highlight()

    def entered(self) -> None:
        self._attract.start()

    def patient_touched(self) -> None:
        """Any touch or key press while the welcome screen shows: stop the attract loop for this visit."""
        if self.isVisible() and self._attract.isActive():
            self._attract.stop()

    @property
    def attracting(self) -> bool:
        return self._attract.isActive()

    def left(self) -> None:
        self._attract.stop()

    # --- attract loop -------------------------------------------------------------------------------

    def next_highlight(self) -> None:
        self._highlight_index = (self._highlight_index + 1) % max(1, len(self.content.explainer.chapters))
        self._show_highlight()

    def _show_highlight(self) -> None:
        chapters = self.content.explainer.chapters
        if not chapters:
            return
        chapter = chapters[self._highlight_index % len(chapters)]
        self.highlight_picture.set_asset(chapter.illustration.file)
        self.highlight_picture.set_accessible_text(chapter.illustration.alt[self.language])
        self.highlight_text.setText(chapter.highlight[self.language])

    def _contrast_tapped(self) -> None:
        self.high_contrast_chosen.emit(self.contrast_button.isChecked())

    def _update_contrast_text(self) -> None:
        self.contrast_button.setText(self.ui_text("comfort.high_contrast"))
