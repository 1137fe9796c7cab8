"""check_glyphs.py reads the handout fonts' character maps without ReportLab (kiosk/content/font_cmap.py), so the
kiosk's startup does not import ReportLab: the same code points as ReportLab's own reading, and what falls back."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from reportlab.pdfbase.ttfonts import TTFontFile

from kiosk import paths
from kiosk.content import font_cmap
from kiosk.content.check_glyphs import handout_fonts

SYSTEM_FONTS = sorted(Path("/usr/share/fonts/truetype").glob("*/*.ttf"))[:12]


@pytest.mark.parametrize("font", [*handout_fonts(), *SYSTEM_FONTS], ids=lambda font: font.name)
def test_the_same_code_points_as_reportlab_reads(font):
    assert font_cmap.mapped_code_points(font) == set(TTFontFile(str(font)).charToGlyph)


def test_the_bundled_fonts_are_read_without_reportlab():
    for font in handout_fonts():
        assert font_cmap._read(font.read_bytes())   # the small reader handles them itself (no _NotPlain)
        assert 0xF1 in font_cmap.mapped_code_points(font) and 0xBF in font_cmap.mapped_code_points(font)  # ñ ¿


def test_a_font_it_does_not_read_goes_to_reportlab(tmp_path):
    collection = tmp_path / "fonts.ttc"
    collection.write_bytes(b"ttcf" + bytes(64))
    with pytest.raises(font_cmap._NotPlain):
        font_cmap._read(collection.read_bytes())
    with pytest.raises(Exception) as raised:   # ReportLab's own refusal, as before
        font_cmap.mapped_code_points(collection)
    assert not isinstance(raised.value, font_cmap._NotPlain)


def test_loading_the_content_does_not_import_reportlab():
    """ReportLab is for the handout worker (imported after the welcome screen is up), not for startup."""
    code = ("import sys; from kiosk.startup import load_everything; loaded = load_everything(); "
            "print(loaded.ok, 'reportlab' in sys.modules, 'PIL' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                            cwd=paths.assets_dir().parent)
    assert result.stdout.split() == ["True", "False", "False"], result.stderr
