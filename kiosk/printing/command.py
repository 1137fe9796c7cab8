"""`kiosk printers`, `kiosk print FILE.pdf`, `kiosk queue list|retry|purge`: printing from a terminal, for IT and
the front desk. They read only the site config (never the content), and share the kiosk's spool: when the
kiosk is running it is the spool's sender, and these commands leave the sending to it."""

from __future__ import annotations

import logging
import os
import sys
from dataclasses import replace
from pathlib import Path

from kiosk.config import PrinterSpecError, SiteConfig, find_config_file, load_config, parse_printer
from kiosk.printing.desk import FrontDesk
from kiosk.printing.job_words import local_clock_time, state_words
from kiosk.printing.printer import PrinterError, make_printer
from kiosk.printing.spool import DONE, FAILED, SENT, Job, SpoolError
from kiosk.problems import format_report

SEND_SECONDS = 10

# The commands say what happened in their own words; the service's log lines are for the kiosk's log file.
logging.getLogger("kiosk").addHandler(logging.NullHandler())


def load_site_config(config_arg) -> SiteConfig | None:
    config, problems = load_config(find_config_file(config_arg))
    if problems:
        print(format_report(problems), file=sys.stderr)
        return None
    return config


def cmd_printers(args) -> int:
    config = load_site_config(args.config)
    if config is None:
        return 2
    _headless_qt()
    status = make_printer(config.printer).status()
    print(f"Configured printer: {config.printer}: {status.words}")
    try:
        from kiosk.printing.cups import keeps_printed_documents, list_queues

        warning = keeps_printed_documents()
        if warning:
            print(f"Warning: {warning}")

        queues, default = list_queues()
        names = [f"{queue} (default)" if queue == default else queue for queue in queues]
        print(f"CUPS queues: {', '.join(names) or 'none'}   -> printer: cups:QUEUE")
    except PrinterError as error:
        print(f"CUPS: {error}")
    from kiosk.printing.qt_printer import list_printers

    printers, default = list_printers()
    names = [f"{name} (default)" if name == default else name for name in printers]
    print(f"System printers (Qt): {', '.join(names) or 'none'}   -> printer: qt:NAME")
    return 0


def cmd_print(args) -> int:
    config = load_site_config(args.config)
    if config is None:
        return 2
    pdf = Path(args.file)
    try:
        data = pdf.read_bytes()
    except OSError as error:
        print(f"Cannot read {pdf}: {error.strerror}", file=sys.stderr)
        return 2
    if not data.startswith(b"%PDF"):
        print(f"{pdf} is not a PDF file.", file=sys.stderr)
        return 2
    if args.printer:
        try:
            config = replace(config, printer=parse_printer(args.printer, Path.cwd()))
        except PrinterSpecError as error:
            print(f"--printer: {error.message}. {error.fix}", file=sys.stderr)
            return 2
    desk = _open(config)
    if desk is None:
        return 2
    try:
        job = desk.submit("document", data)
    except OSError as error:
        print(f"The print spool {config.spool_dir} could not take {pdf.name} ({_why(error)}): it was not "
              "queued. Free space on that disk (or make it writable), then print it again.", file=sys.stderr)
        return 2
    print(f"Queued as job {job.id} in {config.spool_dir}.")
    _send_and_report(desk, [job.id])
    return 0  # the job is safe in the spool, printed or not


def cmd_queue(args) -> int:
    config = load_site_config(args.config)
    if config is None:
        return 2
    desk = _open(config)
    if desk is None:
        return 2
    if args.action == "list":
        jobs = desk.jobs()
        print(f"{len(jobs)} job(s) in {config.spool_dir}; printer {config.printer}")
        for job in jobs:
            print(_job_line(job))
        for notice in desk.notices():
            print(f"Warning: {notice}")
        return 0
    if args.action == "retry":
        try:
            retried = desk.retry_all()
        except OSError as error:
            print(f"The print spool {config.spool_dir} cannot be written ({_why(error)}): the jobs wait as they "
                  "are, and are sent once it can.", file=sys.stderr)
            return 2
        print(f"{len(retried)} job(s) to send again.")
        _send_and_report(desk, [job.id for job in retried])
        return 0
    if args.all and desk.service.lock.acquire() is False:
        print("The kiosk is running and sending from this spool: stop it first, then purge --all.",
              file=sys.stderr)
        return 1
    print(f"Deleted {desk.purge(everything=args.all)} job(s).")
    desk.service.release()
    return 0


def _why(error: OSError) -> str:
    return error.strerror or type(error).__name__


def _open(config: SiteConfig) -> FrontDesk | None:
    _headless_qt()
    try:
        return FrontDesk(config).open()
    except SpoolError as error:
        print(str(error), file=sys.stderr)
        return None


def _send_and_report(desk: FrontDesk, job_ids: list[str]) -> None:
    if not desk.send_now(SEND_SECONDS):
        print("The kiosk is running: it sends the jobs itself within a few seconds.")
        return
    for job_id in job_ids:
        job = desk.spool.get(job_id)
        if job is None or job.state == DONE:
            print(f"{job_id}: printed ({desk.printer.name}).")
        elif job.state == SENT:
            print(f"{job_id}: handed to {desk.printer.name} (its job {job.printer_job}); still printing.")
        elif job.state == FAILED:
            print(f"{job_id}: not printed yet: {job.reason}. It waits in the spool; the kiosk tries again "
                  "(or run `kiosk queue retry`).")
        else:
            print(f"{job_id}: {job.state}.")


def _job_line(job: Job) -> str:
    """The id, when it was spooled (local time), the language, and the state as staff see it on the panel
    (a job that failed a try is waiting for the next one, at the time shown)."""
    return f"{job.id:32} {local_clock_time(job.created)}  {job.language or '-':2}  {state_words(job)}"


def _headless_qt() -> None:
    """`qt:` printers need a Qt application; on a Linux machine with no display, one that draws nowhere."""
    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
