"""What the staff panel's printing card says about the spool itself, through the real kiosk window: files set
aside as unusable (issue 16 item 3), Print again while a printed document is kept (issue 17 item 9), and the
warning when CUPS keeps printed documents (issue 16 item 9)."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
from PySide6.QtWidgets import QLabel

from kiosk.config import PrinterSpec
from kiosk.printing.spool import DONE, QUEUED, Spool
from tests.ui.drive import EVENTUALLY_MS, click
from tests.ui.test_front_desk import job_rows, open_staff_panel, staff_button

pytestmark = pytest.mark.ui


def test_staff_see_a_set_aside_file_and_can_print_a_printed_handout_again(qtbot, make_window, config, tmp_path):
    site = replace(config, printer=PrinterSpec("folder", str(tmp_path / "desk")))
    spool = Spool(site.spool_dir, reprint_grace=timedelta(minutes=site.reprint_grace_minutes)).open()
    printed = spool.update(spool.add("handout", b"%PDF-1.4 printed\n%%EOF", 3, "en"), state=DONE)
    (spool.jobs_dir / "garbage.pdf").write_bytes(b"not a job")
    window = make_window(site_config=site)
    open_staff_panel(qtbot, window)
    problem = window.staff.printing.findChild(QLabel, "spool_problem")
    qtbot.waitUntil(lambda: "garbage.pdf" in problem.text() and problem.isVisible(), timeout=EVENTUALLY_MS)
    assert "Set aside" in problem.text() and "not a print job's name" in problem.text()
    qtbot.waitUntil(lambda: printed.id in job_rows(window), timeout=EVENTUALLY_MS)
    assert "Print again possible until" in job_rows(window)[printed.id]
    click(qtbot, staff_button(window, f"reprint_{printed.id}"))
    copy = f"{printed.id}-2"
    qtbot.waitUntil(lambda: (tmp_path / "desk" / f"{copy}.pdf").exists(), timeout=EVENTUALLY_MS)
    assert (tmp_path / "desk" / f"{copy}.pdf").read_bytes() == b"%PDF-1.4 printed\n%%EOF"
    assert spool.get(copy).state in (QUEUED, DONE)


def test_the_printer_line_warns_when_cups_keeps_printed_documents(qtbot, make_window, config, cups, tmp_path,
                                                                   monkeypatch):
    queue, _ = cups.add_queue()
    settings = tmp_path / "cups-etc"
    settings.mkdir()
    (settings / "cupsd.conf").write_text("LogLevel warn\n")   # CUPS at its defaults: PreserveJobFiles 1 day
    monkeypatch.setenv("CUPS_SERVERROOT", str(settings))
    window = make_window(site_config=replace(config, printer=PrinterSpec("cups", queue)))
    open_staff_panel(qtbot, window)
    status = window.staff.printing.findChild(QLabel, "printer_status")
    qtbot.waitUntil(lambda: "ready" in status.text(), timeout=EVENTUALLY_MS)
    assert "Warning: CUPS keeps printed documents in its own spool" in status.text()
