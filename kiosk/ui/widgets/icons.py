"""Small icons drawn from SVG text in the theme's colours (a tick for 'chosen', so colour is never the only cue)."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QByteArray, QEvent, QObject, QRectF, QSize, Qt
from PySide6.QtGui import QIcon, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

CHECK_SVG = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M4 12.5l5 5L20 6.5" fill="none" '
             'stroke="{color}" stroke-width="3.2" stroke-linecap="round" stroke-linejoin="round"/></svg>')
EMPTY_SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"></svg>'


@lru_cache(maxsize=16)
def tick_icon(checked_color: str, size_px: int) -> QIcon:
    """An icon that shows a tick only in the checked state (the unchecked state keeps the same width)."""
    icon = QIcon()
    icon.addPixmap(_pixmap(CHECK_SVG.format(color=checked_color), size_px), QIcon.Normal, QIcon.On)
    icon.addPixmap(_pixmap(EMPTY_SVG, size_px), QIcon.Normal, QIcon.Off)
    return icon


def _pixmap(svg: str, size_px: int, gap_px: int = 0, gap_left: bool = False) -> QPixmap:
    """The picture, `size_px` square, with `gap_px` of clear room on one side: QPushButton sets its icon hard
    against the words ("←Back"), so the room between them is part of the icon."""
    pixmap = QPixmap(QSize(size_px + gap_px, size_px))
    pixmap.fill(Qt.transparent)
    painter = QPainter(pixmap)
    QSvgRenderer(QByteArray(svg.encode())).render(painter, QRectF(gap_px if gap_left else 0, 0, size_px, size_px))
    painter.end()
    return pixmap


SPEAKER_SVG = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M3 9h4l5-4v14l-5-4H3z" '
               'fill="{color}"/><path d="M15.5 8.5a5 5 0 0 1 0 7M18 6a8.5 8.5 0 0 1 0 12" fill="none" '
               'stroke="{color}" stroke-width="2" stroke-linecap="round"/></svg>')


@lru_cache(maxsize=16)
def speaker_icon(color: str, on_color: str, size_px: int, gap_px: int = 0) -> QIcon:
    """The Listen control's speaker (spec §7: an icon beside the word), drawn in the words' colour whether the
    control is off or on (filled), with `gap_px` of room before the word."""
    icon = QIcon()
    icon.addPixmap(_pixmap(SPEAKER_SVG.format(color=color), size_px, gap_px), QIcon.Normal, QIcon.Off)
    icon.addPixmap(_pixmap(SPEAKER_SVG.format(color=on_color), size_px, gap_px), QIcon.Normal, QIcon.On)
    return icon


# --- action icons beside the words (spec §7, issue 18: ←, →, a printer, ↺) ----------------------------------

# The buttons that carry an action icon, by object name; "next" sits right of the words (the reading direction).
ACTION_ICONS = {"back_button": "back", "menu_close": "back", "next_button": "next", "continue_button": "next",
                "print_button": "print", "start_over_button": "start-over"}
TRAILING_ICONS = {"next"}
ICON_OVER_TEXT = 0.8   # the icon's side against the words' pixel size: about a capital letter and its descender
GAP_OVER_ICON = 0.4    # the room between the icon and the words, against the icon's side


@lru_cache(maxsize=8)
def _icon_svg(name: str) -> str:
    from kiosk import paths

    return (paths.assets_dir() / "icons" / f"{name}.svg").read_text(encoding="utf-8")


@lru_cache(maxsize=64)
def action_icon(name: str, color: str, disabled_color: str, size_px: int, gap_px: int = 0) -> QIcon:
    """assets/icons/<name>.svg in the words' colour (and the disabled words' colour), at `size_px` device px, with
    `gap_px` of room on the side of the words."""
    icon = QIcon()
    svg, gap_left = _icon_svg(name), name in TRAILING_ICONS
    for colour, mode in ((color, QIcon.Normal), (disabled_color, QIcon.Disabled)):
        icon.addPixmap(_pixmap(svg.replace("currentColor", colour), size_px, gap_px, gap_left), mode)
    return icon


class ActionIcon(QObject):
    """Keeps a button's action icon in its words' colour and size: the stylesheet sets both (colour scheme, text
    size, enabled or not), so the icon is drawn again whenever the button is polished or its font, palette or
    state changes. The icon is a picture only: the accessible name stays the words."""

    WATCHED = (QEvent.Polish, QEvent.StyleChange, QEvent.FontChange, QEvent.PaletteChange, QEvent.EnabledChange,
               QEvent.Show)

    def __init__(self, button, name: str):
        super().__init__(button)
        self.name = name
        self._key = None
        if name in TRAILING_ICONS:   # QPushButton draws the icon on the side the words end
            button.setLayoutDirection(Qt.RightToLeft if button.layoutDirection() == Qt.LeftToRight
                                      else Qt.LeftToRight)
        button.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt override)
        if event.type() in self.WATCHED:
            self.refresh(watched)
        return False

    def refresh(self, button) -> None:
        palette = button.palette()
        color = palette.color(QPalette.Active, QPalette.ButtonText).name()
        disabled = palette.color(QPalette.Disabled, QPalette.ButtonText).name()
        font = button.font()
        text_px = font.pixelSize() if font.pixelSize() > 0 else round(font.pointSizeF() * 96 / 72)
        side = max(16, round(text_px * ICON_OVER_TEXT))
        key = (color, disabled, side)
        if key == self._key:
            return
        self._key = key
        ratio = max(1.0, button.devicePixelRatioF())
        gap = round(side * GAP_OVER_ICON)
        button.setIcon(action_icon(self.name, color, disabled, round(side * ratio), round(gap * ratio)))
        button.setIconSize(QSize(side + gap, side))


def add_action_icon(button) -> None:
    """Give a button named for an action (ACTION_ICONS) its icon beside the words."""
    name = ACTION_ICONS.get(button.objectName())
    if name is not None:
        ActionIcon(button, name)
