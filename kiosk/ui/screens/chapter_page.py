"""One explainer chapter laid out for one language and theme: the picture beside scrolling text."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QHBoxLayout, QWidget

from kiosk.content.model import BulletList, Chapter, Paragraph
from kiosk.ui.accessible import name_scroll
from kiosk.ui.layout import bullet_row, hbox, label, touch_scroll, vbox
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.more_below import MoreBelow
from kiosk.ui.widgets.svg_view import SvgView


class ChapterPage(QWidget):
    """Built once per chapter and language for the kiosk's life; a theme change (text size, contrast) only
    re-spaces it. Rebuilding would cost the tap its speed, and every new scroll area registers a Qt gesture
    type that is never given back."""

    def __init__(self, chapter: Chapter, language: str, values: dict[str, str], theme: Theme,
                 more_below: str = ""):
        super().__init__()
        self.chapter_id = chapter.id
        self.language = language
        self.picture = SvgView(chapter.illustration.file)
        self.picture.set_accessible_text(chapter.illustration.alt[language])
        self.title = label("heading", chapter.title[language], name="chapter_title")
        self._bullet_rows: list[QHBoxLayout] = []
        self._icon_rows: list[tuple[QHBoxLayout, SvgView]] = []
        rows = []
        for block in chapter.blocks:
            if isinstance(block, Paragraph):
                rows.append(label("body", block.text[language].format(**values)))
            elif isinstance(block, BulletList):
                rows.extend(self._list_row(item.text[language].format(**values), item.icon)
                            for item in block.items)
        text = QWidget()
        self.column = vbox(self.title, *rows, 1, parent=text)
        self.scroll = touch_scroll(text)
        name_scroll(self.scroll, chapter.title[language])
        # a labelled control where the text runs on, under the picture (it covers no words)
        self.more_below = MoreBelow(self.scroll, more_below, floating=False)
        self.picture_column = vbox(self.picture, self.more_below.button, margins=0)
        self.picture_column.setStretch(0, 1)
        self.picture_column.setAlignment(self.more_below.button, Qt.AlignRight)
        self.row = hbox(self.picture_column, self.scroll, parent=self)
        self.row.setStretch(0, 4)
        self.row.setStretch(1, 6)
        self.apply_theme(theme)

    def apply_theme(self, theme: Theme) -> None:
        gap = theme.gap_px
        self.column.setSpacing(gap)
        self.column.setContentsMargins(0, 0, gap, 0)
        self.row.setSpacing(gap * 2)
        self.row.setContentsMargins(gap * 2, gap * 2, gap, gap * 2)
        self.picture_column.setSpacing(gap)
        for layout in self._bullet_rows:
            layout.setSpacing(gap // 2)
        icon_px = max(theme.target_px, theme.text_px(28) * 3)
        for layout, picture in self._icon_rows:
            layout.setSpacing(gap)
            picture.setFixedSize(QSize(icon_px, icon_px))

    def texts(self) -> list[str]:
        """Every string shown on this page (tests check wording, clipping and privacy with it)."""
        return [widget.text() for widget in self.findChildren(QWidget) if hasattr(widget, "text")]

    def scroll_to_top(self) -> None:
        self.scroll.verticalScrollBar().setValue(0)

    def _list_row(self, text: str, icon: str | None) -> QWidget:
        if icon is None:
            row = bullet_row(text, 0)
            self._bullet_rows.append(row.layout())
            return row
        row = QWidget()
        words = label("body", text)
        words.setAlignment(Qt.AlignVCenter | Qt.AlignLeft)
        picture = SvgView(icon)
        layout = hbox(picture, words, margins=0, parent=row)
        layout.setStretch(1, 1)
        self._icon_rows.append((layout, picture))
        return row
