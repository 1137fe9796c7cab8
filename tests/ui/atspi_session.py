"""A kiosk on a real X server with a real accessibility bus, read as a screen reader reads it.

Xvfb on a free display, a private D-Bus session, the AT-SPI bus launcher (at-spi2-core), and `kiosk run`
with QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1 (Qt then puts its tree on the bus without a screen reader asking).
tests/ui/atspi_reader.py, under the system's Python with Debian's pyatspi, reads the tree, presses buttons
through their accessible actions, and collects the events (announcements, focus) the kiosk sends.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from tests.private_env import private_environment

READER = Path(__file__).with_name("atspi_reader.py")
SYSTEM_PYTHON = "/usr/bin/python3"   # Debian's python3-pyatspi is for the system's Python
BUS_LAUNCHER = "/usr/libexec/at-spi-bus-launcher"


def free_display() -> int:
    for number in range(90, 200):
        if not Path(f"/tmp/.X11-unix/X{number}").exists() and not Path(f"/tmp/.X{number}-lock").exists():
            return number
    raise RuntimeError("no free X display number")


class AtspiKiosk:
    """`with AtspiKiosk(home, size) as kiosk: kiosk.read("tree", "press", "Start my check", ...)`"""

    def __init__(self, home: Path, size: tuple[int, int] = (1280, 800), config_text: str = ""):
        self.home, self.size = home, size
        self.config_text = config_text
        self.processes: list[subprocess.Popen] = []

    def __enter__(self) -> AtspiKiosk:
        self.home.mkdir(parents=True, exist_ok=True)
        display = free_display()
        width, height = self.size
        self._start(["Xvfb", f":{display}", "-screen", "0", f"{width}x{height}x24", "-nolisten", "tcp"])
        deadline = time.monotonic() + 60
        while not Path(f"/tmp/.X11-unix/X{display}").exists():
            if time.monotonic() > deadline:
                raise RuntimeError("Xvfb did not start")
            time.sleep(0.05)
        bus = self._start(["dbus-daemon", "--session", "--nofork", "--print-address=1"], stdout=subprocess.PIPE)
        address = bus.stdout.readline().strip()
        config = self.home / "config.yaml"
        config.write_text(f"log_dir: {self.home / 'log'}\nspool_dir: {self.home / 'spool'}\n"
                          f"printer: folder:{self.home / 'printed'}\n{self.config_text}", encoding="utf-8")
        self.env = private_environment(self.home, leave_out=("QT_QPA_PLATFORM",), DISPLAY=f":{display}",
                                       DBUS_SESSION_BUS_ADDRESS=address, HOME=str(self.home),
                                       QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1", QT_QPA_PLATFORM="xcb",
                                       NO_AT_BRIDGE="0")
        self._start([BUS_LAUNCHER, "--launch-immediately"], env=self.env)
        self.kiosk = self._start([sys.executable, "-m", "kiosk", "run", "--windowed", "--config", str(config)],
                                 env=self.env, stderr=subprocess.PIPE)
        return self

    def _start(self, command: list[str], env=None, **streams) -> subprocess.Popen:
        streams.setdefault("stdout", subprocess.DEVNULL)
        streams.setdefault("stderr", subprocess.DEVNULL)
        process = subprocess.Popen(command, env=env or os.environ, text=True, **streams)
        self.processes.append(process)
        return process

    def read(self, *commands: str) -> list[dict]:
        """Runs the reader with these commands; one dict per command that prints."""
        result = subprocess.run([SYSTEM_PYTHON, str(READER), "clinic-kiosk", *commands], env=self.env,
                                capture_output=True, text=True, timeout=300)
        assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
        return [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]

    def reader(self) -> Reader:
        """One reader for the whole session, asked one command at a time (it keeps every event it receives)."""
        process = self._start([SYSTEM_PYTHON, str(READER), "clinic-kiosk", "serve"], env=self.env,
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        return Reader(process)

    def __exit__(self, *exc) -> None:
        for process in reversed(self.processes):
            if process.poll() is None:
                process.terminate()
                try:
                    process.wait(10)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()


class Reader:
    """`reader.ask("press", "Next")` -> the reader's answer (a dict); see atspi_reader.py's `serve`."""

    def __init__(self, process: subprocess.Popen):
        self.process = process

    def ask(self, *command) -> dict:
        self.process.stdin.write(json.dumps([str(part) for part in command]) + "\n")
        self.process.stdin.flush()
        line = self.process.stdout.readline()
        if not line:
            raise RuntimeError(f"the AT-SPI reader stopped: {self.process.stderr.read()[-2000:]}")
        return json.loads(line)


def actionable(tree: list[dict]) -> list[dict]:
    return [node for node in tree if node["actionable"]]
