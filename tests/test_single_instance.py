"""One kiosk per machine and spool (spec §6, issue 17 item 11): a second `kiosk run` says so and exits at once; the
lock is the OS's, so a kiosk killed with SIGKILL never keeps the next one out."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kiosk.single_instance import EXIT_ALREADY_RUNNING, LOCK_NAME, KioskLock
from tests.private_env import private_environment
from tests.ui.drive import EVENTUALLY_MS


def test_a_second_lock_on_the_same_folders_is_refused_until_the_first_is_released(tmp_path):
    first, second = KioskLock([tmp_path / "data", tmp_path / "spool"]), KioskLock([tmp_path / "spool"])
    assert first.acquire()
    assert not second.acquire() and second.taken_by_other == (tmp_path / "spool" / LOCK_NAME).resolve()
    first.release()
    assert second.acquire()
    second.release()


def kiosk(env, *args) -> list[str]:
    return [sys.executable, "-m", "kiosk", *args]


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX")
def test_a_second_kiosk_run_says_so_and_exits_and_a_killed_kiosk_frees_the_lock(tmp_path):
    env = private_environment(tmp_path / "xdg", QT_QPA_PLATFORM="offscreen")
    data = Path(env["XDG_DATA_HOME"]) / "clinic-kiosk"
    root = Path(__file__).resolve().parent.parent
    first = subprocess.Popen(kiosk(env, "run", "--windowed"), env=env, cwd=root, stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + EVENTUALLY_MS / 1000
        probe = KioskLock([data])
        while True:   # until the first kiosk holds its lock (a slow machine only waits longer)
            assert first.poll() is None, "the first kiosk stopped"
            if (data / LOCK_NAME).exists() and not probe.acquire():
                break
            probe.release()
            assert time.monotonic() < deadline, "the first kiosk never took its lock"
            time.sleep(0.1)

        second = subprocess.run(kiosk(env, "run", "--windowed"), env=env, cwd=root, capture_output=True, text=True)
        assert second.returncode == EXIT_ALREADY_RUNNING
        assert "Another kiosk is already running on this computer" in second.stderr
        assert first.poll() is None                                   # the first one goes on

        os.kill(first.pid, signal.SIGKILL)                            # a crash, as hard as it gets
        first.wait()
        after = KioskLock([data, data / "spool"])
        assert after.acquire()                                         # the OS freed it: the next start may run
        after.release()
    finally:
        if first.poll() is None:
            first.kill()
            first.wait()
