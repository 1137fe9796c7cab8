"""The few flowables ReportLab lacks: heading band, tick-box row, writing lines, vector picture, QR, alert box.

Each either fits (small, fixed height) or splits like the Paragraph it wraps, so nothing is ever clipped.
"""

from __future__ import annotations

import logging
import threading
from functools import lru_cache
from pathlib import Path

from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.colors import black
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable, Image, Paragraph, Table, TableStyle

from kiosk.handout.fonts import register_fonts
from kiosk.handout.styles import INK, MIST, RULE_GREY, TEAL, WHITE

log = logging.getLogger("kiosk.handout")

# renderPDF.draw briefly sets and deletes `_parent`/`_canvas` on the nodes it walks, so two threads drawing
# the same cached Drawing at once would race. Drawing one picture takes about a millisecond: one lock is enough.
_DRAW_LOCK = threading.Lock()


@lru_cache(maxsize=32)
def load_svg(path: Path) -> Drawing | None:
    """Parse once per path (parsing costs far more than drawing). Callers must never mutate the result.

    A missing or broken picture is logged and skipped: a handout without its picture beats no handout.
    """
    from svglib.svglib import svg2rlg  # svglib pulls in lxml; imported only when a picture is printed

    try:
        drawing = svg2rlg(str(path))
    except Exception as error:  # svglib raises many kinds (OSError, lxml, ValueError)
        log.warning("handout.picture_failed file=%s error=%s", path.name, type(error).__name__)
        return None
    if drawing is None or drawing.width <= 0 or drawing.height <= 0:
        log.warning("handout.picture_failed file=%s error=empty", path.name)
        return None
    _no_helvetica(drawing)  # set once, before the drawing is shared
    return drawing


def _no_helvetica(drawing: Drawing) -> None:
    """renderPDF starts each drawing with a Helvetica font selection even when it has no text, which puts an
    unembedded Helvetica into the PDF; start it with our own (embedded) font instead."""
    drawing.initialFontName = register_fonts().regular


@lru_cache(maxsize=8)
def _bitmap_size(path: Path) -> tuple[int, int]:
    return ImageReader(str(path)).getSize()


class VectorPicture(Flowable):
    """A shared, cached Drawing (a parsed SVG) drawn as vectors: sharp at any printer resolution, and small.

    Scaled at draw time with the canvas transform (the cached Drawing is never resized), to the width offered
    but no taller than `max_height`, aspect kept. With `numbers`, the picture is taken as that many panels side by
    side, and each gets its step number in a dark disc at its top left (1, 2, 3 ... left to right), so the
    picture matches the numbered steps under it; the drawing itself holds no words.
    """

    def __init__(self, drawing: Drawing, max_height: float, max_width: float | None = None, center=True,
                 numbers: int = 0, number_font: str | None = None):
        super().__init__()
        self.drawing, self.max_height, self.max_width, self.center = drawing, max_height, max_width, center
        self.numbers, self.number_font = numbers, number_font
        self.scale = 1.0

    def wrap(self, avail_width, avail_height):
        width = min(avail_width, self.max_width or avail_width)
        self.scale = min(width / self.drawing.width, self.max_height / self.drawing.height)
        self.width, self.height = self.drawing.width * self.scale, self.drawing.height * self.scale
        self._offset = (avail_width - self.width) / 2 if self.center else 0
        return avail_width if self.center else self.width, self.height

    def draw(self):
        canvas = self.canv
        canvas.saveState()
        canvas.translate(self._offset, 0)
        canvas.scale(self.scale, self.scale)
        with _DRAW_LOCK:
            renderPDF.draw(self.drawing, canvas, 0, 0)
        canvas.restoreState()
        if self.numbers:
            self._draw_numbers(canvas)

    def _draw_numbers(self, canvas) -> None:
        radius = max(11.0, min(16.0, self.height * 0.1))
        panel = self.width / self.numbers
        canvas.saveState()
        canvas.setFont(self.number_font or register_fonts().bold, radius * 1.25)
        for index in range(self.numbers):
            x = self._offset + index * panel + radius + 4
            y = self.height - radius - 4
            canvas.setFillColor(INK)
            canvas.setStrokeColor(WHITE)
            canvas.setLineWidth(2)
            canvas.circle(x, y, radius, stroke=1, fill=1)
            canvas.setFillColor(WHITE)
            canvas.drawCentredString(x, y - radius * 0.43, str(index + 1))
        canvas.restoreState()


def logo_flowable(path: Path, max_width: float, max_height: float) -> Flowable | None:
    """PNG/JPEG as an Image, SVG as vectors; both within max_width x max_height, aspect kept."""
    if path.suffix.lower() == ".svg":
        drawing = load_svg(path)
        return VectorPicture(drawing, max_height, max_width, center=False) if drawing else None
    try:
        width, height = _bitmap_size(path)
    except Exception as error:  # unreadable logo: print the clinic name alone
        log.warning("handout.logo_failed file=%s error=%s", path.name, type(error).__name__)
        return None
    scale = min(max_width / width, max_height / height)
    return Image(str(path), width * scale, height * scale)


class HeadingBand(Flowable):
    """A section heading on a pale band with a solid bar at the left; the bold size carries the meaning."""

    def __init__(self, paragraph: Paragraph, pad: float, bar: float):
        super().__init__()
        self.paragraph, self.pad, self.bar = paragraph, pad, bar
        self.keepWithNext = 1

    def wrap(self, avail_width, avail_height):
        inner = avail_width - self.bar - 2 * self.pad - 2
        _, height = self.paragraph.wrap(inner, avail_height)
        self.width, self.height = avail_width, height + 2 * self.pad
        return self.width, self.height

    def draw(self):
        canvas = self.canv
        canvas.saveState()
        canvas.setFillColor(MIST)
        canvas.rect(0, 0, self.width, self.height, stroke=0, fill=1)
        canvas.setFillColor(TEAL)
        canvas.rect(0, 0, self.bar, self.height, stroke=0, fill=1)
        canvas.restoreState()
        self.paragraph.drawOn(canvas, self.bar + self.pad + 2, self.pad)


class TickBoxItem(Flowable):
    """A checklist item: an empty square drawn with lines (no font glyph needed), text in a hanging indent."""

    def __init__(self, paragraph: Paragraph, indent: float, box: float, with_box: bool = True):
        super().__init__()
        self.paragraph, self.indent, self.box, self.with_box = paragraph, indent, box, with_box

    def wrap(self, avail_width, avail_height):
        self.width = avail_width
        _, self.height = self.paragraph.wrap(avail_width - self.indent, avail_height)
        return self.width, self.height

    def split(self, avail_width, avail_height):
        parts = self.paragraph.split(avail_width - self.indent, avail_height)
        if not parts:
            return []
        return [TickBoxItem(parts[0], self.indent, self.box, self.with_box)] + \
            [TickBoxItem(part, self.indent, self.box, with_box=False) for part in parts[1:]]

    def getSpaceAfter(self):
        return self.paragraph.getSpaceAfter()

    def draw(self):
        if self.with_box:
            style = self.paragraph.style
            baseline = self.height - style.fontSize  # where Paragraph puts its first baseline
            middle = baseline + style.fontSize * 0.34  # half the cap height of a sans serif
            canvas = self.canv
            canvas.saveState()
            canvas.setStrokeColor(INK)
            canvas.setLineWidth(1.6)
            canvas.setFillColor(WHITE)
            canvas.rect(1, middle - self.box / 2, self.box, self.box, stroke=1, fill=1)
            canvas.restoreState()
        self.paragraph.drawOn(self.canv, self.indent, 0)


class WritingLines(Flowable):
    """Light rules to write an answer on, under a doctor question."""

    def __init__(self, count: int, gap: float, indent: float):
        super().__init__()
        self.count, self.gap, self.indent = count, gap, indent

    def wrap(self, avail_width, avail_height):
        self.width, self.height = avail_width, self.count * self.gap + 4
        return self.width, self.height

    def draw(self):
        canvas = self.canv
        canvas.saveState()
        canvas.setStrokeColor(RULE_GREY)
        canvas.setLineWidth(0.7)
        for line in range(self.count):
            y = self.height - (line + 1) * self.gap
            canvas.line(self.indent, y, self.width, y)
        canvas.restoreState()


@lru_cache(maxsize=16)
def qr_modules(url: str, size: float) -> tuple[tuple[float, float, float, float], ...]:
    """The dark runs of the QR code (x, y, width, height) inside a size x size square, quiet zone included.

    Encoded once per url with QrCodeWidget; drawing them as one filled path is ten times faster than rendering
    the widget (which re-encodes and walks a shape per run on every draw).
    """
    group = QrCodeWidget(url, barLevel="M", barWidth=size, barHeight=size).draw()
    return tuple((rect.x, rect.y, rect.width, rect.height) for rect in group.contents
                 if getattr(rect, "fillColor", None) is not None)


class QrFlowable(Flowable):
    """A size x size QR code drawn as one black path."""

    def __init__(self, url: str, size: float):
        super().__init__()
        self.modules, self.width, self.height = qr_modules(url, size), size, size

    def draw(self):
        canvas = self.canv
        path = canvas.beginPath()
        for x, y, width, height in self.modules:
            path.rect(x, y, width, height)
        canvas.saveState()
        canvas.setFillColor(black)
        canvas.drawPath(path, stroke=0, fill=1)
        canvas.restoreState()


def qr_table(url: str, url_paragraph: Paragraph, size: float, width: float) -> Table:
    """The QR code with the url beside it, for people who would rather type it."""
    table = Table([[QrFlowable(url, size), url_paragraph]], colWidths=[size + 14, width - size - 14])
    table.setStyle(table_style(("VALIGN", (0, 0), (-1, -1), "MIDDLE")))
    return table


def table_style(*commands) -> TableStyle:
    """No padding, and our font as the cell font: Table's default (Helvetica, unembedded) would otherwise be
    selected on the page even though no text is drawn with it."""
    base = [("FONTNAME", (0, 0), (-1, -1), register_fonts().regular)] + \
        [(side, (0, 0), (-1, -1), 0) for side in ("LEFTPADDING", "RIGHTPADDING", "TOPPADDING", "BOTTOMPADDING")]
    return TableStyle(base + list(commands))


def alert_box(rows: list[list[Flowable]], width: float, border: float, pad: float, gap: float,
              splittable: bool = True) -> Table:
    """A one-column table with a thick dark border: different from other sections by shape, not colour.

    One row per block so it can split between blocks (and inside a long one) without losing the border; with
    `splittable=False` it never splits (it moves whole to the next page).
    """
    table = Table([[row] for row in rows], colWidths=[width], splitByRow=1 if splittable else 0,
                  splitInRow=1 if splittable else 0)
    table.setStyle(table_style(
        ("BOX", (0, 0), (-1, -1), border, INK),
        ("LEFTPADDING", (0, 0), (-1, -1), pad + border / 2), ("RIGHTPADDING", (0, 0), (-1, -1), pad + border / 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), gap),
        ("TOPPADDING", (0, 0), (-1, 0), pad), ("BOTTOMPADDING", (0, -1), (-1, -1), pad),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ))
    return table


class Unsplittable(Flowable):
    """Holds one flowable that must never be split across pages: it moves whole to the next page. Only if it is
    taller than `max_height` (a whole page) is it scaled down to fit one."""

    def __init__(self, content: Flowable, max_height: float):
        super().__init__()
        self.content, self.max_height = content, max_height
        self.scale = 1.0

    def wrap(self, avail_width, avail_height):
        width, height = self.content.wrap(avail_width, 1e6)
        self.scale = min(1.0, self.max_height / height) if height else 1.0
        self.width, self.height = width * self.scale, height * self.scale
        return self.width, self.height

    def split(self, avail_width, avail_height):
        return []  # never: the frame moves it whole to the next page

    def draw(self):
        canvas = self.canv
        canvas.saveState()
        canvas.scale(self.scale, self.scale)
        self.content.drawOn(canvas, 0, 0)
        canvas.restoreState()
