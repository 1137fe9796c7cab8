"""Big choice cards for single, yes/no and multi questions. A tick and a fill mark the chosen ones.

A list too long for the screen is shown in pages ("Choices 1 of 2"), never behind a scroll: the question screen
says how tall the space is (`fit_to`), and each page holds the cards that fit it whole. The exclusive choices of a
multi-choice list ("None of these") come last, on the last page, so on the safety question every red flag has
been in view before "None of these" can be chosen (spec §2.1).

"Not sure" / "Prefer not to say" choices are not cards here: the question screen shows them in one place and one
look on every question (`unsure_choice`, `choose`).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QGridLayout, QSizePolicy

from kiosk.content.model import KIND_YES_NO, MULTI_KINDS, SKIP_KINDS
from kiosk.survey.values import toggle_choice
from kiosk.ui.accessible import mark_one_of
from kiosk.ui.layout import button
from kiosk.ui.widgets.answer_widget import AnswerWidget
from kiosk.ui.widgets.icons import tick_icon


class ChoiceCards(AnswerWidget):
    def __init__(self, question, ui, language, theme, paged: bool = True, parent=None):
        super().__init__(question, ui, language, theme, parent)
        self.multi = question.kind in MULTI_KINDS
        self.paged = paged
        self._chosen: tuple[str, ...] = ()
        if question.kind == KIND_YES_NO:
            labels = [("yes", self.words("choice.yes")), ("no", self.words("choice.no"))]
        else:
            labels = [(choice.id, choice.label[language]) for choice in question.choices]
        unsure = [choice_id for choice_id, _text in labels if choice_id in SKIP_KINDS]
        self.unsure_choice: str | None = unsure[0] if unsure and paged else None
        labels = [(choice_id, text) for choice_id, text in labels if choice_id != self.unsure_choice]
        exclusive = {c.id for c in question.choices if c.exclusive} if self.multi else set()
        self.listed = [choice_id for choice_id, _text in labels if choice_id not in exclusive]
        self.last = [choice_id for choice_id, _text in labels if choice_id in exclusive]
        self.columns = 1 if len(labels) <= 3 and not self.multi else 2  # row by row: left/right pairs side by side
        self.most_columns = self.columns   # the usual columns; fit_to may choose 1 or 2 for large text (see there)
        self.gap = theme.gap_px
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setSpacing(self.gap)
        icon_px = max(24, theme.body_px)
        # a short list (Yes / No) gets taller cards: bigger targets where there is room
        self.card_px = round(theme.target_px * (1.4 if self.columns == 1 else 1.15))
        self.cards = {}
        for choice_id, text in labels:
            card = button("choice", text, lambda choice_id=choice_id: self._tapped(choice_id),
                          name=f"choice_{choice_id}", checkable=True, wrap=True)
            if not self.multi:
                mark_one_of(card)   # one answer of several: a radio button to a screen reader
            card.set_padding(max(8, theme.gap_px // 2), theme.gap_px)
            card.setIcon(tick_icon(theme.palette.on_selected, icon_px * 2))
            card.setIconSize(QSize(icon_px, icon_px))
            card.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Preferred)
            self.cards[choice_id] = card
        self.pages: list[list[str]] = [self.listed + self.last]
        self.page = 0
        self._overflows = False
        self._fitted_to: tuple[int, int] | None = None
        self._place()

    # --- pages ------------------------------------------------------------------------------------------

    def fit_to(self, width: int, height: int) -> bool:
        """Lay the cards out in pages that fit `width` x `height` whole; True when the pages changed."""
        if not self.paged or width <= 0 or height <= 0 or self._fitted_to == (width, height):
            return False
        self._fitted_to = (width, height)
        # Large text on a small panel: a long card in half the width can be taller than the whole room (five lines
        # of Spanish at 150 %): then the cards take the whole width, one under another, and fewer go on a page; and
        # Yes and No, one above the other, may not both fit: then they sit side by side. Whole cards first, then
        # the fewest pages, then the usual columns.
        columns = self.columns
        tried = []
        for count in sorted({self.most_columns, 1, 2}):
            self.columns = count
            pages = self._pages_for(width, height)
            tried.append((self._overflows, len(pages), count != self.most_columns, count, pages))
        *_, self.columns, pages = min(tried, key=lambda option: option[:4])
        # the columns as wide as the pages were counted with: a narrower one wraps its words onto more lines
        column_px = max(1, (width - self.gap * (self.columns - 1)) // self.columns)
        for column in range(2):
            used = column < self.columns
            self.grid.setColumnMinimumWidth(column, column_px if used else 0)
            self.grid.setColumnStretch(column, 1 if used else 0)
        if pages == self.pages and columns == self.columns:
            return False
        self.pages = pages
        self.page = min(self.page, len(pages) - 1)
        self._place()
        return True

    def _pages_for(self, width: int, height: int) -> list[list[str]]:
        gap = self.gap
        column_px = max(1, (width - gap * (self.columns - 1)) // self.columns)
        rows = [self.listed[i:i + self.columns] for i in range(0, len(self.listed), self.columns)]
        if self.last:
            rows.append(list(self.last))
        pages: list[list[str]] = []
        page: list[str] = []
        used = 0
        self._overflows = False   # a row taller than the whole room (it would need a scroll)
        for row in rows:
            row_width = column_px if row is not rows[-1] or not self.last else \
                max(1, (width - gap * (len(row) - 1)) // len(row))
            row_px = max(self._card_height(self.cards[choice_id], row_width) for choice_id in row)
            self._overflows = self._overflows or row_px > height
            needed = row_px + (gap if page else 0)
            if page and used + needed > height:
                pages.append(page)
                page, used, needed = [], 0, row_px
            page.extend(row)
            used += needed
        pages.append(page)
        if len(pages) > 1 and self.last and all(choice_id in self.last for choice_id in pages[-1]):
            # never a page of "None of these" alone: the last row of flags comes along
            moved = pages[-2][-(len(pages[-2]) % self.columns or self.columns):]
            pages[-2] = pages[-2][:len(pages[-2]) - len(moved)]
            pages[-1] = moved + pages[-1]
            if not pages[-2]:
                pages.pop(-2)
        return pages

    def _card_height(self, card, width: int) -> int:
        self._polish(card)
        return card.heightForWidth(width)

    def _polish(self, card) -> None:
        """The stylesheet's min-height arrives with the polish: the card's own minimum is set after it."""
        card.ensurePolished()
        card.words.ensurePolished()
        card.setMinimumHeight(self.card_px)

    def page_count(self) -> int:
        return len(self.pages)

    def has_next_page(self) -> bool:
        return self.page < len(self.pages) - 1

    def show_page(self, index: int) -> None:
        self.page = max(0, min(index, len(self.pages) - 1))
        self._place()

    def page_of(self, choice_id: str) -> int:
        return next(i for i, page in enumerate(self.pages) if choice_id in page)

    def _place(self) -> None:
        """Put the current page's cards in the grid (the others hidden); the exclusive row spans the width."""
        for card in self.cards.values():
            self.grid.removeWidget(card)
            card.hide()
        shown = self.pages[self.page] if self.paged else self.listed + self.last
        ordinary = [c for c in shown if c not in self.last]
        for index, choice_id in enumerate(ordinary):
            self.grid.addWidget(self.cards[choice_id], index // self.columns, index % self.columns)
        row = (len(ordinary) + self.columns - 1) // self.columns
        exclusive = [c for c in shown if c in self.last]
        for index, choice_id in enumerate(exclusive):
            # the exclusive choices share one full-width row, split evenly
            span = max(1, self.columns // len(exclusive)) if len(exclusive) <= self.columns else 1
            self.grid.addWidget(self.cards[choice_id], row + index // self.columns, (index * span) % self.columns,
                                1, span)
        for choice_id in shown:
            self._polish(self.cards[choice_id])
            self.cards[choice_id].show()

    # --- answering --------------------------------------------------------------------------------------

    def choose(self, choice_id: str) -> None:
        """Choose as a tap on that card would (the screen's "Not sure" does this for a "not sure" choice)."""
        self._tapped(choice_id)

    def _tapped(self, choice_id: str) -> None:
        if self.multi:
            self._chosen = toggle_choice(self.question, self._chosen, choice_id)
        else:
            self._chosen = (choice_id,)
        self._show_chosen()
        self.changed.emit(self.answer())
        if not self.multi:
            self.committed.emit()

    def controls(self) -> dict:
        return dict(self.cards)

    def show_answer(self, value: Any) -> None:
        self._chosen = () if value is None else tuple(value) if isinstance(value, tuple) else (value,)
        self._show_chosen()

    def answer(self) -> Any:
        if self.multi:
            return self._chosen or None
        return self._chosen[0] if self._chosen else None

    def _show_chosen(self) -> None:
        for choice_id, card in self.cards.items():
            card.setChecked(choice_id in self._chosen)
