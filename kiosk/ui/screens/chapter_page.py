"""One explainer chapter laid out for one language and theme: the picture beside scrolling text."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QWidget

from kiosk.content.model import BulletList, Chapter, Paragraph
from kiosk.ui.layout import bullet_row, hbox, label, touch_scroll, vbox
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.svg_view import SvgView


class ChapterPage(QWidget):
    def __init__(self, chapter: Chapter, language: str, values: dict[str, str], theme: Theme):
        super().__init__()
        self.chapter_id = chapter.id
        gap = theme.gap_px
        self.picture = SvgView(chapter.illustration.file)
        self.picture.set_accessible_text(chapter.illustration.alt[language])
        self.title = label("heading", chapter.title[language], name="chapter_title")
        rows = []
        for block in chapter.blocks:
            if isinstance(block, Paragraph):
                rows.append(label("body", block.text[language].format(**values)))
            elif isinstance(block, BulletList):
                rows.extend(_list_row(item.text[language].format(**values), item.icon, theme)
                            for item in block.items)
        text = QWidget()
        column = vbox(self.title, *rows, 1, spacing=gap, parent=text)
        column.setContentsMargins(0, 0, gap, 0)
        self.scroll = touch_scroll(text)
        row = hbox(self.picture, self.scroll, spacing=gap * 2, parent=self)
        row.setContentsMargins(gap * 2, gap * 2, gap, gap * 2)
        row.setStretch(0, 4)
        row.setStretch(1, 6)

    def texts(self) -> list[str]:
        """Every string shown on this page (tests check wording, clipping and privacy with it)."""
        return [widget.text() for widget in self.findChildren(QWidget) if hasattr(widget, "text")]

    def scroll_to_top(self) -> None:
        self.scroll.verticalScrollBar().setValue(0)


def _list_row(text: str, icon: str | None, theme: Theme) -> QWidget:
    if icon is None:
        return bullet_row(text, theme.gap_px // 2)
    row = QWidget()
    words = label("body", text)
    words.setAlignment(Qt.AlignVCenter | Qt.AlignLeft)
    picture = SvgView(icon)
    icon_px = max(theme.target_px, theme.text_px(28) * 3)
    picture.setFixedSize(QSize(icon_px, icon_px))
    layout = hbox(picture, words, spacing=theme.gap_px, margins=0, parent=row)
    layout.setStretch(1, 1)
    return row
