"""The two small staff PDFs the front-desk printer prints: the safety alert slip and the printer test page.

Same look and rules as the handout (render.py): the embedded Atkinson Hyperlegible fonts, ink on white, no
italics, `invariant=1` so the same input gives the same bytes, and title metadata that never holds patient data.
Staff-facing, so English. Both are always exactly one page.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import datetime
from typing import Mapping
from xml.sax.saxutils import escape

from reportlab.lib.units import inch
from reportlab.platypus import (BaseDocTemplate, Flowable, Frame, HRFlowable, KeepInFrame, PageTemplate, Paragraph,
                                Spacer, Table)

from kiosk.handout.flowables import table_style
from kiosk.handout.fonts import register_fonts
from kiosk.handout.render import CREATOR
from kiosk.handout.styles import HAIRLINE, INK, WHITE, _style, page_size

# Emergency and urgent slips never look alike (spec §2.1): an emergency slip opens with a black band (white words,
# a warning triangle) and says to go to the patient now; an urgent one with an outlined box and a round "!" icon.
# The words differ too, so neither the band nor the icon is the only cue (and a slip may print in grey).
LEVELS = {"emergency": ("EMERGENCY", "Go to the patient at the kiosk now"),
          "urgent": ("URGENT", "Talk with the patient before they leave today")}
WHAT_TO_DO = {
    "emergency": "Go to the patient at the kiosk now. The kiosk told them to come to the front desk, that the desk "
                 "has been told, and to call 911 if they feel very unwell.",
    "urgent": "The kiosk asked the patient to tell the front desk about this today; they may still be answering "
              "questions at the kiosk. Speak with them before they leave, and make sure a clinician knows.",
}
ACKNOWLEDGE = "Then acknowledge the alert in the staff panel (hold the top-left corner of the kiosk screen)."
PAPER_NAMES = {"letter": "Letter (8.5 × 11 in)", "a4": "A4 (210 × 297 mm)"}
# English names, not strftime's %A/%B: those follow the process locale, and the staff read English.
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
MARGIN = 0.75 * inch
BORDER_INSET = 0.5 * inch  # the test page's border: inside every printer's unprintable edge


@dataclass(frozen=True)
class AlertSlip:
    number: int
    raised_at: datetime
    level: str                  # "emergency" or "urgent"
    symptoms: tuple[str, ...]   # the choices' words in the staff language, not ids: every flag so far
    kiosk_name: str
    paper: str                  # "letter" or "a4"
    updated_at: datetime | None = None   # the same visit marked more flags: this slip replaces the earlier one
    new_symptoms: tuple[str, ...] = ()   # which of `symptoms` that update added (marked "new")


def alert_slip(alert, labels: Mapping[str, str], kiosk_name: str, paper: str) -> AlertSlip:
    """The slip for a kiosk.alerts.StaffAlert; `labels` maps red-flag ids to their words (from content)."""
    words = lambda ids: tuple(labels.get(symptom, symptom) for symptom in ids)  # noqa: E731
    return AlertSlip(alert.number, alert.raised_at, alert.level, words(alert.symptoms), kiosk_name, paper,
                     alert.updated_at, words(alert.new_symptoms))


@dataclass(frozen=True)
class TestPage:
    kiosk_name: str
    printer: str                # e.g. "cups:FrontDesk"
    printed_at: datetime
    paper: str


def when_text(moment: datetime) -> str:
    """Like "10:42, Monday 23 November 2026": the same on every machine, whatever its locale."""
    return f"{moment:%H:%M}, {DAYS[moment.weekday()]} {moment.day} {MONTHS[moment.month - 1]} {moment.year}"


def _styles() -> dict:
    r, b = (fonts := register_fonts()).regular, fonts.bold
    return {
        "banner": _style("slip_banner", b, 30, 1.15, spaceAfter=4),
        "level": _style("slip_level", b, 21, 1.2),
        "number": _style("slip_number", b, 44, 1.1, spaceBefore=16, spaceAfter=8),
        "title": _style("slip_title", b, 28, 1.15, spaceAfter=8),
        "heading": _style("slip_heading", b, 20, 1.2, spaceBefore=4, spaceAfter=6),
        "label": _style("slip_label", b, 16, 1.3),
        "body": _style("slip_body", r, 16, 1.3, spaceAfter=6),
        "bullet": _style("slip_bullet", r, 17, 1.25, leftIndent=0.35 * inch, bulletIndent=0.05 * inch,
                         bulletFontName=b, bulletFontSize=17, spaceAfter=5),
        "small": _style("slip_small", r, 11, 1.2),
    }


def _p(text: str, style, **kwargs) -> Paragraph:
    """Names and symptoms are plain text; Paragraph reads markup, so `&` and `<` are escaped."""
    return Paragraph(escape(text), style, **kwargs)


def _facts(rows: list[tuple[str, str]], styles, width: float) -> Table:
    """Label and value side by side, values lined up."""
    table = Table([[_p(label, styles["label"]), _p(value, styles["body"])] for label, value in rows],
                  colWidths=[1.3 * inch, width - 1.3 * inch], hAlign="LEFT")
    table.setStyle(table_style(("VALIGN", (0, 0), (-1, -1), "TOP"), ("BOTTOMPADDING", (0, 0), (-1, -1), 2)))
    return table


def _boxed(rows: list[Flowable], width: float, border: float, pad: float) -> Table:
    box = Table([[row] for row in rows], colWidths=[width], hAlign="LEFT")
    box.setStyle(table_style(("BOX", (0, 0), (-1, -1), border, INK), ("LEFTPADDING", (0, 0), (-1, -1), pad),
                             ("RIGHTPADDING", (0, 0), (-1, -1), pad), ("TOPPADDING", (0, 0), (0, 0), pad),
                             ("BOTTOMPADDING", (0, -1), (0, -1), pad)))
    return box


def _pdf(story: list[Flowable], paper: str, title: str, margin: float, on_page=None) -> bytes:
    """One page, always: the story is shrunk to fit if it ever overflows (far more text than a slip holds)."""
    width, height = page_size(paper)
    frame = Frame(margin, margin, width - 2 * margin, height - 2 * margin, 0, 0, 0, 0, id="body")
    buffer = io.BytesIO()
    # invariant=1: fixed date and ids, so equal input gives equal bytes; initialFontName: no stray Helvetica
    doc = BaseDocTemplate(buffer, pagesize=(width, height), invariant=1, title=title, author=CREATOR,
                          creator=CREATOR, subject="", lang="en", initialFontName=register_fonts().regular,
                          pageTemplates=[PageTemplate("page", frames=[frame], onPage=on_page or (lambda c, d: None))])
    doc.build([KeepInFrame(frame.width, frame.height, story, mode="shrink", hAlign="LEFT", vAlign="TOP")])
    return buffer.getvalue()


def render_alert_slip(slip: AlertSlip) -> bytes:
    """What the desk needs to act at once: which alert, how urgent, when, where, what the patient marked.

    Never a diagnosis or a name: the slip lies on a shared printer. The title is only "Alert N" for that reason.
    """
    if slip.level not in LEVELS:
        raise ValueError(f"unknown alert level {slip.level!r}; use one of {sorted(LEVELS)}")
    styles, width = _styles(), page_size(slip.paper)[0] - 2 * MARGIN
    word, action = LEVELS[slip.level]
    facts = [("Time", when_text(slip.raised_at)), ("Kiosk", slip.kiosk_name)]
    number = f"Alert {slip.number}"
    story: list[Flowable] = [_level_header(slip.level, word, action, styles, width)]
    if slip.updated_at is not None:
        number += " (updated)"
        facts.insert(1, ("Updated", f"{slip.updated_at:%H:%M}: the same patient marked more. This slip "
                                    f"replaces the earlier slip for alert {slip.number}."))
    new = set(slip.new_symptoms)
    story += [
        _p(number, styles["number"]),
        _facts(facts, styles, width),
        HRFlowable(width="100%", thickness=1, color=HAIRLINE, spaceBefore=12, spaceAfter=12),
        _p("The patient marked:", styles["heading"]),
        *[_p(symptom + ("  (new)" if symptom in new else ""), styles["bullet"], bulletText="•")
          for symptom in slip.symptoms],
        Spacer(0, 14),
        _boxed([Paragraph(f"<b>What to do:</b> {escape(WHAT_TO_DO[slip.level])} {escape(ACKNOWLEDGE)}",
                          styles["body"])], width, border=2, pad=12),
    ]
    return _pdf(story, slip.paper, f"Alert {slip.number}", MARGIN)


class _LevelIcon(Flowable):
    """Emergency: a warning triangle with "!"; urgent: a circle with "!". Shape, not colour, tells them apart."""

    def __init__(self, level: str, size: float, colour, mark):
        super().__init__()
        self.level, self.size, self.colour, self.mark = level, size, colour, mark

    def wrap(self, available_width, available_height):
        return self.size, self.size

    def draw(self):
        canvas, s = self.canv, self.size
        canvas.saveState()
        canvas.setFillColor(self.colour)
        if self.level == "emergency":
            path = canvas.beginPath()
            path.moveTo(s / 2, s * 0.96)
            path.lineTo(s * 0.02, s * 0.08)
            path.lineTo(s * 0.98, s * 0.08)
            path.close()
            canvas.drawPath(path, stroke=0, fill=1)
            bar_bottom, dot_y = s * 0.36, s * 0.22
        else:
            canvas.circle(s / 2, s / 2, s * 0.48, stroke=0, fill=1)
            bar_bottom, dot_y = s * 0.42, s * 0.25
        canvas.setFillColor(self.mark)
        canvas.rect(s * 0.455, bar_bottom, s * 0.09, s * 0.34, stroke=0, fill=1)
        canvas.circle(s / 2, dot_y, s * 0.055, stroke=0, fill=1)
        canvas.restoreState()


def _level_header(level: str, word: str, action: str, styles, width: float) -> Table:
    emergency = level == "emergency"
    ink = WHITE if emergency else INK
    icon = _LevelIcon(level, 0.9 * inch, ink, INK if emergency else WHITE)
    words = [_p(word, _style(f"slip_{level}_word", register_fonts().bold, 34, 1.1, ink, spaceAfter=4)),
             _p(action, _style(f"slip_{level}_action", register_fonts().bold, 21, 1.2, ink)),
             _p("Safety alert from the kiosk", _style(f"slip_{level}_kind", register_fonts().regular, 14, 1.3, ink,
                                                       spaceBefore=4))]
    pad = 14
    table = Table([[icon, words]], colWidths=[0.9 * inch + 2 * pad, width - 0.9 * inch - 2 * pad], hAlign="LEFT")
    commands = [("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("LEFTPADDING", (0, 0), (-1, -1), pad),
                ("TOPPADDING", (0, 0), (-1, -1), pad), ("BOTTOMPADDING", (0, 0), (-1, -1), pad),
                ("RIGHTPADDING", (0, 0), (-1, -1), pad)]
    if emergency:
        commands += [("BACKGROUND", (0, 0), (-1, -1), INK), ("BOX", (0, 0), (-1, -1), 5, INK)]
    else:
        commands += [("BOX", (0, 0), (-1, -1), 3, INK)]
    table.setStyle(table_style(*commands))
    return table


class _GreyStrip(Flowable):
    """Eleven steps from white to black, each labelled: a printer that drops light greys or fills dark ones
    shows it here."""

    def __init__(self, width: float, height: float = 0.6 * inch):
        super().__init__()
        self.width, self.height, self.steps = width, height, 11

    def wrap(self, available_width, available_height):
        return self.width, self.height + 16

    def draw(self):
        canvas, cell = self.canv, self.width / self.steps
        canvas.setFont(register_fonts().regular, 10)
        for step in range(self.steps):
            x, shade = step * cell, step / (self.steps - 1)
            canvas.setFillGray(1 - shade)
            canvas.rect(x, 16, cell, self.height, stroke=0, fill=1)
            canvas.setFillColor(INK)
            canvas.drawCentredString(x + cell / 2, 3, f"{round(shade * 100)}%")
        canvas.setStrokeColor(INK)
        canvas.setLineWidth(0.75)
        canvas.rect(0, 16, self.width, self.height, stroke=1, fill=0)


def _border_and_corners(canvas, doc) -> None:
    """A thin border 0.5 inch inside the edge, heavy L-marks at its corners: if a mark is cut, the printer
    clips."""
    width, height = doc.pagesize
    x0, y0, x1, y1, arm = BORDER_INSET, BORDER_INSET, width - BORDER_INSET, height - BORDER_INSET, 0.45 * inch
    canvas.saveState()
    canvas.setStrokeColor(INK)
    canvas.setLineWidth(0.5)
    canvas.rect(x0, y0, x1 - x0, y1 - y0)
    canvas.setLineWidth(3)
    canvas.setLineCap(2)
    for x, y, dx, dy in ((x0, y0, 1, 1), (x1, y0, -1, 1), (x0, y1, 1, -1), (x1, y1, -1, -1)):
        canvas.lines([(x, y, x + dx * arm, y), (x, y, x, y + dy * arm)])
    canvas.restoreState()


def render_test_page(page: TestPage) -> bytes:
    """Proves the printer prints our fonts, sizes, margins and greys; staff compare it with the screen."""
    styles, margin = _styles(), BORDER_INSET + 0.5 * inch
    width = page_size(page.paper)[0] - 2 * margin
    samples = [Paragraph(f"{size} pt: Kiosk 0123456789 áé ñ ¿¡",
                         _style(f"sample{size}", register_fonts().regular, size, 1.25, spaceAfter=6))
               for size in (14, 18, 24)]
    story: list[Flowable] = [
        _p("Printer test page", styles["title"]),
        _p("If you can read this page, the kiosk can print.", styles["body"]),
        Spacer(0, 10),
        _facts([("Kiosk", page.kiosk_name), ("Printer", page.printer), ("Time", when_text(page.printed_at)),
                ("Paper", PAPER_NAMES[page.paper.lower()])], styles, width),
        HRFlowable(width="100%", thickness=1, color=HAIRLINE, spaceBefore=14, spaceAfter=14),
        _p("Type sample", styles["heading"]),
        *samples,
        Spacer(0, 14),
        _p("Grey scale", styles["heading"]),
        _GreyStrip(width),
        Spacer(0, 14),
        _p("The border and the four corner marks should all be on the paper. If one is cut off, the printer "
           "is clipping the page.", styles["body"]),
    ]
    return _pdf(story, page.paper, "Printer test page", margin, on_page=_border_and_corners)
