"""The illustrated explainer: one chapter per page; swipe or Back/Next; dots and "Page 3 of 8"; a chapter
menu; "Start my check" on every page. A long page scrolls with kinetic touch scrolling."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Qt, Signal
from PySide6.QtWidgets import QGridLayout, QStackedWidget, QWidget

from kiosk.ui.layout import SpillRow, button, card, hbox, label, touch_scroll, vbox
from kiosk.ui.widgets.more_below import MoreBelow
from kiosk.ui.accessible import announce
from kiosk.ui.screens.base import KioskScreen
from kiosk.ui.screens.chapter_page import ChapterPage
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.page_dots import PageDots
from kiosk.ui.widgets.swipe import SwipeWatcher
from kiosk.ui.widgets.listen_button import listen_button, style_listen_button

BUILD_AHEAD_DELAY_MS = 3000  # after the handout worker's warm-up (1.5 s), while the kiosk waits for a patient
BUILD_AHEAD_GAP_MS = 100


class ExplainerScreen(KioskScreen):
    check_requested = Signal()
    start_over_requested = Signal()
    back_to_welcome_requested = Signal()
    page_shown = Signal(int)

    def __init__(self, content, clinic, parent=None):
        super().__init__(content, parent)
        self.chapters = content.explainer.chapters
        self.clinic_values = {"clinic_name": clinic.name, "clinic_phone": clinic.phone}
        self.index = 0
        self._theme: Theme | None = None
        self._built: dict[tuple[str, int], ChapterPage] = {}  # (language, chapter index) -> laid-out page

        self.menu_button = button("secondary", on_click=self.open_menu, name="chapters_button")
        self.dots = PageDots(len(self.chapters))
        self.page_label = label("muted", wrap=False, name="page_label")
        self.start_over_button = button("quiet", on_click=self.start_over_requested.emit, name="start_over_button")
        # The page count starts at the margin, like everything below it (a label: the staff corner stays free of
        # controls); Chapters sits with Start over at the right.
        self.listen_button = listen_button(self.listen_requested.emit)
        self.top_row = SpillRow([self.page_label, 1, self.dots, 1],
                                [self.listen_button, self.menu_button, self.start_over_button])

        self.chapter_stack = QStackedWidget()
        self.reader = card()
        vbox(self.chapter_stack, margins=0, parent=self.reader)

        self.back_button = button("secondary", on_click=self.back, name="back_button")
        self.check_button = button("primary", on_click=self.check_requested.emit, name="start_check_button")
        self.next_button = button("secondary", on_click=self.next, name="next_button")
        keep = self.next_button.sizePolicy()
        keep.setRetainSizeWhenHidden(True)
        self.next_button.setSizePolicy(keep)
        self.bottom_row = hbox(self.back_button, 1, self.check_button, 1, self.next_button)

        self.menu = self._build_menu()
        self.pages = QStackedWidget()
        reading = QWidget()
        self.reading_layout = vbox(self.top_row, self.reader, self.bottom_row, parent=reading)
        self.reading_layout.setStretch(1, 1)
        self.pages.addWidget(reading)
        self.pages.addWidget(self.menu)
        self.outer = vbox(self.pages, margins=0, parent=self)

        self.swipe = SwipeWatcher(self.chapter_stack)
        self.swipe.swiped_left.connect(self.next)
        self.swipe.swiped_right.connect(self.previous_if_any)
        self.show_chapter(0)

    # --- navigation ---------------------------------------------------------------------------------

    def show_chapter(self, index: int) -> None:
        self.index = max(0, min(index, len(self.chapters) - 1))
        self.pages.setCurrentIndex(0)
        page = self.page(self.index)
        if page is not None:
            page.scroll_to_top()
            self.chapter_stack.setCurrentWidget(page)
        self._update_position()
        if self.isVisible():   # a new page in view: a screen reader hears its title (spec §7)
            announce(self, self.chapters[self.index].title[self.language])
        self.page_shown.emit(self.index)

    def next(self) -> None:
        if self.index < len(self.chapters) - 1:
            self.show_chapter(self.index + 1)

    def back(self) -> None:
        if self.index == 0:
            self.back_to_welcome_requested.emit()
        else:
            self.show_chapter(self.index - 1)

    def previous_if_any(self) -> None:
        if self.index > 0:
            self.show_chapter(self.index - 1)

    def open_menu(self) -> None:
        self.pages.setCurrentIndex(1)
        announce(self, self.ui_text("explainer.menu_title"))

    # --- shell hooks --------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.menu_button.setText(self.ui_text("explainer.chapters"))
        self.listen_button.setText(self.ui_text("speech.listen"))
        self.start_over_button.setText(self.ui_text("common.start_over"))
        self.back_button.setText(self.ui_text("common.back"))
        self.next_button.setText(self.ui_text("common.next"))
        self.check_button.setText(self.ui_text("welcome.start_check"))
        self.menu_title.setText(self.ui_text("explainer.menu_title"))
        self.menu_close.setText(self.ui_text("common.back"))
        self.menu_more.set_text(self.ui_text("common.more_below"))
        for number, (chapter, entry) in enumerate(zip(self.chapters, self.menu_entries), start=1):
            entry.setText(f"{number}. {chapter.title[self.language]}")
        self._show_current_page()

    def apply_theme(self, theme: Theme) -> None:
        self._theme = theme
        style_listen_button(self.listen_button, theme)
        gap, margin = theme.gap_px, theme.margin_px
        self.reading_layout.setContentsMargins(margin, margin // 2, margin, margin // 2)
        self.reading_layout.setSpacing(gap)
        self.top_row.setSpacing(gap)
        self.dots.set_style(max(12, round(18 * theme.scale)), theme.palette.outline)
        for action in (self.back_button, self.next_button, self.check_button):
            action.setMinimumWidth(round(theme.width * 0.2))
        self.swipe.min_distance_px = max(80, round(theme.width * 0.08))
        self.menu_layout.setContentsMargins(margin, margin // 2, margin, margin // 2)
        self.menu_layout.setSpacing(gap)
        self.menu_grid.setSpacing(gap)
        for entry in self.menu_entries:
            entry.set_padding(max(8, gap // 2), gap)
        for page in self._built.values():
            page.apply_theme(theme)
        self._show_current_page()

    def reset(self) -> None:
        self.show_chapter(0)

    def entered(self) -> None:
        self.swipe.start()

    def left(self) -> None:
        self.swipe.stop()

    # --- building -----------------------------------------------------------------------------------

    def _build_menu(self) -> QWidget:
        menu = QWidget()
        self.menu_title = label("heading")
        self.menu_entries = []
        self.menu_grid = QGridLayout()
        rows = (len(self.chapters) + 1) // 2
        for index, _chapter in enumerate(self.chapters):
            entry = button("secondary", on_click=lambda index=index: self.show_chapter(index),
                           name=f"chapter_entry_{index}", wrap=True)
            entry.set_alignment(Qt.AlignLeft)
            self.menu_grid.addWidget(entry, index % rows, index // rows)
            self.menu_entries.append(entry)
        self.menu_close = button("secondary", on_click=lambda: self.pages.setCurrentIndex(0), name="menu_close")
        # the chapters scroll only when large text on a small panel leaves no other way ("More below" then shows)
        entries = QWidget()
        entries.setLayout(self.menu_grid)
        self.menu_grid.setContentsMargins(0, 0, 0, 0)
        self.menu_scroll = touch_scroll(entries)
        self.menu_more = MoreBelow(self.menu_scroll, name="menu_more_below")
        self.menu_layout = vbox(self.menu_title, self.menu_scroll, hbox(self.menu_close, 1), parent=menu)
        self.menu_layout.setStretch(1, 1)
        return menu

    def current_page(self) -> ChapterPage:
        return self.chapter_stack.currentWidget()

    def page(self, index: int) -> ChapterPage | None:
        """The laid-out page of a chapter in this language, built the first time it is needed and kept (a
        language switch, which every patient makes, only shows other pages)."""
        if self._theme is None:
            return None
        key = (self.language, index)
        if key not in self._built:
            self._build(key)
        return self._built[key]

    def _build(self, key: tuple[str, int]) -> None:
        language, index = key
        page = ChapterPage(self.chapters[index], language, self.clinic_values, self._theme,
                           self.content.ui.get("common.more_below", language))
        self.chapter_stack.addWidget(page)
        self._built[key] = page

    def build_ahead(self, delay_ms: int = BUILD_AHEAD_DELAY_MS) -> None:
        """Lay out every chapter in every language in the quiet time after startup, one page per timer turn
        (each takes 4-11 ms, too short for a tap to notice): the first patient's page turns are as quick as
        the rest, and the kiosk reaches its working size in its first minute, so memory that grows later
        is a leak, not a page being built."""
        wanted = [(language, index) for language in self.content.languages for index in range(len(self.chapters))]
        QTimer.singleShot(delay_ms, self, lambda: self._build_next(wanted))

    def _build_next(self, wanted: list[tuple[str, int]]) -> None:
        while wanted and wanted[0] in self._built:
            wanted.pop(0)
        if not wanted:
            return
        if self._theme is not None:   # not yet given its look (the shell styles screens not in view after a paint)
            self._build(wanted.pop(0))
        QTimer.singleShot(BUILD_AHEAD_GAP_MS, self, lambda: self._build_next(wanted))

    def _show_current_page(self) -> None:
        page = self.page(self.index)
        if page is not None:
            self.chapter_stack.setCurrentWidget(page)
        self._update_position()

    def _update_position(self) -> None:
        total = len(self.chapters)
        self.dots.set_current(self.index)
        self.dots.setAccessibleName(self.ui_text("explainer.page_of", current=self.index + 1, total=total))
        self.page_label.setText(self.ui_text("explainer.page_of", current=self.index + 1, total=total))
        self.next_button.setVisible(self.index < total - 1)
