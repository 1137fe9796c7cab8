"""The Listen control (spec §7): a speaker icon beside the word, on every patient screen, checked while speech is
on for the visit. One look everywhere: the screens only place it."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QPushButton

from kiosk.ui.layout import button
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.icons import GAP_OVER_ICON, speaker_icon


def listen_button(on_click: Callable[[], None]) -> QPushButton:
    return button("choice", on_click=on_click, name="listen_button", checkable=True)


def style_listen_button(widget: QPushButton, theme: Theme) -> None:
    icon_px = max(24, theme.body_px)
    gap_px = round(icon_px * GAP_OVER_ICON)
    widget.setIcon(speaker_icon(theme.palette.text, theme.palette.on_selected, icon_px * 2, gap_px * 2))
    widget.setIconSize(QSize(icon_px + gap_px, icon_px))
