"""The spool's promise under attack (issue 16): nothing lost, nothing printed twice.

Each test reproduces one of the issue's numbered faults for real: parallel processes, a real small tmpfs that
fills, a folder turned read-only by a bind mount, damaged records, time zones changed in a child process, a
clock set back across midnight, and a sender killed (SIGKILL) at every step of a send against the private
CUPS, whose test backend writes each printed job to its own file, so copies are counted exactly."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from kiosk.config import PrinterSpec
from kiosk.printing.cups import CupsPrinter
from kiosk.printing.desk import FrontDesk
from kiosk.printing.spool import DONE, FAILED, SENDING, Spool, SpoolError
from tests.printing.clock import Clock
from tests.printing.cups_server import printed_jobs
from tests.printing.faults import (ROOT, bind_read_only, fill, mount_tmpfs, printed_tags, python, tagged_pdf,
                                   unmount, wait_for)

OBSERVE_SECONDS = 5  # how long a fault is left in place while the kiosk's sender runs (the issue saw 40 copies in 45 s)


def cups_desk(config, queue: str, spool_dir: Path | None = None, **kwargs) -> FrontDesk:
    return FrontDesk(replace(config, spool_dir=spool_dir or config.spool_dir, printer=PrinterSpec("cups", queue)),
                     **kwargs).open()


def run_until_done(desk: FrontDesk, seconds: float = 120) -> None:
    """Drives the sender by hand until every job has printed (or was set aside)."""
    def finished():
        desk.service.run_once()
        return all(job.state == DONE for job in desk.jobs())
    wait_for(finished, f"every job printed: {[(j.id, j.state, j.reason) for j in desk.jobs()]}", seconds, 0.05)


def kiosk_env(cups) -> dict:
    env = {**cups.env, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    env.pop("KIOSK_CONFIG", None)
    return env


def site_config(tmp_path: Path, queue: str) -> Path:
    config = tmp_path / "config.yaml"
    config.write_text(f'printer: "cups:{queue}"\nspool_dir: "spool"\n')
    return config


# --- 2. concurrent writers ------------------------------------------------------------------------------


def test_ten_parallel_kiosk_prints_ten_times_print_every_document_exactly_once(cups, config, tmp_path):
    """Issue 16 item 2: 26 documents answered "Queued as job ..." and never printed; 18 ids given twice."""
    queue, output = cups.add_queue()
    config_file = site_config(tmp_path, queue)
    env = kiosk_env(cups)
    tags, ids = [], []
    for round_ in range(10):
        started = []
        for index in range(10):
            tag = f"r{round_}d{index}"
            pdf = tmp_path / f"{tag}.pdf"
            pdf.write_bytes(tagged_pdf(tag))
            tags.append(tag)
            started.append(subprocess.Popen([sys.executable, "-m", "kiosk", "print", str(pdf), "--config",
                                             str(config_file)], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                            text=True, cwd=ROOT))
        for process in started:
            out, err = process.communicate(timeout=300)
            assert process.returncode == 0 and "Traceback" not in err, err
            ids.append(re.search(r"Queued as job (\S+) in", out).group(1))
    assert len(set(ids)) == len(ids) == 100          # no id given twice
    wait_for(lambda: len(printed_jobs(output)) >= 100, "100 documents printed")
    last = subprocess.run([sys.executable, "-m", "kiosk", "queue", "retry", "--config", str(config_file)], env=env,
                          capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert last.returncode == 0 and "Traceback" not in last.stderr
    assert printed_tags(output) == Counter({tag: 1 for tag in tags})   # every document exactly once
    desk = cups_desk(config, queue)      # the same spool as the config file's
    run_until_done(desk)
    assert sorted(job.id for job in desk.jobs()) == sorted(ids)
    desk.service.release()


TWO_KIOSKS = """
import json, sys
from pathlib import Path
from kiosk.config import PrinterSpec, SiteConfig
from kiosk.printing.desk import FrontDesk
from tests.printing.faults import tagged_pdf
name, spool, queue = sys.argv[1:4]
desk = FrontDesk(SiteConfig(spool_dir=Path(spool), printer=PrinterSpec("cups", queue)), poll_seconds=0.1).open()
desk.start()
numbers = [desk.submit_handout(tagged_pdf(f"{name}h{i}"), tagged_pdf(f"{name}s{i}"), "en", "en").number
           for i in range(20)]
desk.stop()
print(json.dumps(numbers))
"""


def test_two_kiosks_on_one_spool_never_give_a_number_twice_and_lose_nothing(cups, config, tmp_path):
    """Issue 16 item 2: two kiosks on one spool told 12 handout numbers to two patients and lost 8 documents."""
    queue, output = cups.add_queue()
    env = kiosk_env(cups)
    kiosks = [subprocess.Popen([sys.executable, "-c", TWO_KIOSKS, name, str(config.spool_dir), queue], env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
              for name in ("A", "B")]
    numbers = []
    for kiosk in kiosks:
        out, err = kiosk.communicate(timeout=300)
        assert kiosk.returncode == 0 and "Traceback" not in err, err
        numbers += json.loads(out)
    assert sorted(numbers) == list(range(1, 41))     # 40 patients, 40 numbers
    desk = cups_desk(config, queue)
    run_until_done(desk)
    wait_for(lambda: len(printed_jobs(output)) >= 80, "80 documents printed")
    expected = {f"{name}{kind}{i}" for name in "AB" for kind in "hs" for i in range(20)}
    assert printed_tags(output) == Counter({tag: 1 for tag in expected})
    desk.service.release()


WRITER_MID_WRITE = """
import os, sys, time
from pathlib import Path
from kiosk.printing.spool import Spool
spool = Spool(Path(sys.argv[1])).open()
with spool._lock.held():                       # as Spool.add holds it while it writes
    temp = spool.jobs_dir / ".writing-in-progress"
    temp.write_bytes(b"%PDF half")
    print("writing", flush=True)
    time.sleep(1.5)
    os.replace(temp, spool.jobs_dir / "20261123-0001-document.pdf")
"""


def test_a_starting_sender_never_deletes_another_writers_file_in_progress(config):
    """Issue 16 item 2: recover() deleted other processes' .writing-* files (their documents were lost)."""
    spool = Spool(config.spool_dir).open()
    writer = subprocess.Popen([sys.executable, "-c", WRITER_MID_WRITE, str(config.spool_dir)],
                              stdout=subprocess.PIPE, text=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert writer.stdout.readline().strip() == "writing"
    waiting = spool.recover()            # waits for the writer's lock, then finds its finished document
    assert writer.wait(60) == 0
    assert [job.id for job in waiting] == ["20261123-0001-document"]
    assert spool.pdf_path(waiting[0]).read_bytes() == b"%PDF half"


def test_processes_opening_the_spool_at_once_do_not_share_a_probe_file(config):
    """Issue 16 item 2: every writer used jobs/.probe; one deleted it under another ("cannot be written")."""
    Spool(config.spool_dir).open()
    failures = []

    def open_many():
        for _ in range(200):
            try:
                Spool(config.spool_dir).open()
            except SpoolError as error:
                failures.append(str(error))

    threads = [threading.Thread(target=open_many) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    assert not [path for path in (config.spool_dir / "jobs").iterdir() if path.name.startswith(".probe")]


def test_an_existing_spool_folder_keeps_its_mode(config, tmp_path):
    """Issue 16 item 9: pointing spool_dir at an existing folder changed its mode (any command did)."""
    shared = tmp_path / "clinic-data"
    shared.mkdir()
    os.chmod(shared, 0o750)
    Spool(shared).open()
    assert os.stat(shared).st_mode & 0o777 == 0o750
    assert os.stat(shared / "jobs").st_mode & 0o777 == 0o700   # what the kiosk makes is private


# --- 1. a full or read-only spool disk while jobs wait ---------------------------------------------------


class Fault:
    """A fault that can be put in place and taken away: the spool's tmpfs filled to the last byte, or its
    jobs/ folder turned read-only."""

    def __init__(self, kind: str, disk: Path):
        self.kind, self.disk, self.filler = kind, disk, None

    def start(self) -> None:
        if self.kind == "full":
            self.filler = fill(self.disk)
        else:
            bind_read_only(self.disk / "spool" / "jobs")

    def end(self) -> None:
        if self.kind == "full":
            self.filler.unlink()
        else:
            unmount(self.disk / "spool" / "jobs")


@pytest.fixture
def small_disk(tmp_path):
    disk = tmp_path / "disk"
    mount_tmpfs(disk, "4m")
    yield disk
    unmount(disk / "spool" / "jobs")
    unmount(disk)


@pytest.mark.parametrize("kind", ["full", "read-only"])
def test_a_spool_disk_that_fails_while_jobs_wait_prints_nothing_twice_and_loses_nothing(cups, config, small_disk,
                                                                                          kind):
    """Issue 16 item 1: with the kiosk running, a full disk printed one document 40 times in 45 s (26 in 30 s
    with jobs/ read-only). Here the fault comes while six jobs wait, the kiosk's sender runs through it, and
    the room comes back."""
    queue, output = cups.add_queue()
    desk = cups_desk(config, queue, small_disk / "spool", poll_seconds=0.1)
    tags = [f"wait{index}" for index in range(6)]
    for tag in tags:
        desk.submit("document", tagged_pdf(tag))
    fault = Fault(kind, small_disk)
    fault.start()
    desk.start()
    time.sleep(OBSERVE_SECONDS)
    assert printed_tags(output) == Counter() and cups.pending(queue) == []   # nothing handed over unrecorded
    fault.end()
    wait_for(lambda: all(job.state == DONE for job in desk.jobs()), "every job printed once the disk is back")
    desk.stop()
    wait_for(lambda: len(printed_jobs(output)) >= len(tags), "the printer's copies")
    assert printed_tags(output) == Counter({tag: 1 for tag in tags})


class FaultAfterHandover:
    """The real CUPS printer, with the fault arriving just after CUPS took the job: the window in which the
    record of the handover cannot be written (the issue's exact attack)."""

    def __init__(self, queue: str, fault: Fault):
        self.cups, self.fault, self.sends = CupsPrinter(queue), fault, 0
        self.name = self.cups.name

    def send(self, pdf, title):
        printer_job = self.cups.send(pdf, title)
        self.sends += 1
        if self.sends == 1:
            self.fault.start()
        return printer_job

    def __getattr__(self, name):
        return getattr(self.cups, name)


@pytest.mark.parametrize("kind", ["full", "read-only"])
def test_a_disk_that_fails_just_after_the_printer_took_the_job_never_sends_it_again(cups, config, small_disk,
                                                                                     kind):
    queue, output = cups.add_queue()
    fault = Fault(kind, small_disk)
    printer = FaultAfterHandover(queue, fault)
    desk = FrontDesk(replace(config, spool_dir=small_disk / "spool"), printer, poll_seconds=0.1).open()
    job = desk.submit("document", tagged_pdf("window"))
    desk.start()
    wait_for(lambda: printer.sends == 1, "the first send")
    time.sleep(OBSERVE_SECONDS)
    assert printer.sends == 1 and len(cups.pending(queue)) == 1   # at CUPS once, held until recorded
    assert printed_jobs(output) == []
    fault.end()
    wait_for(lambda: desk.spool.get(job.id).state == DONE, "printed once the record can be written")
    desk.stop()
    wait_for(lambda: printed_jobs(output), "the printer's copy")
    assert printer.sends == 1 and printed_tags(output) == Counter({"window": 1})


def test_a_handout_cannot_be_spooled_on_a_full_disk_and_the_staff_are_told(config, small_disk):
    desk = FrontDesk(replace(config, spool_dir=small_disk / "spool")).open()
    fill(small_disk)
    with pytest.raises(OSError):
        desk.submit_handout(tagged_pdf("too late"), None, "en", "en")
    assert [path.name for path in desk.spool.jobs_dir.iterdir()] == []   # no document without its record


def test_kiosk_print_and_queue_retry_on_a_full_spool_disk_say_so_without_a_traceback(cups, small_disk):
    queue, _ = cups.add_queue()
    config_file = site_config(small_disk, queue)
    spool = Spool(small_disk / "spool").open()
    waiting = spool.failed(spool.add("document", tagged_pdf("waiting"), 0), "the printer is off")
    letter = small_disk.parent / "letter.pdf"
    letter.write_bytes(tagged_pdf("letter"))
    fill(small_disk)

    def kiosk(*args):
        return subprocess.run([sys.executable, "-m", "kiosk", *args, "--config", str(config_file)],
                              env=kiosk_env(cups), capture_output=True, text=True, timeout=300, cwd=ROOT)

    printed = kiosk("print", str(letter))
    assert printed.returncode == 2 and "Traceback" not in printed.stderr
    assert "could not take letter.pdf (No space left on device): it was not queued" in printed.stderr
    retried = kiosk("queue", "retry")
    assert retried.returncode == 2 and "Traceback" not in retried.stderr and "No space left" in retried.stderr
    assert spool.get(waiting.id).state == FAILED and spool.pdf_path(waiting).exists()   # it waits, safe


# --- 3. malformed records ----------------------------------------------------------------------------------


def test_malformed_records_are_set_aside_shown_to_staff_and_the_rest_print(cups, config, tmp_path):
    """Issue 16 item 3: `"created": 12345`, a stray jobs/garbage.pdf, a record whose id is not its name, an
    unknown state: tracebacks in `kiosk queue list/retry`, no sender, the next patient's handout lost."""
    queue, output = cups.add_queue()
    config_file = site_config(tmp_path, queue)
    spool = Spool(config.spool_dir).open()
    good = [spool.add("document", tagged_pdf(f"good{index}"), 0) for index in range(2)]
    bad = [spool.add("handout", tagged_pdf(f"bad{index}"), index + 1) for index in range(3)]

    def damage(job, **changes):
        path = spool.jobs_dir / f"{job.id}.json"
        path.write_text(json.dumps({**json.loads(path.read_text()), **changes}))

    damage(bad[0], created=12345)
    damage(bad[1], id=good[0].id)
    damage(bad[2], state="printing")
    (spool.jobs_dir / "garbage.pdf").write_bytes(b"not a job")
    env = kiosk_env(cups)

    def kiosk(*args):
        result = subprocess.run([sys.executable, "-m", "kiosk", *args, "--config", str(config_file)], env=env,
                                capture_output=True, text=True, timeout=300, cwd=ROOT)
        assert result.returncode == 0 and "Traceback" not in result.stderr + result.stdout, result.stderr
        return result.stdout

    listed = kiosk("queue", "list")
    for job in good:
        assert job.id in listed
    warnings = [line for line in listed.splitlines() if line.startswith("Warning: Set aside")]
    assert len(warnings) == 4 and any("'created' is not text" in line for line in warnings)
    assert any("garbage.pdf" in line for line in warnings) and any("unknown state" in line for line in warnings)
    assert any("is not its file's name" in line for line in warnings)
    kiosk("queue", "retry")
    desk = cups_desk(config, queue)      # the same spool as the config file's
    spooled = desk.submit_handout(tagged_pdf("next patient"), None, "en", "en")   # the next patient's handout
    assert spooled.number == 4
    run_until_done(desk)
    # Every document with a usable name prints (a bad record's document gets a record from its name).
    expected = {"good0", "good1", "bad0", "bad1", "bad2", "next patient"}
    wait_for(lambda: len(printed_jobs(output)) >= len(expected), "every document printed")
    assert printed_tags(output) == Counter({tag: 1 for tag in expected})
    assert len(desk.notices()) == 4                                      # staff see what was set aside
    desk.service.release()


# --- 4. retention, time zones and clocks -------------------------------------------------------------------


def test_retention_never_deletes_a_document_that_has_not_printed(config):
    """Issue 16 item 4: a job waiting for a printer that is off longer than spool_retention_hours was purged."""
    clock = Clock()
    desk = FrontDesk(config, clock=clock).open()
    waiting = desk.spool.failed(desk.submit("handout", b"%PDF waiting", number=1), "the printer is off")
    printed = desk.spool.update(desk.submit("handout", b"%PDF printed", number=2), state=DONE)
    clock.advance(hours=config.spool_retention_hours + 1)
    reopened = FrontDesk(config, clock=clock).open()                     # every command opens (and purges)
    assert [job.id for job in reopened.jobs()] == [waiting.id]
    assert reopened.spool.pdf_path(waiting).read_bytes() == b"%PDF waiting"
    assert reopened.purge() == 0 and printed.id not in {job.id for job in reopened.jobs()}


def test_kiosk_queue_list_never_purges_a_waiting_job_however_old(cups, tmp_path):
    queue, _ = cups.add_queue()
    config = site_config(tmp_path, queue)
    spool = Spool(tmp_path / "spool").open()
    job = spool.failed(spool.add("document", b"%PDF old", 0), "the printer is off")
    record = spool.jobs_dir / f"{job.id}.json"
    record.write_text(json.dumps({**json.loads(record.read_text()), "created": "2020-01-01T00:00:00+00:00"}))
    result = subprocess.run([sys.executable, "-m", "kiosk", "queue", "list", "--config", str(config)],
                            env=kiosk_env(cups), capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert result.returncode == 0 and job.id in result.stdout
    assert spool.pdf_path(job).read_bytes() == b"%PDF old"


TZ_STEP = """
import json, sys
from datetime import datetime, timedelta
from pathlib import Path
from kiosk.printing.desk import FrontDesk
from kiosk.config import SiteConfig
step, spool_dir, offset = sys.argv[1], Path(sys.argv[2]), float(sys.argv[3])
clock = lambda: datetime.now() + timedelta(seconds=offset)
desk = FrontDesk(SiteConfig(spool_dir=spool_dir), clock=clock).open()   # opening purges, as every command does
if step == "spool":
    waiting = desk.spool.failed(desk.submit("handout", b"%PDF waiting", number=1), "the printer is off")
    desk.spool.update(desk.submit("handout", b"%PDF printed", number=2), state="done")
jobs = desk.jobs()
print(json.dumps({"ids": sorted(job.id for job in jobs), "due": desk.spool.next_due() is not None}))
"""


def test_a_time_zone_change_alone_changes_nothing(tmp_path):
    """Issue 16 item 4: naive local times made a time-zone change purge waiting jobs and move back-offs by a
    day. Spooled at UTC-12, then read at UTC+14 (26 hours apart on the wall clock)."""
    spool = tmp_path / "spool"

    def step(name, zone, offset):
        result = python(TZ_STEP, name, str(spool), str(offset), env={**os.environ, "TZ": zone})
        assert result.returncode == 0, result.stderr
        return json.loads(result.stdout)

    spooled = step("spool", "Etc/GMT+12", 0)
    assert len(spooled["ids"]) == 2 and not spooled["due"]
    assert step("look", "Etc/GMT-14", 0) == {"ids": spooled["ids"], "due": False}  # still backing off
    assert step("look", "Etc/GMT-14", 6) == {"ids": spooled["ids"], "due": True}   # 5 s later, due
    assert step("look", "Etc/GMT+12", 6)["due"] is True


def test_a_clock_set_back_across_midnight_never_gives_a_number_twice(config):
    """Issue 16 item 4: a clock stepped back across midnight handed out that day's numbers again."""
    clock = Clock(datetime(2026, 11, 23, 23, 50))
    spool = Spool(config.spool_dir, clock).open()
    given = {}

    def take(count):
        day = clock.now.date()
        for _ in range(count):
            number = spool.next_number()
            assert number not in given.setdefault(day, set()), f"{number} given twice on {day}"
            given[day].add(number)

    take(3)                                            # 23 Nov: 1, 2, 3
    clock.advance(minutes=15)
    take(2)                                            # 24 Nov: 1, 2
    clock.now = datetime(2026, 11, 23, 23, 58)         # NTP sets the clock back across midnight
    take(2)                                            # 23 Nov again: 4, 5
    clock.now = datetime(2026, 11, 24, 0, 20)          # and forward again
    take(2)                                            # 24 Nov: 3, 4
    assert given == {datetime(2026, 11, 23).date(): {1, 2, 3, 4, 5}, datetime(2026, 11, 24).date(): {1, 2, 3, 4}}


def test_times_are_stored_in_utc_with_their_offset(config):
    spool = Spool(config.spool_dir).open()
    job = spool.failed(spool.add("handout", b"%PDF", 1), "off")
    record = json.loads((spool.jobs_dir / f"{job.id}.json").read_text())
    assert record["created"].endswith("+00:00") and record["next_try"].endswith("+00:00")


# --- 5. SIGKILL at every step of a send ----------------------------------------------------------------------

KILLED_SENDER = """
import os, signal, sys
from pathlib import Path
from kiosk.config import PrinterSpec, SiteConfig
from kiosk.printing.cups import CupsPrinter
from kiosk.printing.desk import FrontDesk
from kiosk.printing.spool import Spool

step, spool_dir, queue = sys.argv[1:4]
die = lambda: os.kill(os.getpid(), signal.SIGKILL)


def after(owner, name, when=lambda *args, **kwargs: True):
    original = getattr(owner, name)

    def wrapper(*args, **kwargs):
        result = original(*args, **kwargs)
        if when(*args, **kwargs):
            die()
        return result
    setattr(owner, name, wrapper)


if step == "after_sending_written":
    after(Spool, "_write_meta", lambda self, job: job.state == "sending")
elif step == "inside_lp":         # lp is running (its own process) when the kiosk dies
    original_run = CupsPrinter._run
    def run(*command):
        if command[0] == "lp" and "hold" in command:
            import subprocess
            subprocess.Popen(command)
            die()
        return original_run(*command)
    CupsPrinter._run = staticmethod(run)
elif step == "after_lp_returned":
    after(CupsPrinter, "send")
elif step == "after_sent_written":
    after(Spool, "_write_meta", lambda self, job: job.state == "sent")
elif step == "after_release":
    after(CupsPrinter, "release")
elif step == "after_done_written":
    after(Spool, "_write_meta", lambda self, job: job.state == "done")
elif step == "after_document_put_away":
    after(Spool, "_put_away_document")

desk = FrontDesk(SiteConfig(spool_dir=Path(spool_dir), printer=PrinterSpec("cups", queue))).open()
while True:
    desk.service.run_once()
"""

KILL_STEPS = ["after_sending_written", "inside_lp", "after_lp_returned", "after_sent_written", "after_release",
              "after_done_written", "after_document_put_away"]


@pytest.mark.parametrize("step", KILL_STEPS)
def test_a_sender_killed_at_any_step_of_a_send_prints_the_document_exactly_once(cups, config, step):
    """Issue 16 item 5: a crash between handing a job to the printer and writing SENT printed it twice (5 in
    40 kills). The sender is SIGKILLed at one step of sending a handout, then a new sender takes over."""
    queue, output = cups.add_queue()
    desk = cups_desk(config, queue)
    desk.submit_handout(tagged_pdf(f"killed-{step}"), None, "en", "en")
    killed = subprocess.run([sys.executable, "-c", KILLED_SENDER, step, str(config.spool_dir), queue],
                            env=kiosk_env(cups), capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    run_until_done(desk)
    wait_for(lambda: printed_jobs(output), "the printer's copy")
    wait_for(lambda: cups.pending(queue) == [], "nothing left at CUPS")
    assert printed_tags(output) == Counter({f"killed-{step}": 1})
    assert list(desk.spool.jobs_dir.iterdir()) == []
    desk.service.release()


def test_staff_cancel_a_job_caught_mid_send_and_cups_gives_it_back(cups, config):
    """A job held at CUPS by a sender that died before recording it: Cancel on the staff panel takes it back
    (held, it would wait at CUPS for ever with its document)."""
    queue, output = cups.add_queue()
    desk = cups_desk(config, queue)
    job = desk.submit_handout(tagged_pdf("cancelled"), None, "en", "en").jobs[0]
    killed = subprocess.run([sys.executable, "-c", KILLED_SENDER, "after_lp_returned", str(config.spool_dir),
                             queue], env=kiosk_env(cups), capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert killed.returncode == -signal.SIGKILL and len(cups.pending(queue)) == 1
    assert desk.spool.get(job.id).state == SENDING
    desk.cancel(job.id)
    assert cups.pending(queue) == [] and printed_jobs(output) == []
    assert list(desk.spool.jobs_dir.iterdir()) == []


def test_two_sends_cut_short_are_not_taken_for_each_other(cups, config):
    """Found by killing the sender 100 times: one job cut short before `lp` (nothing at CUPS) and the next cut
    short after it (held at CUPS), both titled "document"; the first adopted the second's held job, so one
    document printed twice and the other never. Now nothing else is sent while a send is unresolved (so this
    state cannot arise from one spool), and a held job is adopted only by a document of its size."""
    from kiosk.printing import spool_time

    queue, output = cups.add_queue()
    desk = cups_desk(config, queue)
    before_lp = desk.submit("document", tagged_pdf("before-lp"))
    after_lp = desk.submit("document", tagged_pdf("after-lp", filler_lines=40))
    window = spool_time.to_text(desk.spool.now() + timedelta(seconds=20))
    desk.spool.update(before_lp, state=SENDING, next_try=window)
    desk.spool.update(after_lp, state=SENDING, next_try=window)
    CupsPrinter(queue).send(desk.spool.pdf_path(after_lp), "document")       # held at CUPS, never recorded
    run_until_done(desk)
    wait_for(lambda: len(printed_jobs(output)) >= 2, "both printed")
    wait_for(lambda: cups.pending(queue) == [], "nothing left at CUPS")
    assert printed_tags(output) == Counter({"before-lp": 1, "after-lp": 1})
    desk.service.release()


RANDOM_KILLS = 20
KIOSK_UNDER_FIRE = """
import sys
from pathlib import Path
from kiosk.config import PrinterSpec, SiteConfig
from kiosk.printing.desk import FrontDesk
spool_dir, queue = sys.argv[1:3]
desk = FrontDesk(SiteConfig(spool_dir=Path(spool_dir), printer=PrinterSpec("cups", queue)), poll_seconds=0.02).open()
print("up", flush=True)
desk.service._run()
"""


def test_a_kiosk_killed_at_random_moments_while_printing_loses_nothing_and_prints_nothing_twice(cups, config):
    """The issue's own attack, repeated: the kiosk's sender is SIGKILLed at a random moment while it sends,
    twenty times, each time with new documents waiting; then a last sender finishes."""
    import random

    queue, output = cups.add_queue()
    desk = cups_desk(config, queue)
    chance = random.Random(16)
    tags = []
    for kill in range(RANDOM_KILLS):
        for index in range(3):
            tags.append(f"k{kill}j{index}")
            desk.submit("document", tagged_pdf(tags[-1]))
        sender = subprocess.Popen([sys.executable, "-c", KIOSK_UNDER_FIRE, str(config.spool_dir), queue],
                                  env=kiosk_env(cups), stdout=subprocess.PIPE, text=True, cwd=ROOT)
        assert sender.stdout.readline().strip() == "up"
        time.sleep(chance.uniform(0.0, 0.6))
        sender.send_signal(signal.SIGKILL)
        sender.wait(60)
    run_until_done(desk)
    wait_for(lambda: len(printed_jobs(output)) >= len(tags), "every document printed")
    wait_for(lambda: cups.pending(queue) == [], "nothing left at CUPS")
    copies = printed_tags(output)
    assert copies == Counter({tag: 1 for tag in tags}), {tag: n for tag, n in copies.items() if n != 1}
    desk.service.release()
