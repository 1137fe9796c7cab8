"""kiosk.qt_pdf: pages counted and drawn from PDF bytes, and PDFium started once, not once per handout."""

from __future__ import annotations

import io
import subprocess
import sys
import textwrap
from pathlib import Path

from PySide6.QtGui import QColor
from reportlab.lib.pagesizes import letter
from reportlab.pdfgen import canvas

from kiosk.qt_pdf import first_page_image, open_pdf, page_count

ROOT = Path(__file__).resolve().parents[1]


def pdf_with_pages(count: int) -> bytes:
    out = io.BytesIO()
    drawing = canvas.Canvas(out, pagesize=letter)
    for number in range(count):
        drawing.setFillColorRGB(0, 0, 0)
        drawing.rect(0, letter[1] - 72, 72, 72, fill=1)  # a black inch in the top left corner
        drawing.drawString(200, 400, f"page {number + 1}")
        drawing.showPage()
    drawing.save()
    return out.getvalue()


def test_pages_are_counted(qapp):
    assert page_count(pdf_with_pages(3)) == 3
    assert page_count(b"not a pdf at all") == 0


def test_the_first_page_is_drawn_to_width_on_white(qapp):
    image = first_page_image(pdf_with_pages(2), 612)
    assert (image.width(), image.height()) == (612, 792)
    assert image.pixelColor(30, 30) == QColor("black")  # the black inch
    assert image.pixelColor(600, 780) == QColor("white")  # unpainted paper is white, not transparent


def test_a_file_opens_too(qapp, tmp_path):
    path = tmp_path / "two.pdf"
    path.write_bytes(pdf_with_pages(2))
    with open_pdf(path) as document:
        assert document.pageCount() == 2


def test_many_previews_do_not_grow_memory():
    """Each QtPdf document used to start and shut down PDFium, which kept ~20 KB every time (400 previews:
    +8 MB). Measured in a fresh process (Linux /proc), after malloc_trim so only live memory counts."""
    script = textwrap.dedent("""
        import ctypes, os, sys
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        sys.path.insert(0, sys.argv[1])
        from PySide6.QtGui import QGuiApplication
        from tests.test_qt_pdf import pdf_with_pages
        from kiosk.qt_pdf import first_page_image
        app = QGuiApplication([])
        pdf = pdf_with_pages(1)
        trim = ctypes.CDLL("libc.so.6").malloc_trim
        def rss_kb():
            trim(0)
            status = open("/proc/self/status").read()
            return int(status.split("VmRSS:")[1].split()[0])
        for _ in range(50):
            first_page_image(pdf, 300)
        before = rss_kb()
        for _ in range(250):
            first_page_image(pdf, 300)
        print(rss_kb() - before)
    """)
    done = subprocess.run([sys.executable, "-c", script, str(ROOT)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    growth_kb = int(done.stdout.split()[-1])
    assert growth_kb < 1500, f"{growth_kb} KB more after 250 previews"
