"""A private CUPS scheduler for the tests: its own folder, socket and queues, leaving the machine's CUPS alone.

Each queue prints through the Generic PDF PPD's filters, like a real printer's queue, to the `kiosktest` backend
(cups_backend/kiosktest, installed in the scheduler's private ServerBin): every job becomes its own file in the
queue's folder, so a test reads what was printed with pdftotext and counts how many times a document came out.
File (`file://`) queues are not used: since Debian's CUPS 2.4.2-3+deb12u10 they print only to a file that
exists already, and they keep only the last job (docs/decisions/006-printing.md). CUPS filters and backends run
as the `lp` user, so the folder is made readable by it (a 0700 temp folder makes pdftopdf fail). See
../shared/notes/toolchain.md."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

PDF_PPD = "lsb/usr/cupsfilters/Generic-PDF_Printer-PDF.ppd"
SYSTEM_SERVER_BIN = Path("/usr/lib/cups")
TEST_BACKEND = Path(__file__).with_name("cups_backend") / "kiosktest"

CUPSD_CONF = """\
Listen {root}/cups.sock
LogLevel warn
ErrorPolicy retry-job
PreserveJobFiles No
PreserveJobHistory No
WebInterface No
Browsing No
<Location />
  Order allow,deny
  Allow all
</Location>
<Policy default>
  <Limit All>
    Order deny,allow
  </Limit>
</Policy>
"""

CUPS_FILES_CONF = """\
ServerBin {root}/lib
ServerRoot {root}/etc
RequestRoot {root}/spool
TempDir {root}/spool/tmp
CacheDir {root}/cache
StateDir {root}/state
AccessLog {root}/log/access_log
ErrorLog {root}/log/error_log
PageLog {root}/log/page_log
"""


class CupsServer:
    def __init__(self):
        cupsd = shutil.which("cupsd") or ("/usr/sbin/cupsd" if Path("/usr/sbin/cupsd").exists() else None)
        if cupsd is None or shutil.which("lpadmin") is None and not Path("/usr/sbin/lpadmin").exists():
            raise RuntimeError("CUPS is not installed (cupsd, lpadmin): install cups cups-client cups-bsd "
                               "printer-driver-cups-pdf, as .ci/run does. The printing tests need a real CUPS.")
        self.cupsd = cupsd
        self.lpadmin = shutil.which("lpadmin") or "/usr/sbin/lpadmin"
        self.root = Path(tempfile.mkdtemp(prefix="kiosk-cups-"))
        self.socket = self.root / "cups.sock"
        self.output = self.root / "out"
        for folder in ("etc/ppd", "spool/tmp", "cache", "state", "log", "out"):
            (self.root / folder).mkdir(parents=True, exist_ok=True)
        (self.root / "etc" / "cupsd.conf").write_text(CUPSD_CONF.format(root=self.root))
        (self.root / "etc" / "cups-files.conf").write_text(CUPS_FILES_CONF.format(root=self.root))
        self._make_server_bin()
        for folder, _, _ in os.walk(self.root):
            os.chmod(folder, 0o755)
        os.chmod(self.root / "spool" / "tmp", 0o1777)
        os.chmod(self.output, 0o1777)
        self.process: subprocess.Popen | None = None
        self._queues = 0

    def _make_server_bin(self) -> None:
        """The system's filters and helpers, and a backend folder holding only the test backend (a copy: CUPS
        runs a backend only if root owns it and nobody else can write it)."""
        server_bin = self.root / "lib"
        (server_bin / "backend").mkdir(parents=True)
        for entry in SYSTEM_SERVER_BIN.iterdir():
            if entry.name != "backend":
                (server_bin / entry.name).symlink_to(entry)
        backend = server_bin / "backend" / "kiosktest"
        shutil.copyfile(TEST_BACKEND, backend)
        os.chmod(backend, 0o755)

    @property
    def env(self) -> dict[str, str]:
        """Clients find the private scheduler (CUPS_SERVER) and its settings (CUPS_SERVERROOT: the kiosk reads
        cupsd.conf to warn when CUPS keeps printed documents)."""
        return {**os.environ, "CUPS_SERVER": str(self.socket), "CUPS_SERVERROOT": str(self.root / "etc"),
                "LC_ALL": "C"}

    def start(self) -> None:
        self.process = subprocess.Popen(
            [self.cupsd, "-f", "-c", str(self.root / "etc" / "cupsd.conf"),
             "-s", str(self.root / "etc" / "cups-files.conf")],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"cupsd stopped at once: {self.process.stderr.read().decode()[:500]}")
            if "scheduler is running" in self.run("lpstat", "-r").stdout:
                return
            time.sleep(0.05)
        raise RuntimeError("cupsd did not start within 60 s")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(10)
        self.process = None

    def close(self) -> None:
        self.stop()
        shutil.rmtree(self.root, ignore_errors=True)

    def add_queue(self, name: str | None = None) -> tuple[str, Path]:
        """A new PDF queue; returns its name and the folder its printed jobs land in (job-ID.pdf each)."""
        self._queues += 1
        name = name or f"Desk{self._queues}"
        output = self.output / name
        output.mkdir()
        os.chmod(output, 0o1777)
        self.run(self.lpadmin, "-p", name, "-v", f"kiosktest:{output}", "-E", "-m", PDF_PPD,
                 "-o", "PageSize=Letter", check=True)
        return name, output

    def run(self, *command: str, check: bool = False) -> subprocess.CompletedProcess:
        return subprocess.run(command, capture_output=True, text=True, env=self.env, check=check, timeout=30)

    def pending(self, queue: str) -> list[str]:
        """Job ids CUPS still holds for the queue (not yet printed)."""
        result = self.run("lpstat", "-o", queue)
        return [line.split()[0] for line in result.stdout.splitlines() if line.strip()]

    def titles(self, queue: str) -> list[str]:
        """The titles of the jobs waiting in the queue, as lpq shows them (its File(s) column)."""
        lines = self.run("lpq", "-P", queue).stdout.splitlines()
        return [line.split(None, 3)[3].rsplit(None, 2)[0] for line in lines[2:] if len(line.split()) >= 5]


def printed_jobs(output: Path, after: float = 0.0) -> list[Path]:
    """The jobs the queue has printed so far (complete files only, newer than `after`), oldest first."""
    jobs = [job for job in output.glob("job-*.pdf") if job.stat().st_mtime >= after]
    return sorted(jobs, key=lambda job: int(job.stem.removeprefix("job-")))


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


def printed_text(output: Path, timeout: float = 60.0, after: float = 0.0) -> str:
    """The text of every job the queue printed (newer than `after`), oldest first, once there is one. The
    timeout only bounds a test whose job never comes out: a slow machine waits, it does not fail."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        jobs = printed_jobs(output, after)
        if jobs:
            return "\n".join(pdf_text(job) for job in jobs)
        time.sleep(0.1)
    raise AssertionError(f"nothing was printed to {output} within {timeout} s")
