"""kiosk/content, kiosk/survey, kiosk/handout and kiosk/printing stay plain Python: testable and usable without a
display. The one exception is the Qt printer backend, which is Qt by nature (and imports it only when used)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "kiosk"
PURE = ["content", "survey", "handout", "printing"]
QT_BY_NATURE = {"printing/qt_printer.py"}
PURE_TOP_LEVEL = ["config.py", "fields.py", "localtext.py", "problems.py", "yamldoc.py", "staff_pin.py",
                  "startup.py", "visit.py", "logs.py", "paths.py"]


def pure_files():
    files = [path for name in PURE if (PACKAGE / name).is_dir() for path in (PACKAGE / name).rglob("*.py")
             if path.relative_to(PACKAGE).as_posix() not in QT_BY_NATURE]
    return files + [PACKAGE / name for name in PURE_TOP_LEVEL]


@pytest.mark.parametrize("path", pure_files(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_qt_import_in_pure_modules(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        names = [alias.name for alias in node.names] if isinstance(node, ast.Import) else \
            [node.module or ""] if isinstance(node, ast.ImportFrom) else []
        for name in names:
            assert not name.startswith(("PySide6", "shiboken6", "kiosk.ui")), f"{path.name} imports {name}"


def test_loading_everything_does_not_load_qt():
    code = ("import sys; from kiosk.startup import load_everything; loaded = load_everything(); "
            "assert loaded.ok, loaded.problems; "
            "print(sorted(m for m in sys.modules if m.startswith('PySide6')))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_printing_from_the_command_line_does_not_load_qt_for_a_cups_or_folder_printer(tmp_path):
    code = ("import sys; from kiosk.config import SiteConfig, PrinterSpec; from kiosk.printing.desk import FrontDesk; "
            f"desk = FrontDesk(SiteConfig(spool_dir=__import__('pathlib').Path({str(tmp_path)!r}))).open(); "
            "desk.submit('document', b'%PDF-1.4'); desk.send_now(2); "
            "print(sorted(m for m in sys.modules if m.startswith('PySide6')))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
