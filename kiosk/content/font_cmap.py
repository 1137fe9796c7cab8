"""The code points a TrueType font maps, read from its `cmap` table with `struct` alone.

Why not ReportLab's TTFontFile, which the handout uses to print: importing ReportLab (and Pillow, which it
imports) took ~40 ms of the kiosk's ~0.45 s startup, only to read two character maps for check_glyphs.py. The
handout worker imports ReportLab after the welcome screen is up (kiosk/ui/handout_maker.py's warm-up), so content
checking should not pull it onto the startup path.

The answer is ReportLab's own, key for key (tests/test_font_cmap.py compares them): the same choice of subtable
(the last Unicode one in the table's directory), every code point a segment covers counted (glyph 0 too, as
ReportLab does), and a space and a no-break space standing in for each other. Only the subtable formats Unicode
fonts use (4 and 12) are read here; any other font, or anything unexpected in one, is read by ReportLab as before.
"""

from __future__ import annotations

import struct
from pathlib import Path


class _NotPlain(Exception):
    """Something this small reader does not handle: ReportLab reads the font instead."""


def mapped_code_points(font_file: Path) -> set[int]:
    """Every code point the font's character map lists (ReportLab's `TTFontFile(file).charToGlyph` keys)."""
    try:
        return _read(font_file.read_bytes())
    except (_NotPlain, struct.error):
        from reportlab.pdfbase.ttfonts import TTFontFile

        return set(TTFontFile(str(font_file)).charToGlyph)


def _read(data: bytes) -> set[int]:
    if data[:4] not in (b"\x00\x01\x00\x00", b"true"):
        raise _NotPlain("not a plain TrueType font (a collection, or PostScript outlines)")
    tables = {}
    (count,) = struct.unpack_from(">H", data, 4)
    for index in range(count):
        tag, _checksum, offset, _length = struct.unpack_from(">4sIII", data, 12 + 16 * index)
        tables[tag] = offset
    if b"cmap" not in tables:
        raise _NotPlain("no cmap table")
    cmap = tables[b"cmap"]
    version, subtables = struct.unpack_from(">HH", data, cmap)
    if subtables == 0 and version != 0:   # ReportLab reads the two fields swapped in such fonts
        subtables = version
    chosen, kind = None, 0
    for index in range(subtables):   # ReportLab's choice: the last Unicode subtable listed wins
        platform, encoding, offset = struct.unpack_from(">HHI", data, cmap + 4 + 8 * index)
        if platform == 3 or (platform == 1 and encoding == 1) or (platform == 0 and encoding != 5):
            chosen, kind = offset, 1
        elif platform == 1 and encoding == 0 and kind != 1:
            chosen, kind = offset, 2
    if chosen is None:
        raise _NotPlain("no Unicode character map")
    start = cmap + chosen
    (form,) = struct.unpack_from(">H", data, start)
    if form == 4:
        points = _format_4(data, start)
    elif form == 12:
        points = _format_12(data, start)
    else:
        raise _NotPlain(f"character map format {form}")
    if 0x20 in points or 0xA0 in points:   # ReportLab maps each of the two spaces to the other
        points |= {0x20, 0xA0}
    return points


def _format_4(data: bytes, start: int) -> set[int]:
    """Segments of consecutive code points: every point from each segment's start to its end."""
    (segments_x2,) = struct.unpack_from(">H", data, start + 6)
    segments = segments_x2 // 2
    ends = struct.unpack_from(f">{segments}H", data, start + 14)
    starts = struct.unpack_from(f">{segments}H", data, start + 16 + 2 * segments)
    points: set[int] = set()
    for first, last in zip(starts, ends):
        points.update(range(first, last + 1))
    return points


def _format_12(data: bytes, start: int) -> set[int]:
    """Groups of consecutive code points (beyond the first 65,536 too)."""
    (groups,) = struct.unpack_from(">I", data, start + 12)
    points: set[int] = set()
    for index in range(groups):
        first, last, _glyph = struct.unpack_from(">III", data, start + 16 + 12 * index)
        if last - first > 0x10FFFF:
            raise _NotPlain("a group larger than Unicode")
        points.update(range(first, last + 1))
    return points
