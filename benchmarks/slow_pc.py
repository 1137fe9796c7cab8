"""The "slow PC" profile: a benchmark's process limited to half of one CPU core, like a lobby's Celeron or Atom.

Lobby kiosk PCs are often much slower than a developer's machine, so `python -m benchmarks --slow-pc` runs every
benchmark, baseline included (each measures its own in the same process), under this limit:
- a CPU cgroup with a quota of 50 ms per 100 ms period (cgroup v2 `cpu.max`, or v1 `cpu.cfs_quota_us`), which
  needs root and a writable cgroup file system; otherwise
- `taskset` onto CPU 0 beside a busy process pinned to the same CPU, which the scheduler shares about evenly.
`describe()` says which one a run used, for the figures' record.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

PERIOD_US = 100_000
QUOTA_US = 50_000           # half of one core
CGROUP_V2 = Path("/sys/fs/cgroup")
CGROUP_V1_CPU = Path("/sys/fs/cgroup/cpu")


def _make_cgroup() -> Path | None:
    name = f"kiosk-slow-pc-{os.getpid()}"
    controllers = CGROUP_V2 / "cgroup.controllers"
    try:
        if controllers.exists() and "cpu" in controllers.read_text().split():
            group = CGROUP_V2 / name
            group.mkdir()
            (group / "cpu.max").write_text(f"{QUOTA_US} {PERIOD_US}")
            return group
        if (CGROUP_V1_CPU / "cpu.cfs_quota_us").exists():
            group = CGROUP_V1_CPU / name
            group.mkdir()
            (group / "cpu.cfs_period_us").write_text(str(PERIOD_US))
            (group / "cpu.cfs_quota_us").write_text(str(QUOTA_US))
            return group
    except OSError:
        return None
    return None


@contextmanager
def limited():
    """Yields (prefix, preexec, description): run a command as `[*prefix, *command]` with `preexec_fn=preexec`
    to limit it to half of one core."""
    group = _make_cgroup() if sys.platform.startswith("linux") else None
    if group is not None:
        def join_group():
            (group / "cgroup.procs").write_text(str(os.getpid()))

        try:
            yield [], join_group, f"cgroup CPU quota {QUOTA_US // 1000} ms per {PERIOD_US // 1000} ms"
        finally:
            try:
                group.rmdir()
            except OSError:
                pass
        return
    if shutil.which("taskset") is None:
        raise SystemExit("the slow-PC profile needs root with a CPU cgroup, or taskset (util-linux)")
    busy = subprocess.Popen(["taskset", "-c", "0", sys.executable, "-c", "while True: pass"])
    try:
        yield ["taskset", "-c", "0"], None, "taskset CPU 0 shared with a busy process"
    finally:
        busy.kill()
        busy.wait()
