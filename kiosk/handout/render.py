"""HandoutSpec / SummarySpec -> PDF bytes with ReportLab. Knows layout only, nothing about answers or rules.

Pure and re-entrant: every render builds its own document and flowables; the only shared state is the font
registry (filled once, under a lock) and read-only caches (styles, parsed SVGs, QR modules). So it may run on a
worker thread. `invariant=1` makes the same spec give byte-identical PDFs (no timestamps or random ids), which keeps
the print spool and the tests honest.
"""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass, replace
from xml.sax.saxutils import escape

from reportlab.lib.units import inch
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (BaseDocTemplate, Flowable, Frame, HRFlowable, KeepInFrame, KeepTogether,
                                PageTemplate, Paragraph, Table, TableStyle)

from kiosk.handout import flowables as fl
from kiosk.handout.fonts import register_fonts
from kiosk.handout.spec import (STYLE_ALERT, STYLE_BOX, Block, Bullets, Checklist, HandoutSpec, Para, QrCode,
                                Questions, SectionSpec, Steps, SummarySpec, block_texts)
from kiosk.handout.styles import (HAIRLINE, HANDOUT_LOOKS, INK, MIST, SUMMARY, TEAL, HandoutLook, SummaryLook,
                                  handout_styles, page_size, summary_styles)

log = logging.getLogger("kiosk.handout")
CREATOR = "clinic-kiosk"
MAX_PAGES = 6  # the longest handout (every section, 14 pt, sections kept whole); most are 3 to 5


# ---------------------------------------------------------------------------------------------- page furniture

def _text(value: str) -> str:
    """Patient and content text is plain text; Paragraph reads markup, so `&` and `<` must be escaped."""
    return escape(value)


@dataclass
class _Furniture:
    """What every page carries: the footer sentence and "Page n of N" (and, for the summary, its header).

    Drawn when the document is saved, once the page count is known (the NumberedCanvas pattern: one pass).
    """

    footer: Paragraph
    label_format: str
    label_font: str
    label_size: float
    left: float
    width: float
    bottom: float
    header: list[Paragraph] | None = None
    header_top: float = 0.0
    header_rule: float | None = None

    @classmethod
    def build(cls, footer_text: str, label_format: str, style, left: float, width: float, bottom: float,
              number_label: str | None = None, number_room: str | None = None):
        """`number_label` ("Handout 17") goes before "Page n of N" on every page; the footer sentence leaves room
        for `number_room` (the widest number label) whether or not a number is printed."""
        widest = label_format
        if number_label:
            label_format = number_label.replace("{", "{{").replace("}", "}}") + " · " + label_format
        if number_room or number_label:
            widest = (number_room or number_label).replace("{", "{{").replace("}", "}}") + " · " + widest
        label_width = max(stringWidth(text.format(page=99, pages=99), style.fontName, style.fontSize)
                          for text in (label_format, widest))
        footer = Paragraph(_text(footer_text), style)
        footer.wrap(width - label_width - 0.2 * inch, 10 * inch)
        return cls(footer, label_format, style.fontName, style.fontSize, left, width, bottom)

    @property
    def height(self) -> float:
        """From the page's bottom margin to the rule above the footer, plus the gap to the body."""
        return self.footer.height + 10

    def draw(self, canvas: Canvas, page: int, pages: int) -> None:
        canvas.saveState()
        top = self.bottom + self.footer.height
        canvas.setStrokeColor(HAIRLINE)
        canvas.setLineWidth(0.8)
        canvas.line(self.left, top + 6, self.left + self.width, top + 6)
        self.footer.drawOn(canvas, self.left, self.bottom)
        canvas.setFont(self.label_font, self.label_size)
        canvas.setFillColor(INK)
        baseline = top - self.footer.style.fontSize
        canvas.drawRightString(self.left + self.width, baseline, self.label_format.format(page=page, pages=pages))
        y = self.header_top
        for paragraph in self.header or ():
            y -= paragraph.height
            paragraph.drawOn(canvas, self.left, y)
        if self.header_rule is not None:
            canvas.setStrokeColor(TEAL)
            canvas.setLineWidth(1.5)
            canvas.line(self.left, self.header_rule, self.left + self.width, self.header_rule)
        canvas.restoreState()


class _FurnishedCanvas(Canvas):
    """Holds each finished page until save(), then draws the furniture with the real page total."""

    def __init__(self, *args, furniture: _Furniture, **kwargs):
        super().__init__(*args, **kwargs)
        self._furniture = furniture
        self._held_pages: list[dict] = []

    def showPage(self):
        self._held_pages.append(dict(self.__dict__))
        self._startPage()

    @property
    def page_now(self) -> int:
        """The page being drawn, from 1 (pages are held until save(), so the canvas's own count lags)."""
        return len(self._held_pages) + 1

    def save(self):
        total = len(self._held_pages)
        for number, state in enumerate(self._held_pages, start=1):
            self.__dict__.update(state)
            self._furniture.draw(self, number, total)
            super().showPage()
        super().save()

    @property
    def page_total(self) -> int:
        return len(self._held_pages)


def _build(story: list[Flowable], pagesize, frames: list[Frame], furniture: _Furniture, *, title: str,
           author: str, lang: str | None, marks: list | None = None) -> tuple[bytes, int]:
    buffer = io.BytesIO()
    # initialFontName: otherwise every page names Helvetica (unembedded) as its starting font
    def page_end(canvas, doc):  # how far down the body went on this page (the frame's current position)
        if marks is not None:
            marks.append((getattr(canvas, "page_now", 1), doc.frame._y))

    doc = BaseDocTemplate(buffer, pagesize=pagesize, invariant=1, title=title, author=author, creator=CREATOR,
                          subject="", lang=lang, initialFontName=furniture.label_font,
                          pageTemplates=[PageTemplate("page", frames=frames, onPageEnd=page_end)])
    canvases: list[_FurnishedCanvas] = []

    def make_canvas(*args, **kwargs):
        canvas = _FurnishedCanvas(*args, furniture=furniture, **kwargs)
        canvases.append(canvas)
        return canvas

    if marks is not None:
        marks.clear()  # a build may run twice (ReportLab's multiBuild does not, but be safe)
    doc.build(story, canvasmaker=make_canvas)
    return buffer.getvalue(), canvases[-1].page_total


def _frame(x: float, y: float, width: float, height: float, frame_id: str) -> Frame:
    return Frame(x, y, width, height, leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id=frame_id)


# ---------------------------------------------------------------------------------------------- handout

def render_handout(spec: HandoutSpec, look: int | None = None) -> bytes:
    """The patient handout: header on page 1, sections in order, footer and page label on every page.

    At most MAX_PAGES pages (2 to 6 for any answers): a handout that would run longer in the generous look
    is laid out in the compact one (same type sizes, tighter spacing), or the tight one. A quick measure of the
    story's height picks the first look likely to fit. Sections are kept whole, which leaves gaps: when a page
    (not the last) is less than WELL_FILLED, or the last page holds only a short end, the next tighter look is
    tried too, and the one with the fewest pages wins (the roomier one on a tie).
    """
    return render_handout_with_layout(spec, look)[0]


def render_handout_with_layout(spec: HandoutSpec, look: int | None = None) -> tuple[bytes, "PageFill"]:
    """The PDF and how full each page's body is (for the layout rules and their tests). `look` (an index into
    HANDOUT_LOOKS, as PageFill.look reports it) lays the handout out in that look only: the same handout again
    with its number on it keeps the layout the patient saw in the preview, at the cost of one build."""
    if look is not None:
        layout = _Layout.of(spec, HANDOUT_LOOKS[look])
        pdf, pages = layout.build(spec)
        return pdf, replace(layout.fill(pages), look=look)
    measuring = True
    built: list[tuple[bytes, int, PageFill]] = []
    for index, look_ in enumerate(HANDOUT_LOOKS):
        layout = _Layout.of(spec, look_)
        if measuring and look_ is not HANDOUT_LOOKS[-1] and not _likely_fits(layout):
            continue
        measuring = False  # from the first look measured to fit, each is built until one fits well
        pdf, pages = layout.build(spec)
        fill = replace(layout.fill(pages), look=index)
        if built and pages >= built[-1][1] and _acceptable(built[-1][1], built[-1][2]):
            break  # a tighter look that saves no page: the next, tighter still, is not worth its build
        built.append((pdf, pages, fill))
        if _fits_well(pages, fill):
            break
    acceptable = [result for result in built if _acceptable(result[1], result[2])] or built
    # the fewest pages; then a last page that holds more than a short end; then the fullest emptiest page; then
    # the roomier look
    pdf, pages, fill = min(acceptable, key=lambda result: (
        result[1], result[1] > 1 and result[2].last < LAST_PAGE_MIN, -min(result[2].shares[:-1], default=1.0)))
    if pages > MAX_PAGES:
        log.warning("handout.over_page_limit pages=%d", pages)
    return pdf, fill


def _acceptable(pages: int, fill: "PageFill") -> bool:
    """Within the page limit, and the last page does not hold one short end that the page before could take."""
    if pages > MAX_PAGES:
        return False
    return pages == 1 or fill.last >= LAST_PAGE_MIN or fill.shares[-2] + fill.last > 1.0


def _fits_well(pages: int, fill: "PageFill") -> bool:
    """No need to try a tighter look: every page but the last is well filled (sections kept whole leave gaps;
    a tighter look may close them and save a page)."""
    return _acceptable(pages, fill) and all(share >= WELL_FILLED for share in fill.shares[:-1])


# Page breaks waste some of each page (a heading kept with its text, a picture kept with its steps, a section
# kept whole).
LIKELY_FILL = 0.85
# No page but the last may be more than two-thirds empty (spec §4): a section that does not fit in what is left
# of a page starts a fresh page only when what is left is at most this share of the page; else it is split.
MAX_WASTE = 0.6
LAST_PAGE_MIN = 0.2  # a last page holding less than this share is "one short section" worth a tighter look
WELL_FILLED = 0.65  # a page (not the last) filled less than this is worth trying a tighter look for


@dataclass(frozen=True)
class PageFill:
    """The share (0 to 1) of each page's body that holds something, page by page."""

    shares: tuple[float, ...]
    look: int = 0  # the index in HANDOUT_LOOKS of the look it was laid out in

    @property
    def last(self) -> float:
        return self.shares[-1] if self.shares else 0.0


class _KeepSection(KeepTogether):
    """A section kept on one page when it fits on one (spec §4): if it does not fit in what is left of this page,
    it starts the next page, unless that would leave this page more than MAX_WASTE empty; a section longer than
    a page starts a fresh page on the same terms, then splits."""

    def __init__(self, flowables: list[Flowable], page_height: float):
        super().__init__(flowables)
        self.page_height = page_height

    def split(self, aW, aH):
        if getattr(self, "_wrapInfo", None) != (aW, aH):
            self.wrap(aW, aH)
        content = self._content[:]
        frame = getattr(self, "_frame", None)
        at_top = bool(frame and getattr(frame, "_atTop", False))
        if self._H > aH and not at_top and aH <= MAX_WASTE * self.page_height:
            return [self.FrameBreak()] + content
        if len(content) == 1:  # handing back the one flowable unchanged would be no progress: split it
            content[0].wrap(aW, aH)
            return content[0].split(aW, aH)
        return content


def _height(flowable: Flowable, width: float) -> float:
    """A flowable's height stacked on an endless page (KeepTogether answers 'huge' to force a split)."""
    if isinstance(flowable, KeepTogether):
        return sum(_height(part, width) for part in flowable._content)
    return flowable.wrap(width, 1e6)[1] + flowable.getSpaceBefore() + flowable.getSpaceAfter()


@dataclass
class _Layout:
    story: list[Flowable]
    pagesize: tuple[float, float]
    frame: Frame
    furniture: _Furniture
    marks: list

    @classmethod
    def of(cls, spec: HandoutSpec, look: HandoutLook) -> "_Layout":
        styles = handout_styles(look, register_fonts())
        pagesize = page_size(spec.paper)
        width = pagesize[0] - 2 * look.margin_x
        furniture = _Furniture.build(spec.footer, spec.page_label, styles["footer"], look.margin_x, width,
                                     look.margin_bottom, spec.number_label, spec.number_room)
        bottom = look.margin_bottom + furniture.height + 8
        frame = _frame(look.margin_x, bottom, width, pagesize[1] - look.margin_top - bottom, "body")
        marks: list = []
        story = _header(spec, styles, look, width)
        for section in spec.sections:
            story += _section(section, styles, look, width, frame.height)
        return cls(story, pagesize, frame, furniture, marks)

    def build(self, spec: HandoutSpec) -> tuple[bytes, int]:
        return _build(self.story, self.pagesize, [self.frame], self.furniture, title=spec.title,
                      author=spec.branding.clinic_name, lang=spec.language, marks=self.marks)

    def fill(self, pages: int) -> PageFill:
        """From where the body stopped on each page (recorded as each page ended)."""
        top, height = self.frame.y1 + self.frame.height, self.frame.height
        lowest = {}
        for page, y in self.marks:
            lowest[page] = min(lowest.get(page, top), y)
        return PageFill(tuple(round(min(1.0, (top - lowest[page]) / height), 3) if page in lowest else 1.0
                              for page in range(1, pages + 1)))


def _likely_fits(layout: _Layout) -> bool:
    """The story's height, stacked without page breaks, against MAX_PAGES pages a little less than full."""
    height = sum(_height(flowable, layout.frame.width) for flowable in layout.story)
    return height <= MAX_PAGES * layout.frame.height * LIKELY_FILL


def _header(spec: HandoutSpec, styles, look: HandoutLook, width: float) -> list[Flowable]:
    clinic = Paragraph(_text(spec.branding.clinic_name), styles["clinic"])
    logo = fl.logo_flowable(spec.branding.logo, look.logo_max_width, look.logo_max_height) \
        if spec.branding.logo else None
    if logo is not None:
        logo_width, _ = logo.wrap(look.logo_max_width, look.logo_max_height)
        row = Table([[logo, clinic]], colWidths=[logo_width + 12, width - logo_width - 12])
        row.setStyle(fl.table_style(("VALIGN", (0, 0), (-1, -1), "MIDDLE")))
        story: list[Flowable] = [row]
    else:
        story = [clinic]
    story.append(Paragraph(_text(spec.title), styles["title"]))
    if spec.prepared_for is not None:
        story.append(Paragraph(f"<b>{_text(spec.prepared_for)}</b>", styles["meta"]))
    story.append(Paragraph(_text(spec.date_text), styles["meta"]))
    story.append(HRFlowable(width="100%", thickness=2, color=TEAL, spaceBefore=10, spaceAfter=14))
    return story


def _section(section: SectionSpec, styles, look: HandoutLook, width: float, page_height: float) -> list[Flowable]:
    if section.style == STYLE_BOX:
        return [_boxed(section, styles, look, width, page_height)]
    if section.blocks and isinstance(section.blocks[-1], QrCode):
        return [_KeepSection(_section_with_qr(section, styles, look, width), page_height)]
    blocks = [_block(block, styles, look, width if section.style != STYLE_ALERT else
                     width - 2 * (look.alert_pad + look.alert_border)) for block in section.blocks]
    for block, flowables, following in zip(section.blocks, blocks, section.blocks[1:]):
        if isinstance(block, Para) and _leads_in(block, following) or isinstance(following, QrCode):
            flowables[-1].keepWithNext = 1  # a QR code never starts a page alone
    if section.style == STYLE_ALERT:
        heading = Paragraph(_text(section.title), styles["alert_heading"])
        box = fl.alert_box([[heading]] + blocks, width, look.alert_border, look.alert_pad, look.paragraph_gap)
        box.spaceAfter = look.section_gap / 2
        return [_KeepSection([box], page_height)]
    flowables = [_heading_band(section, styles, look)] + [flowable for flowables in blocks for flowable in flowables]
    return [_KeepSection(flowables, page_height)]


def _boxed(section: SectionSpec, styles, look: HandoutLook, width: float, page_height: float) -> Flowable:
    """One bordered box, never split across pages (get_help_now): it moves whole to the next page, and in the
    unlikely case it is taller than a page it is scaled down to fit one."""
    inner = width - 2 * (look.alert_pad + look.alert_border)
    rows = [[Paragraph(_text(section.title), styles["alert_heading"])]]
    blocks = list(section.blocks)
    groups = _lead_in_groups(blocks)
    if len(groups) == 2:  # "Call 911 if you have:" and "Call the clinic today if you have:" side by side
        gutter = 0.25 * inch
        column = (inner - gutter) / 2
        cells = [[Paragraph(_text(group[0].text), styles["lead"])] + _block(group[1], styles, look, column)
                 for group in groups]  # the lead-in in bold: which group is which, without colour
        pair = Table([cells], colWidths=[column + gutter / 2, column + gutter / 2])
        pair.setStyle(fl.table_style(("VALIGN", (0, 0), (-1, -1), "TOP"),
                                     ("RIGHTPADDING", (0, 0), (0, 0), gutter / 2),
                                     ("LEFTPADDING", (1, 0), (1, 0), gutter / 2),
                                     ("LINEBEFORE", (1, 0), (1, 0), 1, HAIRLINE)))
        rows.append([pair])
        blocks = blocks[sum(len(group) for group in groups):]
    rows += [[flowable] for block in blocks for flowable in _block(block, styles, look, inner)]
    box = fl.alert_box(rows, width, look.alert_border, look.alert_pad, look.paragraph_gap, splittable=False)
    whole = fl.Unsplittable(box, page_height - look.section_gap)
    whole.spaceBefore = look.section_gap
    return whole


def _lead_in_groups(blocks: list[Block]) -> list[list[Block]]:
    """The leading (lead-in paragraph, list) pairs of a section: "Call 911 if you have:" and its signs."""
    groups = []
    for index in range(0, len(blocks) - 1, 2):
        lead, items = blocks[index], blocks[index + 1]
        if not (isinstance(lead, Para) and lead.text.rstrip().endswith(":") and isinstance(items, Bullets)):
            break
        groups.append([lead, items])
    return groups


def _heading_band(section: SectionSpec, styles, look: HandoutLook) -> Flowable:
    band = fl.HeadingBand(Paragraph(_text(section.title), styles["heading"]), look.heading_pad, look.heading_bar)
    band.spaceBefore, band.spaceAfter = look.section_gap, look.heading_gap  # keepWithNext: set by HeadingBand
    return band


def _section_with_qr(section: SectionSpec, styles, look: HandoutLook, width: float) -> list[Flowable]:
    """The clinic's details on the left, the QR code of its website on the right (the url is in the text)."""
    qr = section.blocks[-1]
    text_width = width - look.qr_size - 0.3 * inch
    text = [flowable for block in section.blocks[:-1] for flowable in _block(block, styles, look, text_width)]
    if not any(qr.url in words for block in section.blocks[:-1] for words in block_texts(block)):
        text.append(Paragraph(_text(qr.url), styles["url"]))  # the address in letters too, to type it
    row = Table([[text, fl.QrFlowable(qr.url, look.qr_size)]], colWidths=[text_width + 0.3 * inch, look.qr_size])
    row.setStyle(fl.table_style(("VALIGN", (0, 0), (-1, -1), "TOP")))
    return [_heading_band(section, styles, look), row]


def _leads_in(para: Para, following: Block) -> bool:
    """A lead-in such as "Call 911 if you have:" stays on the same page as what it introduces, as does the
    paragraph above a picture."""
    if isinstance(following, Steps) and following.picture is not None:
        return True  # "A calf stretch before bed may help." belongs above its picture
    return para.text.rstrip().endswith(":") and not isinstance(following, Para)


def _items(paragraphs: list[Flowable], look: HandoutLook) -> list[Flowable]:
    """List items sit close together; the last one gets a paragraph's space before whatever follows, and never
    starts a page alone."""
    if paragraphs:
        paragraphs[-1].spaceAfter = look.paragraph_gap
    if len(paragraphs) >= 2:
        paragraphs[-2].keepWithNext = 1
    return paragraphs


def _block(block: Block, styles, look: HandoutLook, width: float) -> list[Flowable]:
    if isinstance(block, Para):
        return [Paragraph(_text(block.text), styles["body"])]
    if isinstance(block, Bullets):
        return _items([Paragraph(_text(item), styles["bullet"], bulletText="•") for item in block.items], look)
    if isinstance(block, Checklist):
        return _items([fl.TickBoxItem(Paragraph(_text(item), styles["check"]), look.indent, look.tick_box)
                       for item in block.items], look)
    if isinstance(block, Steps):
        story: list[Flowable] = []
        drawing = fl.load_svg(block.picture) if block.picture else None
        if drawing is not None:
            numbers = len(block.items) if block.numbered_picture else 0
            picture = fl.VectorPicture(drawing, look.picture_max_height, numbers=numbers,
                                       number_font=styles["step"].fontName if numbers else None)
            picture.spaceBefore, picture.spaceAfter, picture.keepWithNext = 4, 10, 1  # stays with step 1
            story.append(picture)
        return story + _items([Paragraph(_text(item), styles["step"], bulletText=f"{number}.")
                               for number, item in enumerate(block.items, start=1)], look)
    if isinstance(block, Questions):
        story = []
        for number, item in enumerate(block.items, start=1):
            question = Paragraph(_text(item), styles["question"], bulletText=f"{number}.")  # keepWithNext
            story.append(question)
            if look.writing_lines:
                lines = fl.WritingLines(look.writing_lines, look.writing_gap, look.indent)
                lines.spaceAfter = look.paragraph_gap + 2
                story.append(lines)
            else:
                question.keepWithNext, question.spaceAfter = 0, look.paragraph_gap
        return story
    if isinstance(block, QrCode):
        table = fl.qr_table(block.url, Paragraph(_text(block.url), styles["url"]), look.qr_size, width)
        table.spaceBefore, table.spaceAfter = 4, look.paragraph_gap + 4
        return [table]
    raise TypeError(f"unknown handout block {type(block).__name__}")


# ---------------------------------------------------------------------------------------------- summary

# Tried in order until everything fits on one page: smaller type first, then two columns (body size, columns).
SUMMARY_STEPS = ((12, 1), (11, 1), (10, 1), (11, 2), (10, 2))


def render_summary(spec: SummarySpec) -> bytes:
    """The one-page staff summary. Never spills to a second page: steps down to 10 pt, then two columns; as a
    last resort (far more rows than the kiosk ever makes) both columns are scaled down together to fit."""
    for size, columns in SUMMARY_STEPS:
        pdf, pages = _summary(spec, SUMMARY.shrunk(size, columns))
        if pages == 1:
            return pdf
    log.warning("summary.scaled_to_fit groups=%d", len(spec.groups))
    pdf, _ = _summary(spec, SUMMARY.shrunk(SUMMARY.floor_size, 2), squeeze=True)
    return pdf


def _summary(spec: SummarySpec, look: SummaryLook, squeeze: bool = False) -> tuple[bytes, int]:
    styles = summary_styles(look, register_fonts())
    pagesize = page_size(spec.paper)
    width = pagesize[0] - 2 * look.margin_x
    furniture = _Furniture.build(spec.footer, spec.page_label, styles["footer"], look.margin_x, width,
                                 look.margin_bottom)
    header = [Paragraph(_text(spec.title), styles["title"]), Paragraph(_text(spec.subtitle), styles["subtitle"])]
    for paragraph in header:
        paragraph.wrap(width, pagesize[1])
    furniture.header, furniture.header_top = header, pagesize[1] - look.margin_top
    top = furniture.header_top - sum(p.height for p in header) - 14
    furniture.header_rule = top + 7
    bottom = look.margin_bottom + furniture.height + 6
    gutter = 0.3 * inch
    column = (width - gutter * (look.columns - 1)) / look.columns
    story = _summary_story(spec, styles, look, column)
    if squeeze:
        story = [_squeezed(story, column, gutter, width, top - bottom)]
        frames = [_frame(look.margin_x, bottom, width, top - bottom, "all")]
    else:
        frames = [_frame(look.margin_x + i * (column + gutter), bottom, column, top - bottom, f"col{i}")
                  for i in range(look.columns)]
    return _build(story, pagesize, frames, furniture, title=spec.title, author=CREATOR, lang=None)


def _summary_story(spec: SummarySpec, styles, look: SummaryLook, column: float) -> list[Flowable]:
    label_width = _label_width(spec, styles, look, column)
    story: list[Flowable] = []
    for name, rows in spec.groups:
        heading = Paragraph(_text(name), styles["group"])
        heading.keepWithNext = 1
        story.append(heading)
        # The heading keeps with the first row only, so a long group still starts in the space left.
        story += [_summary_table(part, styles, look, column, label_width) for part in (rows[:1], rows[1:]) if part]
    return story


def _squeezed(story: list[Flowable], column: float, gutter: float, width: float, height: float) -> Flowable:
    """Cut the story into two columns of about equal height, side by side, then shrink the pair to fit."""
    big = 100 * height  # measure as if on an endless page
    heights = [flowable.wrap(column, big)[1] + flowable.getSpaceBefore() + flowable.getSpaceAfter()
               for flowable in story]
    half, running = sum(heights) / 2, 0.0
    left, right = list(story), []
    for index, (flowable, flowable_height) in enumerate(zip(story, heights)):
        if running + flowable_height >= half:
            parts = flowable.split(column, half - running) if running + flowable_height > half else []
            if len(parts) >= 2:  # a long table: cut it between rows
                left, right = story[:index] + parts[:1], parts[1:] + story[index + 1:]
            else:
                left, right = story[:index + 1], story[index + 1:]
            break
        running += flowable_height
    while len(left) > 1 and left[-1].getKeepWithNext():  # a group heading goes with its rows
        right.insert(0, left.pop())
    pair = Table([[left, right]], colWidths=[column + gutter, column], hAlign="LEFT")
    pair.setStyle(fl.table_style(("VALIGN", (0, 0), (-1, -1), "TOP"), ("RIGHTPADDING", (0, 0), (0, 0), gutter)))
    return KeepInFrame(width, height, [pair], mode="shrink", hAlign="LEFT", vAlign="TOP")


def _label_width(spec: SummarySpec, styles, look: SummaryLook, width: float) -> float:
    """As wide as the longest label (one width for all groups, so the values line up), within limits."""
    style = styles["label_em"]
    longest = max((stringWidth(row.label, style.fontName, style.fontSize) for _, rows in spec.groups
                   for row in rows), default=0)
    padding = look.marker_width + 4 + 4 + 2
    return min(max(longest + padding, width * look.label_min_share), width * look.label_max_share)


def _summary_table(rows, styles, look: SummaryLook, width: float, label_width: float) -> Table:
    data, commands = [], [
        ("VALIGN", (0, 0), (-1, -1), "TOP"), ("FONTNAME", (0, 0), (-1, -1), styles["label"].fontName),
        ("LEFTPADDING", (0, 0), (-1, -1), look.marker_width + 4), ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), look.cell_pad), ("BOTTOMPADDING", (0, 0), (-1, -1), look.cell_pad + 1),
        ("LINEBELOW", (0, 0), (-1, -1), 0.5, HAIRLINE),
    ]
    for index, row in enumerate(rows):
        suffix = "_em" if row.emphasis else ""
        data.append([Paragraph(_text(row.label), styles["label" + suffix]),
                     Paragraph(_text(row.value), styles["value" + suffix])])
        if row.emphasis:  # bold + a thick bar at the left edge: readable without colour
            commands += [("LINEBEFORE", (0, index), (0, index), look.marker_width, INK),
                         ("BACKGROUND", (0, index), (-1, index), MIST)]
    table = Table(data, colWidths=[label_width, width - label_width], splitByRow=1, hAlign="LEFT")
    table.setStyle(TableStyle(commands))
    return table
