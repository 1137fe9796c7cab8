"""The environment for running the kiosk in a child process as a fresh machine would: every platform folder
(config, data, state, cache, and the machine-wide config search path) private under one folder, and no
KIOSK_CONFIG from the developer's shell. Used by the CLI tests, the bundle's tests and its startup benchmark."""

from __future__ import annotations

import os
from pathlib import Path

XDG_FOLDERS = ("XDG_CONFIG_HOME", "XDG_CONFIG_DIRS", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME")


def private_environment(home: Path, *, leave_out: tuple[str, ...] = (), **settings: str) -> dict[str, str]:
    """This process's environment with the platform folders under `home`, KIOSK_CONFIG and `leave_out`
    removed, and `settings` added."""
    dropped = {"KIOSK_CONFIG", *leave_out}
    env = {key: value for key, value in os.environ.items() if key not in dropped}
    env.update({name: str(home / name.lower()) for name in XDG_FOLDERS})
    env.update(settings)
    return env
