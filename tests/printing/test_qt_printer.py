"""The `qt:NAME` printer (the Windows backend) against the private CUPS, which Qt reaches through libcups here:
pages arrive at the queue, and Qt's silent fall-back to writing a PDF file is refused, not taken for printing."""

from __future__ import annotations

import subprocess
import threading
from dataclasses import replace
from datetime import datetime

import pytest

from kiosk.config import PrinterSpec, SiteConfig
from kiosk.handout.documents import make_general_handout
from kiosk.printing.desk import FrontDesk
from kiosk.printing.printer import PrinterError
from kiosk.printing.qt_printer import QtPrinter
from kiosk.printing.spool import DONE, FAILED
from tests.printing.cups_server import printed_jobs, printed_text


@pytest.fixture(scope="module")
def general_pdf(shipped_content):
    return make_general_handout(shipped_content, SiteConfig(), "en", datetime(2026, 11, 23))


def page_count(data_or_path) -> int:
    info = subprocess.run(["pdfinfo", str(data_or_path)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[1] for line in info.splitlines() if line.startswith("Pages:")))


def on_a_thread(work):
    """As in the kiosk: the print service's own thread, not the GUI thread."""
    result = {}
    thread = threading.Thread(target=lambda: result.setdefault("value", work()))
    thread.start()
    thread.join(120)
    return result.get("value")


def test_every_page_reaches_the_cups_queue_through_qt(qapp, cups, config, general_pdf, tmp_path):
    queue, output = cups.add_queue()
    source = tmp_path / "general.pdf"
    source.write_bytes(general_pdf)
    desk = FrontDesk(replace(config, printer=PrinterSpec("qt", queue))).open()
    desk.submit("general", general_pdf, language="en")
    on_a_thread(desk.service.run_once)
    assert [job.state for job in desk.jobs()] == [DONE]
    printed_text(output)   # waits until the job has come out
    [printed] = printed_jobs(output)
    assert page_count(printed) == page_count(source)  # drawn page by page onto the printer
    desk.service.release()


def test_an_unknown_printer_is_refused_not_turned_into_a_pdf_file(qapp, cups, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(PrinterError, match="there is no printer named NoSuchPrinter"):
        QtPrinter("NoSuchPrinter").send(tmp_path / "x.pdf", "1")
    assert list(tmp_path.iterdir()) == []  # no stray PDF file written instead


def test_print_system_unreachable_the_job_waits_in_the_spool(qapp, cups, config, general_pdf):
    queue, output = cups.add_queue()
    cups.stop()
    desk = FrontDesk(replace(config, printer=PrinterSpec("qt", queue))).open()
    desk.submit("general", general_pdf, language="en")
    on_a_thread(desk.service.run_once)
    job = desk.jobs()[0]
    assert job.state == FAILED and "no printer named" in job.reason
    assert desk.spool.pdf_path(job).exists() and printed_jobs(output) == []
    status = QtPrinter(queue).status()
    assert not status.ready
    desk.service.release()
