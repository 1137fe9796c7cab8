"""Regenerate every screenshot in docs/ with the kiosk's own `kiosk screenshot` command, plus contact sheets.

    .venv/bin/python docs/make_screenshots.py
"""

from __future__ import annotations

import os
import subprocess
import tempfile
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
DOCS = Path(__file__).resolve().parent
SHOTS = DOCS / "screenshots"
SIZES = [("1920x1080", 100), ("1280x800", 150)]


def shoot(name: str, screen: str, size: str, text: int, lang: str | None = None, page: int | None = None,
          folder: Path = SHOTS, question: str | None = None, high_contrast: bool = False) -> Path:
    out = folder / f"{name}.png"
    args = [sys.executable, "-m", "kiosk", "screenshot", "--screen", screen, "--size", size,
            "--text-size", str(text), "-o", str(out)]
    if lang:
        args += ["--lang", lang]
    if page:
        args += ["--page", str(page)]
    if question:
        args += ["--question", question]
    if high_contrast:
        args += ["--high-contrast"]
    subprocess.run(args, check=True, capture_output=True)
    return out


SHEET_WIDTH = 1280   # a contact sheet is an overview (each screen is in docs/screenshots at full size)


def contact_sheet(images: list[Path], labels: list[str], out: Path, columns: int = 4) -> None:
    """The screens in a grid, SHEET_WIDTH wide, as a PNG of 256 colours (flat UI colours and text: small and sharp,
    where a JPEG of the same grid was over 400 KB)."""
    from PySide6.QtCore import QRect, Qt
    from PySide6.QtGui import QColor, QFont, QImage, QPainter
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    loaded = [QImage(str(path)) for path in images]
    width = (SHEET_WIDTH - 16) // columns - 16
    cell_h = max(round(img.height() * width / img.width()) for img in loaded) + 40
    rows = (len(loaded) + columns - 1) // columns
    sheet = QImage(columns * (width + 16) + 16, rows * (cell_h + 16) + 16, QImage.Format_RGB32)
    sheet.fill(QColor("#DDE3E8"))
    painter = QPainter(sheet)
    painter.setRenderHint(QPainter.SmoothPixmapTransform)
    painter.setFont(QFont("Atkinson Hyperlegible", 14))
    for index, (img, text) in enumerate(zip(loaded, labels)):
        x = 16 + (index % columns) * (width + 16)
        y = 16 + (index // columns) * (cell_h + 16)
        scaled = img.scaledToWidth(width, Qt.SmoothTransformation)
        painter.drawImage(x, y, scaled)
        painter.drawText(QRect(x, y + scaled.height() + 6, width, 30), Qt.AlignLeft, text)
    painter.end()
    sheet.convertToFormat(QImage.Format_Indexed8).save(str(out))
    del app


def survey_question_ids() -> list[str]:
    from kiosk.startup import load_everything

    return [question.id for question in load_everything().content.survey.questions]


def main() -> int:
    SHOTS.mkdir(exist_ok=True)
    for size, text in SIZES:
        suffix = f"{size}" + ("" if text == 100 else f"-{text}")
        for lang in ("en", "es"):
            shoot(f"welcome-{lang}-{suffix}", "welcome", size, text, lang)
            shoot(f"idle-warning-{lang}-{suffix}", "idle-warning", size, text, lang)
            shoot(f"start-over-{lang}-{suffix}", "start-over", size, text, lang)
            shoot(f"keys-{lang}-{suffix}", "keys", size, text, lang)
            shoot(f"keys-high-contrast-{lang}-{suffix}", "keys", size, text, lang, high_contrast=True)
        for screen in ("staff-pin", "staff", "staff-exit", "error"):
            shoot(f"{screen}-{suffix}", screen, size, text)
        for lang in ("en", "es"):
            for screen in ("review", "handout", "alert-emergency", "alert-urgent", "done"):
                shoot(f"{screen}-{lang}-{suffix}", screen, size, text, lang)
            shoot(f"survey-body-map-{lang}-{suffix}", "survey", size, text, lang, question="cramp_where")
    with tempfile.TemporaryDirectory() as scratch:
        for size, text in SIZES:
            suffix = f"{size}" + ("" if text == 100 else f"-{text}")
            pages, labels = [], []
            for lang in ("en", "es"):
                for page in range(1, 9):
                    pages.append(shoot(f"explainer-{page}-{lang}-{suffix}", "explainer", size, text, lang, page,
                                       Path(scratch)))
                    labels.append(f"{lang.upper()} chapter {page}")
                shoot(f"explainer-menu-{lang}-{suffix}", "explainer-menu", size, text, lang)
            contact_sheet(pages, labels, DOCS / f"explainer-contact-sheet-{suffix}.png")
            for lang in ("en", "es"):
                shots, names = [], []
                for question in survey_question_ids():
                    shots.append(shoot(f"q-{question}-{lang}-{suffix}", "survey", size, text, lang,
                                       folder=Path(scratch), question=question))
                    names.append(question)
                contact_sheet(shots, names, DOCS / f"survey-contact-sheet-{lang}-{suffix}.png", columns=6)
    print(f"screenshots in {SHOTS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
