"""Sizes, colours and spacing of the printed documents, as data; ParagraphStyles are built from it.

Numbers live here so a reviewer can check them against the clinical spec (body >= 14 pt, headings >= 18 pt,
near-black on white, no italics or capitals) without reading layout code. Colours come from the illustration
palette (assets/illustrations/README.md); colour is decoration only, never the sole cue.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch

from kiosk.handout.fonts import FontNames

PAGE_SIZES = {"letter": LETTER, "a4": A4}

INK = HexColor("#1F2A44")  # 14:1 on white: text
TEAL = HexColor("#1F6F78")  # brand accent for rules and the heading bar only: 5.8:1 is too low for text
MIST = HexColor("#EAF4F4")  # heading band background (ink on mist is still 13:1)
RULE_GREY = HexColor("#8A93A3")  # writing lines and hairlines: visible, but lighter than the text
HAIRLINE = HexColor("#C9CED6")
WHITE = HexColor("#FFFFFF")


def page_size(paper: str) -> tuple[float, float]:
    """'letter' or 'a4'; anything else is a builder bug, so it fails loudly."""
    try:
        return PAGE_SIZES[paper.lower()]
    except KeyError:
        raise ValueError(f"unknown paper {paper!r}; use one of {sorted(PAGE_SIZES)}") from None


@dataclass(frozen=True)
class HandoutLook:
    """The patient handout: large type, generous space (read by older adults, some with low vision)."""

    margin_x: float = 0.65 * inch
    margin_top: float = 0.55 * inch
    margin_bottom: float = 0.45 * inch
    body_size: float = 14
    leading_ratio: float = 1.3
    title_size: float = 26
    heading_size: float = 19
    meta_size: float = 15  # "Prepared for", date
    clinic_size: float = 15
    footer_size: float = 12  # spec §4: footer text >= 12 pt (it may take two lines beside the page label)
    paragraph_gap: float = 6  # after a paragraph, and after the last item of a list
    item_gap: float = 3  # between list items (the leading already separates lines)
    section_gap: float = 10  # before a section heading
    heading_gap: float = 6  # after a section heading
    heading_pad: float = 4  # inside the heading band
    heading_bar: float = 5  # teal bar at the left of a heading band
    indent: float = 0.36 * inch  # hanging indent of lists, steps, checklists
    tick_box: float = 0.2 * inch
    logo_max_height: float = 0.6 * inch
    logo_max_width: float = 2.0 * inch
    picture_max_height: float = 1.6 * inch
    qr_size: float = 1.1 * inch
    writing_lines: int = 2  # under each doctor question (the tighter looks keep one)
    writing_gap: float = 0.3 * inch
    alert_border: float = 3
    alert_pad: float = 12


@dataclass(frozen=True)
class SummaryLook:
    """The one-page staff summary (staff read it, so 12 pt is fine). To stay on one page it steps down to
    `floor_size` with tighter leading and padding, then goes to two columns (see render.SUMMARY_STEPS)."""

    margin_x: float = 0.6 * inch
    margin_top: float = 0.55 * inch
    margin_bottom: float = 0.45 * inch
    body_size: float = 12
    leading_ratio: float = 1.25
    tight_leading_ratio: float = 1.15  # once the type is shrunk
    title_size: float = 18
    subtitle_size: float = 12
    group_size: float = 13
    footer_size: float = 10
    cell_pad: float = 3
    group_gap: float = 10
    label_min_share: float = 0.22  # the label column fits the longest label, within these shares of the width
    label_max_share: float = 0.42
    marker_width: float = 4  # thick left bar on emphasised rows
    columns: int = 1
    floor_size: float = 10

    def shrunk(self, size: float, columns: int = 1) -> SummaryLook:
        """The same look at a smaller body size, with tighter padding and gaps in proportion."""
        ratio = size / self.body_size
        return replace(self, body_size=size, group_size=max(size + 1, self.group_size * ratio),
                       cell_pad=max(1.0, self.cell_pad * ratio ** 3), group_gap=self.group_gap * ratio,
                       leading_ratio=self.leading_ratio if ratio >= 1 else self.tight_leading_ratio,
                       columns=columns)


HANDOUT = HandoutLook()
# For the longest handouts: the same type sizes, tighter spacing.
# Writing lines stay in every look and language (spec §4).
COMPACT = replace(HANDOUT, margin_x=0.55 * inch, leading_ratio=1.25, section_gap=7, heading_gap=4, paragraph_gap=4,
                  item_gap=2, picture_max_height=1.4 * inch, writing_lines=1, writing_gap=0.28 * inch)
# The last resort for the very longest (every section, every red flag): tighter lines still, a smaller picture.
TIGHT = replace(COMPACT, leading_ratio=1.2, section_gap=6, picture_max_height=1.3 * inch, qr_size=0.95 * inch)
HANDOUT_LOOKS = (HANDOUT, COMPACT, TIGHT)
SUMMARY = SummaryLook()


def _style(name: str, font: str, size: float, ratio: float, color: Color = INK, **extra) -> ParagraphStyle:
    return ParagraphStyle(name, fontName=font, fontSize=size, leading=round(size * ratio, 1), textColor=color,
                          alignment=TA_LEFT, allowWidows=0, allowOrphans=0, splitLongWords=1, **extra)


@cache
def handout_styles(look: HandoutLook, fonts: FontNames) -> dict[str, ParagraphStyle]:
    """Built once per look; callers must treat the styles as read-only (they are shared between threads)."""
    r, b, ratio = fonts.regular, fonts.bold, look.leading_ratio
    body = dict(spaceAfter=look.paragraph_gap)
    hanging = dict(leftIndent=look.indent, bulletIndent=0, bulletFontName=r, bulletFontSize=look.body_size,
                   spaceAfter=look.item_gap)
    return {
        "clinic": _style("clinic", b, look.clinic_size, 1.25),
        "title": _style("title", b, look.title_size, 1.15, spaceBefore=10, spaceAfter=6),
        "meta": _style("meta", r, look.meta_size, 1.3, spaceAfter=2),
        "heading": _style("heading", b, look.heading_size, 1.2),
        "alert_heading": _style("alert_heading", b, look.heading_size, 1.2, spaceAfter=look.heading_gap),
        "body": _style("body", r, look.body_size, ratio, **body),
        "lead": _style("lead", b, look.body_size, ratio, spaceAfter=look.item_gap + 1),  # "Call 911 if you have:"
        "bullet": _style("bullet", r, look.body_size, ratio, **hanging),
        "step": _style("step", r, look.body_size, ratio, **{**hanging, "bulletFontName": b}),
        "question": _style("question", b, look.body_size, ratio, keepWithNext=1,
                           **{**hanging, "bulletFontName": b, "spaceAfter": 0}),
        "check": _style("check", r, look.body_size, ratio, spaceAfter=look.item_gap + 1.5),  # room to tick
        "url": _style("url", r, look.body_size, ratio),
        "footer": _style("footer", r, look.footer_size, 1.25),
    }


@cache
def summary_styles(look: SummaryLook, fonts: FontNames) -> dict[str, ParagraphStyle]:
    r, b, ratio = fonts.regular, fonts.bold, look.leading_ratio
    return {
        "title": _style("s_title", b, look.title_size, 1.15, spaceAfter=2),
        "subtitle": _style("s_subtitle", r, look.subtitle_size, 1.25),
        "group": _style("s_group", b, look.group_size, 1.2, spaceBefore=look.group_gap, spaceAfter=3),
        "label": _style("s_label", r, look.body_size, ratio),
        "value": _style("s_value", r, look.body_size, ratio),
        "label_em": _style("s_label_em", b, look.body_size, ratio),
        "value_em": _style("s_value_em", b, look.body_size, ratio),
        "footer": _style("s_footer", r, look.footer_size, 1.25),
    }
