"""The spool keeps every document on disk until a printer takes it, whatever happens in between."""

from __future__ import annotations

import json
import os
import stat
from datetime import timedelta

import pytest

from kiosk.printing.folder import FolderPrinter
from kiosk.printing.service import PrintService
from kiosk.printing.spool import CANCELLED, DONE, FAILED, QUEUED, SENT, Spool, SpoolError
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
                         "reason", "printer_job", "finished_at"}
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


def test_a_finished_record_leaves_the_queue_folder_and_never_changes_again(spool):
    printed = spool.update(spool.add("handout", PDF, 1), state=DONE)
    cancelled = spool.cancel(spool.add("handout", PDF, 2))
    waiting = spool.add("handout", PDF, 3)
    assert sorted(path.name for path in spool.jobs_dir.iterdir()) == [f"{waiting.id}.json", f"{waiting.id}.pdf"]
    assert sorted(path.name for path in spool.finished_dir.iterdir()) == [f"{printed.id}.json",
                                                                         f"{cancelled.id}.json"]
    assert [job.id for job in spool.active()] == [waiting.id]
    assert {job.id: job.state for job in spool.jobs()} == {printed.id: DONE, cancelled.id: CANCELLED,
                                                           waiting.id: QUEUED}
    assert spool.update(printed, state=QUEUED, reason="late news") == printed   # a printed job stays printed
    assert spool.cancel(printed).state == DONE and spool.retry(cancelled).state == CANCELLED


def test_the_senders_scan_does_not_read_the_days_finished_records(spool, monkeypatch):
    """The sender asks every second; reading a whole day's records each time took the GUI thread's GIL."""
    for number in range(1, 41):
        spool.update(spool.add("handout", PDF, number), state=DONE)
    waiting = spool.add("alert", PDF, 41)
    reads = []
    original = Spool._read_file
    monkeypatch.setattr(Spool, "_read_file", staticmethod(lambda path: reads.append(path) or original(path)))
    assert [job.id for job in spool.active()] == [waiting.id] and len(reads) == 1
    reads.clear()
    assert len(spool.jobs()) == 41 and len(reads) == 41   # the first look at the day reads each record once
    reads.clear()
    assert len(spool.jobs()) == 41 and len(reads) == 1    # then only what may still change


def test_a_finished_record_rewritten_or_deleted_by_another_process_is_seen(spool, clock):
    job = spool.update(spool.add("handout", PDF, 1), state=DONE)
    assert spool.jobs()[0].reason == ""
    other = Spool(spool.folder, clock).open()   # e.g. `kiosk queue purge` in another process
    other.delete(job)
    clock.advance(seconds=1)
    again = other.update(other.add("handout", PDF, 1), state=DONE, reason="printed twice")  # the same id again
    assert again.id == job.id and [j.reason for j in spool.jobs()] == ["printed twice"]
    other.delete(again)
    assert spool.jobs() == []


def test_a_crash_while_a_record_moves_to_finished_prints_nothing_twice(spool, clock):
    job = spool.update(spool.add("handout", PDF, 1), state=SENT, printer_job="7")
    stale = (spool.jobs_dir / f"{job.id}.json").read_bytes()
    spool.update(job, state=DONE)
    (spool.jobs_dir / f"{job.id}.json").write_bytes(stale)      # power cut before the queue's copy went
    assert [(j.id, j.state) for j in spool.jobs()] == [(job.id, DONE)]
    assert spool.active() == []
    restarted = Spool(spool.folder, clock).open()
    assert restarted.recover() == [] and restarted.active() == []
    assert not (spool.jobs_dir / f"{job.id}.json").exists()


def test_recovery_moves_finished_records_of_an_older_spool(spool, clock):
    job = spool.add("handout", PDF, 1)
    (spool.jobs_dir / f"{job.id}.json").write_text(json.dumps({**json.loads(
        (spool.jobs_dir / f"{job.id}.json").read_text()), "state": DONE}))   # the layout before finished/
    spool.pdf_path(job).unlink()
    restarted = Spool(spool.folder, clock).open()
    assert restarted.recover() == []
    assert list(spool.jobs_dir.iterdir()) == [] and [j.state for j in restarted.jobs()] == [DONE]


def test_purge_removes_finished_jobs_older_than_the_retention(spool, clock):
    """Spec §6 (issue 16): the retention time applies to printed jobs' records only."""
    old = spool.update(spool.add("handout", PDF, 1), state=DONE)
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
