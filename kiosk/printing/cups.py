"""The `cups:QUEUE` printer (Linux, macOS): `lp` hands the PDF to CUPS, `lpstat` says when it has printed.

The command-line tools are used rather than a binding (decision 006): they ship with every CUPS client, find
the scheduler the same way as every other program (CUPS_SERVER, client.conf), and need nothing compiled.
Their output is read in the C locale. The job title is the handout number only (spec §6).
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

from kiosk.printing.printer import PrinterError, PrinterStatus

COMMAND_SECONDS = 15
_REQUEST_ID = re.compile(r"request id is (\S+)")


class CupsPrinter:
    def __init__(self, queue: str = ""):
        self.queue = queue  # empty: the CUPS default destination
        self.name = f"cups:{queue}" if queue else "cups (default destination)"

    def send(self, pdf: Path, title: str) -> str:
        """Hands the PDF to CUPS held (`-H hold`): it prints only once release() is called, after the spool has
        recorded its id. A crash before that leaves it held, where find_sent() finds it (decision 006)."""
        destination = ["-d", self.queue] if self.queue else []
        result = self._run("lp", *destination, "-t", title, "-H", "hold", "--", str(pdf))
        found = _REQUEST_ID.search(result.stdout) if result.returncode == 0 else None
        if found is None:
            raise PrinterError(self._why_refused(result))
        return found.group(1)

    def release(self, printer_job: str) -> None:
        result = self._run("lp", "-i", printer_job, "-H", "resume")
        if result.returncode != 0:
            raise PrinterError(f"CUPS did not release job {printer_job}: {_first_line(result.stderr)}")

    def is_done(self, printer_job: str) -> bool | None:
        """Done once CUPS no longer lists the job as not completed. If CUPS cannot be asked, not done yet:
        the job stays 'at the printer' and is asked about again. A job still held (its release failed, or
        the kiosk stopped between recording and releasing it) is released now."""
        jobs = self._pending()
        if jobs is None:
            return False
        if printer_job not in jobs:
            return True
        if jobs[printer_job]:
            try:
                self.release(printer_job)
            except PrinterError:
                pass
        return False

    def find_sent(self, pdf: Path, title: str, known: set[str]) -> str | None:
        """The held job with this title that no other spool job owns: one this kiosk handed over just before
        a crash. It is still held, so it has not printed; the sender records its id and releases it."""
        jobs = self._pending()
        if not jobs:
            return None
        held = {job_id for job_id, is_held in jobs.items() if is_held and job_id not in known}
        if not held:
            return None
        queue = self.queue or self._default_queue()
        lines = self._run("lpq", *(["-P", queue] if queue else [])).stdout.splitlines()[2:]
        size = _kilobytes(pdf)
        for line in lines:  # Rank Owner Job File(s) Total-Size "bytes"; a title may hold spaces
            parts = line.split(None, 3)
            if len(parts) != 4 or f"{queue}-{parts[2]}" not in held:
                continue
            name, total, _unit = parts[3].rsplit(None, 2)
            if name == title and (size is None or total == str(size * 1024)):  # CUPS counts whole kilobytes
                return f"{queue}-{parts[2]}"
        return None

    def cancel(self, printer_job: str) -> None:
        result = self._run("cancel", printer_job)
        if result.returncode != 0 and "not" not in result.stderr.lower():  # "job not found": already gone
            raise PrinterError(f"CUPS did not cancel job {printer_job}: {_first_line(result.stderr)}")

    def status(self) -> PrinterStatus:
        try:
            if not self._scheduler_running():
                return PrinterStatus(False, "CUPS (the print system) is not running")
            queue = self.queue or self._default_queue()
            if not queue:
                return PrinterStatus(False, "CUPS has no default printer: set printer: cups:QUEUE in the config")
            printer = self._run("lpstat", "-p", queue)
            if printer.returncode != 0:
                return PrinterStatus(False, f"CUPS has no printer named {queue} (see `kiosk printers`)")
            accepting = self._run("lpstat", "-a", queue)
        except PrinterError as error:
            return PrinterStatus(False, str(error))
        if " not accepting" in accepting.stdout:
            return PrinterStatus(False, f"{queue} is not accepting jobs{_reason(accepting.stdout)}")
        if " disabled" in printer.stdout:
            return PrinterStatus(False, f"{queue} is paused in CUPS{_reason(printer.stdout)}")
        ready = f"ready ({_first_line(printer.stdout)})"
        warning = keeps_printed_documents()  # on the staff panel's printer line too (issue 16 item 9)
        return PrinterStatus(True, f"{ready}. Warning: {warning}" if warning else ready)

    # --- inside -----------------------------------------------------------------------------------------

    def _why_refused(self, result: subprocess.CompletedProcess) -> str:
        """lp says "does not exist" for a stopped scheduler too: ask which it is, then say it plainly."""
        words = _first_line(result.stderr or result.stdout)
        if not self._scheduler_running():
            return "CUPS (the print system) is not running"
        if "does not exist" in words:
            return f"CUPS has no printer named {self.queue} (see `kiosk printers`)"
        if "not accepting" in words:
            return f"the printer {self.queue} is not accepting jobs (in CUPS)"
        if "no default destination" in words:
            return "CUPS has no default printer: set printer: cups:QUEUE in the config"
        return f"CUPS did not take the job: {words}"

    def _pending(self) -> dict[str, bool] | None:
        """The jobs CUPS has not completed in this queue, each with whether it is held; None if CUPS cannot
        be asked. `lpstat -l` puts a job's details on the tab-indented lines after it."""
        try:
            result = self._run("lpstat", "-l", "-o", *([self.queue] if self.queue else []))
        except PrinterError:
            return None
        if result.returncode != 0:
            return None
        jobs: dict[str, bool] = {}
        current = None
        for line in result.stdout.splitlines():
            if line.strip() and not line[0].isspace():
                current = line.split()[0]
                jobs[current] = False
            elif current is not None and "job-hold-until-specified" in line:
                jobs[current] = True
        return jobs

    def _scheduler_running(self) -> bool:
        return "scheduler is running" in self._run("lpstat", "-r").stdout

    def _default_queue(self) -> str:
        found = re.search(r"system default destination: (\S+)", self._run("lpstat", "-d").stdout)
        return found.group(1) if found else ""

    @staticmethod
    def _run(*command: str) -> subprocess.CompletedProcess:
        try:
            return subprocess.run(command, capture_output=True, text=True, timeout=COMMAND_SECONDS,
                                  env={**os.environ, "LC_ALL": "C", "LANG": "C"})
        except FileNotFoundError:
            raise PrinterError(f"the CUPS command `{command[0]}` is not installed (install cups-client)") from None
        except subprocess.TimeoutExpired:
            raise PrinterError(f"CUPS did not answer within {COMMAND_SECONDS} s") from None


def _kilobytes(pdf: Path) -> int | None:
    try:
        return (pdf.stat().st_size + 1023) // 1024
    except OSError:
        return None


def _first_line(text: str) -> str:
    return next((line.strip() for line in text.splitlines() if line.strip()), "no message")


def _reason(lpstat_output: str) -> str:
    """lpstat puts the reason a queue is stopped on the line after it."""
    lines = [line.strip() for line in lpstat_output.splitlines()[1:] if line.strip()]
    return f": {lines[0]}" if lines else ""


def keeps_printed_documents(environ=os.environ) -> str:
    """Staff words if this machine's CUPS keeps printed documents in its own spool ("" if not, or if that
    cannot be told). At its defaults CUPS keeps every job's file for a day (PreserveJobFiles 86400) after
    printing: the handout, with the patient's name, readable there long after the kiosk deleted its copy."""
    server = environ.get("CUPS_SERVER", "")
    if server and not server.startswith(("/", "localhost")):
        return ""  # another machine's CUPS: its settings cannot be read from here
    config = Path(environ.get("CUPS_SERVERROOT") or "/etc/cups") / "cupsd.conf"
    try:
        lines = config.read_text(errors="replace").splitlines()
    except OSError:
        return ""
    keep = "86400"
    for line in lines:
        words = line.split()
        if len(words) >= 2 and words[0].lower() == "preservejobfiles":
            keep = words[1]
    if keep.lower() in ("no", "off", "false", "0"):
        return ""
    return (f"CUPS keeps printed documents in its own spool (PreserveJobFiles {keep} in {config}); "
            "set PreserveJobFiles No there (docs/deploy.md)")


def list_queues() -> tuple[list[str], str]:
    """The CUPS queues and the default one (for `kiosk printers`); raises PrinterError if CUPS cannot be asked."""
    printer = CupsPrinter()
    if not printer._scheduler_running():
        raise PrinterError("CUPS (the print system) is not running")
    queues = printer._run("lpstat", "-e").stdout.split()
    return queues, printer._default_queue()
