"""Sizes and colours in one place (spec §5), and the Qt stylesheet made from them.

Everything scales from a 1920x1080 design: body text 28 px, headings 44 px. Touch targets are at least
12 mm on the real panel (from its DPI) and never below 64 px. Pure Python: tests compute contrast here.

Text has a millimetre floor too (ADA 2010 §707.7.2: capitals at least 4.8 mm tall): `min_text_px(dpi)` gives it,
and `panel_dpi` the DPI to use. Every type size is at least the floor at 100 %, and 125 % and 150 % are that times
1.25 and 1.5 (issue 18): on a 141 dpi panel body text is 40 px (60 px at 150 %), at 1280x800 on the offscreen
100 dpi 29 px (44 px at 150 %). The layouts adapt to it: rows that stack when their words do not fit on one line
(layout.SpillRow), choice cards in one column and fewer to a page, the handout's words given half the width.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

DESIGN_WIDTH, DESIGN_HEIGHT = 1920, 1080
BODY_PX, HEADING_PX, TITLE_PX, SMALL_PX = 28, 44, 60, 24
TARGET_MM, TARGET_MIN_PX, TARGET_DESIGN_PX = 12.0, 64, 96
GAP_MIN_PX = 8
FONT_FAMILY = "Atkinson Hyperlegible"
TEXT_SCALES = {100: 1.0, 125: 1.25, 150: 1.5}

# Capital letters (ADA 2010 §707.7.2: "3/16 inch (4.8 mm) high minimum based on the uppercase letter I").
CAP_MM = 4.8
CAP_HEIGHT_EM = 0.668   # Atkinson Hyperlegible's cap height per em (OS/2 sCapHeight 668 of 1000; Qt's capHeight agrees)
# The panel's dots per inch: the site config's screen_dpi if IT set one (the config reads 50-600), else what the
# screen reports when that is plausible for a touch panel (a TV's or a broken EDID's 30 or 1400 is not), else 96.
DPI_FALLBACK = 96.0
DPI_PLAUSIBLE = (60.0, 400.0)


def panel_dpi(configured: float | None, reported: float | None) -> float:
    """The DPI the physical floors are computed from: IT's setting first, then the screen's, then 96."""
    if configured:
        return float(configured)
    low, high = DPI_PLAUSIBLE
    if reported is not None and math.isfinite(reported) and low <= reported <= high:
        return float(reported)
    return DPI_FALLBACK


def min_text_px(dpi: float, cap_mm: float = CAP_MM, cap_height_em: float = CAP_HEIGHT_EM) -> int:
    """The smallest font pixel size whose capital letters are at least `cap_mm` tall on a panel of `dpi`."""
    cap_px = cap_mm / 25.4 * dpi
    return math.ceil(round(cap_px / cap_height_em, 6))   # round() first: 40.000000001 must not become 41


@dataclass(frozen=True)
class Palette:
    name: str
    background: str      # the page
    surface: str         # cards and panels on the page
    text: str
    muted_text: str
    primary: str         # main buttons
    on_primary: str
    outline: str         # secondary button borders, selected outlines
    selected: str        # a chosen card's fill
    on_selected: str
    alert: str           # warnings: staff errors, alert screens
    on_alert: str
    scrim: str           # the dimmed layer behind an overlay (rgba)
    focus: str           # the ring round the control the keys are on (>= 3:1 against the page)

    def text_pairs(self) -> dict[str, tuple[str, str]]:
        """Every foreground/background pair that carries text, for the contrast test."""
        return {
            "text on background": (self.text, self.background),
            "muted text on background": (self.muted_text, self.background),
            "text on surface": (self.text, self.surface),
            "muted text on surface": (self.muted_text, self.surface),
            "primary button": (self.on_primary, self.primary),
            "secondary button": (self.text, self.background),
            "selected choice": (self.on_selected, self.selected),
            "alert": (self.on_alert, self.alert),
        }


STANDARD = Palette(
    name="standard", background="#FFFFFF", surface="#EAF4F4", text="#1F2A44", muted_text="#3A4556",
    primary="#155A61", on_primary="#FFFFFF", outline="#155A61", selected="#155A61", on_selected="#FFFFFF",
    alert="#8C2416", on_alert="#FFFFFF", scrim="rgba(31, 42, 68, 170)", focus="#C2410C",
)
HIGH_CONTRAST = Palette(
    name="high_contrast", background="#000000", surface="#000000", text="#FFFFFF", muted_text="#FFFFFF",
    primary="#FFE14D", on_primary="#000000", outline="#FFFFFF", selected="#FFE14D", on_selected="#000000",
    alert="#FFE14D", on_alert="#000000", scrim="rgba(0, 0, 0, 215)", focus="#FF4DFF",
)


def relative_luminance(color: str) -> float:
    """WCAG 2 relative luminance of '#RRGGBB'."""
    channels = [int(color[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(foreground: str, background: str) -> float:
    lighter, darker = sorted((relative_luminance(foreground), relative_luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


@dataclass(frozen=True)
class Theme:
    palette: Palette
    width: int
    height: int
    dpi: float
    text_percent: int = 100

    @property
    def scale(self) -> float:
        """How big this window is against the 1920x1080 design (the smaller side decides, so layouts fit)."""
        return min(self.width / DESIGN_WIDTH, self.height / DESIGN_HEIGHT)

    def text_px(self, design_px: int, percent: int | None = None) -> int:
        """A design size on this window at a text size: scaled with the screen, never below the millimetre floor at
        100 %, and 125 % and 150 % of that (so the bigger sizes are exactly 1.25 and 1.5 times the 100 % size)."""
        at_100 = max(round(design_px * self.scale), self.min_text_px)
        return round(at_100 * TEXT_SCALES[percent or self.text_percent])

    @property
    def min_text_px(self) -> int:
        """The millimetre floor on this panel: no text is smaller at 100 % (ADA 2010 §707.7.2)."""
        return min_text_px(self.dpi)

    @property
    def body_px(self) -> int:
        return self.text_px(BODY_PX)

    def body_px_at(self, percent: int) -> int:
        """Body text at another text size (the text-size buttons show each size's own "A")."""
        return self.text_px(BODY_PX, percent=percent)

    @property
    def heading_px(self) -> int:
        return self.text_px(HEADING_PX)

    @property
    def title_px(self) -> int:
        return self.text_px(TITLE_PX)

    @property
    def small_px(self) -> int:
        """For staff-only detail lines; never used for patient text."""
        return self.text_px(SMALL_PX)

    @property
    def target_px(self) -> int:
        """The smallest side of anything a patient taps."""
        physical = TARGET_MM / 25.4 * self.dpi
        return max(TARGET_MIN_PX, round(physical), round(TARGET_DESIGN_PX * self.scale))

    @property
    def gap_px(self) -> int:
        return max(GAP_MIN_PX * 2, round(24 * self.scale))

    @property
    def margin_px(self) -> int:
        return max(24, round(56 * self.scale))

    @property
    def radius_px(self) -> int:
        return max(8, round(18 * self.scale))

    @property
    def border_px(self) -> int:
        return max(2, round(4 * self.scale))

    def with_changes(self, **changes) -> "Theme":
        from dataclasses import replace
        return replace(self, **changes)


def stylesheet(theme: Theme) -> str:
    """The whole look, as one Qt stylesheet. Widgets pick styles with the `role` property."""
    p, t = theme.palette, theme
    pad_v, pad_h = max(8, t.target_px // 6), max(16, t.target_px // 3)
    # Qt's min-height is the content box: subtract padding and border so the whole button is target_px.
    inner_px = t.target_px - 2 * (pad_v + t.border_px)
    return f"""
* {{ font-family: "{FONT_FAMILY}"; color: {p.text}; }}
#KioskWindow, #ErrorWindow, QStackedWidget > QWidget {{ background: {p.background}; }}
QScrollArea, QScrollArea > QWidget > QWidget {{ background: transparent; border: none; }}
QLabel {{ font-size: {t.body_px}px; background: transparent; }}
QLabel[role="title"] {{ font-size: {t.title_px}px; font-weight: bold; }}
QLabel[role="heading"] {{ font-size: {t.heading_px}px; font-weight: bold; }}
QLabel[role="body"] {{ font-size: {t.body_px}px; }}
QLabel[role="muted"] {{ font-size: {t.body_px}px; color: {p.muted_text}; }}
QLabel[role="staff-detail"] {{ font-size: {max(t.small_px, 16)}px; color: {p.text}; }}
QLabel[role="alert"] {{ font-size: {t.body_px}px; font-weight: bold; color: {p.on_alert};
    background: {p.alert}; border-radius: {t.radius_px}px; padding: {pad_v}px {pad_h}px; }}
QLabel[role="pin-dots"] {{ font-size: {t.title_px}px; font-weight: bold; letter-spacing: 8px; }}
QFrame[role="card"] {{ background: {p.surface}; border-radius: {t.radius_px * 2}px; }}
QFrame[level="emergency"] {{ background: {p.alert}; border-radius: {t.radius_px}px; }}
QFrame[level="emergency"] > QLabel {{ color: {p.on_alert}; font-weight: bold; }}
QFrame[level="urgent"] {{ background: {p.background}; border: {t.border_px * 2}px solid {p.outline};
    border-radius: {t.radius_px}px; }}
QFrame[level="urgent"] > QLabel {{ color: {p.text}; font-weight: bold; }}
QFrame[role="overlay-card"] {{ background: {p.background}; border: {t.border_px}px solid {p.outline};
    border-radius: {t.radius_px * 2}px; }}
QWidget[role="scrim"] {{ background: {p.scrim}; }}
QScrollBar:vertical {{ width: {max(14, t.gap_px)}px; background: {p.surface}; border: none; margin: 0; }}
QScrollBar::handle:vertical {{ background: {p.outline}; border-radius: {max(7, t.gap_px // 2)}px; min-height: {t.target_px}px; }}
QScrollBar::add-line:vertical, QScrollBar::sub-line:vertical {{ height: 0; }}
QScrollBar::add-page:vertical, QScrollBar::sub-page:vertical {{ background: none; }}
QProgressBar {{ border: {t.border_px}px solid {p.outline}; border-radius: {t.radius_px // 2}px; background: {p.background}; }}
QProgressBar::chunk {{ background: {p.primary}; }}
QPushButton {{ font-size: {t.body_px}px; font-weight: bold; min-height: {inner_px}px; min-width: {inner_px}px;
    padding: {pad_v}px {pad_h}px; border-radius: {t.radius_px}px; }}
QPushButton[role="primary"] {{ background: {p.primary}; color: {p.on_primary}; border: {t.border_px}px solid {p.primary}; }}
QPushButton[role="secondary"], QPushButton[role="choice"] {{ background: {p.background}; color: {p.text};
    border: {t.border_px}px solid {p.outline}; }}
QPushButton[role="choice"]:checked {{ background: {p.selected}; color: {p.on_selected};
    border: {t.border_px}px solid {p.selected}; }}
QPushButton[role="quiet"] {{ background: transparent; color: {p.text}; border: {t.border_px}px solid {p.outline}; }}
QPushButton[role="danger"] {{ background: {p.alert}; color: {p.on_alert}; border: {t.border_px}px solid {p.alert}; }}
QPushButton[role="key"] {{ font-size: {t.heading_px}px; background: {p.surface}; color: {p.text};
    border: {t.border_px}px solid {p.outline}; }}
QLabel[role="button-text"] {{ font-size: {t.body_px}px; font-weight: bold; color: {p.text}; }}
QLabel[role="button-text"][button_role="primary"] {{ color: {p.on_primary}; }}
QLabel[role="button-text"][button_role="danger"] {{ color: {p.on_alert}; }}
QLabel[role="button-text"][state="checked"] {{ color: {p.on_selected}; }}
QLabel[role="button-text"][state="disabled"] {{ color: {p.muted_text}; }}
QPushButton:pressed {{ padding-top: {pad_v + 2}px; }}
QPushButton:disabled {{ background: {p.background}; color: {p.muted_text}; border: {t.border_px}px dashed {p.muted_text}; }}
QPushButton[role]:focus, QPushButton[role]:checked:focus {{ border: {t.border_px}px solid {p.focus}; }}
QPushButton[role="choice"]:focus:!checked, QPushButton[role="secondary"]:focus, QPushButton[role="quiet"]:focus,
QPushButton[role="key"]:focus {{ background: {p.surface}; }}
"""
