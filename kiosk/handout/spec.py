"""What one printed document says, already chosen and in one language: the renderer's whole input.

The builder (pure) turns answers + outcome + content into these; the renderer turns them into PDF bytes and
knows nothing about answers, rules or languages. Frozen, so a spec can cross to a worker thread safely.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Union


@dataclass(frozen=True)
class Para:
    text: str


@dataclass(frozen=True)
class Bullets:
    items: tuple[str, ...]


@dataclass(frozen=True)
class Checklist:
    """Printed with an empty tick box before each item, for the reader to tick at home."""

    items: tuple[str, ...]


@dataclass(frozen=True)
class Steps:
    """Numbered steps, with an optional step-by-step picture (an SVG under assets/) above them."""

    items: tuple[str, ...]
    picture: Path | None = None
    numbered_picture: bool = False  # the picture's panels (one a step, left to right) get the steps' numbers


@dataclass(frozen=True)
class Questions:
    """Questions to take to the doctor: numbered, with room to write the answer."""

    items: tuple[str, ...]


@dataclass(frozen=True)
class QrCode:
    """A QR code of `url` with the url printed beside it (people without a phone can type it)."""

    url: str


Block = Union[Para, Bullets, Checklist, Steps, Questions, QrCode]


def block_texts(block: Block) -> tuple[str, ...]:
    """The words a block prints (a QR code prints none of its own)."""
    if isinstance(block, Para):
        return (block.text,)
    return getattr(block, "items", ())

STYLE_NORMAL, STYLE_ALERT, STYLE_BOX = "normal", "alert", "box"  # box: bordered, never split


@dataclass(frozen=True)
class SectionSpec:
    id: str
    title: str
    blocks: tuple[Block, ...]
    style: str = STYLE_NORMAL


@dataclass(frozen=True)
class Branding:
    clinic_name: str
    logo: Path | None = None


@dataclass(frozen=True)
class HandoutSpec:
    language: str
    title: str
    date_text: str
    prepared_for: str | None
    sections: tuple[SectionSpec, ...]
    footer: str
    page_label: str  # "Page {page} of {pages}"
    branding: Branding
    paper: str = "letter"  # or "a4"
    number_label: str | None = None  # "Handout 17" on every page, when printed from a visit
    # The widest number label the day can bring ("Handout 999"): the footer keeps room for it even before the
    # number is known, so the handout numbered at print time is laid out exactly as the preview showed it.
    number_room: str | None = None

    def numbered(self, label: str | None) -> "HandoutSpec":
        from dataclasses import replace

        return replace(self, number_label=label)

    def section_ids(self) -> tuple[str, ...]:
        return tuple(section.id for section in self.sections)


@dataclass(frozen=True)
class SummaryRow:
    label: str
    value: str
    emphasis: bool = False  # drawn bold with a marker: alert level, red flags


@dataclass(frozen=True)
class SummarySpec:
    """The one-page clinician summary (spec §4): label/value rows in groups, for the front desk."""

    title: str
    subtitle: str  # "Kiosk Lobby 1 · 23 November 2026 14:05 · Spanish"
    groups: tuple[tuple[str, tuple[SummaryRow, ...]], ...]
    footer: str
    page_label: str
    paper: str = "letter"
