"""Developer entry point, the same on Linux, macOS and Windows:

    python3 dev.py run      start the kiosk (a window unless there is a touch screen)
    python3 dev.py test     run the whole test suite (it builds the PyInstaller bundle once, to test it)
    python3 dev.py test TIER [TIER ...]
                            run one or more tiers: pure (no widgets, no CUPS), ui (real widgets offscreen),
                            cups (a private CUPS scheduler), bundle (builds and tests the PyInstaller bundle)
    python3 dev.py build    build the PyInstaller bundle for this OS into dist/kiosk/ (docs/deploy.md)

Each first checks the system packages it needs (tools/system_packages.py): on Debian or Ubuntu it installs the
missing ones when it can (as root, or through sudo without a password prompt) and otherwise stops with the exact
command to run. Then it makes ./.venv with Python 3.12 or newer (found on PATH if this interpreter is older; see
docs/decisions/004-python-3.12.md) and installs the project with its test and build extras, and again
whenever pyproject.toml changes. Extra arguments go to the kiosk, to pytest or to PyInstaller.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT / "tools"))
import system_packages  # noqa: E402 (found through the line above; the standard library only)

VENV = ROOT / ".venv"
MINIMUM = (3, 12)
CANDIDATES = ["python3.14", "python3.13", "python3.12"]


def is_new_enough(command: list[str]) -> bool:
    check = f"import sys; sys.exit(sys.version_info < {MINIMUM})"
    try:
        return subprocess.run([*command, "-c", check], capture_output=True).returncode == 0
    except OSError:
        return False


def candidate_interpreters() -> list[list[str]]:
    """Newest first: this Python, pythonX.Y on PATH, pyenv's installed versions, the Windows launcher."""
    found = [[sys.executable]]
    found += [[path] for name in CANDIDATES if (path := shutil.which(name))]
    pyenv_root = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv"))
    versions = (pyenv_root / "versions").glob("3.*")
    for version in sorted(versions, reverse=True, key=lambda p: [int(x) for x in p.name.split(".") if x.isdigit()]):
        python = version / "bin" / "python3"
        if python.exists():
            found.append([str(python)])
    if os.name == "nt" and shutil.which("py"):
        found += [["py", f"-{version}"] for version in ("3.14", "3.13", "3.12")]
    return found


def base_interpreter() -> list[str]:
    """A Python 3.12+ to build the venv with (docs/decisions/004-python-3.12.md)."""
    for command in candidate_interpreters():
        if is_new_enough(command):
            return command
    raise SystemExit("The kiosk needs Python 3.12 or newer, and none was found. Install it (python.org, or "
                     "`pyenv install 3.12`), then run this again.")


def venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def ensure_environment() -> Path:
    python = venv_python()
    stamp = VENV / ".installed-from"
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if python.exists() and not is_new_enough([str(python)]):
        print("The existing .venv uses an older Python; making a new one ...", flush=True)
        shutil.rmtree(VENV)
    if not python.exists():
        print("Creating .venv ...", flush=True)
        subprocess.run([*base_interpreter(), "-m", "venv", str(VENV)], check=True)
    if not stamp.exists() or stamp.read_text().strip() != wanted:
        print("Installing the kiosk and its test and build tools into .venv ...", flush=True)
        subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--upgrade", "pip"], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "--quiet", "-e", f"{ROOT}[test,build]"], check=True)
        stamp.write_text(wanted)
    return python


TIER_RANK = ("bundle", "cups", "ui", "pure")   # a test in two tiers (a ui module's CUPS test) runs in the first


def tier_selection(tiers: list[str]) -> list[str]:
    """pytest's -m for the chosen tiers, each without the tests that a higher-ranked tier owns."""
    if not tiers:
        return []
    clauses = []
    for tier in tiers:
        above = TIER_RANK[:TIER_RANK.index(tier)]
        clauses.append("(" + " and not ".join((tier, *above)) + ")")
    return ["-m", " or ".join(clauses)]


def split_tiers(arguments: list[str]) -> tuple[list[str], list[str]]:
    """Leading tier names, then the rest (for pytest)."""
    tiers = []
    while arguments and arguments[0] in system_packages.FOR_TIER:
        tiers.append(arguments.pop(0))
    return tiers, arguments


def main(argv: list[str]) -> int:
    command, rest = (argv[0], argv[1:]) if argv else ("run", [])
    if command not in ("run", "test", "build"):
        print(__doc__)
        return 2
    tiers, rest = split_tiers(list(rest)) if command == "test" else ([], rest)
    needs = system_packages.FOR_COMMAND[command] if not tiers else \
        tuple(dict.fromkeys(need for tier in tiers for need in system_packages.FOR_TIER[tier]))
    system_packages.ensure(needs)
    python = str(ensure_environment())
    if command == "run":
        return subprocess.call([python, "-m", "kiosk", "run", *rest], cwd=ROOT)
    if command == "build":
        return subprocess.call([python, "-m", "PyInstaller", "--noconfirm", *rest, "kiosk.spec"], cwd=ROOT)
    return subprocess.call([python, "-m", "pytest", *tier_selection(tiers), *rest], cwd=ROOT)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
