"""`kiosk printers`, `kiosk print`, `kiosk queue`, run as IT runs them, against the private CUPS."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from kiosk.printing.sender_lock import SenderLock
from tests.printing.cups_server import printed_text


@pytest.fixture
def site(tmp_path, cups):
    """A config file naming a fresh CUPS queue and a private spool."""
    queue, output = cups.add_queue()
    config = tmp_path / "config.yaml"
    config.write_text(f'printer: "cups:{queue}"\nspool_dir: "spool"\n')
    return config, queue, output, tmp_path / "spool"


@pytest.fixture
def letter(tmp_path):
    from reportlab.pdfgen.canvas import Canvas

    path = tmp_path / "letter.pdf"
    canvas = Canvas(str(path))
    canvas.drawString(72, 720, "A letter for the front desk")
    canvas.save()
    return path


def kiosk(*args, env=None):
    environment = {**(env or os.environ), "QT_QPA_PLATFORM": "offscreen"}
    environment.pop("KIOSK_CONFIG", None)
    return subprocess.run([sys.executable, "-m", "kiosk", *args], capture_output=True, text=True,
                          env=environment, timeout=120)


def test_print_sends_a_pdf_through_the_spool_to_cups(site, letter, cups):
    config, queue, output, spool = site
    result = kiosk("print", str(letter), "--config", str(config), env=cups.env)
    assert result.returncode == 0, result.stderr
    assert f": printed (cups:{queue})." in result.stdout  # it waited until CUPS had printed it
    assert "A letter for the front desk" in printed_text(output)
    assert list((spool / "jobs").glob("*.pdf")) == []


def test_print_exits_0_when_cups_is_down_and_queue_retry_prints_it_later(site, letter, cups):
    config, queue, output, spool = site
    cups.stop()
    result = kiosk("print", str(letter), "--config", str(config), env=cups.env)
    assert result.returncode == 0, result.stderr
    assert "not printed yet: CUPS (the print system) is not running" in result.stdout
    assert len(list((spool / "jobs").glob("*.pdf"))) == 1  # it waits, safe
    listed = kiosk("queue", "list", "--config", str(config), env=cups.env)
    assert "failed" in listed.stdout and "not running" in listed.stdout
    cups.start()
    retried = kiosk("queue", "retry", "--config", str(config), env=cups.env)
    assert retried.returncode == 0 and "1 job(s) to send again" in retried.stdout
    assert "A letter for the front desk" in printed_text(output)


def test_print_to_another_printer_given_on_the_command_line(site, letter, tmp_path):
    config, *_ = site
    folder = tmp_path / "desk-folder"
    result = kiosk("print", str(letter), "--config", str(config), "--printer", f"folder:{folder}")
    assert result.returncode == 0 and "printed" in result.stdout
    assert [path.suffix for path in folder.iterdir()] == [".pdf"]


def test_print_refuses_what_is_not_a_pdf_and_a_bad_printer(site, tmp_path, letter):
    config, *_ = site
    text = tmp_path / "notes.txt"
    text.write_text("hello")
    refused = kiosk("print", str(text), "--config", str(config))
    assert refused.returncode == 2 and "is not a PDF file" in refused.stderr
    bad = kiosk("print", str(letter), "--config", str(config), "--printer", "laser:Desk")
    assert bad.returncode == 2 and "does not start with a printer kind" in bad.stderr


def test_print_with_a_spool_that_cannot_be_written_says_so(tmp_path, letter):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    config = tmp_path / "config.yaml"
    config.write_text(f'printer: "folder"\nspool_dir: "{blocker}/spool"\n')
    result = kiosk("print", str(letter), "--config", str(config))
    assert result.returncode == 2
    assert "The print spool folder" in result.stderr and "spool_dir" in result.stderr


def test_printers_lists_the_cups_queues_and_the_configured_printers_state(site, cups):
    config, queue, *_ = site
    result = kiosk("printers", "--config", str(config), env=cups.env)
    assert result.returncode == 0, result.stderr
    assert f"Configured printer: cups:{queue}: ready" in result.stdout
    assert queue in result.stdout.split("CUPS queues:")[1].splitlines()[0]


def test_queue_purge_all_waits_for_a_running_kiosk_to_stop(site, letter, cups):
    config, queue, output, spool = site
    cups.run("cupsreject", queue, check=True)
    kiosk("print", str(letter), "--config", str(config), env=cups.env)
    lock = SenderLock(spool / "sender.lock")
    assert lock.acquire()  # as a running kiosk holds it
    try:
        refused = kiosk("queue", "purge", "--all", "--config", str(config), env=cups.env)
        assert refused.returncode == 1 and "stop it first" in refused.stderr
    finally:
        lock.release()
    purged = kiosk("queue", "purge", "--all", "--config", str(config), env=cups.env)
    assert purged.returncode == 0 and "Deleted 1 job(s)" in purged.stdout
    assert list((spool / "jobs").iterdir()) == []
