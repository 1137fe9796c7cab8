"""The PyInstaller bundle, built from this checkout with kiosk.spec (once per test run, into a temporary
folder): it passes its own self-test, stays within its size budget, and takes content and config from
outside the bundle, so IT can update them without a rebuild."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.frozen_startup import bundle_bytes
from tests.private_env import private_environment

ROOT = Path(__file__).resolve().parent.parent
MAX_BUNDLE_BYTES = 150_000_000


@pytest.fixture(scope="session")
def bundle(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("pyinstaller")
    result = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--distpath", str(work / "dist"), "--workpath", str(work / "build"), str(ROOT / "kiosk.spec")],
        cwd=ROOT, capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stderr[-3000:]
    executable = work / "dist" / "kiosk" / ("kiosk.exe" if os.name == "nt" else "kiosk")
    assert executable.is_file()
    return executable


def frozen(executable: Path, *args: str, home: Path) -> subprocess.CompletedProcess:
    """The bundle as IT runs it: no venv, no source checkout on the path, private platform folders."""
    env = private_environment(home, leave_out=("PYTHONPATH", "VIRTUAL_ENV", "QT_QPA_PLATFORM"))
    return subprocess.run([str(executable), *args], capture_output=True, text=True, env=env, timeout=300,
                          cwd=home)


def test_the_bundle_passes_its_self_test(bundle, tmp_path):
    result = frozen(bundle, "self-test", home=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "(bundle at " in result.stdout and "self-test passed" in result.stdout
    from kiosk.ui.screenshot import SCREENS

    every_screen = len(SCREENS) * 2   # each screen kiosk screenshot knows, in English and in Spanish
    assert f"{every_screen} screens rendered" in result.stdout and "6 documents printed" in result.stdout


def test_the_bundle_is_within_its_size_budget(bundle):
    size = bundle_bytes(bundle)
    assert size <= MAX_BUNDLE_BYTES, f"{size / 1e6:.0f} MB"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ldd and the host's GTK are Linux matters")
def test_the_bundle_holds_no_library_that_nothing_in_it_needs(bundle):
    """Its contents must not depend on what else the build host has installed: with GTK 3 on the host,
    PyInstaller used to bring GTK's libraries in with the GTK theme plugin the spec drops (148 -> 159 MB)."""
    internal = bundle.parent / "_internal"
    libraries = {path.name for path in internal.rglob("lib*.so*")
                 if "/plugins/" not in path.as_posix() and ".cpython-" not in path.name
                 and not path.name.startswith("libpython") and not path.name.endswith(".abi3.so")}
    roots = [bundle, *(path for path in internal.rglob("*.so*") if path.name not in libraries)]
    needed = set()
    for root in roots:
        listed = subprocess.run(["ldd", str(root)], capture_output=True, text=True).stdout
        needed.update(line.split()[0] for line in listed.splitlines() if "=>" in line)
    assert sorted(libraries - needed) == []
    assert not [name for name in libraries if name.startswith(("libgtk", "libgdk-", "libepoxy"))]


def test_content_and_config_outside_the_bundle_override_the_built_in_ones(bundle, tmp_path):
    content = tmp_path / "site-content"
    shutil.copytree(bundle.parent / "_internal" / "content", content)
    explainer = content / "explainer.yaml"
    explainer.write_text(explainer.read_text(encoding="utf-8").replace("What is a leg cramp?",
                                                                       "What is a leg cramp, North lobby?", 1),
                         encoding="utf-8")
    config = tmp_path / "config.yaml"
    config.write_text(f'kiosk_name: "North lobby"\ncontent_dir: "{content.as_posix()}"\n', encoding="utf-8")
    checked = frozen(bundle, "check", "--config", str(config), home=tmp_path)
    assert checked.returncode == 0 and f"config: {config}" in checked.stdout, checked.stdout + checked.stderr
    text = frozen(bundle, "text", "--config", str(config), "--lang", "en", home=tmp_path)
    assert "What is a leg cramp, North lobby?" in text.stdout
    shown = frozen(bundle, "config", "--config", str(config), home=tmp_path)
    assert "kiosk_name: North lobby" in shown.stdout


def test_check_in_the_bundle_lists_problems_in_outside_content(bundle, tmp_path):
    content = tmp_path / "broken-content"
    shutil.copytree(bundle.parent / "_internal" / "content", content)
    survey = content / "survey.yaml"
    survey.write_text(survey.read_text(encoding="utf-8").replace('kind: "count"', 'kind: "counter"', 1),
                      encoding="utf-8")
    checked = frozen(bundle, "check", "--content", str(content), home=tmp_path)
    assert checked.returncode == 1
    assert "survey.yaml" in checked.stdout and "counter" in checked.stdout
    tested = frozen(bundle, "self-test", "--content", str(content), home=tmp_path)
    assert tested.returncode == 1 and "FAIL config and content" in tested.stdout
