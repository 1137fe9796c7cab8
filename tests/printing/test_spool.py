"""The spool keeps every document on disk until a printer takes it, whatever happens in between."""

from __future__ import annotations

import json
import os
import stat
from datetime import datetime, timedelta

import pytest

from kiosk.printing.folder import FolderPrinter
from kiosk.printing.service import PrintService
from kiosk.printing.spool import DONE, FAILED, QUEUED, SENT, Spool, SpoolError
from tests.printing.clock import Clock

PDF = b"%PDF-1.4 a handout\n%%EOF"


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def spool(tmp_path, clock):
    return Spool(tmp_path / "spool", clock).open()


def test_the_spool_folder_is_private(spool):
    assert stat.S_IMODE(os.stat(spool.folder).st_mode) == 0o700


def test_numbers_count_up_and_start_again_each_day(spool, clock):
    assert [spool.next_number() for _ in range(3)] == [1, 2, 3]
    clock.advance(days=1)
    assert spool.next_number() == 1


def test_a_lost_counter_goes_on_from_the_jobs_on_disk(spool):
    for _ in range(4):
        spool.add("handout", PDF, spool.next_number())
    (spool.folder / "counter.json").write_text("{damaged")
    assert spool.next_number() == 5


def test_a_job_is_written_whole_with_metadata_that_holds_no_answers(spool):
    job = spool.add("handout", PDF, 17, "es")
    assert spool.pdf_path(job).read_bytes() == PDF
    meta = json.loads((spool.jobs_dir / f"{job.id}.json").read_text())
    assert meta["number"] == 17 and meta["state"] == QUEUED and meta["language"] == "es"
    assert set(meta) == {"id", "number", "kind", "language", "created", "state", "attempts", "next_try",
                         "reason", "printer_job"}
    assert not list(spool.jobs_dir.glob(".writing-*"))


def test_alert_slips_print_before_handouts(spool, clock):
    spool.add("handout", PDF, 1)
    clock.advance(seconds=5)
    spool.add("alert", PDF, 2)
    assert [job.kind for job in spool.waiting()] == ["alert", "handout"]


def test_a_failed_job_waits_with_back_off_then_is_due_again(spool, clock):
    job = spool.failed(spool.add("handout", PDF, 1), "the printer is off")
    assert job.state == FAILED and job.reason == "the printer is off" and spool.next_due() is None
    clock.advance(seconds=5)
    assert spool.next_due().id == job.id
    again = spool.failed(job, "still off")
    clock.advance(seconds=9)
    assert spool.next_due() is None and again.attempts == 2
    clock.advance(seconds=1)
    assert spool.next_due() is not None


def test_done_deletes_the_document_but_staff_still_see_the_job(spool):
    job = spool.update(spool.add("handout", PDF, 1), state=DONE)
    assert not spool.pdf_path(job).exists()
    assert [j.state for j in spool.jobs()] == [DONE]


def test_purge_removes_everything_older_than_the_retention(spool, clock):
    old = spool.add("handout", PDF, 1)
    clock.advance(hours=25)
    new = spool.add("handout", PDF, 2)
    assert spool.purge(timedelta(hours=24)) == 1
    assert [job.id for job in spool.jobs()] == [new.id]
    assert not spool.pdf_path(old).exists()


def test_recovery_after_a_crash_loses_nothing(spool, clock):
    queued = spool.add("handout", PDF, 1)
    mid_send = spool.update(spool.add("summary", PDF, 1), state=SENT)
    no_meta = spool.add("alert", PDF, 2)
    (spool.jobs_dir / f"{no_meta.id}.json").unlink()           # power cut between the PDF and its metadata
    (spool.jobs_dir / ".writing-abc").write_bytes(b"half")     # and a half-written file
    restarted = Spool(spool.folder, clock).open()
    waiting = restarted.recover()
    assert {job.id for job in waiting} == {queued.id, mid_send.id, no_meta.id}
    assert waiting[0].id == no_meta.id  # an alert slip, so first
    assert not list(restarted.jobs_dir.glob(".writing-*"))


def test_an_unwritable_spool_folder_is_a_clear_staff_error(tmp_path, clock):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(SpoolError, match="cannot be written.*spool_dir"):
        Spool(blocker / "spool", clock).open()


def test_service_prints_to_a_folder_and_empties_the_spool(spool, tmp_path):
    out = tmp_path / "front-desk"
    changes = []
    service = PrintService(spool, FolderPrinter(out), on_change=changes.append)
    job = service.submit("handout", PDF, spool.next_number(), "en")
    assert service.run_once()
    assert (out / f"{job.id}.pdf").read_bytes() == PDF
    assert not list(spool.jobs_dir.glob("*.pdf"))
    assert [change.state for change in changes] == [QUEUED, DONE]


def test_a_printer_that_fails_keeps_the_job_and_prints_it_when_back(spool, tmp_path, clock):
    out = tmp_path / "front-desk"
    out.write_text("a file where the folder should be: the 'printer' is unreachable")
    service = PrintService(spool, FolderPrinter(out))
    job = service.submit("handout", PDF, 1)
    service.run_once()
    waiting = spool.get(job.id)
    assert waiting.state == FAILED and "cannot write" in waiting.reason and spool.pdf_path(job).exists()
    out.unlink()
    clock.advance(seconds=5)
    assert service.run_once()
    assert spool.get(job.id).state == DONE and (out / f"{job.id}.pdf").exists()


def test_the_job_title_is_the_number_only(spool):
    class Recorder:
        name, titles = "recorder", []

        def send(self, pdf, title):
            self.titles.append(title)
            return "42"

        def is_done(self, printer_job):
            return True

    printer = Recorder()
    service = PrintService(spool, printer)
    job = service.submit("handout", PDF, 17)
    service.run_once()
    assert printer.titles == ["17"] and spool.get(job.id).state == SENT
    service.run_once()  # follows the printer's job to the end
    assert spool.get(job.id).state == DONE and not spool.pdf_path(job).exists()
