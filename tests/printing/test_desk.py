"""The front desk's actions on jobs, and the guarantees around them: one sender per spool, reprints with the
same number, deletes that stay deleted, cancels that win over a send in flight, titles with no patient data."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from dataclasses import replace

import pytest

from kiosk.config import PrinterSpec
from kiosk.printing.desk import FrontDesk
from kiosk.printing.printer import PrinterStatus
from kiosk.printing.sender_lock import SenderLock
from kiosk.printing.service import job_title
from kiosk.printing.spool import CANCELLED, DONE, FAILED, QUEUED, SENT, SpoolError
from tests.printing.clock import Clock

PDF = b"%PDF-1.4 a handout\n%%EOF"


class HeldPrinter:
    """A printer that takes jobs and holds them until told they printed (like a paused CUPS queue)."""

    name = "held"

    def __init__(self):
        self.sent, self.cancelled, self.printed = [], [], set()

    def send(self, pdf, title):
        self.sent.append((pdf.read_bytes(), title))
        return f"held-{len(self.sent)}"

    def is_done(self, printer_job):
        return printer_job in self.printed

    def cancel(self, printer_job):
        self.cancelled.append(printer_job)

    def status(self):
        return PrinterStatus(True, "ready")


@pytest.fixture
def printer():
    return HeldPrinter()


@pytest.fixture
def desk(config, printer):
    desk = FrontDesk(config, printer, clock=Clock()).open()
    yield desk
    desk.service.release()


def test_handout_and_summary_share_todays_number_and_titles_carry_only_it(desk, printer):
    first = desk.submit_handout(PDF, PDF, "es", "en")
    second = desk.submit_handout(PDF, None, "en", "en")
    assert (first.number, second.number) == (1, 2)
    while desk.service.run_once():
        pass
    assert [title for _, title in printer.sent] == ["1", "1", "2"]
    assert job_title(desk.submit("alert", PDF, number=3)) == "alert 3"
    assert job_title(desk.submit("test", PDF)) == "test page"


def test_alert_slips_go_ahead_of_waiting_handouts(config, printer):
    clock = Clock()
    desk = FrontDesk(config, printer, clock=clock).open()
    desk.submit_handout(b"%PDF handout", None, "en", "en")
    clock.advance(minutes=1)  # the handout has waited longer, and the slip still goes first
    desk.submit("alert", b"%PDF alert", number=9)
    desk.service.run_once()
    assert printer.sent[0] == (b"%PDF alert", "alert 9")
    desk.service.release()


def test_print_again_makes_a_copy_with_the_same_number_while_the_document_is_kept(desk, printer):
    job = desk.submit_handout(PDF, None, "en", "en").jobs[0]
    desk.service.run_once()
    assert desk.spool.get(job.id).state == SENT
    copy = desk.reprint(job.id)
    assert copy.number == job.number and copy.id == f"{job.id}-2" and copy.state == QUEUED
    desk.service.run_once()
    assert [title for _, title in printer.sent] == ["1", "1"]


def test_a_printed_document_can_be_printed_again_for_the_reprint_grace_then_it_is_deleted(desk, printer):
    """Spec §6 (issue 17): a jammed or lost page can be printed again for a few minutes, then never."""
    job = desk.submit_handout(PDF, None, "en", "en").jobs[0]
    desk.service.run_once()
    printer.printed.add("held-1")
    desk.service.run_once()
    assert desk.spool.get(job.id).state == DONE and not desk.spool.pdf_path(job).exists()
    copy = desk.reprint(job.id)                       # within the grace (10 minutes by default)
    assert copy.number == job.number and desk.spool.pdf_path(copy).read_bytes() == PDF
    desk.spool._clock.advance(minutes=10)
    assert desk.spool.sweep_printed() == 1 and list(desk.spool.printed_dir.iterdir()) == []
    with pytest.raises(SpoolError, match="privacy"):
        desk.reprint(job.id)


def test_cancel_takes_the_job_back_from_the_printer_and_deletes_the_document(desk, printer):
    job = desk.submit_handout(PDF, None, "en", "en").jobs[0]
    desk.service.run_once()
    desk.cancel(job.id)
    assert printer.cancelled == ["held-1"]
    assert desk.spool.get(job.id).state == CANCELLED and not desk.spool.pdf_path(job).exists()


def test_a_cancel_during_the_send_wins_and_the_printer_is_told(desk, printer):
    job = desk.submit_handout(PDF, None, "en", "en").jobs[0]
    real_send = printer.send

    def send_while_staff_cancel(pdf, title):
        printer_job = real_send(pdf, title)
        desk.cancel(job.id)  # staff tap Cancel while `lp` is running
        return printer_job

    printer.send = send_while_staff_cancel
    desk.service.run_once()
    assert desk.spool.get(job.id).state == CANCELLED
    assert printer.cancelled == ["held-1"]


def test_delete_now_removes_document_and_record_and_a_late_update_does_not_bring_it_back(desk):
    job = desk.submit_handout(PDF, None, "en", "en").jobs[0]
    desk.delete(job.id)
    assert desk.jobs() == [] and list((desk.spool.jobs_dir).iterdir()) == []
    desk.spool.update(job, state=SENT, printer_job="late")  # the sender finishing a send it had begun
    assert desk.jobs() == []


def test_try_now_skips_the_back_off(config):
    class Refusing(HeldPrinter):
        def send(self, pdf, title):
            from kiosk.printing.printer import PrinterError

            raise PrinterError("out of paper")

    clock = Clock()
    desk = FrontDesk(config, Refusing(), clock=clock).open()
    job = desk.submit_handout(PDF, None, "en", "en").jobs[0]
    desk.service.run_once()
    assert desk.spool.get(job.id).state == FAILED and desk.spool.next_due() is None  # backing off
    desk.retry(job.id)
    assert desk.spool.next_due().id == job.id
    desk.service.release()


def test_purge_all_empties_the_spool(desk):
    desk.submit_handout(PDF, PDF, "en", "en")
    assert desk.purge(everything=True) == 2 and desk.jobs() == []


def test_the_sender_lock_is_freed_when_its_process_is_killed(tmp_path):
    path = tmp_path / "sender.lock"
    holder = subprocess.Popen(
        [sys.executable, "-c", f"from kiosk.printing.sender_lock import SenderLock; import time; "
                               f"assert SenderLock(__import__('pathlib').Path({str(path)!r})).acquire(); "
                               f"print('held', flush=True); time.sleep(60)"],
        stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "held"
    lock = SenderLock(path)
    assert not lock.acquire()
    holder.send_signal(signal.SIGKILL)
    holder.wait(10)
    deadline = time.monotonic() + 60   # the OS frees the lock at once; a busy machine may take longer
    while not lock.acquire() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert lock.held
    lock.release()


def test_a_folder_printer_prints_at_once_and_names_files_without_patient_data(config, tmp_path):
    folder = tmp_path / "desk"
    desk = FrontDesk(replace(config, printer=PrinterSpec("folder", str(folder)))).open()
    spooled = desk.submit_handout(PDF, PDF, "es", "en")
    while desk.service.run_once():
        pass
    assert sorted(path.name for path in folder.iterdir()) == sorted(f"{job.id}.pdf" for job in spooled.jobs)
    assert all(job.state == DONE for job in desk.jobs())
    desk.service.release()
