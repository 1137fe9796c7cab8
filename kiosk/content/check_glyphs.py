"""Text the handout's fonts cannot print: ReportLab draws a character the bundled TrueType font lacks as an empty
box (it has no fallback font, unlike the screens), so a clinic's wording in, say, Vietnamese or with an arrow
would print as boxes. Every text in the content and the clinic's details is checked against the fonts' own
character maps (read without ReportLab: font_cmap.py says why)."""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterator

from kiosk.yamldoc import YamlDoc, YamlPath

# Characters that are never drawn: spacing, line breaks and invisible format marks (soft hyphen, joiners).
NOT_DRAWN = ("Cc", "Cf", "Zs", "Zl", "Zp")
SHOWN = 3   # characters named in one problem


@lru_cache(maxsize=4)
def printable_characters(font_files: tuple[Path, ...]) -> frozenset[int]:
    """The code points every one of the fonts has a glyph for."""
    from kiosk.content.font_cmap import mapped_code_points

    maps = [mapped_code_points(file) for file in font_files]
    return frozenset(set.intersection(*maps))


def handout_fonts() -> tuple[Path, ...]:
    from kiosk import paths
    from kiosk.handout.font_files import BOLD_FILE, REGULAR_FILE

    return paths.fonts_dir() / REGULAR_FILE, paths.fonts_dir() / BOLD_FILE


def unprintable(text: str, printable: frozenset[int]) -> list[str]:
    """The characters of `text` the fonts lack, each once, in order."""
    missing = []
    for character in text:
        if ord(character) not in printable and unicodedata.category(character) not in NOT_DRAWN \
                and character not in missing:
            missing.append(character)
    return missing


def describe_missing(missing: list[str]) -> str:
    named = ", ".join(f"'{c}' (U+{ord(c):04X} {unicodedata.name(c, 'unnamed').lower()})" for c in missing[:SHOWN])
    more = f" and {len(missing) - SHOWN} more" if len(missing) > SHOWN else ""
    return f"the bundled font has no letter shape for {named}{more}: it prints as an empty box"


GLYPH_FIX = "Use other characters (a plain '-' or '->' instead of an arrow, straight quotes), or ask the kiosk's " \
            "developers for a font that has them."


def check_document_glyphs(doc: YamlDoc, printable: frozenset[int] | None = None) -> None:
    """One problem per text in the file that the handout fonts cannot print."""
    printable = printable if printable is not None else printable_characters(handout_fonts())
    for path, text in _texts(doc.data, ()):
        missing = unprintable(text, printable)
        if missing:
            doc.problem(path, describe_missing(missing), GLYPH_FIX)


def _texts(value: Any, path: YamlPath) -> Iterator[tuple[YamlPath, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _texts(item, path + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _texts(item, path + (index,))
