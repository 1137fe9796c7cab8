"""The body map: tap the legs where cramps happen. The picture is hit-tested by each region's real shape,
and the same regions are big cards beside it (the toes are too small a target on their own).

The regions keep their true shapes rather than grow to a fingertip's size: at 1280x800 a leg is 72 px across and
the target 96 px at 150 %, so grown regions would claim the gap between the legs and each other. Each region's
full-size target is its card (WCAG 2.5.8's "equivalent control"), and only the cards are offered to keys and
screen readers (`controls()`).

Left and right are the patient's own: both views show the left leg on the viewer's left.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFontMetrics, QPainter, QPen, QTransform
from PySide6.QtWidgets import QSizePolicy, QWidget

from kiosk import paths
from kiosk.survey.values import toggle_choice
from kiosk.ui.layout import hbox, label, vbox
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.answer_widget import AnswerWidget
from kiosk.ui.widgets.choice_cards import ChoiceCards
from kiosk.ui.widgets.svg_shapes import shapes_by_id, view_box
from kiosk.ui.widgets.svg_view import svg_renderer


class BodyMapPicture(QWidget):
    region_tapped = Signal(str)

    def __init__(self, asset: str, region_ids: tuple[str, ...], captions: dict[str, str], theme: Theme):
        super().__init__()
        self.asset = asset
        file = paths.assets_dir() / asset
        self.box = view_box(file)
        self.shapes = shapes_by_id(file, region_ids)
        self.captions = captions
        self.theme = theme
        self.chosen: tuple[str, ...] = ()
        self._pressed_region: str | None = None
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)
        self.setMinimumSize(QSize(200, 260))

    def set_chosen(self, chosen: tuple[str, ...]) -> None:
        self.chosen = chosen
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        """Small on purpose: the picture takes whatever height the cards beside it use, never more."""
        return QSize(round(self.box.width() / 2), round(self.box.height() / 2))

    def _caption_px(self) -> int:
        return self.theme.body_px + self.theme.gap_px

    def transform(self) -> QTransform:
        """From the SVG's coordinates to this widget's, fitted between the caption lines."""
        caption = self._caption_px()
        area = QRectF(0, caption, self.width(), max(1, self.height() - 2 * caption))
        scale = min(area.width() / self.box.width(), area.height() / self.box.height())
        x = area.x() + (area.width() - self.box.width() * scale) / 2
        y = area.y() + (area.height() - self.box.height() * scale) / 2
        return QTransform(scale, 0, 0, scale, x - self.box.x() * scale, y - self.box.y() * scale)

    def region_at(self, point: QPointF) -> str | None:
        inverse, invertible = self.transform().inverted()
        if not invertible:
            return None
        local = inverse.map(point)
        return next((region for region, shape in self.shapes.items() if shape.contains(local)), None)

    def mousePressEvent(self, event) -> None:  # noqa: N802 (Qt override)
        self._pressed_region = self.region_at(event.position())
        event.accept()

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802 (Qt override)
        """A region toggles only when the press and the release land in it (a slide from one region to another,
        or off the legs, chooses nothing)."""
        pressed, self._pressed_region = self._pressed_region, None
        if pressed is None or not self.rect().contains(event.position().toPoint()):
            return
        if self.region_at(event.position()) == pressed:
            self.region_tapped.emit(pressed)

    def paintEvent(self, _event) -> None:  # noqa: N802 (Qt override)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.Antialiasing)
        transform = self.transform()
        target = transform.mapRect(self.box)
        svg_renderer(self.asset).render(painter, target)
        palette = self.theme.palette
        painter.setTransform(transform)
        fill = QColor(palette.selected)
        for region in self.chosen:
            shape = self.shapes[region]
            painter.fillPath(shape, fill)
            painter.fillPath(shape, QBrush(QColor(palette.on_selected), Qt.BDiagPattern))  # not colour alone
            painter.setPen(QPen(QColor(palette.text), 4))
            painter.drawPath(shape)
        painter.resetTransform()
        self._draw_captions(painter, transform)
        painter.end()

    def _draw_captions(self, painter: QPainter, transform: QTransform) -> None:
        font = painter.font()
        font.setPixelSize(self.theme.body_px)
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor(self.theme.palette.text))
        caption = self._caption_px()
        middle = self.box.x() + self.box.width() / 2
        for view, (low, high) in (("front", (self.box.x(), middle)), ("back", (middle, self.box.right()))):
            left_x = transform.map(QPointF(low + (high - low) * 0.3, 0)).x()
            right_x = transform.map(QPointF(low + (high - low) * 0.7, 0)).x()
            centre_x = transform.map(QPointF((low + high) / 2, 0)).x()
            top = transform.map(QPointF(0, self.box.y())).y()
            bottom = transform.map(QPointF(0, self.box.bottom())).y()
            view_width = transform.map(QPointF(high, 0)).x() - transform.map(QPointF(low, 0)).x()
            if self._fit_font(painter, [self.captions[view]], view_width):
                painter.drawText(QRectF(centre_x - view_width / 2, top - caption, view_width, caption),
                                 Qt.AlignCenter, self.captions[view])
            leg_width = (right_x - left_x) * 0.95
            if self._fit_font(painter, [self.captions["left"], self.captions["right"]], leg_width):
                for x, side in ((left_x, "left"), (right_x, "right")):
                    painter.drawText(QRectF(x - leg_width / 2, bottom, leg_width, caption), Qt.AlignCenter,
                                     self.captions[side])

    def _fit_font(self, painter: QPainter, texts: list[str], width: float) -> bool:
        """Set the largest font, down to 3/4 of body size, at which the words fit; False when none does.

        Too small to read is worse than absent: the cards beside the picture name every region in full."""
        font = painter.font()
        for size in range(self.theme.body_px, round(self.theme.body_px * 0.75) - 1, -1):
            font.setPixelSize(size)
            if max(QFontMetrics(font).horizontalAdvance(text) for text in texts) <= width:
                painter.setFont(font)
                return True
        return False


class BodyMap(AnswerWidget):
    def __init__(self, question, ui, language, theme, parent=None):
        super().__init__(question, ui, language, theme, parent)
        self._chosen: tuple[str, ...] = ()
        captions = {key: self.words(f"bodymap.{key}") for key in ("front", "back", "left", "right")}
        self.picture = BodyMapPicture(question.image, question.choice_ids(), captions, theme)
        self.picture.region_tapped.connect(self._toggle)
        self.picture.setAccessibleName(self.words("bodymap.picture"))
        self.cards = ChoiceCards(question, ui, language, theme, paged=False)
        self.cards.changed.connect(self._cards_changed)
        self.summary = label("body", name="body_map_summary")
        right = vbox(self.cards, self.summary, 1, spacing=theme.gap_px, margins=0)
        layout = hbox(self.picture, right, spacing=theme.gap_px * 2, margins=0, parent=self)
        layout.setStretch(0, 4)
        layout.setStretch(1, 6)
        self._show()

    def _toggle(self, region: str) -> None:
        self._chosen = toggle_choice(self.question, self._chosen, region)
        self._show()
        self.changed.emit(self.answer())

    def _cards_changed(self, value) -> None:
        self._chosen = value or ()
        self._show()
        self.changed.emit(self.answer())

    def show_answer(self, value: Any) -> None:
        self._chosen = tuple(value or ())
        self._show()

    def controls(self) -> dict:
        return self.cards.controls()   # the picture's regions are a second way in, not the named targets

    def answer(self) -> Any:
        return self._chosen or None

    def _show(self) -> None:
        self.picture.set_chosen(self._chosen)
        self.cards.show_answer(self._chosen)
        if self._chosen:
            names = ", ".join(self.question.choice(region).label[self.language] for region in self._chosen)
            self.summary.setText(f"{self.words('bodymap.chosen')} {names}")
        else:
            self.summary.setText(self.words("bodymap.none_chosen"))
