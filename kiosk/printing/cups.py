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
        destination = ["-d", self.queue] if self.queue else []
        result = self._run("lp", *destination, "-t", title, "--", str(pdf))
        found = _REQUEST_ID.search(result.stdout) if result.returncode == 0 else None
        if found is None:
            raise PrinterError(self._why_refused(result))
        return found.group(1)

    def is_done(self, printer_job: str) -> bool | None:
        """Done once CUPS no longer lists the job as not completed. If CUPS cannot be asked, not done yet:
        the job stays 'at the printer' and is asked about again."""
        try:
            result = self._run("lpstat", "-o", *([self.queue] if self.queue else []))
        except PrinterError:
            return False
        if result.returncode != 0:
            return False
        waiting = {line.split()[0] for line in result.stdout.splitlines() if line.strip()}
        return printer_job not in waiting

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
        return PrinterStatus(True, f"ready ({_first_line(printer.stdout)})")

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


def _first_line(text: str) -> str:
    return next((line.strip() for line in text.splitlines() if line.strip()), "no message")


def _reason(lpstat_output: str) -> str:
    """lpstat puts the reason a queue is stopped on the line after it."""
    lines = [line.strip() for line in lpstat_output.splitlines()[1:] if line.strip()]
    return f": {lines[0]}" if lines else ""


def list_queues() -> tuple[list[str], str]:
    """The CUPS queues and the default one (for `kiosk printers`); raises PrinterError if CUPS cannot be asked."""
    printer = CupsPrinter()
    if not printer._scheduler_running():
        raise PrinterError("CUPS (the print system) is not running")
    queues = printer._run("lpstat", "-e").stdout.split()
    return queues, printer._default_queue()
