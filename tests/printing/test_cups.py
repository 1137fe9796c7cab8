"""Printing at a real CUPS scheduler (a private cupsd the tests start): the handout arrives, and every fault
leaves the job safe in the spool, visible to staff, until it prints."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest

from kiosk.config import PrinterSpec
from kiosk.handout.documents import make_documents
from kiosk.printing.cups import CupsPrinter, list_queues
from kiosk.printing.desk import FrontDesk
from kiosk.printing.printer import PrinterError
from kiosk.printing.spool import DONE, FAILED, QUEUED, SENT, SpoolError
from kiosk.survey.sample import EVERY_SECTION_ANSWERS
from tests.printing.clock import Clock
from tests.printing.cups_server import pdf_text, printed_jobs, printed_text

WHEN = datetime(2026, 11, 23, 9, 30)


@pytest.fixture(scope="module")
def documents(shipped_content):
    from kiosk.config import SiteConfig

    return make_documents(shipped_content, SiteConfig(), EVERY_SECTION_ANSWERS, "es", WHEN, name="Begoña")


@pytest.fixture
def clock():
    return Clock(datetime.now().replace(microsecond=0))


def front_desk(config, queue: str, clock) -> FrontDesk:
    return FrontDesk(replace(config, printer=PrinterSpec("cups", queue)), clock=clock).open()


def run_until(desk: FrontDesk, done, timeout: float = 120.0) -> None:
    """Drives the print service by hand (as its thread would) until `done()` holds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        desk.service.run_once()
        if done():
            return
        time.sleep(0.05)
    raise AssertionError(f"not done within {timeout} s: {[(j.id, j.state, j.reason) for j in desk.jobs()]}")


def states(desk: FrontDesk) -> dict[str, str]:
    return {job.kind: job.state for job in desk.jobs()}


def spooled_pdfs(config) -> list[Path]:
    return sorted((config.spool_dir / "jobs").glob("*.pdf"))


def prints_in_the_end(desk: FrontDesk, config, output: Path) -> None:
    """The handout comes out of CUPS with its words, and its document has left the spool (patient privacy)."""
    run_until(desk, lambda: states(desk) == {"handout": DONE})
    assert "Su plan para los calambres" in printed_text(output)
    assert spooled_pdfs(config) == []


def test_a_patients_handout_prints_at_a_real_cups_queue_and_leaves_the_spool(cups, config, clock, documents):
    queue, output = cups.add_queue()
    desk = front_desk(config, queue, clock)
    spooled = desk.submit_handout(documents.handout, None, "es", "en")
    assert spooled.number == 1 and len(spooled_pdfs(config)) == 1
    run_until(desk, lambda: states(desk) == {"handout": DONE})
    text = printed_text(output)
    assert "Preparado para Begoña" in text and "Su plan para los calambres" in text
    assert spooled_pdfs(config) == []  # printed: the document has left the spool
    assert cups.pending(queue) == []
    desk.service.release()


def test_the_clinician_summary_prints_after_the_handout_with_the_same_number(cups, config, clock, documents):
    queue, output = cups.add_queue()
    desk = front_desk(config, queue, clock)
    desk.submit_handout(documents.handout, documents.summary, "es", "en")
    run_until(desk, lambda: states(desk) == {"handout": DONE, "summary": DONE})
    handout, summary = printed_jobs(output)   # two jobs, each printed once, in this order
    assert "Su plan para los calambres" in pdf_text(handout) and "Clinician summary" in pdf_text(summary)
    assert {job.number for job in desk.jobs()} == {1}
    desk.service.release()


def test_the_job_title_is_the_handout_number_only(cups, config, clock, documents):
    queue, _ = cups.add_queue()
    cups.run("cupsdisable", queue, check=True)  # held at CUPS, so its title can be read
    desk = front_desk(config, queue, clock)
    desk.submit_handout(documents.handout, None, "es", "en")
    run_until(desk, lambda: states(desk) == {"handout": SENT})
    assert cups.titles(queue) == ["1"]
    cups.run("cupsenable", queue, check=True)
    run_until(desk, lambda: states(desk) == {"handout": DONE})
    desk.service.release()


def test_cupsd_not_running_the_job_waits_then_prints_when_it_is_back(cups, config, clock, documents):
    queue, output = cups.add_queue()
    desk = front_desk(config, queue, clock)
    cups.stop()
    desk.submit_handout(documents.handout, None, "es", "en")
    desk.service.run_once()
    job = desk.jobs()[0]
    assert job.state == FAILED and job.reason == "CUPS (the print system) is not running"
    assert spooled_pdfs(config) != []  # nothing lost
    assert desk.service.check_status().words == "CUPS (the print system) is not running"
    cups.start()
    desk.service.run_once()
    assert desk.jobs()[0].state == FAILED  # still inside its back-off: not hammered
    clock.advance(seconds=6)
    prints_in_the_end(desk, config, output)
    desk.service.release()


def test_a_disabled_queue_holds_the_job_and_staff_see_why(cups, config, clock, documents):
    queue, output = cups.add_queue()
    cups.run("cupsdisable", "-r", "paper jam", queue, check=True)
    desk = front_desk(config, queue, clock)
    desk.submit_handout(documents.handout, None, "es", "en")
    run_until(desk, lambda: states(desk) == {"handout": SENT})
    status = desk.service.check_status()
    assert not status.ready and status.words == f"{queue} is paused in CUPS: paper jam"
    desk.service.run_once()
    assert desk.jobs()[0].reason == status.words
    assert spooled_pdfs(config) != []  # kept until CUPS says it has printed
    assert printed_jobs(output) == []
    cups.run("cupsenable", queue, check=True)
    prints_in_the_end(desk, config, output)
    desk.service.release()


def test_a_rejecting_queue_fails_the_try_and_the_job_prints_once_it_accepts(cups, config, clock, documents):
    queue, output = cups.add_queue()
    cups.run("cupsreject", "-r", "closed", queue, check=True)
    desk = front_desk(config, queue, clock)
    desk.submit_handout(documents.handout, None, "es", "en")
    desk.service.run_once()
    job = desk.jobs()[0]
    assert job.state == FAILED and job.reason == f"the printer {queue} is not accepting jobs (in CUPS)"
    assert desk.service.check_status().words == f"{queue} is not accepting jobs: closed"
    cups.run("cupsaccept", queue, check=True)
    desk.retry(job.id)  # staff: "Try now", without waiting out the back-off
    assert desk.jobs()[0].state == QUEUED
    prints_in_the_end(desk, config, output)
    desk.service.release()


def test_an_unknown_printer_name_is_a_clear_staff_error_and_the_job_waits(cups, config, clock, documents):
    desk = front_desk(config, "NoSuchPrinter", clock)
    desk.submit_handout(documents.handout, None, "es", "en")
    desk.service.run_once()
    job = desk.jobs()[0]
    assert job.state == FAILED and job.reason == "CUPS has no printer named NoSuchPrinter (see `kiosk printers`)"
    assert desk.service.check_status().words == job.reason
    assert spooled_pdfs(config) != []
    desk.service.release()


def test_a_spool_folder_that_cannot_be_written_is_a_clear_staff_error(config, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the spool folder should be")
    with pytest.raises(SpoolError) as refused:
        FrontDesk(replace(config, spool_dir=blocker / "spool")).open()
    assert str(blocker / "spool") in str(refused.value) and "spool_dir" in str(refused.value)


def test_the_kiosk_killed_between_spooling_and_sending_prints_the_job_after_restart(cups, config, documents,
                                                                                       tmp_path):
    queue, output = cups.add_queue()
    handout = tmp_path / "handout.pdf"
    handout.write_bytes(documents.handout)
    script = f"""
import os, signal
from dataclasses import replace
from pathlib import Path
from kiosk.config import PrinterSpec, SiteConfig
from kiosk.printing.desk import FrontDesk
config = SiteConfig(spool_dir=Path({str(config.spool_dir)!r}), printer=PrinterSpec("cups", {queue!r}))
desk = FrontDesk(config).open()
desk.submit_handout(Path({str(handout)!r}).read_bytes(), None, "es", "en")
os.kill(os.getpid(), signal.SIGKILL)  # the power cut: after the spool has the job, before anything is sent
"""
    killed = subprocess.run([sys.executable, "-c", script], env=cups.env, capture_output=True, timeout=60)
    assert killed.returncode == -signal.SIGKILL
    assert printed_jobs(output) == []
    restarted = front_desk(config, queue, datetime.now)
    prints_in_the_end(restarted, config, output)
    restarted.service.release()


def test_a_sender_killed_mid_send_is_recovered_and_the_job_prints(cups, config, clock, documents):
    """A job marked sent but never given a CUPS id (the kiosk died inside `lp`) goes back to the queue."""
    queue, output = cups.add_queue()
    desk = front_desk(config, queue, clock)
    job = desk.spool.add("handout", documents.handout, 4, "en")
    desk.spool.update(job, state=SENT)
    prints_in_the_end(desk, config, output)
    desk.service.release()


def test_a_full_disk_refuses_the_job_clearly_and_leaves_no_half_file(config, tmp_path, documents):
    full = tmp_path / "small-disk"
    full.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(full)], capture_output=True)
    assert mounted.returncode == 0, f"this test needs root to mount a small tmpfs: {mounted.stderr.decode()}"
    try:
        desk = FrontDesk(replace(config, spool_dir=full / "spool")).open()
        with pytest.raises(OSError):  # a 60 kB handout cannot fit in what is left
            desk.submit_handout(documents.handout + b"\0" * 65536, None, "en", "en")
        assert list((full / "spool" / "jobs").iterdir()) == []  # no half-written document, no orphan metadata
        small = desk.submit_handout(b"%PDF-1.4 small\n%%EOF", None, "en", "en")  # room again: it works
        assert small.number >= 1 and len(desk.jobs()) == 1
    finally:
        subprocess.run(["umount", str(full)], check=True)


def test_two_processes_never_send_the_same_spool(cups, config, clock, documents):
    queue, _ = cups.add_queue()
    first, second = front_desk(config, queue, clock), front_desk(config, queue, clock)
    first.submit_handout(documents.handout, None, "es", "en")
    assert first.service.run_once() is True
    assert second.service.run_once() is False  # the first holds the sender lock
    first.service.release()
    run_until(second, lambda: states(second) == {"handout": DONE})
    second.service.release()


def test_list_queues_and_the_printer_status(cups):
    queue, _ = cups.add_queue()
    queues, default = list_queues()
    assert queue in queues and default == ""
    assert CupsPrinter(queue).status().ready
    assert not CupsPrinter("").status().ready  # no default destination here: said, not crashed


def test_cancel_takes_a_held_job_back_from_cups(cups, config, clock, documents):
    queue, output = cups.add_queue()
    cups.run("cupsdisable", queue, check=True)
    desk = front_desk(config, queue, clock)
    job = desk.submit_handout(documents.handout, None, "es", "en").jobs[0]
    run_until(desk, lambda: states(desk) == {"handout": SENT})
    assert len(cups.pending(queue)) == 1
    desk.cancel(job.id)
    assert cups.pending(queue) == [] and spooled_pdfs(config) == []
    cups.run("cupsenable", queue, check=True)
    time.sleep(0.5)
    assert printed_jobs(output) == []  # cancelled means not printed
    desk.service.release()


def test_cups_commands_missing_is_a_clear_error(monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(PrinterError, match="cups-client"):
        CupsPrinter("Desk").send(tmp_path / "x.pdf", "1")
