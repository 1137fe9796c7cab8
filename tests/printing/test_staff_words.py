"""What staff and IT are told about printing (issue 17 items 9 and 10, issue 16 item 9): the reprint grace, a
waiting job's state and next try in `kiosk queue list`, the real reason a print folder cannot be written, and a
warning when CUPS keeps printed documents in its own spool."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from kiosk.config import load_config
from kiosk.printing import spool_time
from kiosk.printing.cups import CupsPrinter, keeps_printed_documents
from kiosk.printing.desk import FrontDesk
from kiosk.printing.folder import FolderPrinter
from kiosk.printing.job_words import state_words
from kiosk.printing.printer import PrinterStatus
from kiosk.printing.spool import DONE, FAILED, Job
from tests.printing.clock import Clock
from tests.printing.faults import ROOT, bind_read_only, unmount

PDF = b"%PDF-1.4 a handout\n%%EOF"


class Printed:
    name = "printed at once"

    def send(self, pdf, title):
        return ""

    def is_done(self, printer_job):
        return True

    def cancel(self, printer_job):
        pass

    def status(self):
        return PrinterStatus(True, "ready")


# --- the reprint grace (issue 17 item 9) ----------------------------------------------------------------------


@pytest.mark.parametrize("text,problem", [("reprint_grace_minutes: 61\n", "must be from 0 to 60"),
                                          ("reprint_grace_minutes: -1\n", "must be from 0 to 60"),
                                          ('reprint_grace_minutes: "ten"\n', "should be")])
def test_the_reprint_grace_is_checked_by_the_config_loader(tmp_path, text, problem):
    path = tmp_path / "config.yaml"
    path.write_text(text)
    config, problems = load_config(path)
    assert len(problems) == 1 and problem in problems[0].message and "reprint_grace_minutes" in str(problems[0])


def test_the_reprint_grace_is_10_minutes_by_default_and_configurable(tmp_path):
    path = tmp_path / "config.yaml"
    path.write_text("reprint_grace_minutes: 30\n")
    assert load_config(path)[0].reprint_grace_minutes == 30
    assert load_config(None)[0].reprint_grace_minutes == 10


def test_a_printed_document_is_kept_for_the_grace_staff_are_told_until_when_then_it_is_deleted(config):
    clock = Clock()
    desk = FrontDesk(config, Printed(), clock=clock).open()
    job = desk.submit("handout", PDF, number=7)
    desk.service.run_once()
    listed = desk.jobs()[0]
    until = (spool_time.utc(clock.now) + timedelta(minutes=10)).astimezone()
    assert listed.state == DONE and state_words(listed) == f"Printed; Print again possible until {until:%H:%M}"
    assert (desk.spool.printed_dir / f"{job.id}.pdf").read_bytes() == PDF and not desk.spool.pdf_path(job).exists()
    clock.advance(minutes=9, seconds=59)
    desk.service._sweep_due = 0
    desk.service.run_once()
    assert (desk.spool.printed_dir / f"{job.id}.pdf").exists()
    clock.advance(seconds=1)
    desk.service._sweep_due = 0
    desk.service.run_once()                          # the sender's sweep deletes it once the grace is over
    assert list(desk.spool.printed_dir.iterdir()) == []
    assert state_words(desk.jobs()[0]) == "Printed (document deleted)"
    desk.service.release()


def test_a_grace_of_zero_deletes_the_document_as_it_prints(config):
    from dataclasses import replace

    desk = FrontDesk(replace(config, reprint_grace_minutes=0), Printed(), clock=Clock()).open()
    desk.submit("handout", PDF, number=7)
    desk.service.run_once()
    assert list(desk.spool.printed_dir.iterdir()) == [] and list(desk.spool.jobs_dir.iterdir()) == []
    desk.service.release()


def test_a_clock_set_back_does_not_keep_a_printed_document_longer(config):
    clock = Clock()
    desk = FrontDesk(config, Printed(), clock=clock).open()
    desk.submit("handout", PDF, number=7)
    desk.service.run_once()
    clock.advance(hours=-3)
    assert desk.spool.sweep_printed() == 1


# --- kiosk queue list and kiosk printers (issue 17 item 10) --------------------------------------------------


def test_a_waiting_job_is_shown_as_staff_see_it_with_its_next_try():
    job = Job("20261123-0001-handout", 1, "handout", "en", "2026-11-23T09:00:00+00:00", state=FAILED,
              attempts=2, next_try="2026-11-23T09:00:10+00:00", reason="the printer is off")
    local = datetime.fromisoformat("2026-11-23T09:00:10+00:00").astimezone()
    assert state_words(job) == f"Not printed yet: the printer is off. 2 failed tries; next try {local:%H:%M:%S}."


def test_kiosk_queue_list_shows_the_state_staff_see_and_the_next_try(tmp_path):
    config = tmp_path / "config.yaml"
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the print folder should be")
    config.write_text(f'printer: "folder:{blocked}"\nspool_dir: "spool"\n')
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    env.pop("KIOSK_CONFIG", None)

    def kiosk(*args):
        return subprocess.run([sys.executable, "-m", "kiosk", *args, "--config", str(config)], env=env,
                              capture_output=True, text=True, timeout=120, cwd=ROOT)

    (tmp_path / "letter.pdf").write_bytes(PDF)
    assert kiosk("print", str(tmp_path / "letter.pdf")).returncode == 0
    listed = kiosk("queue", "list").stdout
    assert "Not printed yet: cannot write to the folder" in listed and "1 failed try; next try " in listed
    printers = kiosk("printers").stdout
    assert "the print folder is a file, not a folder" in printers and "permissions" not in printers


def test_the_print_folder_status_says_the_real_reason(tmp_path):
    folder = tmp_path / "front-desk"
    folder.mkdir()
    assert FolderPrinter(folder).status().ready
    bind_read_only(folder)
    try:
        status = FolderPrinter(folder).status()
        assert not status.ready and "Read-only file system" in status.words and "permissions" not in status.words
    finally:
        unmount(folder)


# --- CUPS keeping printed documents (issue 16 item 9) --------------------------------------------------------


def cups_settings(tmp_path: Path, text: str) -> dict:
    root = tmp_path / "cups-etc"
    root.mkdir(exist_ok=True)
    (root / "cupsd.conf").write_text(text)
    return {"CUPS_SERVERROOT": str(root)}


def test_cups_at_its_defaults_keeps_printed_documents_and_staff_and_it_are_warned(cups, tmp_path, monkeypatch):
    defaults = cups_settings(tmp_path, "LogLevel warn\nListen localhost:631\n")
    assert "PreserveJobFiles" in keeps_printed_documents(defaults)
    assert keeps_printed_documents(cups_settings(tmp_path, "PreserveJobFiles No\n")) == ""
    assert "PreserveJobFiles 3600" in keeps_printed_documents(cups_settings(tmp_path, "PreserveJobFiles 3600\n"))
    assert keeps_printed_documents({"CUPS_SERVER": "printserver.clinic.lan"}) == ""   # not this machine's
    queue, _ = cups.add_queue()
    assert "Warning" not in CupsPrinter(queue).status().words       # the tests' CUPS keeps nothing
    monkeypatch.setenv("CUPS_SERVERROOT", str(tmp_path / "cups-etc"))
    cups_settings(tmp_path, "LogLevel warn\n")
    status = CupsPrinter(queue).status()
    assert status.ready and "Warning: CUPS keeps printed documents" in status.words   # the staff panel's line
    config = tmp_path / "config.yaml"
    config.write_text(f'printer: "cups:{queue}"\n')
    env = {**cups.env, "CUPS_SERVERROOT": str(tmp_path / "cups-etc"), "PYTHONPATH": str(ROOT),
           "QT_QPA_PLATFORM": "offscreen"}
    printers = subprocess.run([sys.executable, "-m", "kiosk", "printers", "--config", str(config)], env=env,
                              capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert "Warning: CUPS keeps printed documents in its own spool" in printers.stdout


def test_the_staff_panel_offers_print_again_while_a_printed_document_is_kept():
    from kiosk.ui.screens.print_queue import actions_for

    kept = Job("20261123-0001-handout", 1, "handout", "en", "2026-11-23T09:00:00+00:00", state=DONE,
               reason="Print again possible until 09:10")
    assert actions_for(kept) == (("reprint", "Print again"),)
    gone = Job("20261123-0002-handout", 2, "handout", "en", "2026-11-23T09:00:00+00:00", state=DONE)
    assert actions_for(gone) == () and state_words(gone) == "Printed (document deleted)"


def test_purge_all_also_empties_the_quarantine(config):
    """Retiring a kiosk deletes every job and every file set aside (one may be a document)."""
    desk = FrontDesk(config, Printed(), clock=Clock()).open()
    desk.submit("handout", PDF, number=1)
    (desk.spool.jobs_dir / "garbage.pdf").write_bytes(PDF)
    assert len(desk.notices()) == 0 and len(desk.jobs()) == 1 and len(desk.notices()) == 1
    assert desk.purge(everything=True) == 1
    assert desk.jobs() == [] and desk.notices() == [] and list(desk.spool.quarantine_dir.iterdir()) == []


def test_a_job_is_shown_with_its_language_by_the_languages_own_name_from_content():
    """No language list in the kiosk: a language content adds is named as content names it (issue 19)."""
    from kiosk.ui.screens.print_queue import job_line

    job = Job("20261123-0003-handout", 3, "handout", "vi", "2026-11-23T09:00:00+00:00", state=DONE)
    assert "Tiếng Việt" in job_line(job, {"en": "English", "vi": "Tiếng Việt"})
    assert "VI" in job_line(job, {"en": "English"})   # a job from content since changed: its code, never nothing
