"""Developer entry point, the same on Linux, macOS and Windows:

    python3 dev.py run      start the kiosk (a window unless there is a touch screen)
    python3 dev.py test     run the whole test suite

Both first make ./.venv and install the project with its test extra, and again whenever pyproject.toml
changes. Extra arguments go to the kiosk or to pytest.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"


def venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def ensure_environment() -> Path:
    python = venv_python()
    stamp = VENV / ".installed-from"
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if not python.exists():
        print("Creating .venv ...", flush=True)
        venv.create(VENV, with_pip=True)
    if not stamp.exists() or stamp.read_text().strip() != wanted:
        print("Installing the kiosk and its test tools into .venv ...", flush=True)
        subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--upgrade", "pip"], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "--quiet", "-e", f"{ROOT}[test]"], check=True)
        stamp.write_text(wanted)
    return python


def main(argv: list[str]) -> int:
    command, rest = (argv[0], argv[1:]) if argv else ("run", [])
    if command not in ("run", "test"):
        print(__doc__)
        return 2
    python = str(ensure_environment())
    if command == "run":
        return subprocess.call([python, "-m", "kiosk", "run", *rest], cwd=ROOT)
    return subprocess.call([python, "-m", "pytest", *rest], cwd=ROOT)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
